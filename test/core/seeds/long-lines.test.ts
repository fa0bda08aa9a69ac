// Seeds with long lines: a valid line of tens of megabytes is read as one example (the splitter joins a
// line's chunks once), and one past the cap is reported by line number and size, not as bad JSON.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExamples } from '../../../core/seeds/examples.ts';
import { validateSeedsFile } from '../../../core/seeds/read.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../../core/seeds/lines.ts';
import { KolmError } from '../../../core/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';

const test = suite('seeds: long lines');
const dir = tmpdir();
const row = (input: string, output = 'ok') => JSON.stringify({ input, output });

for (const mb of [20, 40]) {
  test(`a valid ${mb} MB line among short ones is one example`, async () => {
    const path = join(dir, `long${mb}.jsonl`);
    const big = 'x'.repeat(mb * 1e6);
    writeFileSync(path, [row('a'), row(big, 'long'), row('b')].join('\n') + '\n');
    const { examples } = await readExamples(path);
    assert.is(examples.length, 3);
    assert.is((examples[1]!.input as string).length, big.length);
    assert.is(examples[1]!.output, 'long');
  });
}

test('a line past the cap is named with its number and size', async () => {
  const path = join(dir, 'toolong.jsonl');
  writeFileSync(path, [row('a'), row('b'), row('y'.repeat(DEFAULT_MAX_LINE_BYTES + 10)), row('c')].join('\n') + '\n');
  const report = await validateSeedsFile(path);
  assert.not.ok(report.ok);
  assert.is(report.bad[0]!.line, 3);
  assert.match(report.bad[0]!.reason, /longer than the \d+-byte limit/);
  try {
    await readExamples(path);
    assert.unreachable('refused');
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).place?.line, 3);
  }
});

test.run();
