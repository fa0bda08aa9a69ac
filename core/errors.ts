// The one error type that reaches users. Every failure a user can fix is a KolmError with a stable code
// (never renamed: scripts and the Action match on it), a message that says what is wrong and where, and a
// hint that says what to do. Anything else that escapes is our bug, and the faces print it as one.

/**
 * Stable error codes. Add new codes at the end of their group; never rename or reuse one.
 * The table in README.md ("Error codes") documents each.
 */
export type ErrorCode =
  // usage and input files
  | 'E_USAGE'
  | 'E_PATH_NOT_FOUND'
  | 'E_PATH_UNREADABLE'
  | 'E_NO_DATA_FILES'
  | 'E_EMPTY_FILE'
  | 'E_BAD_CSV'
  | 'E_BAD_ENCODING'
  | 'E_BAD_PARQUET'
  | 'E_BAD_JSONL'
  | 'E_MISSING_COLUMN'
  | 'E_BAD_SPLIT'
  | 'E_NO_ROWS'
  // Ludwig / PEFT translation
  | 'E_BAD_YAML'
  | 'E_BAD_CONFIG'
  | 'E_NOT_PORTABLE'
  | 'E_BAD_TEMPLATE'
  | 'E_BAD_ADAPTER_CONFIG'
  // spec and seeds
  | 'E_BAD_SPEC'
  | 'E_BAD_SEEDS'
  // compile, artifact, runtime
  | 'E_NO_CANDIDATE'
  | 'E_BAD_ARTIFACT'
  | 'E_DIGEST_MISMATCH'
  | 'E_BAD_INPUT'
  | 'E_BAD_SIGNATURE'
  | 'E_UNSIGNED'
  | 'E_BAD_KEY'
  | 'E_BAD_ADAPTER'
  | 'E_BASE_MISMATCH'
  | 'E_BASE_NOT_FOUND'
  | 'E_RUNTIME_MISSING'
  | 'E_NOT_AVAILABLE'
  | 'E_TRAIN_FAILED'
  // eval and gates
  | 'E_GATE_FAILED'
  | 'E_REMOTE'
  // serving
  | 'E_PORT_IN_USE'
  // publishing
  | 'E_PUBLISH'
  // I/O we could not complete
  | 'E_WRITE_FAILED'
  // our bug, not the user's: what the faces call anything that is not a KolmError, and what core throws
  // when a face broke a contract (a worker that died); printed with the stack and where to report it
  | 'E_INTERNAL';

/** Where in a user's file the problem is. Every field is optional; give what you know. */
export interface ErrorPlace {
  file?: string;
  line?: number;
  column?: number | string;
  row?: number;
  path?: string;
}

export interface KolmErrorOptions {
  hint?: string;
  place?: ErrorPlace;
  /** Extra structured detail for `--json` output (e.g. a candidate table). */
  details?: unknown;
  cause?: unknown;
}

export class KolmError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly place?: ErrorPlace;
  /**
   * Structured detail for `--json` (given as `details`). Stored under another name because uvu formats
   * any thrown object with a string-only `details` property, which hid these errors in test output.
   */
  readonly data?: unknown;

  constructor(code: ErrorCode, message: string, options: KolmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KolmError';
    this.code = code;
    this.hint = options.hint;
    this.place = options.place;
    this.data = options.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.place ? { place: this.place } : {}),
      ...(this.data !== undefined ? { details: this.data } : {}),
    };
  }
}

export function isKolmError(err: unknown): err is KolmError {
  return err instanceof KolmError;
}

/** "file:line" style prefix for a place, or '' when there is none. */
export function formatPlace(place: ErrorPlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  if (place.path) parts.push(place.path);
  return parts.join(', ');
}

/** Levenshtein distance, for "did you mean" hints on column and key names. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `name` (case-insensitive), or undefined when nothing is plausibly meant. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}
