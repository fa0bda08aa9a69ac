// `--adapter-id` → the manifest's origin: the Predibase adapter (repository and version) a build replaces,
// so `kolm serve` answers to the ids a Predibase client already sends.
import { parsePredibaseAdapterId, type PredibaseOrigin } from '../artifact/index.ts';
import { KolmError } from '../errors.ts';

export function originFromAdapterId(id: string | undefined): { predibase: PredibaseOrigin } | undefined {
  if (id === undefined) return undefined;
  const predibase = parsePredibaseAdapterId(id);
  if (!predibase) {
    throw new KolmError('E_USAGE', `--adapter-id "${id}" is not a Predibase adapter id`, {
      hint: 'give REPO or REPO/VERSION as Predibase names the adapter, e.g. --adapter-id trec-questions/1 (a checkpoint, @N, is not an adapter)',
    });
  }
  return { predibase };
}
