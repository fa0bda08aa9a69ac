import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { snakeKeys } from '../../../tui/render/json.ts';

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

test.run();
