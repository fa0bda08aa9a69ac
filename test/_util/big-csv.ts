// A CSV export large enough that converting it takes a while (for interrupting a convert midway): columns
// q, a; `rows` rows, written in blocks with backpressure.
import { createWriteStream } from 'node:fs';

export async function bigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('q,a\n');
  for (let i = 0; i < rows; i += 10_000) {
    let block = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) block += `question number ${k} about something,answer ${k % 97}\n`;
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}
