// What an adapter needs to know about its base, read from the base GGUF's header (architecture, head
// counts, layer count, tensor shapes), and the checks that turn llama.cpp's late, logger-only failures
// ("incorrect shape", "does not exist in base model", "arch mismatch") into errors that name the base the
// adapter expects and the base that was found.
import { basename } from 'node:path';
import { KolmError } from '../errors.ts';
import { readGgufHeader, type GgufHeader } from './gguf.ts';

export interface BaseModelInfo {
  file: string;
  arch: string;
  /** general.name / general.basename when the GGUF has them. */
  name?: string;
  blockCount: number;
  embeddingLength: number;
  headCount: number;
  headCountKv: number;
  /** Base tensor name → ne (ggml order). */
  tensors: Map<string, number[]>;
  /** What the adapter says its base is (for messages): set by the caller. */
  expected?: string;
  /** Throws E_BASE_MISMATCH when the base has no `tensor` of ne [inF, outF]. */
  checkPair(tensor: string, inF: number, outF: number, module: string): void;
}

function describeBase(b: Pick<BaseModelInfo, 'file' | 'arch' | 'name' | 'blockCount' | 'embeddingLength' | 'headCount' | 'headCountKv'>): string {
  return `${b.name ? `${b.name} ` : ''}(${basename(b.file)}: ${b.arch}, ${b.blockCount} layers, hidden ${b.embeddingLength}, ${b.headCount} heads / ${b.headCountKv} kv)`;
}

/** BaseModelInfo from a parsed GGUF header. */
export function baseInfoFromHeader(header: GgufHeader, file: string, expected?: string): BaseModelInfo {
  const md = header.metadata;
  const arch = md.get('general.architecture');
  const bad = (what: string) =>
    new KolmError('E_BASE_MISMATCH', `${file}: ${what}`, { hint: 'pass the base model GGUF (a model file, not an adapter)', place: { file } });
  if (typeof arch !== 'string') throw bad('no general.architecture; not a llama.cpp model file');
  if (md.get('general.type') === 'adapter') throw bad('is an adapter GGUF, not a base model');
  const num = (key: string, dflt?: number): number => {
    const v = md.get(`${arch}.${key}`);
    if (typeof v === 'number') return v;
    if (dflt !== undefined) return dflt;
    throw bad(`no ${arch}.${key}`);
  };
  const headCount = num('attention.head_count');
  const name = md.get('general.name') ?? md.get('general.basename');
  const tensors = new Map<string, number[]>();
  for (const [k, t] of header.tensors) tensors.set(k, t.ne);
  const info: BaseModelInfo = {
    file,
    arch,
    ...(typeof name === 'string' ? { name } : {}),
    blockCount: num('block_count'),
    embeddingLength: num('embedding_length'),
    headCount,
    headCountKv: num('attention.head_count_kv', headCount),
    tensors,
    ...(expected ? { expected } : {}),
    checkPair(tensor, inF, outF, module) {
      const ne = tensors.get(tensor);
      const expects = info.expected ? `the adapter expects base ${info.expected}; found ${describeBase(info)}` : `found base ${describeBase(info)}`;
      if (!ne) {
        const layer = /^blk\.(\d+)\./.exec(tensor);
        const why = layer && Number(layer[1]) >= info.blockCount ? `layer ${layer[1]} does not exist (the base has ${info.blockCount} layers)` : `the base has no ${tensor}`;
        throw new KolmError('E_BASE_MISMATCH', `adapter module ${module}: ${why}; ${expects}`, {
          hint: 'use the base model the adapter was trained on (adapter_config.json base_model_name_or_path)',
          place: { file, path: tensor },
        });
      }
      if (ne[0] !== inF || ne[1] !== outF) {
        throw new KolmError(
          'E_BASE_MISMATCH',
          `adapter module ${module} maps ${inF} → ${outF}, but ${tensor} in the base is ${ne[0]} → ${ne[1]}; ${expects}`,
          { hint: 'use the base model the adapter was trained on (adapter_config.json base_model_name_or_path)', place: { file, path: tensor } },
        );
      }
    },
  };
  return info;
}

/** Read a base GGUF's header and describe it. */
export async function readBaseInfo(path: string, expected?: string): Promise<BaseModelInfo> {
  return baseInfoFromHeader(await readGgufHeader(path, { role: 'base' }), path, expected);
}

/**
 * The spec's base and the adapter's base_model_name_or_path must name the same model. Local paths (the
 * trainer's disk) and absent values cannot be compared and pass; a re-upload under another id does not.
 */
export function checkSpecBase(specBase: string | undefined, adapterBase: string | undefined, adapterIsLocalPath: boolean, files: { spec: string; config: string }): void {
  if (!specBase || !adapterBase || adapterIsLocalPath) return;
  const norm = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();
  if (norm(specBase) === norm(adapterBase)) return;
  throw new KolmError('E_BASE_MISMATCH', `the adapter was trained on ${adapterBase} (${files.config} base_model_name_or_path), but ${files.spec} names base ${specBase}`, {
    hint: `set "base": "${adapterBase}" in ${files.spec}, or pass the adapter trained on ${specBase}`,
    place: { file: files.spec, path: 'base' },
  });
}
