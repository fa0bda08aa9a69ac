// The flags that say where an adapter artifact's base model is and how llama.cpp runs it, shared by
// `kolm run`, `kolm serve`, `kolm compile` and `kolm eval`: turned into core's options here, at the edge
// (env, home and temp folders), since core reads nothing of the host.
import { homedir, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Option } from 'clipanion';
import { number } from './validators.ts';
import { defaultModelsDir } from '../core/adapter/base.ts';
import type { AdapterRuntimeOptions } from '../core/llm/predictor.ts';
import { value } from './options.ts';

export const adapterFlags = {
  baseGguf: () => value('file', Option.String('--base-gguf', { description: 'The base model GGUF for adapter artifacts (default: the models folder, KOLM_MODELS)' })),
  threads: () => value('n', Option.String('--threads', { description: 'llama.cpp threads for adapter artifacts (default: physical cores)', validator: number({ min: 1 }) })),
};

/** Core's adapter options from the flags and the environment (KOLM_MODELS, KOLM_THREADS, KOLM_GPU=0). */
export function adapterOptionsFrom(
  flags: { baseGguf?: string; threads?: number },
  context: { cwd: string; env: Record<string, string | undefined> },
): AdapterRuntimeOptions {
  const envThreads = Number(context.env.KOLM_THREADS);
  const threads = flags.threads ?? (Number.isInteger(envThreads) && envThreads > 0 ? envThreads : undefined);
  return {
    ...(flags.baseGguf ? { baseGguf: resolve(context.cwd, flags.baseGguf) } : {}),
    modelsDir: resolve(context.cwd, defaultModelsDir(context.env, context.env.HOME || homedir())),
    tmpDir: context.env.TMPDIR || tmpdir(),
    runtime: {
      ...(threads ? { threads } : {}),
      ...(context.env.KOLM_GPU === '0' ? { gpu: false as const } : {}),
    },
  };
}
