// The file edge of translation: read config.yaml and adapter_config.json from disk (a file or its folder),
// with errors that name the path. Everything after reading is pure (translate.ts, peft.ts).
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KolmError } from '../errors.ts';
import { parsePeftAdapterConfig, type PeftAdapterConfig } from './peft.ts';
import { specName } from './spec-draft.ts';
import { translateLudwigConfig, type TranslateResult } from './translate.ts';
import { parseLudwigYaml, type LudwigYaml } from './yaml.ts';

async function readText(path: string, what: string, hint: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KolmError('E_PATH_NOT_FOUND', `${what} not found: ${path}`, { hint, place: { file: path } });
    throw new KolmError('E_PATH_UNREADABLE', `cannot read ${what} ${path}: ${(err as Error).message}`, { hint: 'check the file permissions', place: { file: path }, cause: err });
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Read and parse a Ludwig config.yaml (or the config.yaml inside a folder). */
export async function readLudwigConfig(path: string): Promise<LudwigYaml> {
  const file = (await isDirectory(path)) ? join(path, 'config.yaml') : path;
  const text = await readText(file, 'Ludwig config', 'pass the config.yaml from the Predibase export, e.g. --config predibase-export/config.yaml');
  return parseLudwigYaml(text, file);
}

/** Read and parse a PEFT adapter_config.json, given the file or the adapter folder. */
export async function readPeftAdapterConfig(path: string): Promise<PeftAdapterConfig> {
  const file = (await isDirectory(path)) ? join(path, 'adapter_config.json') : path;
  const text = await readText(file, 'adapter config', 'pass the adapter folder (it holds adapter_config.json) or the adapter_config.json itself');
  return parsePeftAdapterConfig(text, file);
}

// Folder names that say nothing about the task: the spec is named after the folder above them.
const GENERIC_FOLDERS = new Set(['predibase-export', 'export', 'model', 'config', 'configs', '.', '']);

/** A spec name from where the config lives: `examples/trec-questions/predibase-export/config.yaml` → trec-questions. */
export function specNameFromConfigPath(configPath: string): string | undefined {
  let dir = dirname(resolve(configPath));
  for (let i = 0; i < 2; i++) {
    const name = basename(dir);
    if (!GENERIC_FOLDERS.has(name.toLowerCase())) return specName(name);
    dir = dirname(dir);
  }
  return undefined;
}

export interface TranslateFilesOptions {
  config: string;
  adapter?: string;
  name?: string;
}

/** Read config.yaml (+ adapter_config.json) and translate: the one call the CLI and the wizard make. */
export async function translateLudwigFiles(opts: TranslateFilesOptions): Promise<TranslateResult> {
  const yaml = await readLudwigConfig(opts.config);
  const adapter = opts.adapter ? await readPeftAdapterConfig(opts.adapter) : undefined;
  return translateLudwigConfig(yaml, { adapter, name: opts.name ?? specNameFromConfigPath(yaml.file) });
}
