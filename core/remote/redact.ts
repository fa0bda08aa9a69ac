// The bearer token must never reach a message, log line, cache file or thrown error, even when a server
// echoes it back (some gateways quote the Authorization header in their 401 bodies). Every string that
// leaves the remote client for the caller passes through a Redactor.

import { KolmError } from '../errors.ts';
import type { Reporter } from '../progress.ts';

export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

/** A redactor for the given secrets (also their URL-encoded forms); empty secrets are ignored. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const list = [...forms].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/**
 * `value` with every string in it (object keys too) passed through `redact`: the one way a result, a cache
 * line or an error's details is cleaned, so no field (a finish reason, an error type, a nested detail that a
 * server echoed the token into) is forgotten.
 */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}

/** A reporter whose every message is redacted on its way to the face. */
export function redactingReporter(reporter: Reporter, redact: Redactor): Reporter {
  return {
    progress: (e) => reporter.progress(redactDeep(e, redact)),
    info: (m) => reporter.info(redact(m)),
    warn: (m) => reporter.warn(redact(m)),
  };
}

/** The same KolmError with its message, hint, place and details redacted; itself when nothing changed. */
export function redactKolmError(err: KolmError, redact: Redactor): KolmError {
  const before = JSON.stringify([err.message, err.hint, err.place, err.data]);
  const [message, hint, place, details] = redactDeep([err.message, err.hint, err.place, err.data], redact);
  if (JSON.stringify([message, hint, place, details]) === before) return err;
  // The cause is dropped: it may hold the raw text.
  return new KolmError(err.code, message as string, {
    ...(hint !== undefined ? { hint: hint as string } : {}),
    ...(place ? { place: place as KolmError['place'] } : {}),
    ...(details !== undefined ? { details } : {}),
  });
}
