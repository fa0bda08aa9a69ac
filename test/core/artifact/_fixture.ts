// Inputs for artifact tests, built from literals: a small manifest and payload entries.
import { createHash } from 'node:crypto';
import type { ManifestInput } from '../../../core/artifact/index.ts';

export function manifestInput(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    name: 'trec-questions',
    created: '2025-03-01T12:00:00Z',
    spec: { kolm: 1, task: 'classify the question type', shape: { input: 'string', output: 'string' } },
    kind: 'recipe',
    recipe: { type: 'classifier', entry: 'recipe/recipe.json' },
    quantization: 'int8',
    metrics: { validation: { K: 0.912, pass_rate: 0.9, n: 500, p50_ms: 0.2 } },
    compiler: { name: 'kolm-migrate', version: '0.1.0' },
    datasets: [
      { role: 'train', sha256: 'a'.repeat(64), rows: 4000 },
      { role: 'validation', sha256: 'b'.repeat(64), rows: 500 },
    ],
    output_kind: 'label',
    ...overrides,
  };
}

/** Deterministic incompressible bytes (the writer stores these rather than deflating them). */
export function noise(length: number, seed = 'kolm'): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < length; i += 32) {
    block.copy(out, i, 0, Math.min(32, length - i));
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export function payload(): Map<string, Uint8Array> {
  return new Map<string, Uint8Array>([
    ['recipe/recipe.json', Buffer.from(JSON.stringify({ labels: ['DESC', 'HUM', 'LOC', 'NUM'], bias: [0.1, 0.2, 0.3, 0.4] }).repeat(20))],
    ['recipe/model.onnx', noise(4096)],
    ['tokenizer/vocab.txt', Buffer.from(Array.from({ length: 300 }, (_, i) => `word${i}`).join('\n'))],
  ]);
}
