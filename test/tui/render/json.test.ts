import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { snakeKeys } from '../../../tui/render/json.ts';
import { kolm, kolmMigrate } from '../../_util/cli.ts';
import { examplesDir, tmpdir } from '../../_util/tmp.ts';

const test = suite('--json key style');

test('camelCase field names become snake_case at any depth; K-style and snake names stay', () => {
  const out = snakeKeys({ rowsIn: 3, totals: { rowsOut: { train: 1 }, sampledOut: 0 }, files: [{ splitSource: 'column' }], K: 1, K_low: 0.5, p50_ms: 2, artifactPath: '/a' });
  assert.equal(out, { rows_in: 3, totals: { rows_out: { train: 1 }, sampled_out: 0 }, files: [{ split_source: 'column' }], K: 1, K_low: 0.5, p50_ms: 2, artifact_path: '/a' });
});

test('user data and file formats under their keys are kept byte for byte', () => {
  const spec = { kolm: 1, shape: { input: { firstName: 'string' }, output: 'string' } };
  const out = snakeKeys({
    spec,
    manifest: { someKey: 1 },
    report: { input: { columns: ['firstName'], nullCells: { firstName: 2 }, length: { p50: 1 } } },
    duplicates: { conflictingRows: 1, examples: [{ input: { firstName: 'a' }, outputs: ['x'] }] },
    signer: { kind: 'key', keyHint: 'abc' },
  }) as Record<string, any>;
  assert.equal(out.spec, spec);
  assert.equal(out.manifest, { someKey: 1 });
  assert.equal(out.report.input.null_cells, { firstName: 2 }, 'column names are data');
  assert.equal(out.duplicates, { conflicting_rows: 1, examples: [{ input: { firstName: 'a' }, outputs: ['x'] }] });
  assert.equal(out.signer, { kind: 'key', key_hint: 'abc' });
});

// Keys whose children are user data or another format (labels, column names, a spec, a manifest).
const DATA = new Set(['spec', 'manifest', 'shape', 'details', 'null_cells', 'examples', 'by_label', 'by_field', 'tensors', 'input', 'output', 'prediction', 'expected', 'results', 'worst']);

function camelKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => camelKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(/[a-z][A-Z]/.test(k) ? [`${path}.${k}`] : []), ...(DATA.has(k) ? [] : camelKeys(v, `${path}.${k}`))]);
}

test('every command that prints JSON uses snake_case keys', async () => {
  const dir = tmpdir();
  const exportDir = join(examplesDir, 'trec-questions', 'predibase-export');
  const migrated = await kolmMigrate(['--yes', '--json', '--export', exportDir, '--out', join(dir, 'm')]);
  assert.is(migrated.code, 0, migrated.stderr);
  const artifact = JSON.parse(migrated.stdout).build.artifact_path as string;
  const m = (f: string) => join(dir, 'm', f);
  const outputs: [string, string][] = [['kolm-migrate --yes', migrated.stdout]];
  const commands: [string, string[]][] = [
    ['migrate convert', ['migrate', 'convert', '--export', exportDir, '--out', join(dir, 'c')]],
    ['migrate spec', ['migrate', 'spec', '--config', join(exportDir, 'config.yaml'), '--out', join(dir, 's.json')]],
    ['seeds validate', ['seeds', 'validate', m('train.jsonl'), '--spec', m('spec.json')]],
    ['compile', ['compile', '--spec', m('spec.json'), '--examples', m('train.jsonl'), '--recipe', 'lookup,classifier', '--out', join(dir, 'x.kolm')]],
    ['inspect', ['inspect', artifact]],
    ['eval', ['eval', artifact, '--examples', m('validation.jsonl'), '--out', join(dir, 'e.json')]],
    ['keygen', ['keygen', '--out', join(dir, 'k')]],
  ];
  for (const [name, args] of commands) {
    const r = await kolm([...args, '--json']);
    assert.is(r.code, 0, `${name}: ${r.stderr}`);
    outputs.push([name, r.stdout]);
  }
  for (const [name, args] of [
    ['sign', ['sign', artifact, '--key', join(dir, 'k.key')]],
    ['verify', ['verify', artifact, '--key', join(dir, 'k.pub')]],
    ['compare', ['compare', join(dir, 'e.json'), join(dir, 'e.json')]],
  ] as [string, string[]][]) {
    const r = await kolm([...args, '--json']);
    assert.is(r.code, 0, `${name}: ${r.stderr}`);
    outputs.push([name, r.stdout]);
  }
  for (const [name, stdout] of outputs) assert.equal(camelKeys(JSON.parse(stdout)), [], `${name} --json keys`);
});

test.run();
