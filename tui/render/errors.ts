// How an error ends a `kolm` command: the exit code. Its text is core's formatError (core/errors-format.ts),
// the same text the Action prints.
import { isKolmError } from '../../core/errors.ts';

export function exitCodeFor(err: unknown): number {
  if (!isKolmError(err)) return 1;
  if (err.code === 'E_USAGE') return 2;
  if (err.code === 'E_GATE_FAILED') return 3;
  return 1;
}
