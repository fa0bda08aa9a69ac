// What DuckDB reports badly about a text file's bytes, found by us instead: an encoding that is not UTF-8
// (a UTF-16 export reads as columns full of NUL bytes and becomes a "missing column"), and mixed line
// endings (DuckDB's strict CSV parser says only "state machine reached an invalid state").
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { KolmError } from '../errors.ts';

export type TextEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

const SNIFF_BYTES = 4096;

/** The encoding the first bytes show when it is a UTF-16/32 one (by its BOM, or NULs in every other byte). */
export function sniffWideEncoding(head: Uint8Array): TextEncoding | undefined {
  const b = head;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  // No BOM: ASCII-range text in UTF-16 has a NUL in every other byte; UTF-8 text has none at all.
  const pairs = Math.floor(Math.min(b.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (b[2 * i] === 0) evenNul++;
    if (b[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.1) return 'UTF-16LE';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.1) return 'UTF-16BE';
  return undefined;
}

/** Refuse a UTF-16/32 text file up front, naming the encoding and how to convert it. Compressed files are skipped. */
export async function refuseWideEncoding(path: string, kind: 'CSV' | 'JSON'): Promise<void> {
  if (/\.(gz|zst)$/i.test(path)) return;
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const encoding = sniffWideEncoding(head);
  if (!encoding) return;
  const ext = kind === 'CSV' ? 'csv' : 'jsonl';
  throw new KolmError('E_BAD_ENCODING', `${path} is ${encoding} text; kolm reads ${kind} files as UTF-8`, {
    place: { file: path },
    hint: `convert it to UTF-8, e.g. \`iconv -f ${encoding.replace(/(LE|BE)$/, '')} -t UTF-8 ${path} > converted.${ext}\` (or save it as "CSV UTF-8" from the spreadsheet)`,
  });
}

export type LineEnding = 'CRLF' | 'LF' | 'CR';

/**
 * The first physical line (1-based) whose ending differs from the first line's, outside quoted fields
 * (a line break inside quotes is data), or undefined when the file uses one ending throughout.
 */
export async function firstMixedLineEnding(path: string, quote: string): Promise<{ line: number; ending: LineEnding; first: LineEnding } | undefined> {
  const q = quote ? quote.charCodeAt(0) : -1;
  let first: LineEnding | undefined;
  let line = 1;
  let inQuote = false;
  let pendingCr = false;
  const seen = (ending: LineEnding) => {
    if (!first) first = ending;
    else if (ending !== first) return { line, ending, first };
    line++;
    return undefined;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        const found = seen(c === 0x0a ? 'CRLF' : 'CR');
        if (found) return found;
        if (c === 0x0a) continue;
      }
      if (c === q) inQuote = !inQuote;
      else if (inQuote) {
        if (c === 0x0a || c === 0x0d) line += c === 0x0a ? 1 : 0;
      } else if (c === 0x0d) pendingCr = true;
      else if (c === 0x0a) {
        const found = seen('LF');
        if (found) return found;
      }
    }
  }
  if (pendingCr) return seen('CR');
  return undefined;
}
