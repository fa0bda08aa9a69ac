// The example exports converted to {input, output} examples, through the real ingestion (DuckDB), once per
// test process, cached by folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getExport, migrateExport } from '../../core/migrate/index.ts';
import type { Example } from '../../core/runtime/index.ts';
import type { Spec } from '../../core/spec/index.ts';
import { examplesDir, tmpdir } from './tmp.ts';

export interface ConvertedExample {
  dir: string;
  spec: Spec;
  specPath: string;
  train: Example[];
  validation: Example[];
}

const cache = new Map<string, Promise<ConvertedExample>>();

function readJsonl(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Example);
}

export function convertedExample(name: 'trec-questions' | 'tweet-emotion' | 'bus-slots'): Promise<ConvertedExample> {
  let p = cache.get(name);
  if (!p) {
    p = (async () => {
      const dir = tmpdir();
      const result = await migrateExport({ found: getExport(join(examplesDir, name, 'predibase-export')), outDir: dir, tmpDir: tmpdir() });
      return {
        dir,
        spec: result.spec,
        specPath: result.specPath,
        train: readJsonl(join(dir, 'train.jsonl')),
        validation: readJsonl(join(dir, 'validation.jsonl')),
      };
    })();
    cache.set(name, p);
  }
  return p;
}
