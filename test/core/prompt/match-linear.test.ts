// Template read-back is linear by construction (issue 16 #3): it agrees with the old forward-scan matcher
// (the oracle, _match-reference.ts) on thousands of small generated cases full of near-matches, and on
// crafted inputs of 2 MB against literals of 10 kB, where the old one ran for minutes, one call keeps the
// event loop's longest stall under a generous bound (a behaviour, not a speed benchmark).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseTemplate, templateMatcher } from '../../../core/prompt/index.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { templateMatcher as referenceMatcher } from './_match-reference.ts';

// A small alphabet so literals and texts collide often: letters of the literals, whitespace of several kinds.
const PIECES = ['a', 'b', 'S', ':', ' ', '\n', '  ', '\t', 'ab', 'a ', ' a', 'S:', '\u00a0'];

function piece(rand: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(rand() * PIECES.length)]!;
  return out;
}

test('agrees with the forward-scan oracle on 6,000 generated templates and texts (matches and refusals)', () => {
  const rand = seededRandom(16);
  let matched = 0;
  let refused = 0;
  for (let trial = 0; trial < 6_000; trial++) {
    const fields = 1 + Math.floor(rand() * 3);
    let template = rand() < 0.5 ? piece(rand, 1 + Math.floor(rand() * 3)) : '';
    for (let f = 0; f < fields; f++) {
      template += rand() < 0.15 && f > 0 ? '{f0}' : `{f${f}}`;
      template += piece(rand, Math.floor(rand() * 4));
    }
    let parsed;
    try {
      parsed = parseTemplate(template);
    } catch {
      continue;
    }
    const ours = templateMatcher(parsed);
    const oracle = referenceMatcher(parsed);
    for (let t = 0; t < 4; t++) {
      // Half rendered-looking (the template's literals with pieces between), half noise.
      const text = t % 2 ? piece(rand, Math.floor(rand() * 14)) : template.replace(/\{f\d\}/g, () => piece(rand, Math.floor(rand() * 4)));
      const want = oracle(text);
      assert.equal(ours(text), want, `${JSON.stringify(template)} on ${JSON.stringify(text)}`);
      if (want) matched++;
      else refused++;
    }
  }
  assert.ok(matched > 1_000 && refused > 1_000, `${matched} matched, ${refused} refused`);
});

/** The longest event-loop stall (ms) while `fn` runs once, measured by node's own delay monitor. */
async function longestStall(fn: () => void): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await new Promise((r) => setTimeout(r, 30));
  fn();
  await new Promise((r) => setTimeout(r, 30));
  h.disable();
  return h.max / 1e6;
}

// The old matcher took 3 minutes on the first of these; linear, each is a few passes over 2 MB.
const BOUND_MS = 1_500;

test('crafted 2 MB texts with near-matches of 10 kB literals: one call stalls the loop less than the bound', async () => {
  const long = 'a '.repeat(5_000);
  const cases: [string, string][] = [
    [`Q: {a}${long}x{b} End`, `Q: ${'a '.repeat(1_000_000)}`],
    [`Q: {a} ${long}x`, `Q: ${'a '.repeat(1_000_000)}y`],
    [`{a}\n{b}${'ab'.repeat(5_000)}c{c}:`, `z\n${'ab'.repeat(1_000_000)}`],
    [`A: {a} B: {b} C: {c} D: {d}`, `A: ${' B: C:'.repeat(330_000)}`],
    [`{a}${'\n'.repeat(5_000)}{b}`, `x${'\n'.repeat(1_999_998)}`],
    [`U: {u}\n${'S'.repeat(10_000)}: {s}`, `U: ${('S'.repeat(9_999) + ': ').repeat(200)}`],
  ];
  for (const [template, text] of cases) {
    const m = templateMatcher(parseTemplate(template));
    let got: unknown;
    const stall = await longestStall(() => (got = m(text)));
    assert.ok(stall < BOUND_MS, `${JSON.stringify(template.slice(0, 30))}: the loop stalled ${stall.toFixed(0)} ms`);
    assert.is(got, null, 'none of them was rendered from its template');
  }
  // And a real match of the same size still reads back its fields.
  const m = templateMatcher(parseTemplate(`Q: {a}${long}x{b} End`));
  const value = 'a '.repeat(400_000).trim();
  assert.equal(m(`Q: ${value}${long}x tail End`), { a: value, b: ' tail' });
});

test.run();
