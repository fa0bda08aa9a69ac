// The template's inverse (match.ts): text rendered from a template gives back each field's text, also when
// a client changed whitespace the template does not make meaningful; text not rendered from it gives null.
// Templates and values are generated at several shapes, and every case is checked both ways.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate, renderTemplate, templateMatcher } from '../../../core/prompt/index.ts';
import { seededRandom } from '../../../core/util/random.ts';

const matcher = (t: string) => templateMatcher(parseTemplate(t));

const WORDS = ['Paris', 'to', 'the', 'bus', 'Reno', 'from', 'what', 'is', 'a', '42', 'Q:', 'x-y'];
const LITERALS = ['Utterance: ', '\nSlots: ', '\n### Response:', ' | ', '\n\nInput:\n', 'Question: ', ' -> ', '\nA:'];

/** Replace every whitespace run of `text` outside the values by another run (space, newlines, tabs). */
function reflow(text: string, rand: () => number): string {
  const runs = [' ', '\n', '  ', '\n\n', '\t', ' \n '];
  return text.replace(/\s+/g, () => runs[Math.floor(rand() * runs.length)]!);
}

test('generated templates: rendered text round-trips, also with its whitespace reflowed', () => {
  const rand = seededRandom(3);
  let checked = 0;
  for (let n = 1; n <= 4; n++) {
    for (let trial = 0; trial < 40; trial++) {
      const fields = Array.from({ length: n }, (_, i) => `f${i}`);
      let template = LITERALS[Math.floor(rand() * 3)]!;
      fields.forEach((f, i) => (template += `{${f}}${i === n - 1 ? LITERALS[2]! : LITERALS[1 + Math.floor(rand() * (LITERALS.length - 1))]!}`));
      const values: Record<string, string> = {};
      for (const f of fields) values[f] = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');
      const text = renderTemplate(template, values);
      const m = matcher(template);
      assert.equal(m(text), values, template);
      // Reflowing whitespace keeps each value's words (its own spaces may change with the reflow).
      const got = m(reflow(text, rand));
      assert.ok(got, `${JSON.stringify(template)} reflowed`);
      for (const f of fields) assert.is(got[f]!.split(/\s+/).join(' '), values[f], f);
      checked++;
    }
  }
  assert.is(checked, 160);
});

test('text not rendered from the template is not matched; literal text must appear as written', () => {
  const m = matcher('Utterance: {utterance}\nSlots: {requested_slots}\n### Response:');
  assert.equal(m('Utterance: go to Reno Slots: to_location ### Response:'), { utterance: 'go to Reno', requested_slots: 'to_location' });
  assert.equal(m('  Utterance:\tgo\n\nSlots:  a,b\n### Response:\n'), { utterance: 'go', requested_slots: 'a,b' });
  assert.is(m('Utterance: go Slot: a ### Response:'), null, 'a literal word changed');
  assert.is(m('Utterance: go Slots: a ### Response: more'), null, 'text after the end');
  assert.is(m('utterance: go Slots: a ### Response:'), null, 'case matters');
  assert.is(m('Utterance: goSlots: a ### Response:'), null, 'whitespace the template has cannot vanish');
});

test('whitespace alone between two fields separates them and must appear as written; repeated fields must agree', () => {
  const m = matcher('{a}\n{b}');
  assert.equal(m('one two\nthree'), { a: 'one two', b: 'three' });
  assert.is(m('one two three'), null);
  const r = matcher('Q: {q} (again: {q}) A:');
  assert.equal(r('Q: hi there (again: hi there) A:'), { q: 'hi there' });
  assert.equal(r('Q: hi there (again: hi\nthere) A:'), { q: 'hi there' });
  assert.is(r('Q: hi (again: bye) A:'), null);
});

test('an empty field between whitespace literals; the last field takes the rest', () => {
  const m = matcher('A: {a}\nB: {b}');
  assert.equal(m('A: \nB: x y'), { a: '', b: 'x y' });
  assert.equal(m('A: 1 B: 2 B: 3'), { a: '1', b: '2 B: 3' }, 'lazy, then greedy');
});

test('long inputs with many near-matches are matched in one forward pass (no backtracking)', () => {
  const m = matcher('Utterance: {u}\nSlots: {s}\n### Response:');
  const near = 'Slots ### Respons '.repeat(20_000);
  const text = `Utterance: ${near}\nSlots: x\n### Response:`;
  assert.equal(m(text), { u: near.trimEnd(), s: 'x' });
  assert.is(m(`Utterance: ${' '.repeat(200_000)}x`), null);
  assert.is(m(`Utterance: ${'Slots: '.repeat(30_000)}`), null);
});

test.run();
