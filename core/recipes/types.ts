// The contract every recipe keeps (DESIGN §5). A recipe is fitted from examples at compile time, saved as
// JSON config + payload files inside the .kolm, and loaded back into a Predictor by the one runtime.
// Fitting and loading are separate so that the predictor used to score candidates at compile time is
// exactly the one `kolm run` / `kolm serve` will build from the artifact's bytes.
import type { OutputKind } from '../spec/index.ts';
import type { Reporter } from '../progress.ts';
import type { ClassifierRuntime, Example, Predictor } from '../runtime/types.ts';

export type RecipeType = 'lookup' | 'classifier' | 'extract' | 'composite';

/** What a fitted recipe leaves in the artifact: a JSON config and payload entries (e.g. model.onnx). */
export interface SavedRecipe {
  type: RecipeType;
  config: Record<string, unknown>;
  /** Payload entry name → bytes; names are relative to the artifact root (e.g. "recipe/model.onnx"). */
  files: Map<string, Uint8Array>;
}

export interface FitContext {
  kind: OutputKind;
  quantization: 'int8' | 'int4' | 'f16';
  /** Seed for every random choice, so the same data gives the same recipe. */
  seed: number;
  reporter: Reporter;
  /** Prefix for payload entry names, e.g. "recipe/" or "recipe/fields/intent/" inside a composite. */
  prefix: string;
  /** What scores fitted classifiers (default 'ts'), so compile scores them on the runtime that will run them. */
  classifierRuntime?: ClassifierRuntime;
}

export interface FittedRecipe {
  saved: SavedRecipe;
  predictor: Predictor;
}

/** A candidate learner. `unsuitable` says why it cannot apply to this data (shown in the candidate table). */
export interface Candidate {
  type: RecipeType;
  unsuitable(train: readonly Example[], ctx: FitContext): string | null;
  fit(train: readonly Example[], ctx: FitContext): Promise<FittedRecipe>;
}
