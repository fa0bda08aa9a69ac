// The flags that say how a loaded artifact answers, shared by `kolm run`, `kolm eval` and `kolm serve`
// (`--classifier-runtime` by `kolm compile` too): what scores classifier recipes, abstaining below a
// confidence, and how a cascade reaches its fallback. Turned into core's options here, at the edge (the
// token is read from the environment); core's names and checks are loaded lazily, inside run().
import { Option } from 'clipanion';
import { KolmError } from '../core/errors.ts';
import type { CascadeRuntimeOptions } from '../core/cascade/load.ts';
import type { AbstainPolicy, ClassifierRuntime, Predictor } from '../core/runtime/index.ts';
import { value } from './options.ts';
import { number } from './validators.ts';

export const runtimeFlags = {
  classifierRuntime: () => value('ts|onnx', Option.String('--classifier-runtime', 'ts', {
    description: 'What scores classifier recipes: ts (built in) or onnx (onnxruntime-node, when installed); the answers are the same',
  })),
  abstainBelow: () => value('confidence', Option.String('--abstain-below', {
    description: 'Answer --abstain-output instead when the confidence is under this (read it off the coverage curve of kolm eval)',
    validator: number({ min: 0, max: 1 }),
  })),
  abstainOutput: () => value('output', Option.String('--abstain-output', { description: 'The answer given instead, as written (e.g. oos, unknown)' })),
  fallbackUrl: () => value('url', Option.String('--fallback-url', {
    description: 'Cascade artifacts: the fallback endpoint to use instead of the URL inside the artifact; PREDIBASE_API_TOKEN is sent only to a URL named here',
  })),
  fallbackTimeout: () => value('seconds', Option.String('--fallback-timeout', {
    description: 'Cascade artifacts: seconds per fallback endpoint request (default 10)',
    validator: number({ min: 0.001 }),
  })),
  fallbackRetries: () => value('n', Option.String('--fallback-retries', {
    description: 'Cascade artifacts: retries per case on 429/5xx/dropped connections (default 1)',
    validator: number({ integer: true, min: 0 }),
  })),
  onFallbackError: () => value('error|local', Option.String('--on-fallback-error', {
    description: 'Cascade artifacts: when the fallback fails a case, error (the artifact\'s default) or answer with the recipe, flagged low_confidence',
  })),
};

/** `--classifier-runtime`, checked against core's list. */
export async function classifierRuntimeFrom(flag: string | undefined): Promise<ClassifierRuntime> {
  const { CLASSIFIER_RUNTIMES, DEFAULT_CLASSIFIER_RUNTIME } = await import('../core/runtime/index.ts');
  if (flag === undefined) return DEFAULT_CLASSIFIER_RUNTIME;
  if (!(CLASSIFIER_RUNTIMES as readonly string[]).includes(flag)) {
    throw new KolmError('E_USAGE', `unknown --classifier-runtime "${flag}"`, { hint: `choose from ${CLASSIFIER_RUNTIMES.join(', ')} (default ${DEFAULT_CLASSIFIER_RUNTIME})` });
  }
  return flag as ClassifierRuntime;
}

/** `--on-fallback-error`, checked against core's policies. */
export async function fallbackErrorPolicyFrom(flag: string | undefined): Promise<CascadeRuntimeOptions['onFallbackError']> {
  if (flag === undefined) return undefined;
  const { FALLBACK_ERROR_POLICIES } = await import('../core/cascade/config.ts');
  if (!(FALLBACK_ERROR_POLICIES as readonly string[]).includes(flag)) {
    throw new KolmError('E_USAGE', `unknown --on-fallback-error "${flag}"`, { hint: `choose from ${FALLBACK_ERROR_POLICIES.join(', ')}` });
  }
  return flag as CascadeRuntimeOptions['onFallbackError'];
}

interface RuntimeFlagValues {
  classifierRuntime?: string;
  abstainBelow?: number;
  abstainOutput?: string;
  fallbackUrl?: string;
  fallbackTimeout?: number;
  fallbackRetries?: number;
  onFallbackError?: string;
}

/** The load options these flags give: the classifier's runtime and a cascade's fallback settings. */
export async function runtimeOptionsFrom(flags: RuntimeFlagValues, context: { env: Record<string, string | undefined> }): Promise<{ classifierRuntime: ClassifierRuntime; cascade: CascadeRuntimeOptions }> {
  const onFallbackError = await fallbackErrorPolicyFrom(flags.onFallbackError);
  const token = context.env.PREDIBASE_API_TOKEN;
  return {
    classifierRuntime: await classifierRuntimeFrom(flags.classifierRuntime),
    cascade: {
      ...(token ? { token } : {}),
      ...(flags.fallbackUrl ? { fallbackUrl: flags.fallbackUrl } : {}),
      ...(flags.fallbackTimeout !== undefined ? { timeoutMs: flags.fallbackTimeout * 1000 } : {}),
      ...(flags.fallbackRetries !== undefined ? { retries: flags.fallbackRetries } : {}),
      ...(onFallbackError ? { onFallbackError } : {}),
    },
  };
}

/** `--abstain-below` with `--abstain-output` (both or neither), checked before anything loads. */
export async function abstainPolicyFrom(flags: RuntimeFlagValues): Promise<AbstainPolicy | undefined> {
  if (flags.abstainBelow === undefined && flags.abstainOutput === undefined) return undefined;
  if (flags.abstainBelow === undefined) {
    throw new KolmError('E_USAGE', '--abstain-output without --abstain-below: say under which confidence to answer it', { hint: 'e.g. --abstain-below 0.5 --abstain-output oos (the coverage curve of kolm eval shows what a threshold keeps)' });
  }
  if (flags.abstainOutput === undefined) {
    throw new KolmError('E_USAGE', `--abstain-below ${flags.abstainBelow} without --abstain-output: say what to answer instead`, { hint: `e.g. --abstain-below ${flags.abstainBelow} --abstain-output oos` });
  }
  const { checkAbstainPolicy } = await import('../core/runtime/index.ts');
  return checkAbstainPolicy({ below: flags.abstainBelow, output: flags.abstainOutput });
}

/** The predictor, abstaining under the policy when there is one. */
export async function withAbstain(predictor: Predictor, policy: AbstainPolicy | undefined): Promise<Predictor> {
  if (!policy) return predictor;
  const { abstaining } = await import('../core/runtime/index.ts');
  return abstaining(predictor, policy);
}
