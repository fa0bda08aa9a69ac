// DuckDB's reader errors, turned into KolmErrors that name the file, the line and what to do. The patterns
// below are DuckDB 1.5's wording, learned by experiment (see test/core/ingest/read-errors.test.ts).
import { KolmError } from '../errors.ts';
import { physicalLineOfRecord, type CsvDialect } from './dialect.ts';
import { scanJsonLines, type JsonLinesScan } from './json-lines.ts';
import { firstMixedLineEnding } from './text-shape.ts';
import type { DataFile } from './sources.ts';

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

export async function csvReadError(err: unknown, file: DataFile, dialect: CsvDialect): Promise<KolmError> {
  const msg = String((err as Error)?.message ?? err);
  const record = Number(/CSV Error on Line: (\d+)/.exec(msg)?.[1] ?? NaN);
  const original = /Original Line: ([^\n]*)/.exec(msg)?.[1];
  const line = Number.isFinite(record) ? await physicalLineOfRecord(file.path, record, dialect).catch(() => record) : undefined;
  const row = Number.isFinite(record) ? record - 1 : undefined;
  const place = { file: file.path, ...(line !== undefined ? { line } : {}), ...(row !== undefined ? { row } : {}) };
  const at = line !== undefined ? `${file.path} line ${line} (data row ${row})` : file.path;
  if (/Invalid unicode|not utf-8 encoded/i.test(msg)) {
    return new KolmError('E_BAD_ENCODING', `${at} is not valid UTF-8`, {
      place,
      hint: `re-save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8 ${file.path} > fixed.csv\`)`,
      cause: err,
    });
  }
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
  if (fields) {
    return new KolmError('E_BAD_CSV', `${at} has ${fields[2]} fields but the header has ${fields[1]}${original ? `: ${excerpt(original)}` : ''}`, {
      place,
      hint: `quote fields that contain the delimiter "${printable(dialect.delimiter)}" (or line breaks) with ${dialect.quote}...${dialect.quote}, or fix the row`,
      cause: err,
    });
  }
  if (/unterminated quote/i.test(msg)) {
    return new KolmError('E_BAD_CSV', `${at} opens a quote that is never closed${original ? `: ${excerpt(original)}` : ''}`, {
      place,
      hint: `close the quote, or double a quote inside a quoted field (${dialect.quote}${dialect.quote})`,
      cause: err,
    });
  }
  if (/state machine reached an invalid state/i.test(msg)) {
    // DuckDB's strict parser fails this way on mixed line endings, and says neither which line nor why.
    const mixed = await firstMixedLineEnding(file.path, dialect.quote).catch(() => undefined);
    if (mixed) {
      return new KolmError('E_BAD_CSV', `${file.path} line ${mixed.line} ends with ${mixed.ending}, but line 1 ends with ${mixed.first}: the file mixes line endings`, {
        place: { file: file.path, line: mixed.line },
        hint: `give every line the same ending, e.g. \`sed -i 's/\\r$//' ${file.path}\` (or dos2unix) for LF throughout`,
        cause: err,
      });
    }
  }
  return new KolmError('E_BAD_CSV', `${at} cannot be read as CSV: ${firstLine(msg)}`, {
    place,
    hint: 'check the file is a CSV with a header row, one record per row',
    cause: err,
  });
}

export function parquetReadError(err: unknown, file: DataFile): KolmError {
  const msg = String((err as Error)?.message ?? err);
  if (/magic bytes|not a parquet file|parquet/i.test(msg)) {
    return new KolmError('E_BAD_PARQUET', `${file.path} is not a readable Parquet file: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: 'export it again as Parquet, or give it the extension of what it holds (.csv, .jsonl)',
      cause: err,
    });
  }
  if (/utf-?8|unicode/i.test(msg)) {
    return new KolmError('E_BAD_ENCODING', `${file.path} holds text that is not valid UTF-8: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: 'write the string columns as UTF-8',
      cause: err,
    });
  }
  return new KolmError('E_BAD_PARQUET', `${file.path} cannot be read: ${firstLine(msg)}`, { place: { file: file.path }, cause: err });
}

/** DuckDB's own limit on one JSON value (its `maximum_object_size` default), which we keep. */
export const DUCKDB_MAX_OBJECT_BYTES = 16 * 1024 * 1024;
const LONG_LINE_BYTES = 1024 * 1024;

export async function jsonReadError(err: unknown, file: DataFile): Promise<KolmError> {
  const msg = String((err as Error)?.message ?? err);
  // DuckDB's "in line N" is one past the line for newline-delimited files; find the line ourselves.
  const scan = await scanJsonLines(file.path).catch(() => undefined);
  const bad = scan?.bad;
  const sizeLimit = /maximum_object_size/i.test(msg);
  // Out of memory is a long line's fault only when there is one (a megabyte and more); else DuckDB's words.
  const memory = /Out of Memory/i.test(msg) && (scan?.longest.bytes ?? 0) >= LONG_LINE_BYTES;
  if (!bad && scan && (sizeLimit || memory)) {
    const { line, bytes } = scan.longest;
    const mb = (bytes / 1e6).toFixed(1);
    const what = sizeLimit
      ? `is ${mb} MB, over the ${DUCKDB_MAX_OBJECT_BYTES / 1024 / 1024} MiB that DuckDB reads as one JSON object (the JSON itself is valid)`
      : `is ${mb} MB; DuckDB ran out of its memory limit reading it (the JSON itself is valid)`;
    return new KolmError('E_BAD_JSONL', `${file.path} line ${line} ${what}`, {
      place: { file: file.path, line },
      hint: `shorten that row (split a long document into several rows, or drop it), or export the dataset as Parquet, which has no per-row size limit`,
      cause: err,
    });
  }
  const place = { file: file.path, ...(bad ? { line: bad.line } : {}) };
  const at = bad ? `${file.path} line ${bad.line}` : file.path;
  if (bad?.reason === 'encoding' || /invalid UTF-8/i.test(msg)) {
    return new KolmError('E_BAD_ENCODING', `${at} is not valid UTF-8`, { place, hint: 're-save the file as UTF-8', cause: err });
  }
  const what = bad?.reason === 'not-object' ? 'is not a JSON object' : bad ? `is not valid JSON${bad.detail ? ` (${bad.detail})` : ''}` : `cannot be read as JSON lines: ${firstLine(msg)}`;
  return new KolmError('E_BAD_JSONL', `${at} ${what}`, {
    place,
    hint: 'each line must be one JSON object such as {"column": "value", ...}',
    cause: err,
  });
}

export function notObjectError(file: DataFile, line: number | undefined): KolmError {
  return new KolmError('E_BAD_JSONL', `${file.path}${line ? ` line ${line}` : ''} is not a JSON object`, {
    place: { file: file.path, ...(line ? { line } : {}) },
    hint: 'each line must be one JSON object such as {"column": "value", ...}',
  });
}

/** The first line that is not UTF-8, not JSON, or not an object (blank lines are skipped, as DuckDB does). */
export async function locateBadJsonLine(path: string): Promise<JsonLinesScan['bad']> {
  return (await scanJsonLines(path)).bad;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '');
}

function printable(d: string): string {
  return d === '\t' ? '\\t' : d;
}
