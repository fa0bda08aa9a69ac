// One linear pass over a JSON-lines file, run only after DuckDB refused it, to say why and where: the first
// line that is not UTF-8, not JSON or not an object, and the longest line (DuckDB refuses objects past its
// size limit, or runs out of its memory on them, and says neither which line nor that the JSON is valid).
// Lines come from the seeds LineSplitter: chunks are kept in a list and joined once per line, never
// re-concatenated per chunk, so a line of tens of megabytes costs one copy.
import { createReadStream } from 'node:fs';
import { LineSplitter } from '../seeds/lines.ts';

export type BadLineReason = 'encoding' | 'syntax' | 'not-object';

export interface JsonLinesScan {
  bad?: { line: number; reason: BadLineReason; detail?: string };
  longest: { line: number; bytes: number };
}

/** Lines longer than this are not parsed (a JSON.parse of them is the memory problem itself). */
const MAX_PARSED_LINE_BYTES = 256 * 1024 * 1024;

/** Scan the whole file (stopping at the first bad line); blank lines are skipped, as DuckDB does. */
export async function scanJsonLines(path: string): Promise<JsonLinesScan> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scan: JsonLinesScan = { longest: { line: 0, bytes: 0 } };
  const splitter = new LineSplitter((l) => {
    if (scan.bad) return;
    if (l.length > scan.longest.bytes) scan.longest = { line: l.line, bytes: l.length };
    if (l.tooLong) return;
    const bad = checkJsonLine(decoder, l.bytes);
    if (bad) scan.bad = { line: l.line, ...bad };
  }, MAX_PARSED_LINE_BYTES);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      splitter.push(chunk);
      if (scan.bad) return scan;
    }
    splitter.end();
  } finally {
    stream.destroy();
  }
  return scan;
}

function checkJsonLine(decoder: TextDecoder, bytes: Uint8Array): { reason: BadLineReason; detail?: string } | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { reason: 'encoding' };
  }
  if (text.trim() === '') return undefined;
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : { reason: 'not-object' };
  } catch (e) {
    return { reason: 'syntax', detail: (e as Error).message };
  }
}
