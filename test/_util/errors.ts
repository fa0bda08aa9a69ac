// Catch what a call throws (sync or async), so a test can assert on the error's code, text and place.
import * as assert from 'uvu/assert';
import { KolmError } from '../../core/errors.ts';

export async function errorOf(fn: () => unknown): Promise<KolmError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof KolmError) return err;
    throw err;
  }
  assert.unreachable('expected a KolmError');
  throw new Error('unreachable');
}

/** The KolmError a synchronous call throws. */
export function errorOfSync(fn: () => unknown): KolmError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KolmError) return err;
    throw err;
  }
  assert.unreachable('expected a KolmError');
  throw new Error('unreachable');
}
