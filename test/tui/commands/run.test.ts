// `kolm run <artifact> <input>`: the text itself for a string-input artifact (shells and xargs strip JSON
// quotes), JSON for an object-input one, with a clear error when it is not.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { seededRandom } from '../../../core/util/random.ts';
import { kolm } from '../../_util/cli.ts';
import { slotArtifact } from '../../_util/slot-task.ts';
import { tmpdir } from '../../_util/tmp.ts';

const test = suite('kolm run');

test('a string-input artifact takes the plain text, a JSON string or {"input": ...}, all the same', async () => {
  const dir = await slotArtifact();
  const artifact = join(dir, 'slots.kolm');
  for (const [from, to] of [['Reno', 'Boston'], ['Tulsa', 'Miami']] as const) {
    const text = `I want to go from ${from} to ${to}.`;
    const answers = [];
    for (const arg of [text, JSON.stringify(text), JSON.stringify({ input: text })]) {
      const r = await kolm(['run', artifact, arg]);
      assert.is(r.code, 0, `${arg}: ${r.stderr}`);
      answers.push(JSON.parse(r.stdout));
    }
    assert.equal(JSON.parse(answers[0].output), { from_location: from, to_location: to });
    assert.equal(answers[1], answers[0]);
    assert.equal(answers[2], answers[0]);
  }
  // Text that looks like JSON but is not a case stays text: '42', '{not json', '["a"]' are questions too.
  for (const arg of ['42', '{not json', '["a"]']) {
    const r = await kolm(['run', artifact, arg]);
    assert.is(r.code, 0, `${arg}: ${r.stderr}`);
    assert.type(JSON.parse(r.stdout).output, 'string');
  }
});

/** Object-input cases: {shade, size} → the shade's family; `n` rows, seeded. */
function objectTask(n: number, seed: number): string {
  const rand = seededRandom(seed);
  const shades: Record<string, string> = { crimson: 'red', scarlet: 'red', navy: 'blue', azure: 'blue', olive: 'green', lime: 'green' };
  const names = Object.keys(shades);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const shade = names[Math.floor(rand() * names.length)]!;
    rows.push(JSON.stringify({ input: { shade, size: ['small', 'large'][i % 2] }, output: shades[shade] }));
  }
  const spec = { kolm: 1, name: 'shades', task: 'shade family', shape: { input: { shade: 'string', size: 'string' }, output: 'string' }, gates: { K_min: 0.5 } };
  return tmpdir({ 'train.jsonl': `${rows.join('\n')}\n`, 'spec.json': JSON.stringify(spec) });
}

test('an object-input artifact needs JSON, and says so with the fields when given plain text', async () => {
  for (const n of [60, 200]) {
    const dir = objectTask(n, n);
    const out = join(dir, 'shades.kolm');
    const c = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', out]);
    assert.is(c.code, 0, c.stderr);
    const ok = await kolm(['run', out, JSON.stringify({ input: { shade: 'navy', size: 'small' } })]);
    assert.is(ok.code, 0, ok.stderr);
    assert.is(JSON.parse(ok.stdout).output, 'blue');
    const plain = await kolm(['run', out, 'navy small']);
    assert.is(plain.code, 1);
    assert.match(plain.stderr, /^error\[E_BAD_INPUT\]: argument: this artifact takes an object input, given as JSON; got text that is not JSON/);
    assert.match(plain.stderr, 'hint: pass {"input": {"shade": ..., "size": ...}}');
    const bare = await kolm(['run', out, JSON.stringify({ shade: 'navy', size: 'small' })]);
    assert.is(bare.code, 1);
    assert.match(bare.stderr, 'expected an object with an "input" key');
  }
});

test('--recipe takes a comma list as well as the flag repeated; an unknown recipe is named', async () => {
  const dir = await slotArtifact();
  const base = ['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--json'];
  const tried = async (extra: string[]) => {
    const r = await kolm([...base, '--out', join(dir, `r${extra.length}.kolm`), ...extra]);
    assert.is(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout).table as { type: string }[]).map((row) => row.type);
  };
  const listed = await tried(['--recipe', 'lookup,extract']);
  assert.equal(listed, ['lookup', 'extract']);
  assert.equal(await tried(['--recipe', 'lookup', '--recipe', 'extract']), listed);
  assert.equal(await tried(['--recipe', 'extract']), ['extract']);
  const bad = await kolm([...base, '--out', join(dir, 'bad.kolm'), '--recipe', 'lookup,clasifier']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /^error\[E_USAGE\]: unknown recipe "clasifier"/);
});

test('--json prints only JSON on stdout and nothing on stderr; --verbose brings the progress back', async () => {
  const dir = await slotArtifact();
  const args = ['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', join(dir, 'j.kolm'), '--json'];
  const quiet = await kolm(args);
  assert.is(quiet.code, 0, quiet.stderr);
  assert.ok(JSON.parse(quiet.stdout).ok);
  assert.is(quiet.stderr, '');
  const verbose = await kolm([...args, '--verbose']);
  assert.is(verbose.code, 0);
  assert.ok(JSON.parse(verbose.stdout).ok, 'stdout is still JSON alone');
  assert.ok(verbose.stderr.trim().split('\n').length > 1, `progress lines on stderr: ${verbose.stderr}`);
});

test.run();
