// The recipes, cheapest first (DESIGN §5), and the one loader that turns a saved recipe back into a
// Predictor. Compile tries `candidates` in this order; ties in K go to the earlier (cheaper) one.
import { KolmError } from '../errors.ts';
import { classifierCandidate, loadClassifier } from './classifier/index.ts';
import { compositeCandidate, loadComposite } from './composite.ts';
import { extractCandidate, loadExtract } from './extract/index.ts';
import { loadLookup, lookupCandidate } from './lookup.ts';
import type { Candidate, RecipeType } from './types.ts';
import type { Predictor, RecipeLoadOptions } from '../runtime/types.ts';

export type { Candidate, FitContext, FittedRecipe, RecipeType, SavedRecipe } from './types.ts';

export const candidates: readonly Candidate[] = [lookupCandidate, extractCandidate, classifierCandidate, compositeCandidate];

type Loader = (config: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>, options: RecipeLoadOptions) => Promise<Predictor>;

const loaders: Record<RecipeType, Loader> = {
  lookup: loadLookup,
  extract: loadExtract,
  classifier: loadClassifier,
  // The parts load with the same options (a composite's label fields are classifiers).
  composite: (config, files, options) => loadComposite(config, files, (type, c, f) => loadRecipe(type, c, f, options)),
};

export async function loadRecipe(
  type: string,
  config: Record<string, unknown>,
  files: ReadonlyMap<string, Uint8Array>,
  options: RecipeLoadOptions = {},
): Promise<Predictor> {
  const load = loaders[type as RecipeType];
  if (!load) {
    throw new KolmError('E_BAD_ARTIFACT', `unknown recipe type "${type}"`, {
      hint: 'this artifact was made by a newer kolm; upgrade kolm-migrate',
    });
  }
  return load(config, files, options);
}
