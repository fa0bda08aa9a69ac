// Ludwig prompt templates: parsing (parse.ts), rendering per row (render.ts), the Python formatting that
// rendering needs (python-format.ts), the shared shapes (template.ts) and the inverse (match.ts).
export { parseTemplate, templateFields } from './parse.ts';
export { compileTemplate, renderTemplate } from './render.ts';
export { formatFloat, fixedDigits } from './python-format.ts';
export {
  sanitizeColumnName,
  escapeTemplateLiteral,
  rebuildTemplate,
  SAMPLE_FIELD,
  TASK_FIELD,
  CONTEXT_FIELD,
  SPECIAL_FIELDS,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
} from './template.ts';
export type { ParsedTemplate, TemplatePart, FloatSpec } from './template.ts';
export type { TemplateInput, RenderOptions, RenderFn } from './render.ts';
export { templateMatcher } from './match.ts';
