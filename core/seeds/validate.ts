// Validation of seed JSONL (DESIGN §3 step 3): every line is `{"input": ..., "output": ...}` of the spec's
// shape (or, without a spec, of the shape the first row implies). Streams: memory stays constant however
// large the file, bounded by the longest line (itself capped). Every bad line is counted; only the first
// `limit` are kept, so a file where every row is bad does not grow the report.
//
// Decisions (documented for users in `kolm seeds validate --help`):
// - blank lines are errors, except blank lines at the very end of the file;
// - keys other than input/output are warnings, not errors: tools add ids or split markers, and compile
//   ignores them; each unknown key is reported once with the number of rows that carry it;
// - a UTF-8 BOM at the start of the file is accepted; CRLF line ends are accepted;
// - invalid UTF-8 is reported with the byte offset of the first bad byte (column = byte offset + 1).
import { KolmError } from '../errors.ts';
import { silentReporter, type Reporter } from '../progress.ts';
import type { Shape } from '../spec/index.ts';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, firstInvalidUtf8Offset, type RawLine } from './lines.ts';
import { checkShape, inferShape } from './shape.ts';

export interface RowShape {
  input: Shape;
  output: Shape;
}

export interface SeedsIssue {
  line: number;
  reason: string;
  /** 1-based; characters for JSON syntax errors, bytes for encoding errors. */
  column?: number;
}

export interface SeedsWarning {
  /** First line where it occurs. */
  line: number;
  reason: string;
  /** Rows that carry it. */
  count: number;
}

export interface SeedsReport {
  ok: boolean;
  /** Data lines read (trailing blank lines are not rows). */
  rows: number;
  valid: number;
  badCount: number;
  /** The first `limit` bad lines, in file order. */
  bad: SeedsIssue[];
  warnings: SeedsWarning[];
  shape: RowShape | null;
  shapeSource: 'spec' | 'inferred' | null;
  bytes: number;
}

export interface ValidateSeedsOptions {
  /** The spec's shape; without it the first row with both keys sets the shape. */
  shape?: RowShape;
  /** How many bad lines to keep in the report (all are counted). Default 50. */
  limit?: number;
  maxLineBytes?: number;
  reporter?: Reporter;
  /** Total bytes, when known, for progress. */
  totalBytes?: number;
  /** Called with every valid row, in file order: lets a reader validate and load in one pass. */
  onRow?: (row: { input: unknown; output: unknown }, line: number) => void;
}

const ROW_KEYS = new Set(['input', 'output']);
const MAX_TRACKED_KEYS = 50;
const PROGRESS_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * A line-at-a-time checker: feed it every line (with its number) and take the report at the end.
 * The streaming functions below drive it; tests and other faces may drive it directly.
 */
