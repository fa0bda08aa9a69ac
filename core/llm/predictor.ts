// The Predictor of an adapter artifact: resolve the pinned base (digest checked), load it (shared), apply
// the artifact's GGUF LoRA in its own context, render inputs with the artifact's prompt template and
// generate with its generation defaults (greedy unless the spec samples).
import { entryJson, type ArtifactContents } from '../artifact/index.ts';
import { resolvePinnedBase, type ResolveOptions } from '../adapter/base.ts';
import { ADAPTER_CONFIG_ENTRY, type AdapterConfig } from '../adapter/artifact.ts';
import { KolmError } from '../errors.ts';
import { compileTemplate } from '../prompt/index.ts';
import type { GenerateOptions, Input, Prediction, Predictor, TextGenerator } from '../runtime/types.ts';
import { generateOn, promptTokens } from './generate.ts';
import { loadAdapterOnBase, type RuntimeOptions } from './runtime.ts';

// How a face runs adapter artifacts: where the base is (`baseGguf`, else `modelsDir`, which the face
// derives from KOLM_MODELS or the home folder), llama.cpp's settings, and the host's temp folder.
export interface AdapterRuntimeOptions extends ResolveOptions {
  runtime?: RuntimeOptions;
  /** The host's temp folder (os.tmpdir() at the entry point), where adapter GGUFs are written for llama.cpp.
   *  Required: core reads nothing of the host itself. */
  tmpDir: string;
}

export const DEFAULT_MAX_NEW_TOKENS = 256;

/** Decoding options from the artifact's generation defaults (greedy unless do_sample). */
export function defaultGenerateOptions(config: AdapterConfig): GenerateOptions {
  const g = config.generation;
  const sample = g.do_sample === true && (g.temperature ?? 1) > 0;
  return {
    maxNewTokens: g.max_new_tokens ?? DEFAULT_MAX_NEW_TOKENS,
    stop: g.stop ?? [],
    ...(sample ? { temperature: g.temperature ?? 1, ...(g.top_k ? { topK: g.top_k } : {}), ...(g.top_p ? { topP: g.top_p } : {}) } : {}),
    ...(g.repetition_penalty ? { repetitionPenalty: g.repetition_penalty } : {}),
  };
}

export async function adapterPredictor(contents: ArtifactContents, options: AdapterRuntimeOptions, file = 'artifact'): Promise<Predictor> {
  const { manifest, entries } = contents;
  const configBytes = entries.get(ADAPTER_CONFIG_ENTRY);
  if (!manifest.base || !configBytes) {
    throw new KolmError('E_BAD_ARTIFACT', `${file} is an adapter artifact without ${manifest.base ? ADAPTER_CONFIG_ENTRY : 'a base pin'}`, {
      hint: 'rebuild it with kolm compile --adapter',
      place: { file },
    });
  }
  const config = entryJson(entries, ADAPTER_CONFIG_ENTRY, file) as unknown as AdapterConfig;
  const gguf = entries.get(config.gguf);
  if (!gguf) throw new KolmError('E_BAD_ARTIFACT', `${file} has no ${config.gguf} entry`, { hint: 'rebuild it with kolm compile --adapter', place: { file } });
  const basePath = await resolvePinnedBase(manifest.base, options, file);
  const loaded = await loadAdapterOnBase(basePath, { bytes: gguf, tmpDir: options.tmpDir }, options.runtime, `${file} (${config.gguf})`);
  const render = config.template ? compileTemplate(config.template) : (input: Input) => (typeof input === 'string' ? input : JSON.stringify(input));
  const defaults = defaultGenerateOptions(config);

  const generator: TextGenerator = {
    generate: (prompt, o) => generateOn(loaded, prompt, o),
    countTokens: (text) => promptTokens(loaded, text).length,
    defaults,
  };
  const predict = async (input: Input): Promise<Prediction> => {
    const out = await generateOn(loaded, render(input as never), defaults);
    return { output: out.text.trim() };
  };
  return {
    predict,
    // Sequences of one context run in parallel on llama.cpp's batch: send a few at once.
    async predictBatch(inputs) {
      const out: Prediction[] = new Array(inputs.length);
      let next = 0;
      const worker = async () => {
        while (next < inputs.length) {
          const i = next++;
          out[i] = await predict(inputs[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.runtime?.sequencesPerAdapter ?? 4, inputs.length) }, worker));
      return out;
    },
    close: () => loaded.close(),
    generator,
  };
}
