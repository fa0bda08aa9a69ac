// The llama.cpp runtime (node-llama-cpp 3.21.1, pinned), loaded lazily: nothing here is imported until an
// adapter artifact is run, so users who only run recipes never load (or install) it. One Llama instance
// per process; one loaded model per base GGUF, shared by every adapter on that base (LoRAX's multi-adapter
// serving, on the user's machine). Adapters are fixed when a context is created (llm-runtime.md §2), so
// each adapter gets its own context with a bounded number of sequences.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { KolmError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';

export const NODE_LLAMA_CPP_VERSION = '3.21.1';
export const INSTALL_COMMAND = `npm install --save-exact node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`;

type NodeLlamaCpp = typeof import('node-llama-cpp');
let modulePromise: Promise<NodeLlamaCpp> | undefined;

/** import('node-llama-cpp'), or E_RUNTIME_MISSING with the one command that adds it. */
export async function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  modulePromise ??= import('node-llama-cpp').catch((err: NodeJS.ErrnoException) => {
    modulePromise = undefined;
    if (err?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (package|module) 'node-llama-cpp'/.test(String(err?.message))) {
      throw new KolmError('E_RUNTIME_MISSING', 'adapter artifacts run on llama.cpp, and its runtime (node-llama-cpp) is not installed', {
        hint: `install it next to kolm-migrate: ${INSTALL_COMMAND} (about 70 MB on Linux x64 CPU; recipes never need it)`,
        cause: err,
      });
    }
    throw err;
  });
  return modulePromise;
}

/** Physical cores (llama.cpp is slower with SMT siblings): /proc/cpuinfo on Linux, else the logical count. */
export function physicalCores(): number {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const cores = new Set<string>();
    let phys = '0';
    for (const line of info.split('\n')) {
      const [k, v] = line.split(':').map((s) => s?.trim());
      if (k === 'physical id') phys = v ?? '0';
      else if (k === 'core id') cores.add(`${phys}:${v}`);
    }
    if (cores.size > 0) return cores.size;
  } catch {
    // not Linux
  }
  return availableParallelism();
}

export interface RuntimeOptions {
  /** Evaluation threads (default: physical cores). */
  threads?: number;
  /** GPU offload: 'auto' (default: use one when the machine has it) or false. */
  gpu?: 'auto' | false;
  /** Sequences per adapter context: requests beyond this wait (default 4). */
  sequencesPerAdapter?: number;
  /** Context size per sequence (default min(train context, 4096)). */
  contextSize?: number;
}

interface LlamaState {
  llama: Llama;
  key: string;
  /** The last error lines llama.cpp logged (its reasons only reach the logger). */
  recentErrors: string[];
}

let llamaState: Promise<LlamaState> | undefined;

async function getLlamaOnce(options: RuntimeOptions): Promise<LlamaState> {
  const key = `${options.gpu ?? 'auto'}:${options.threads ?? ''}`;
  if (llamaState) {
    const s = await llamaState;
    return s;
  }
  llamaState = (async () => {
    const nlc = await loadNodeLlamaCpp();
    const recentErrors: string[] = [];
    const llama = await nlc.getLlama({
      gpu: options.gpu ?? 'auto',
      // Never download or compile at run time: the prebuilt @node-llama-cpp/* packages come from npm.
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      maxThreads: options.threads ?? physicalCores(),
      logLevel: nlc.LlamaLogLevel.warn,
      logger: (level, message) => {
        if (level === nlc.LlamaLogLevel.error || level === nlc.LlamaLogLevel.warn) {
          recentErrors.push(message.trim());
          if (recentErrors.length > 20) recentErrors.shift();
        }
      },
    });
    return { llama, key, recentErrors };
  })();
  llamaState.catch(() => (llamaState = undefined));
  return llamaState;
}

/**
 * An adapter's GGUF bytes and the host's temp folder: llama.cpp opens adapters by path only, so the bytes
 * are written under `<tmpDir>/kolm-adapters`. The face passes its temp folder; core picks none of the host's.
 */
export interface AdapterGguf {
  bytes: Uint8Array;
  tmpDir: string;
}

