// The extract recipe (DESIGN §5): outputs that are spans of one input field, or JSON objects whose values
// are such spans (slot filling). A BIO span tagger over all fields, trained as an averaged perceptron on
// context-window, shape and gazetteer features; outputs rendered in the training outputs' own style.
import { KolmError } from '../../errors.ts';
import type { Candidate, FitContext, FittedRecipe } from '../types.ts';
import type { Example, Predictor } from '../../runtime/types.ts';
import { learnExtract, type LearnOptions } from './learn.ts';
import { ExtractPredictor, type ExtractConfig } from './predictor.ts';
import { analyzeTask } from './task.ts';

export type { ExtractConfig } from './predictor.ts';
export { ExtractPredictor } from './predictor.ts';
export { analyzeTask } from './task.ts';
export { tokenize } from './tokenize.ts';
export { fieldF1, normalizeValue } from './score.ts';

/** Fits with explicit options (budget, epochs); the candidate uses the defaults. */
export async function fitExtract(train: readonly Example[], ctx: FitContext, opts: LearnOptions = {}): Promise<FittedRecipe> {
  const shape = analyzeTask(train);
  if (typeof shape === 'string') {
    throw new KolmError('E_NO_CANDIDATE', `extract cannot fit this data: ${shape}`, {
      hint: 'check extractCandidate.unsuitable() before fitting',
    });
  }
  const { config, weights } = learnExtract(train, shape, ctx, opts);
  const files = new Map([[config.payload, weights]]);
  const saved = { type: 'extract' as const, config: config as unknown as Record<string, unknown>, files };
  // Built from the saved bytes, so compile-time scores are the artifact's scores.
  return { saved, predictor: await loadExtract(saved.config, files) };
}

export const extractCandidate: Candidate = {
  type: 'extract',
  unsuitable(train: readonly Example[]): string | null {
    const shape = analyzeTask(train);
    return typeof shape === 'string' ? shape : null;
  },
  fit: (train, ctx) => fitExtract(train, ctx),
};

/** Rebuilds the predictor from a saved config and its payload files. */
export async function loadExtract(config: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): Promise<Predictor> {
  const c = config as unknown as ExtractConfig;
  if (c.version !== 1 || typeof c.payload !== 'string' || !Array.isArray(c.fields)) {
    throw new KolmError('E_BAD_ARTIFACT', 'extract recipe config is not version 1 or lacks "payload"/"fields"', {
      hint: 'rebuild the artifact with this version of kolm',
    });
  }
  const bytes = files.get(c.payload);
  if (!bytes) {
    throw new KolmError('E_BAD_ARTIFACT', `extract recipe payload "${c.payload}" is missing from the artifact`, {
      place: { path: c.payload },
      hint: 'the artifact is incomplete; rebuild it',
    });
  }
  try {
    return new ExtractPredictor(c, bytes);
  } catch (err) {
    throw new KolmError('E_BAD_ARTIFACT', `extract weight table "${c.payload}" is unreadable: ${(err as Error).message}`, {
      place: { path: c.payload },
      hint: 'the artifact is damaged; rebuild it',
      cause: err,
    });
  }
}
