// Using the resume cache (cache.ts) in a run: which cases were already answered for the very request this
// run would send, and which are still to send.
import { resultFromCache, type CacheLine } from './cache.ts';
import type { RemoteCase, RemoteResult } from './types.ts';

export interface ResumeState {
  /** One slot per case: the cached result, or undefined for a case still to send. */
  results: (RemoteResult | undefined)[];
  /** Indices of the cases to send, in order. */
  pending: number[];
}

/**
 * Split the cases into answered and pending. A cached line counts only for the same request digest and
 * only when it holds an output: a cached failure is sent again. No cache (undefined): every case is pending.
 */
export function resumeState(cases: readonly RemoteCase[], digests: readonly string[], cached: ReadonlyMap<string, CacheLine> | undefined): ResumeState {
  const results: (RemoteResult | undefined)[] = new Array(cases.length);
  const pending: number[] = [];
  if (!cached) {
    for (let i = 0; i < cases.length; i++) pending.push(i);
    return { results, pending };
  }
  cases.forEach((c, i) => {
    const line = cached.get(c.id);
    if (line && line.digest === digests[i] && line.output !== undefined && !line.error) results[i] = resultFromCache(line);
    else pending.push(i);
  });
  return { results, pending };
}
