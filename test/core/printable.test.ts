// Terminal escapes: strings that did not come from kolm are shown with their control characters escaped.
// Cases: the classic attacks (OSC title, clear screen, cursor moves, 8-bit CSI, CR overwrite, bidi
// reordering), a seeded sweep over random code points, and the core printers that quote outside text.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact, writeArtifact } from '../../core/artifact/index.ts';
import { formatError } from '../../core/errors-format.ts';
import { KolmError } from '../../core/errors.ts';
import { buildReport, compareReports, renderComparisonMarkdown, renderComparisonText, type CaseOutcome } from '../../core/eval/index.ts';
import { renderReportMarkdown } from '../../core/eval/ab.ts';
import { createScorer } from '../../core/kscore/index.ts';
import { printable } from '../../core/printable.ts';
import { seededRandom } from '../../core/util/random.ts';
import { rawZip } from './artifact/_rawzip.ts';
import { manifestInput, payload } from './artifact/_fixture.ts';
import { buildManifest } from '../../core/artifact/index.ts';

const test = suite('printable: control characters shown, not obeyed');
// What a terminal would act on: C0 but TAB/LF, DEL, C1, bidi controls.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const ATTACKS: [string, string, string][] = [
  ['OSC window title', 'task\u001b]0;owned\u0007', 'task\\x1b]0;owned\\x07'],
  ['OSC 8 hyperlink', '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\', '\\x1b]8;;http://evil\\x1b\\click\\x1b]8;;\\x1b\\'],
  ['clear screen', 'a\u001b[2J\u001b[H', 'a\\x1b[2J\\x1b[H'],
  ['8-bit CSI', 'x\u009b2Jy', 'x\\x9b2Jy'],
  ['carriage return overwrite', 'rm -rf /\rok', 'rm -rf /\\rok'],
  ['backspaces', 'evil\b\b\b\bgood', 'evil\\x08\\x08\\x08\\x08good'],
  ['NUL and DEL', 'a\u0000b\u007f', 'a\\x00b\\x7f'],
  ['bidi override (Trojan Source)', 'access\u202e nimda\u202c', 'access\\u202e nimda\\u202c'],
  ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
];

for (const [label, input, shown] of ATTACKS) {
  test(`${label} is escaped`, () => {
    assert.is(printable(input), shown);
    assert.not.match(printable(input), ACTIVE);
  });
}

test('line breaks kept by default, escaped on request; tabs and ordinary Unicode untouched', () => {
  assert.is(printable('a\nb\tc'), 'a\nb\tc');
  assert.is(printable('a\nb', { newlines: false }), 'a\\nb');
  const plain = 'café ✅ 東京 🚀 Ωμέγα — “quotes” ½';
  assert.is(printable(plain), plain);
});

test('a seeded sweep of random strings: nothing active survives, clean text is unchanged', () => {
  const rand = seededRandom(7);
  let tried = 0;
  for (let i = 0; i < 3000; i++) {
    const len = 1 + Math.floor(rand() * 24);
    let s = '';
    for (let k = 0; k < len; k++) {
      const r = rand();
      s += String.fromCodePoint(r < 0.3 ? Math.floor(rand() * 0x40) : r < 0.4 ? 0x7f + Math.floor(rand() * 0x30) : r < 0.5 ? 0x2000 + Math.floor(rand() * 0x80) : 0x20 + Math.floor(rand() * 0x3000));
    }
    const out = printable(s, { newlines: false });
    assert.not.match(out, ACTIVE, JSON.stringify(s));
    assert.not.match(out, /\n/);
    if (!ACTIVE.test(s) && !s.includes('\n')) assert.is(out, s);
    tried++;
  }
  assert.is(tried, 3000);
});

test('formatError escapes message, place and hint; only our own colour codes remain', () => {
  const e = new KolmError('E_BAD_ARTIFACT', 'task is \u001b]0;owned\u0007', { hint: 'see \u001b[2J', place: { file: 'a\u001b[1A.kolm', path: 'x\ry' } });
  const plain = formatError(e);
  assert.not.match(plain, ACTIVE);
  const colored = formatError(e, { color: true });
  assert.equal([...new Set(colored.match(/\u001b\[[0-9;]*m/g))].sort(), ['\u001b[22m', '\u001b[2m', '\u001b[31m', '\u001b[39m'].sort());
  assert.not.match(colored.replace(/\u001b\[[0-9;]*m/g, ''), ACTIVE);
  assert.not.match(formatError(new Error('raw \u001b[2J')), ACTIVE);
});

test('a manifest with an unknown key holding escapes: the refusal prints escaped', async () => {
  const entries = payload();
  const { manifest } = buildManifest(manifestInput(), entries);
  const hostile = { ...manifest, ['\u001b]0;pwned\u0007']: 1 };
  const zip = rawZip([{ name: 'kolm.json', data: Buffer.from(JSON.stringify(hostile)) }, ...[...entries].map(([name, data]) => ({ name, data }))]);
  let error: unknown;
  try {
    await readArtifact(zip, { name: 'x.kolm' });
  } catch (err) {
    error = err;
  }
  assert.instance(error, KolmError);
  assert.ok((error as KolmError).message.includes('\u001b'), 'the raw message quotes the key');
  assert.not.match(formatError(error), ACTIVE);
  assert.match(formatError(error), /\\x1b\]0;pwned\\x07: unknown key/);
  await writeArtifact({ manifest: manifestInput(), entries }); // the fixture itself is fine
});

test('eval renderers: case text, names and outputs from a server are escaped (text and Markdown)', () => {
  const scorer = createScorer('label', { labels: ['A', 'B'] });
  const cases = (out: string[]): CaseOutcome[] => out.map((o, i) => ({ input: `in ${i} \u001b[2J`, reference: 'A', prediction: o, latency_ms: 1 + i }));
  const a = buildReport({ name: 'kolm' }, cases(['A', 'B', 'A']), scorer);
  const b = buildReport({ name: 'remote\u001b]0;t\u0007' }, cases(['B\u009b2J', 'A\rX', 'A']), scorer);
  const c = compareReports(a, b);
  for (const out of [renderComparisonText(c), renderComparisonMarkdown(c), renderReportMarkdown(b)]) {
    assert.not.match(out, ACTIVE);
    assert.match(out, /\\x1b|\\x9b/);
  }
});

test.run();
