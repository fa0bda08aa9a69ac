// core/prompt/template.ts
var SAMPLE_FIELD = "__sample__";
var TASK_FIELD = "__task__";
var CONTEXT_FIELD = "__context__";
var SPECIAL_FIELDS = [SAMPLE_FIELD, TASK_FIELD, CONTEXT_FIELD];
var DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE = "SAMPLE INPUT: {__sample__}\n\nUSER: Complete the following task: {__task__}\n\nASSISTANT:\n";
var SANITIZE = /[(){}.:"'[\]]/g;
var NEEDS_SANITIZING = /[(){}.:"'[\]]/;
function sanitizeColumnName(name) {
  return name.replace(SANITIZE, "_");
}
function needsSanitizing(name) {
  return NEEDS_SANITIZING.test(name);
}
function escapeTemplateLiteral(text) {
  return text.replace(/[{}]/g, (c) => c + c);
}
function rebuildTemplate(parsed, replacements = {}) {
  let out = "";
  for (const part of parsed.parts) {
    if (part.kind === "literal") out += escapeTemplateLiteral(part.text);
    else if (Object.prototype.hasOwnProperty.call(replacements, part.name)) out += escapeTemplateLiteral(replacements[part.name]);
    else out += `{${part.name}${part.spec ? `:${part.spec.source}` : ""}}`;
  }
  return out;
}

export {
  SAMPLE_FIELD,
  TASK_FIELD,
  CONTEXT_FIELD,
  SPECIAL_FIELDS,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  sanitizeColumnName,
  needsSanitizing,
  rebuildTemplate
};
