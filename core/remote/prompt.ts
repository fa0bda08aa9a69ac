// What the remote side receives for a case: the input rendered through the spec's prompt template (the
// adapter was fine-tuned on that text, lorax-api.md §7: "include the prompt template used for fine-tuning
// in the inputs") and the generation parameters from the spec, overridden by flags.
import { compileTemplate, type RenderFn, type TemplateInput } from '../prompt/index.ts';
import type { Spec } from '../spec/index.ts';
import type { RemoteParameters } from './types.ts';

/**
 * A render function for the spec: the prompt template when there is one; otherwise a string input is sent
 * as is and an object input as its JSON (a Ludwig LLM without a template reads one text column).
 */
export function promptRenderer(spec: Pick<Spec, 'prompt'>): RenderFn {
  const template = spec.prompt?.template;
  if (template) return compileTemplate(template);
  return (input: TemplateInput) => (typeof input === 'string' ? input : JSON.stringify(input));
}

/** Render one input. For many, build the function once with promptRenderer. */
export function renderPrompt(spec: Pick<Spec, 'prompt'>, input: TemplateInput): string {
  return promptRenderer(spec)(input);
}

/**
 * LoRAX parameters from the spec's `generation` block, then `overrides` (flags) on top. Greedy decoding
 * (temperature 0 or unset) is sent as `do_sample: false` with no temperature, which every LoRAX and
 * Predibase version reads the same way; `details: true` so the response says why generation stopped.
 */
export function remoteParameters(spec: Pick<Spec, 'generation'>, overrides: RemoteParameters = {}): RemoteParameters {
  const g = spec.generation ?? {};
  const merged: RemoteParameters = { details: true };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) merged[key] = value;
  };
  set('max_new_tokens', g.max_new_tokens);
  set('temperature', g.temperature);
  set('top_p', g.top_p);
  set('top_k', g.top_k);
  set('do_sample', g.do_sample);
  set('repetition_penalty', g.repetition_penalty);
  set('stop', g.stop);
  for (const [k, v] of Object.entries(overrides)) set(k, v);
  if (merged.temperature === 0) {
    delete merged.temperature;
    merged.do_sample = false;
  }
  // A temperature above 0 samples on the server whatever do_sample says; say so only when nothing asks to sample.
  if (merged.do_sample === undefined && merged.temperature === undefined) merged.do_sample = false;
  return merged;
}
