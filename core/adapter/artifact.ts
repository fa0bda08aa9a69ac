// An adapter artifact (kind `adapter`, DESIGN §8): the GGUF LoRA, the prompt template, the generation
// defaults and the conversion record, with the base pinned in the manifest (id, revision, GGUF file name,
// SHA-256). The base weights are never inside. Pure apart from reading the inputs: returns bytes.
import { basename } from 'node:path';
import { writeArtifact, type ManifestInput } from '../artifact/index.ts';
import { VERSION } from '../version.ts';
import type { DatasetRef } from '../compile/index.ts';
import { KolmError } from '../errors.ts';
import type { Spec, OutputKind } from '../spec/index.ts';
import { fileSha256, findBaseForCompile, type ResolveOptions } from './base.ts';
import { convertPeftAdapter, type AdapterDtype, type ConvertedAdapter, type ConvertedTensor } from './convert.ts';
import { readAdapterSource } from './source.ts';
import { checkSpecBase, readBaseInfo } from './validate.ts';

export const ADAPTER_GGUF_ENTRY = 'adapter/adapter.gguf';
export const ADAPTER_CONFIG_ENTRY = 'adapter/config.json';

/** Generation defaults carried from spec.generation (LoRAX/HF names): the spec's own type. */
export type GenerationDefaults = NonNullable<Spec['generation']>;

/** adapter/config.json. */
export interface AdapterConfig {
  format: 1;
  gguf: string;
  template: string | null;
  generation: GenerationDefaults;
  scaling: 'alpha' | 'baked';
  alpha: number;
  rank: number;
  modules: string[];
  tensors: ConvertedTensor[];
  source: { r: number; lora_alpha: number; use_rslora: boolean; base_model_name_or_path: string | null; revision: string | null };
}

export interface AdapterCompileInput {
  spec: Spec;
  specFile: string;
  adapterPath: string;
  base: ResolveOptions;
  /** Default: from spec.quantization (int8 → q8_0), else f16. */
  dtype?: AdapterDtype;
  name: string;
  created: string;
  datasets: DatasetRef[];
  outputKind: OutputKind;
  /** Where the adapter came from (Predibase repository and version), recorded in the manifest. */
  origin?: ManifestInput['origin'];
  /** The training run, when kolm trained the adapter (kolm compile --runtime). */
  training?: ManifestInput['training'];
}

export interface AdapterCompileResult {
  bytes: Uint8Array;
  manifest: ManifestInput;
  config: AdapterConfig;
  basePath: string;
  converted: Pick<ConvertedAdapter, 'warnings' | 'scaling' | 'alpha' | 'rank' | 'tensors'>;
}

/** The adapter dtype a spec asks for: f16 unless `quantization` is int8 (Q8_0 where blocks allow). */
export function dtypeForSpec(spec: Spec): AdapterDtype {
  return spec.quantization === 'int8' ? 'q8_0' : 'f16';
}

/** Read the export, validate it against the spec and the base GGUF, convert it, and build the artifact bytes. */
export async function compileAdapterArtifact(input: AdapterCompileInput): Promise<AdapterCompileResult> {
  const src = await readAdapterSource(input.adapterPath);
  // Parse once early for the base names (the converter parses again and refuses what it must).
  const { parsePeftAdapterConfig } = await import('../ludwig/peft.ts');
  const peft = parsePeftAdapterConfig(src.configText, src.configFile);
  checkSpecBase(input.spec.base, peft.base, peft.baseIsLocalPath, { spec: input.specFile, config: src.configFile });
  const id = input.spec.base ?? (peft.baseIsLocalPath ? undefined : peft.base);
  if (!id) {
    throw new KolmError('E_BAD_SPEC', `${input.specFile} names no base model, and ${src.configFile} has none usable (${peft.base ?? 'null'})`, {
      hint: 'add "base": "<org>/<model>" to the spec',
      place: { file: input.specFile, path: 'base' },
    });
  }
  const basePath = await findBaseForCompile(id, input.base);
  const base = await readBaseInfo(basePath, `${id}${peft.base && peft.base !== id ? ` (${peft.base})` : ''}`);
  const dtype = input.dtype ?? dtypeForSpec(input.spec);
  const converted = convertPeftAdapter(src.configText, src.weights, base, { dtype, configFile: src.configFile, weightsFile: src.weightsFile });
  const sha256 = await fileSha256(basePath);

  const g = input.spec.generation ?? {};
  const config: AdapterConfig = {
    format: 1,
    gguf: ADAPTER_GGUF_ENTRY,
    template: input.spec.prompt?.template ?? null,
    generation: Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)) as GenerationDefaults,
    scaling: converted.scaling,
    alpha: converted.alpha,
    rank: converted.rank,
    modules: converted.modules,
    tensors: converted.tensors,
    source: {
      r: converted.peft.r,
      lora_alpha: converted.peft.alpha,
      use_rslora: converted.peft.useRslora,
      base_model_name_or_path: converted.peft.base ?? null,
      revision: converted.peft.revision ?? null,
    },
  };
  const types = new Set(converted.tensors.map((t) => t.type));
  const revision = input.spec.base_revision ?? converted.peft.revision;
  const manifest: ManifestInput = {
    name: input.name,
    created: input.created,
    spec: input.spec,
    kind: 'adapter',
    base: { id, ...(revision ? { revision } : {}), file: basename(basePath), sha256 },
    ...(input.origin ? { origin: input.origin } : {}),
    ...(input.training ? { training: input.training } : {}),
    // The manifest's enum has no f32: an all-F32 adapter is recorded as 'none' (no quantization).
    quantization: types.has('Q8_0') ? 'int8' : types.has('F16') ? 'f16' : 'none',
    compiler: { name: 'kolm-migrate', version: VERSION },
    datasets: input.datasets,
    output_kind: input.outputKind,
  };
  const entries = new Map<string, Uint8Array>([
    [ADAPTER_GGUF_ENTRY, converted.gguf],
    [ADAPTER_CONFIG_ENTRY, new TextEncoder().encode(`${JSON.stringify(config, null, 2)}\n`)],
  ]);
  const bytes = await writeArtifact({ manifest, entries });
  return { bytes, manifest, config, basePath, converted };
}
