// Hostile or odd config.yaml: every refusal is a KolmError with the file and, where known, the line; none
// is a plain exception (the faces print those as "internal error ... this is a bug"). Aliases are the
// classic attack: an expansion bomb, a self-containing alias, an alias without an anchor. Then a sweep of
// generated configs that put the wrong type in every place of a real one.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { KolmError } from '../../../core/errors.ts';
import { parseLudwigYaml, translateLudwigYaml } from '../../../core/ludwig/index.ts';
import { examplesDir } from '../../_util/tmp.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { mutate } from '../artifact/_mutate.ts';

const test = suite('ludwig: hostile config.yaml');

function refused(text: string): KolmError {
  try {
    translateLudwigYaml(text, 'exp/config.yaml');
  } catch (err) {
    if (!(err instanceof KolmError)) throw new Error(`not a KolmError: ${(err as Error)?.stack ?? String(err)}`);
    assert.ok(err.hint, 'has a hint');
    assert.is(err.place?.file, 'exp/config.yaml');
    return err;
  }
  assert.unreachable('expected a refusal');
  throw new Error('unreachable');
}

function laughs(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return `model_type: llm\nbase_model: a/b\n${lines.join('\n')}\n`;
}

for (const [levels, width] of [[9, 9], [6, 20], [30, 2]] as const) {
  test(`an alias bomb (${levels} levels of ${width}) is E_BAD_YAML at the first alias`, () => {
    const e = refused(laughs(levels, width));
    assert.is(e.code, 'E_BAD_YAML');
    assert.match(e.message, /alias bomb/);
    assert.is(e.place?.line, 4);
  });
}

test('a small, honest use of aliases is still read', () => {
  const y = parseLudwigYaml('common: &c {type: text}\ninput_features:\n  - {name: prompt, <<: *c}\n  - *c\n');
  assert.equal((y.value as { input_features: unknown[] }).input_features[1], { type: 'text' });
});

test('an alias inside its own anchor (a cyclic config) is E_BAD_YAML', () => {
  for (const text of ['model_type: llm\na: &x\n  b: *x\n', 'model_type: llm\nlist: &l\n  - 1\n  - *l\n', 'input_features: &f\n  - name: p\n    type: text\n    more: *f\n']) {
    const e = refused(text);
    assert.is(e.code, 'E_BAD_YAML');
    assert.match(e.message, /refers to a value that contains it/);
  }
});

test('an alias with no anchor is E_BAD_YAML naming it', () => {
  const e = refused('model_type: llm\nbase_model: *nope\n');
  assert.is(e.code, 'E_BAD_YAML');
  assert.ok(e.code === 'E_BAD_YAML' && /nope|alias/i.test(e.message), e.message);
});

// Every place of a real config, given each of these instead: what a hand-edited or generated config holds.
const ODD: unknown[] = [null, 0, -1, 1e309, 'x', '', true, [], [null], {}, { a: 1 }, [[]], '{a}', '\u001b[2J'];

function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => places((value as Record<string | number, unknown>)[k], [...path, k]))];
}

function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = v;
  return copy;
}

test('every place of the example configs, given an odd value: a result or a KolmError, never a crash', () => {
  let tried = 0;
  let refusedCount = 0;
  for (const name of ['bus-slots', 'trec-questions', 'tweet-emotion']) {
    const base = parse(readFileSync(join(examplesDir, name, 'predibase-export', 'config.yaml'), 'utf8'));
    for (const path of places(base)) {
      for (const odd of ODD) {
        tried++;
        const text = stringify(setAt(base, path, odd));
        try {
          translateLudwigYaml(text, 'exp/config.yaml');
        } catch (err) {
          if (!(err instanceof KolmError)) {
            throw new Error(`${name}: ${JSON.stringify(path)} = ${JSON.stringify(odd)} threw ${(err as Error)?.stack ?? String(err)}`);
          }
          refusedCount++;
        }
      }
    }
  }
  console.log(`  ludwig sweep: ${tried} configs, ${refusedCount} refused with a code`);
  assert.ok(tried > 300 && refusedCount > 0);
});

test('a fuzz pass: 3000 byte-mutated example configs give a spec or a KolmError, never a crash', () => {
  const texts = ['bus-slots', 'trec-questions', 'tweet-emotion'].map((n) => readFileSync(join(examplesDir, n, 'predibase-export', 'config.yaml')));
  const rand = seededRandom(9);
  const codes = new Map<string, number>();
  let tried = 0;
  for (; tried < 3000; tried++) {
    const text = mutate(texts[tried % 3]!, rand).toString('utf8');
    try {
      translateLudwigYaml(text, 'exp/config.yaml');
      codes.set('translated', (codes.get('translated') ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof KolmError)) throw new Error(`case ${tried}: ${(err as Error)?.stack ?? String(err)}\n${JSON.stringify(text)}`);
      codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
    }
  }
  console.log(`  ludwig fuzz: ${tried} configs: ${JSON.stringify(Object.fromEntries(codes))}`);
  assert.ok((codes.get('E_BAD_YAML') ?? 0) > 0 && (codes.get('translated') ?? 0) > 0);
});

test.run();
