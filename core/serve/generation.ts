// One generation, beside tokens.ts: validate the request, pick the artifact, and either generate real tokens
// (an artifact with a language model: an adapter) or predict and cut the output into pseudo-tokens under
// the request's limits (a recipe, tokens.ts). Routes turn the Outcome into LoRAX or OpenAI answers.
import type { ArtifactSet, ServedArtifact } from './artifacts.ts';
import { generationError, modelNotFoundError } from './errors.ts';
import type { Exchange, ServeContext } from './exchange.ts';
import { outputText } from './inputs.ts';
import { planResponseFormat } from './json-format.ts';
import { isSampling, validateParams, type GenerateParams } from './params.ts';
import { countChunks, generate, type Generation, type Token } from './tokens.ts';
import { textGenerator, type GenerateOptions, type GeneratedToken, type Prediction, type TextGenerator } from '../runtime/types.ts';
import { isKolmError } from '../errors.ts';

export interface Outcome {
  artifact: ServedArtifact;
  gen: Generation;
  /** What a recipe's prediction said beyond its output, for LoRAX `details`: its confidence, the cascade path, abstained. */
  notes?: PredictionNotes;
  promptTokens: number;
  inferenceMs: number;
  validationMs: number;
}

export interface PredictionNotes {
  confidence?: number;
  /** Which side of a cascade answered. */
  path?: 'local' | 'fallback';
  /** `--abstain-below` replaced the answer. */
  abstained?: true;
}

/** The notes of one prediction, counted in /metrics (cascade path, fallback errors, abstentions). */
function notesOf(ctx: ServeContext, artifact: string, p: Prediction): PredictionNotes {
  const q = p as Prediction & { path?: unknown; abstained?: unknown; fallback_error?: unknown };
  const path = q.path === 'local' || q.path === 'fallback' ? q.path : undefined;
  if (path) ctx.metrics.cascadeAnswer(artifact, path);
  if (typeof q.fallback_error === 'string') ctx.metrics.fallbackError(artifact, 'local');
  if (q.abstained === true) ctx.metrics.abstained(artifact);
  return { ...(typeof p.confidence === 'number' ? { confidence: p.confidence } : {}), ...(path ? { path } : {}), ...(q.abstained === true ? { abstained: true as const } : {}) };
}

/** The artifact an adapter id (or OpenAI model) names; the default artifact's name picks the default. */
export function resolveAdapter(artifacts: ArtifactSet, id: string | null): ServedArtifact | undefined {
  return artifacts.resolve(id === artifacts.default.name ? null : id);
}

/**
 * Pick the artifact for an adapter id (or OpenAI model); an unknown id is LoRAX's adapter load failure,
 * or OpenAI's model_not_found on /v1.
 */
export function pick(artifacts: ArtifactSet, id: string | null, openai: boolean): ServedArtifact {
  const a = resolveAdapter(artifacts, id);
  if (!a) {
    if (openai) throw modelNotFoundError(id ?? '', artifacts.allIds());
    const modelId = artifacts.default.name;
    throw generationError(`adapter \`${id}\` is not loaded; this server serves ${artifacts.allIds().join(', ')} (pick one with adapter_id, or leave it out for ${modelId})`);
  }
  return a;
}

/** True when the artifact an id picks generates live tokens (an adapter); unknown ids go the usual way. */
export function isLive(artifacts: ArtifactSet, id: string | null): boolean {
  const a = resolveAdapter(artifacts, id);
  return a !== undefined && textGenerator(a.predictor) !== undefined;
}

/**
 * Validate, pick the artifact, map `inputs`, predict, and "generate" under the request's limits. An
 * artifact with a language model (adapter) generates real tokens from `inputs` as the prompt, and hands
 * each to `onToken` as it comes (streaming). Notes the artifact and token count on `ex` for the log.
 */
export async function runGeneration(
  ctx: ServeContext, ex: Exchange, inputs: string, p: GenerateParams, stream: boolean, onToken?: (t: Token, promptTokens: number) => void,
): Promise<Outcome> {
  const { artifacts, now } = ctx;
  const t0 = now();
  const promptTokens = countChunks(inputs);
  const maxNew = validateParams(inputs, promptTokens, p, ctx.limits, stream);
  const artifact = artifacts.acquire(pick(artifacts, p.adapterId, ex.openai));
  ex.artifact = artifact.name;
  try {
    const llm = textGenerator(artifact.predictor);
    if (llm) {
      const t1 = now();
      const prompt = llm.countTokens(inputs);
      const out = await llm.generate(inputs, {
        ...generateOptions(llm, p),
        ...(onToken ? { onToken: (t: GeneratedToken) => onToken(asToken(t), prompt) } : {}),
      });
      const gen: Generation = { text: out.text, tokens: out.tokens.map(asToken), finishReason: out.finishReason };
      ex.generatedTokens = gen.tokens.length;
      return { artifact, gen, promptTokens: out.promptTokens, inferenceMs: now() - t1, validationMs: t1 - t0 };
    }
    const format = p.responseFormat ? planResponseFormat(artifact.manifest, p.responseFormat) : undefined;
    const input = artifact.toInput(inputs);
    const t1 = now();
    let prediction: Prediction;
    try {
      prediction = await artifact.predictor.predict(input);
    } catch (err) {
      // A cascade whose fallback failed the case (policy 'error'): counted beside the request's error.
      if (artifact.manifest.kind === 'cascade' && isKolmError(err) && err.code === 'E_REMOTE') ctx.metrics.fallbackError(artifact.name, 'error');
      throw err;
    }
    const t2 = now();
    const notes = notesOf(ctx, artifact.name, prediction);
    const text = format ? JSON.stringify(format(prediction.output)) : outputText(prediction.output);
    const gen = generate(text, p, maxNew, prediction.confidence);
    ex.generatedTokens = gen.tokens.length;
    return { artifact, gen, notes, promptTokens, inferenceMs: t2 - t1, validationMs: t1 - t0 };
  } finally {
    void artifacts.release(artifact);
  }
}

function asToken(t: GeneratedToken): Token {
  return { id: t.id, text: t.text, logprob: t.logprob === null ? null : Math.round(t.logprob * 1e4) / 1e4, special: t.special, skipped: false };
}

/** LoRAX parameters → decoding options: greedy unless the request samples; the artifact's defaults fill the rest. */
function generateOptions(llm: TextGenerator, p: GenerateParams): GenerateOptions {
  const d = llm.defaults;
  const sampling = isSampling(p);
  return {
    maxNewTokens: p.maxNewTokens ?? d?.maxNewTokens ?? 256,
    stop: p.stop.length ? p.stop : (d?.stop ?? []),
    ...(sampling
      ? { temperature: p.temperature ?? 1, ...(p.topK !== null ? { topK: p.topK } : {}), ...(p.topP !== null ? { topP: p.topP } : {}), ...(p.seed !== null ? { seed: p.seed } : {}) }
      : {}),
    ...(p.repetitionPenalty !== null ? { repetitionPenalty: p.repetitionPenalty } : d?.repetitionPenalty ? { repetitionPenalty: d.repetitionPenalty } : {}),
    ...(p.ignoreEosToken ? { ignoreEos: true } : {}),
    ...(p.responseFormat && p.responseFormat.type !== 'text' ? { responseFormat: { type: p.responseFormat.type, ...(p.responseFormat.schema !== undefined ? { schema: p.responseFormat.schema } : {}) } } : {}),
    logprobs: p.details || p.decoderInputDetails,
  };
}
