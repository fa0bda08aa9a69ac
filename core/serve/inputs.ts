// How LoRAX's `inputs` string becomes an artifact's input. A LoRAX client sends the prompt already
// rendered with the fine-tune's template, so for an artifact whose spec has `prompt.template` the text
// is matched against the template's literal parts and each field's text is read back (inverting
// compileTemplate). Then:
//   - string-shaped input: the template's one field, else `inputs` itself;
//   - object-shaped input: the template's fields (typed by the shape), else `inputs` as a JSON object
//     of the fields, e.g. {"utterance": "...", "requested_slots": "..."}.
// Anything else is a 422 validation error saying which forms are accepted.
import type { Input } from '../runtime/types.ts';
import { parseTemplate, templateMatcher } from '../prompt/index.ts';
import { checkShape } from '../seeds/index.ts';
import type { Shape } from '../spec/index.ts';
import { validationError } from './errors.ts';

export type InputMapper = (inputs: string) => Input;

/** Field text back to the type the shape names (the template wrote Python's str() of the value). */
function typed(text: string, type: string): unknown {
  if (type === 'number' || type === 'integer') {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') {
    if (/^(true|True)$/.test(text.trim())) return true;
    if (/^(false|False)$/.test(text.trim())) return false;
    return text;
  }
  if (type === 'object' || type === 'array') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Build the mapper for one artifact from its spec's input shape and prompt template. */
export function inputMapper(name: string, shape: Shape, template: string | undefined): InputMapper {
  const parsed = template ? parseTemplate(template) : undefined;
  const match = parsed ? templateMatcher(parsed) : undefined;
  const fields = typeof shape === 'string' ? [] : Object.keys(shape);
  const head = parsed?.parts[0]?.kind === 'literal' ? parsed.parts[0].text : '';

  if (typeof shape === 'string') {
    const column = parsed?.columns.length === 1 ? parsed.columns[0]! : undefined;
    return (inputs) => {
      if (match && column !== undefined) {
        const got = match(inputs);
        if (got && got[column] !== undefined) return got[column]!;
      }
      return inputs;
    };
  }

  return (inputs) => {
    if (match) {
      const got = match(inputs);
      if (got) {
        const value: Record<string, unknown> = {};
        for (const f of fields) if (got[f] !== undefined) value[f] = typed(got[f]!, shape[f]!);
        if (checkShape('inputs', value, shape).length === 0) return value;
      }
    }
    const trimmed = inputs.trimStart();
    if (trimmed.startsWith('{')) {
      let value: unknown;
      try {
        value = JSON.parse(inputs);
      } catch (err) {
        throw validationError(`\`inputs\` looks like a JSON object but is not valid JSON (${(err as Error).message})`);
      }
      const problems = checkShape('inputs', value, shape);
      if (problems.length) throw validationError(`${problems.join('; ')} (artifact ${name})`);
      return value as Input;
    }
    const rendered = parsed ? `the prompt rendered from its template (starting ${JSON.stringify(head.slice(0, 40))}) or ` : '';
    throw validationError(`artifact ${name} takes an object input; send ${rendered}a JSON object of its fields (${fields.join(', ')}) as \`inputs\``);
  };
}

/** generated_text for an output: strings as they are, anything else as JSON text. */
export function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  return JSON.stringify(output) ?? 'null';
}
