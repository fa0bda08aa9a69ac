import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KolmError } from '../../../core/errors.ts';
import { validateSeedsFile } from '../../../core/seeds/read.ts';

const test = suite('seeds read');
let dir = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kolm-seeds-'));
});
test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a multi-MB file with a 6 MB line validates, line numbers intact after it', async () => {
  const path = join(dir, 'big.jsonl');
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  for (let i = 0; i < 20_000; i++) await write(`${JSON.stringify({ input: `question ${i} ${'pad '.repeat(20)}`, output: `L${i % 6}` })}\n`);
  await write(`${JSON.stringify({ input: 'é'.repeat(3 * 1024 * 1024), output: 'LONG' })}\n`); // 6 MiB of UTF-8
  await write(`${JSON.stringify({ input: 'after', output: '' })}\n`);
  out.end();
  await once(out, 'finish');
  const r = await validateSeedsFile(path);
  assert.is(r.rows, 20_002);
  assert.equal(r.bad, [{ line: 20_002, reason: 'output is an empty string' }]);
  assert.ok(r.bytes > 8 * 1024 * 1024, `bytes ${r.bytes}`);
});

test('a missing file is E_PATH_NOT_FOUND naming it; a folder is E_PATH_UNREADABLE', async () => {
  for (const [path, code] of [[join(dir, 'nope.jsonl'), 'E_PATH_NOT_FOUND'], [dir, 'E_PATH_UNREADABLE']] as const) {
    try {
      await validateSeedsFile(path);
      assert.unreachable('should throw');
    } catch (err) {
      assert.instance(err, KolmError);
      assert.is((err as KolmError).code, code);
      assert.match((err as KolmError).message, path);
    }
  }
});

test('an empty file is E_EMPTY_FILE', async () => {
  const path = join(dir, 'empty.jsonl');
  await writeFile(path, '');
  try {
    await validateSeedsFile(path);
    assert.unreachable('should throw');
  } catch (err) {
    assert.is((err as KolmError).code, 'E_EMPTY_FILE');
  }
});

test.run();
