// Number flags (`--port 8080`, `--seed 42`) checked and turned into numbers the way clipanion's typanion
// validators do, without loading typanion: it was a tenth of `kolm --help`'s start-up. Same protocol: a
// failed check pushes ".: reason" (clipanion prints "invalid value for --port: reason"), a passed one
// queues the coercion of the string to its number.
import type { StrictValidator, ValidationState } from 'typanion';

export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
}

function fail(state: ValidationState | undefined, message: string): false {
  state?.errors?.push(`${state.p ?? '.'}: ${message}`);
  return false;
}

/** A number flag: `number()`, `number({ integer: true, min: 0, max: 65535 })`. */
export function number(rule: NumberRule = {}): StrictValidator<unknown, number> {
  const check = (value: unknown, state?: ValidationState): value is number => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) return fail(state, `expected a number (got ${JSON.stringify(value)})`);
    if (rule.integer && !Number.isInteger(n)) return fail(state, `expected a whole number (got ${value})`);
    if (rule.min !== undefined && rule.max !== undefined && (n < rule.min || n > rule.max)) return fail(state, `expected ${rule.min} to ${rule.max} (got ${value})`);
    if (rule.min !== undefined && n < rule.min) return fail(state, `expected at least ${rule.min} (got ${value})`);
    if (rule.max !== undefined && n > rule.max) return fail(state, `expected at most ${rule.max} (got ${value})`);
    if (typeof value === 'string') {
      if (!state?.coercions || !state.coercion) return fail(state, 'a number flag needs coercion');
      state.coercions.push([state.p ?? '.', state.coercion.bind(null, n)]);
    }
    return true;
  };
  return check as StrictValidator<unknown, number>;
}
