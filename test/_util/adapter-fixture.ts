// A folder with everything an adapter test needs, generated now: a tiny llama base GGUF in a models
// folder (<models>/kolm-test/tiny-llama/tiny-llama.gguf), PEFT exports, and a spec naming that base.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from './tmp.ts';
import { adapterConfig, loraSafetensors, tinyBaseGguf, tinyLora, tinyWeights, writeAdapterFolder } from './tiny-llama.ts';

export const BASE_ID = 'kolm-test/tiny-llama';

export interface AdapterFixture {
  dir: string;
  models: string;
  basePath: string;
  specPath: string;
  /** PEFT export folders by name. */
  adapters: Record<string, string>;
  env: Record<string, string>;
}

export function adapterFixture(spec: Record<string, unknown> = {}): AdapterFixture {
  const dir = tmpdir();
  const models = join(dir, 'models');
  const baseDir = join(models, BASE_ID);
  mkdirSync(baseDir, { recursive: true });
  const basePath = join(baseDir, 'tiny-llama.gguf');
  writeFileSync(basePath, tinyBaseGguf(tinyWeights(7)));
  const adapters: Record<string, string> = {};
  for (const [name, seed] of [['a', 21], ['b', 22]] as const) {
    const lora = tinyLora(seed, 4, 8, undefined, 0.6);
    const folder = join(dir, `adapter-${name}`);
    mkdirSync(folder);
    writeAdapterFolder(folder, adapterConfig(lora), loraSafetensors(lora));
    adapters[name] = folder;
  }
  const specPath = join(dir, 'spec.json');
  writeFileSync(
    specPath,
    JSON.stringify({
      kolm: 1,
      task: 'continue the text',
      shape: { input: 'string', output: 'string' },
      base: BASE_ID,
      prompt: { template: 'Q: {text}\nA:' },
      generation: { max_new_tokens: 8 },
      ...spec,
    }),
  );
  return { dir, models, basePath, specPath, adapters, env: { KOLM_MODELS: models, KOLM_THREADS: '1', KOLM_GPU: '0', SOURCE_DATE_EPOCH: '1700000000' } };
}