export function createSeedsChecker(options: ValidateSeedsOptions = {}) {
  const limit = options.limit ?? 50;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let shape: RowShape | null = options.shape ?? null;
  const shapeSource: SeedsReport['shapeSource'] = options.shape ? 'spec' : null;
  let inferred = false;
  const bad: SeedsIssue[] = [];
  let badCount = 0;
  let rows = 0;
  // Blank lines are only errors when something follows them, so a run of them waits here.
  let pendingBlankFrom = 0;
  let pendingBlankCount = 0;
  const unknownKeys = new Map<string, SeedsWarning>();

  const report = (issue: SeedsIssue) => {
    badCount++;
    if (bad.length < limit) bad.push(issue);
  };

  const flushBlanks = () => {
    for (let i = 0; i < pendingBlankCount && bad.length < limit; i++) bad.push({ line: pendingBlankFrom + i, reason: 'empty line' });
    rows += pendingBlankCount;
    badCount += pendingBlankCount;
    pendingBlankCount = 0;
  };

  function line(raw: RawLine): void {
    if (raw.tooLong) {
      flushBlanks();
      rows++;
      report({ line: raw.line, reason: `line is ${raw.length} bytes, longer than the ${options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES}-byte limit` });
      return;
    }
    let text: string;
    try {
      text = decoder.decode(raw.bytes);
    } catch {
      flushBlanks();
      rows++;
      const at = firstInvalidUtf8Offset(raw.bytes);
      report({ line: raw.line, reason: `invalid UTF-8 at byte ${at + 1} of the line`, column: at + 1 });
      return;
    }
    if (raw.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') {
      if (pendingBlankCount === 0) pendingBlankFrom = raw.line;
      pendingBlankCount++;
      return;
    }
    flushBlanks();
    rows++;
    checkRow(text, raw.line);
  }

  function checkRow(text: string, lineNo: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      const position = /at position (\d+)/.exec(message);
      report({ line: lineNo, reason: `not JSON: ${message}`, ...(position ? { column: Number(position[1]) + 1 } : {}) });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report({ line: lineNo, reason: `not an object: the row is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, expected {"input": ..., "output": ...}` });
      return;
    }
    const row = value as Record<string, unknown>;
    for (const key of Object.keys(row)) {
      if (ROW_KEYS.has(key)) continue;
      const seen = unknownKeys.get(key);
      if (seen) seen.count++;
      else if (unknownKeys.size < MAX_TRACKED_KEYS) unknownKeys.set(key, { line: lineNo, reason: `unknown key "${key}" (ignored)`, count: 1 });
    }
    const missing = ['input', 'output'].filter((k) => !(k in row));
    if (missing.length > 0) {
      report({ line: lineNo, reason: `missing key ${missing.map((k) => `"${k}"`).join(' and ')}` });
      return;
    }
    // Without a spec the first row that is valid under its own shape sets the shape; rows before it that
    // fail (null or empty values) are reported and do not set it.
    const candidate = shape ?? { input: inferShape('input', row.input), output: inferShape('output', row.output) };
    const problems = [...checkShape('input', row.input, candidate.input), ...checkShape('output', row.output, candidate.output)];
    if (problems.length > 0) {
      report({ line: lineNo, reason: problems.join('; ') });
      return;
    }
    if (!shape) {
      shape = candidate;
      inferred = true;
    }
    options.onRow?.({ input: row.input, output: row.output }, lineNo);
  }

  function finish(): Omit<SeedsReport, 'bytes'> {
    // Trailing blank lines are not rows and not errors.
    pendingBlankCount = 0;
    return {
      ok: rows > 0 && badCount === 0,
      rows,
      valid: rows - badCount,
      badCount,
      bad,
      warnings: [...unknownKeys.values()].map((w) => ({ ...w, reason: `${w.reason} on ${w.count} row${w.count === 1 ? '' : 's'}` })),
      shape,
      shapeSource: shapeSource ?? (inferred ? 'inferred' : null),
    };
  }

  return { line, finish };
}

/**
 * Validate JSONL from a stream of chunks (a file ReadStream, stdin). `name` is used in errors.
 * Throws E_EMPTY_FILE when there are no rows at all; otherwise returns the report (ok or not).
 */
export async function validateSeedsStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  name: string,
  options: ValidateSeedsOptions = {},
): Promise<SeedsReport> {
  const reporter = options.reporter ?? silentReporter;
  const checker = createSeedsChecker(options);
  const splitter = new LineSplitter(checker.line, options.maxLineBytes);
  let read = 0;
  let nextProgress = PROGRESS_EVERY_BYTES;
  reporter.progress({ stage: 'seeds:validate', done: 0, total: options.totalBytes, message: name });
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    splitter.push(bytes);
    read += bytes.length;
    if (read >= nextProgress) {
      reporter.progress({ stage: 'seeds:validate', done: read, total: options.totalBytes, message: name });
      nextProgress = read + PROGRESS_EVERY_BYTES;
    }
  }
  splitter.end();
  reporter.progress({ stage: 'seeds:validate', done: read, total: options.totalBytes ?? read, message: name });
  const result = checker.finish();
  if (result.rows === 0) {
    throw new KolmError('E_EMPTY_FILE', `${name} has no rows`, {
      hint: 'seed files hold one {"input": ..., "output": ...} object per line; `kolm migrate convert` writes one',
      place: { file: name },
    });
  }
  return { ...result, bytes: read };
}
