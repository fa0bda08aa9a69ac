// CSV dialect: DuckDB sniffs delimiter, quote and escape; we check what it found against the header line,
// because on a file with a ragged row the sniffer settles for one column (or skips rows) instead of
// failing. Then the file is read with that dialect fixed and strict, so a bad row is an error with a line.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IngestConnection } from './duckdb.ts';
import { filePath, LITERAL_FILE } from './sql.ts';

export interface CsvDialect {
  delimiter: string;
  quote: string;
  escape: string;
  columns: string[];
}

const DELIMITER_CANDIDATES = [',', '\t', ';', '|'];

export async function detectCsvDialect(conn: IngestConnection, path: string): Promise<CsvDialect> {
  const header = await readHeaderRecord(path);
  const fromHeader = headerDialect(header);
  let sniffed: CsvDialect | undefined;
  try {
    const [row] = await conn.all(
      `SELECT "Delimiter" AS d, "Quote" AS q, "Escape" AS e, "Columns" AS c FROM sniff_csv(${filePath(path)}, ${LITERAL_FILE}, header=true, skip=0, all_varchar=true)`,
    );
    if (row) {
      const quote = row.q === '(empty)' ? '' : String(row.q);
      const escape = row.e === '(empty)' ? '' : String(row.e);
      sniffed = {
        delimiter: String(row.d),
        // No quote in the sniffed sample does not mean none later: keep RFC 4180 quoting, as pandas does.
        quote: quote || '"',
        escape: escape || (quote === '' || quote === '"' ? '"' : ''),
        columns: (row.c as { name: string }[]).map((c) => c.name),
      };
    }
  } catch {
    // The sniffer gives up on some small or broken files; the header line still tells the delimiter.
  }
  if (sniffed && (sniffed.columns.length === fromHeader.columns.length || fromHeader.columns.length === 1)) return sniffed;
  return fromHeader;
}

/** The first record of the file (quotes may span lines), BOM stripped, from at most the first 1 MiB. */
async function readHeaderRecord(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let text = new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead));
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let inQuote = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') inQuote = !inQuote;
      else if ((ch === '\n' || ch === '\r') && !inQuote) return text.slice(0, i);
    }
    return text;
  } finally {
    await fh.close();
  }
}

function headerDialect(header: string): CsvDialect {
  const counts = DELIMITER_CANDIDATES.map((d) => countOutsideQuotes(header, d));
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = counts[best]! > 0 ? DELIMITER_CANDIDATES[best]! : ',';
  return { delimiter, quote: '"', escape: '"', columns: splitHeader(header, delimiter) };
}

function countOutsideQuotes(s: string, ch: string): number {
  let n = 0;
  let inQuote = false;
  for (const c of s) {
    if (c === '"') inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}

function splitHeader(s: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      if (inQuote && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else inQuote = !inQuote;
    } else if (c === delimiter && !inQuote) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((c, i) => c.trim() || `column${i}`);
}

/**
 * The physical line on which CSV record `record` starts (1 = the header). DuckDB's "CSV Error on Line: N"
 * counts records, which differs from lines once a quoted field spans lines. Only used on the error path.
 */
export async function physicalLineOfRecord(path: string, record: number, dialect: Pick<CsvDialect, 'quote' | 'escape'>): Promise<number> {
  const quote = dialect.quote ? dialect.quote.charCodeAt(0) : -1;
  const escape = dialect.escape && dialect.escape !== dialect.quote ? dialect.escape.charCodeAt(0) : -1;
  let line = 1;
  let rec = 1;
  let inQuote = false;
  let skipNext = false;
  if (record <= 1) return 1;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (skipNext) {
        skipNext = false;
        if (b !== 0x0a) continue;
      }
      if (inQuote && b === escape) skipNext = true;
      else if (b === quote) inQuote = !inQuote;
      else if (b === 0x0a) {
        line++;
        if (!inQuote && ++rec === record) return line;
      }
    }
  }
  return line;
}
