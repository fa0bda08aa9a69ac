// The runtime's contracts (DESIGN §5, §7): what every loaded artifact is to its callers. A Predictor answers
// inputs with outputs and a calibrated confidence; one backed by a language model also exposes a
// TextGenerator that `kolm serve` streams tokens from. Recipes, adapters, eval, serve and run all meet here.

/** A model input: one string, or an object of named fields (spec shape). */
export type Input = string | Record<string, unknown>;

export interface Example {
  input: Input;
  /** The gold output as it appears in the data: a string (JSON outputs stay JSON strings) or a value. */
  output: unknown;
}

export interface Prediction {
  output: unknown;
  /** Calibrated probability that `output` is right, when the recipe can tell (classifier, extract). */
  confidence?: number;
}

export interface Predictor {
  predict(input: Input): Promise<Prediction>;
  /** Many at once; recipes that batch (the ONNX classifier) override the one-by-one default. */
  predictBatch(inputs: readonly Input[]): Promise<Prediction[]>;
  /** Release native resources (ONNX sessions). */
  close?(): Promise<void>;
  /** Token-level generation, for predictors backed by a language model (adapter artifacts). */
  generator?: TextGenerator;
}

/**
 * What scores a classifier recipe: 'ts' (default) is the TypeScript scorer, which needs nothing installed;
 * 'onnx' runs the artifact's ONNX graph on onnxruntime-node, an optional accelerator (E_RUNTIME_MISSING when
 * asked for and absent). Both compute the same probabilities to float rounding.
 */
export type ClassifierRuntime = 'ts' | 'onnx';
export const CLASSIFIER_RUNTIMES: readonly ClassifierRuntime[] = ['ts', 'onnx'];
export const DEFAULT_CLASSIFIER_RUNTIME: ClassifierRuntime = 'ts';

/** How a saved recipe is turned back into a Predictor (threaded from the faces through every loader). */
export interface RecipeLoadOptions {
  classifierRuntime?: ClassifierRuntime;
}

/** Default predictBatch for recipes without a batched path. */
export async function predictEach(p: Pick<Predictor, 'predict'>, inputs: readonly Input[]): Promise<Prediction[]> {
  const out: Prediction[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = await p.predict(inputs[i]!);
  return out;
}

// ---- text generation (adapter artifacts on llama.cpp). Recipes leave these unset. ----

/** Decoding controls for one generation; names follow LoRAX's parameters. */
export interface GenerateOptions {
  maxNewTokens: number;
  stop: readonly string[];
  /** 0 or absent: greedy. */
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  repetitionPenalty?: number;
  /** Keep going past the end-of-sequence token. */
  ignoreEos?: boolean;
  /** Constrain the output: any JSON value, or JSON matching `schema`. */
  responseFormat?: { type: 'json_object' | 'json_schema'; schema?: unknown };
  /** Compute each token's log-probability (LoRAX `details`). */
  logprobs?: boolean;
  /** Called with each token as soon as it is decided (streaming). */
  onToken?: (token: GeneratedToken) => void;
}

export interface GeneratedToken {
  id: number;
  text: string;
  logprob: number | null;
  special: boolean;
}

export interface GeneratedText {
  /** Without the prompt and without the end-of-sequence token. */
  text: string;
  tokens: GeneratedToken[];
  finishReason: 'length' | 'eos_token' | 'stop_sequence';
  promptTokens: number;
}

/** A Predictor that generates text token by token (adapter artifacts); `kolm serve` streams its tokens. */
export interface TextGenerator {
  /** Generate from a prompt that is already rendered (LoRAX's `inputs`). */
  generate(prompt: string, options: GenerateOptions): Promise<GeneratedText>;
  /** Model tokens in `text`. */
  countTokens(text: string): number;
  /** The artifact's own generation defaults (spec.generation), under the request's parameters. */
  defaults?: GenerateOptions;
}

/** The generator behind a Predictor, when it has one. */
export function textGenerator(p: Predictor): TextGenerator | undefined {
  return p.generator;
}
