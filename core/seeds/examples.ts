// Loading seeds for compile and eval: validate and collect in one streaming pass, and digest the bytes
// for the manifest. A file with any bad line is refused whole, with the lines named (E_BAD_SEEDS).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { KolmError } from '../errors.ts';
import type { Example, Input } from '../runtime/types.ts';
import { validateSeedsFile } from './read.ts';
import type { RowShape } from './validate.ts';

export interface LoadedExamples {
  file: string;
  examples: Example[];
  sha256: string;
}

const SHOWN = 10;

export async function readExamples(file: string, shape?: RowShape): Promise<LoadedExamples> {
  const examples: Example[] = [];
  const hash = createHash('sha256');
  const report = await validateSeedsFile(file, {
    shape,
    limit: SHOWN,
    onRow: (row) => examples.push({ input: row.input as Input, output: row.output }),
  });
  if (!report.ok) {
    const lines = report.bad.map((b) => `  line ${b.line}: ${b.reason}`).join('\n');
    const more = report.badCount > report.bad.length ? `\n  and ${report.badCount - report.bad.length} more` : '';
    throw new KolmError('E_BAD_SEEDS', `${file} has ${report.badCount} bad line(s):\n${lines}${more}`, {
      hint: `fix or drop those lines; \`kolm seeds validate ${file}\` lists them all`,
      place: { file, line: report.bad[0]?.line },
    });
  }
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { file, examples, sha256: hash.digest('hex') };
}
