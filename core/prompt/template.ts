// Ludwig prompt templates: the subset of Python `str.format` that Ludwig accepts (ludwig-peft.md §1.3, §7.3).
// This file holds the template's vocabulary (parsed shapes, special fields, Ludwig's column renaming) and
// writing a parsed template back as text; parse.ts reads template text, render.ts fills it per row, and
// python-format.ts writes values the way Python's `str.format` does.

/** Fields Ludwig fills itself rather than from a dataset column. */
export const SAMPLE_FIELD = '__sample__';
export const TASK_FIELD = '__task__';
export const CONTEXT_FIELD = '__context__';
export const SPECIAL_FIELDS: readonly string[] = [SAMPLE_FIELD, TASK_FIELD, CONTEXT_FIELD];

/** Ludwig's template when `prompt.task` is set without `prompt.template` (zero-shot, no retrieval). */
export const DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE =
  'SAMPLE INPUT: {__sample__}\n\nUSER: Complete the following task: {__task__}\n\nASSISTANT:\n';

/** A `{name:.2f}`-style spec: Ludwig casts the value to float and formats it with Python's `f` type. */
export interface FloatSpec {
  source: string;
  fill: string;
  align: '<' | '>' | '=' | '^' | undefined;
  sign: '+' | '-' | ' ';
  noNegativeZero: boolean;
  alternate: boolean;
  width: number;
  grouping: ',' | '_' | undefined;
  precision: number;
  upper: boolean;
}

export type TemplatePart =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; name: string; offset: number; spec?: FloatSpec };

export interface ParsedTemplate {
  source: string;
  parts: TemplatePart[];
  /** Every distinct field, in order of first use (special fields included). */
  fields: string[];
  /** The fields that are dataset columns (special fields excluded), in order of first use. */
  columns: string[];
}

// Ludwig's get_sanitized_feature_name: re.sub(r"[(){}.:\"\"\'\'\[\]]", "_", name). Dataset columns and
// feature names are renamed with it before templates are rendered; template text is not.
const SANITIZE = /[(){}.:"'[\]]/g;
const NEEDS_SANITIZING = /[(){}.:"'[\]]/;

/** A column name as Ludwig renames it before formatting prompts (`a.b` → `a_b`). */
export function sanitizeColumnName(name: string): string {
  return name.replace(SANITIZE, '_');
}

/** True when Ludwig would rename `name`, so a template field spelled so can never resolve. */
export function needsSanitizing(name: string): boolean {
  return NEEDS_SANITIZING.test(name);
}

/** Text that renders as itself inside a template (braces doubled). */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/[{}]/g, (c) => c + c);
}

/**
 * Write a parsed template back as template text, with some fields replaced by fixed text (escaped so it
 * renders as itself). Used to inline `{__task__}` and `{__context__}` so a spec's template reads only columns.
 */
export function rebuildTemplate(parsed: ParsedTemplate, replacements: Readonly<Record<string, string>> = {}): string {
  let out = '';
  for (const part of parsed.parts) {
    if (part.kind === 'literal') out += escapeTemplateLiteral(part.text);
    else if (Object.prototype.hasOwnProperty.call(replacements, part.name)) out += escapeTemplateLiteral(replacements[part.name]!);
    else out += `{${part.name}${part.spec ? `:${part.spec.source}` : ''}}`;
  }
  return out;
}
