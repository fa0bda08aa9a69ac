// A fuzz pass over the adapter-export path: mutated zips (the bounded zip reader), and valid zips whose
// adapter_config.json or safetensors were mutated (the PEFT parser, the safetensors reader and the
// converter), seeded. Every refusal is a KolmError with a code; nothing else escapes. Prints how many.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { convertPeftAdapter } from '../../../core/adapter/convert.ts';
import { readAdapterSource } from '../../../core/adapter/source.ts';
import { readBaseInfo } from '../../../core/adapter/validate.ts';
import { KolmError } from '../../../core/errors.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { adapterConfig, loraSafetensors, tinyBaseGguf, tinyLora, tinyWeights } from '../../_util/tiny-llama.ts';
import { mutate } from '../artifact/_mutate.ts';
import { rawZip } from '../artifact/_rawzip.ts';

const test = suite('adapter export fuzz');
const CASES = Number(process.env.KOLM_FUZZ_CASES ?? 2000);
const BUDGET_MS = Number(process.env.KOLM_FUZZ_BUDGET_MS ?? 60_000);

test(`${CASES} mutated adapter exports: a result or a KolmError, never another exception`, async () => {
  const dir = tmpdir();
  const basePath = join(dir, 'base.gguf');
  writeFileSync(basePath, tinyBaseGguf(tinyWeights(3)));
  const info = await readBaseInfo(basePath);
  const lora = tinyLora(5, 4, 8);
  const config = Buffer.from(adapterConfig(lora));
  const weights = Buffer.from(loraSafetensors(lora));
  const zipOf = (c: Buffer, w: Buffer, method: number) =>
    rawZip([{ name: 'a/adapter_config.json', data: c, method }, { name: 'a/adapter_model.safetensors', data: w, method }, { name: 'a/README.md', data: Buffer.from('hi') }]);
  const bases = [zipOf(config, weights, 0), zipOf(config, weights, 8)];
  const rand = seededRandom(1203);
  const codes = new Map<string, number>();
  const started = Date.now();
  let tried = 0;
  for (; tried < CASES && Date.now() - started < BUDGET_MS; tried++) {
    const k = tried % 4;
    // 0, 1: the zip's bytes; 2: the config's text; 3: the weights' bytes (inside a valid zip).
    const bytes = k < 2 ? mutate(bases[k]!, rand) : k === 2 ? zipOf(mutate(config, rand), weights, 8) : zipOf(config, mutate(weights, rand), 8);
    const path = join(dir, `case.zip`);
    writeFileSync(path, bytes);
    try {
      const src = await readAdapterSource(path);
      convertPeftAdapter(src.configText, src.weights, info, { configFile: src.configFile, weightsFile: src.weightsFile });
      codes.set('converted', (codes.get('converted') ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof KolmError)) throw new Error(`case ${tried} (kind ${k}): not a KolmError: ${(err as Error)?.stack ?? String(err)}\nbytes: ${bytes.toString('base64')}`);
      codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
    }
  }
  console.log(`  adapter fuzz: ${tried} cases in ${Date.now() - started} ms: ${JSON.stringify(Object.fromEntries(codes))}`);
  assert.ok(tried >= Math.min(CASES, 300));
});

test.run();
