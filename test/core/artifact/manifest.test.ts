import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildManifest, checkManifest, serializeManifest, type Manifest } from '../../../core/artifact/index.ts';
import { manifestInput, payload } from './_fixture.ts';

const valid = (): Manifest => buildManifest(manifestInput(), payload()).manifest;

test('a full manifest (adapter with base ref, eval metrics) is valid', () => {
  const m = {
    ...valid(),
    kind: 'adapter',
    recipe: undefined,
    base: { id: 'meta-llama/Llama-3.1-8B-Instruct', revision: '0e9e39f', file: 'model.safetensors', sha256: 'c'.repeat(64) },
    metrics: { validation: { K: 0.9, pass_rate: 0.88, n: 100 }, eval: { K: 0.91, pass_rate: 0.9, n: 200, p50_ms: 40, p95_ms: 90 } },
  };
  const r = checkManifest(m);
  assert.ok(r.ok, r.ok ? '' : r.problems.join('; '));
});

test('unknown keys, a wrong format, bad digests and bad enums are each reported with their path', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...valid(), extra: 1 }, /^extra: unknown key$/],
    [{ ...valid(), metrics: { validation: { K: 0.5, pass_rate: 0.5, n: 1, p99: 3 } } }, /metrics\.validation\.p99: unknown key/],
    [{ ...valid(), format: 2 }, /^format: /],
    [{ ...valid(), files: { 'a.bin': 'sha256:XYZ' } }, /files\.a\.bin: sha256:<64 lowercase hex>/],
    [{ ...valid(), kind: 'model' }, /^kind: /],
    [{ ...valid(), created: 'yesterday' }, /^created: /],
    [{ ...valid(), datasets: [{ role: 'test', sha256: 'a'.repeat(64), rows: 1 }] }, /datasets\.\[0\]\.role/],
    [{ ...valid(), compiler: { name: 'other', version: '1' } }, /compiler\.name/],
  ];
  for (const [value, problem] of cases) {
    const r = checkManifest(value);
    assert.not.ok(r.ok);
    if (!r.ok) assert.ok(r.problems.some((p) => problem.test(p)), `${problem} in ${r.problems.join(' | ')}`);
  }
});

test('serializeManifest: format first, keys sorted, same bytes whatever the key order of the value', () => {
  const m = valid();
  const text = Buffer.from(serializeManifest(m)).toString();
  assert.ok(text.startsWith('{\n  "format": 1,\n  "name": "trec-questions",'));
  assert.ok(text.endsWith('}\n'));
  const shuffled = JSON.parse(JSON.stringify(m), (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
  );
  assert.is(Buffer.from(serializeManifest(shuffled)).toString(), text);
  assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(m)));
});

test.run();
