// Filling a parsed template per row (at serve time, per request): a compiled render function resolves each
// field against the input and writes it as Python would.
import { KolmError } from '../errors.ts';
import { parseTemplate } from './parse.ts';
import { formatFloat, pythonJsonSample, pythonStr, toPythonFloat } from './python-format.ts';
import { CONTEXT_FIELD, SAMPLE_FIELD, TASK_FIELD, type ParsedTemplate } from './template.ts';

/**
 * The value of one input row: one value (usually a string) when the template reads one column, else an
 * object keyed by column.
 */
export type TemplateInput = string | number | boolean | null | Readonly<Record<string, unknown>>;

export interface RenderOptions {
  /** Value of `{__task__}` (Ludwig's `prompt.task`). */
  task?: string;
  /** Value of `{__context__}` (retrieved examples); Ludwig renders it empty without retrieval. */
  context?: string;
  /** Which field of an object input `{__sample__}` reads (a string input is the sample itself). */
  sampleField?: string;
  /**
   * Text for a null or undefined cell. Ludwig reads CSV cells as pandas objects where an empty cell is NaN,
   * which `str.format` writes as "nan"; that is what an imported adapter saw in training.
   */
  nullText?: string;
}

export type RenderFn = (input: TemplateInput) => string;

/**
 * Pre-compile a template into a render function. Fields are resolved against the input at render time;
 * a missing field is E_BAD_INPUT naming it.
 */
export function compileTemplate(template: string | ParsedTemplate, options: RenderOptions = {}): RenderFn {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const nullText = options.nullText ?? 'nan';
  const columns = parsed.columns;
  const singleColumn = columns.length === 1 ? columns[0]! : undefined;
  const parts = parsed.parts;
  const count = parts.length;

  const valueOf = (input: TemplateInput, name: string): unknown => {
    if (name === TASK_FIELD) {
      if (options.task === undefined) throw missing(name, 'the template reads {__task__} but no task was given');
      return options.task;
    }
    if (name === CONTEXT_FIELD) return options.context ?? '';
    if (name === SAMPLE_FIELD) {
      if (!isRecord(input)) return pythonJsonSample(input);
      const raw = input[options.sampleField ?? singleColumn ?? ''];
      if (!(options.sampleField ?? singleColumn)) {
        throw missing(name, 'the template reads {__sample__} from an object input but no sample field was given');
      }
      return pythonJsonSample(raw);
    }
    if (!isRecord(input)) {
      if (singleColumn !== undefined) return input;
      throw missing(name, `the input is one value but the template reads ${columns.length} columns (${columns.join(', ')})`);
    }
    if (!Object.prototype.hasOwnProperty.call(input, name)) {
      throw missing(name, `the input has no field "${name}" (it has: ${Object.keys(input).join(', ') || 'no fields'})`);
    }
    return input[name];
  };

  return (input: TemplateInput): string => {
    let out = '';
    for (let k = 0; k < count; k++) {
      const part = parts[k]!;
      if (part.kind === 'literal') {
        out += part.text;
        continue;
      }
      const value = valueOf(input, part.name);
      out += part.spec ? formatFloat(toPythonFloat(value, part.name), part.spec) : pythonStr(value, nullText);
    }
    return out;
  };
}

/** Render a template once. For many rows, use `compileTemplate` and call the result. */
export function renderTemplate(template: string | ParsedTemplate, input: TemplateInput, options: RenderOptions = {}): string {
  return compileTemplate(template, options)(input);
}

function isRecord(input: TemplateInput): input is Readonly<Record<string, unknown>> {
  return typeof input === 'object' && input !== null;
}

function missing(field: string, why: string): KolmError {
  return new KolmError('E_BAD_INPUT', `cannot render template field {${field}}: ${why}`, {
    hint: 'give the input the fields the spec prompt template reads',
    details: { field },
  });
}
