export {
  parseTemplate,
  templateFields,
  compileTemplate,
  renderTemplate,
  sanitizeColumnName,
  escapeTemplateLiteral,
  rebuildTemplate,
  formatFloat,
  fixedDigits,
  SAMPLE_FIELD,
  TASK_FIELD,
  CONTEXT_FIELD,
  SPECIAL_FIELDS,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
} from './template.ts';
export type { ParsedTemplate, TemplatePart, FloatSpec, TemplateInput, RenderOptions, RenderFn } from './template.ts';
export { templateMatcher } from './match.ts';