/** The adapter's file: content-addressed, so loads of the same adapter share it; written atomically. */
async function adapterFile({ bytes, tmpDir }: AdapterGguf): Promise<string> {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const path = join(tmpDir, 'kolm-adapters', `${digest}.gguf`);
  try {
    if ((await stat(path)).size === bytes.length) return path;
  } catch {
    // not there yet
  }
  await writeFileAtomic(path, bytes);
  return path;
}

interface ModelEntry {
  model: Promise<LlamaModel>;
  refs: number;
}

const models = new Map<string, ModelEntry>();

/** A bounded set of sequences of one context; `acquire` waits when all are in use. */
export class SequencePool {
  private free: LlamaContextSequence[] = [];
  private waiters: ((s: LlamaContextSequence) => void)[] = [];
  constructor(readonly context: LlamaContext, size: number) {
    for (let i = 0; i < size; i++) this.free.push(context.getSequence());
  }
  async acquire(): Promise<LlamaContextSequence> {
    const s = this.free.pop();
    if (s) return s;
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(s: LlamaContextSequence): void {
    const next = this.waiters.shift();
    if (next) next(s);
    else this.free.push(s);
  }
}

/** One adapter (or none) on a shared base model: its context and sequence pool. */
export interface LoadedAdapter {
  llama: Llama;
  model: LlamaModel;
  pool: SequencePool;
  close(): Promise<void>;
}

/**
 * Load (or share) the base model and create a context with the adapter. `adapter` null gives the base
 * alone (benchmarks and tests). A failing adapter is E_BAD_ADAPTER with llama.cpp's own reason.
 */
export async function loadAdapterOnBase(basePath: string, adapter: AdapterGguf | null, options: RuntimeOptions = {}, label = 'adapter'): Promise<LoadedAdapter> {
  const state = await getLlamaOnce(options);
  const { llama } = state;
  let entry = models.get(basePath);
  if (!entry) {
    const model = llama.loadModel({ modelPath: basePath, ...(options.gpu === false ? { gpuLayers: 0 } : {}) });
    entry = { model, refs: 0 };
    models.set(basePath, entry);
    model.catch(() => models.delete(basePath));
  }
  entry.refs++;
  const release = async () => {
    entry!.refs--;
    if (entry!.refs === 0 && models.get(basePath) === entry) {
      models.delete(basePath);
      await (await entry!.model).dispose();
    }
  };
  let model: LlamaModel;
  try {
    model = await entry.model;
  } catch (err) {
    await release().catch(() => {});
    throw new KolmError('E_BASE_MISMATCH', `llama.cpp could not load the base model ${basePath}: ${(err as Error).message}${state.recentErrors.length ? ` (${state.recentErrors.at(-1)})` : ''}`, {
      hint: 'check that the file is a complete GGUF model',
      place: { file: basePath },
      cause: err,
    });
  }
  const sequences = options.sequencesPerAdapter ?? 4;
  const contextSize = options.contextSize ?? Math.min(model.trainContextSize, 4096);
  let context: LlamaContext;
  try {
    const before = state.recentErrors.length;
    context = await model
      .createContext({
        contextSize,
        sequences,
        threads: options.threads ?? physicalCores(),
        ...(adapter ? { lora: { adapters: [{ filePath: await adapterFile(adapter) }] } } : {}),
      })
      .catch((err: Error) => {
        const reason = state.recentErrors.slice(before).join('; ');
        throw new KolmError('E_BAD_ADAPTER', `llama.cpp refused ${label}: ${err.message}${reason ? ` (${reason})` : ''}`, {
          hint: 'recompile the artifact against this base with kolm compile --adapter',
          cause: err,
        });
      });
  } catch (err) {
    await release();
    throw err;
  }
  let closed = false;
  return {
    llama,
    model,
    pool: new SequencePool(context, sequences),
    async close() {
      if (closed) return;
      closed = true;
      await context.dispose();
      await release();
    },
  };
}

/** How many base models are loaded now (for tests of sharing). */
export function loadedModelCount(): number {
  return models.size;
}
