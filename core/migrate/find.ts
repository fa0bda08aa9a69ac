// Finding a Predibase export on disk: the `predibase-export/` folder (data files + config.yaml) and, when
// present, the `predibase-adapter/` folder beside it. Used by the wizard and `kolm-migrate --yes`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KolmError } from '../errors.ts';
import { formatOf, SUPPORTED_EXTENSIONS } from '../ingest/index.ts';

export interface FoundExport {
  /** Folder holding the data files and config.yaml. */
  exportDir: string;
  config: string;
  /** PEFT adapter folder (adapter_config.json), when one sits beside the export. */
  adapterDir?: string;
  dataFiles: string[];
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const CONFIG_NAMES = ['config.yaml', 'config.yml', 'model_hyperparameters.yaml'];

function dataFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => formatOf(n) !== undefined)
    .sort()
    .map((n) => join(dir, n));
}

/** Describe `dir` as an export when it holds a config and data files; null otherwise. */
export function tryExportAt(dir: string): FoundExport | null {
  if (!isDir(dir)) return null;
  const config = CONFIG_NAMES.map((n) => join(dir, n)).find(existsSync);
  const dataFiles = dataFilesIn(dir);
  if (!config || dataFiles.length === 0) return null;
  const adapterDir = [join(dirname(dir), 'predibase-adapter'), join(dir, 'predibase-adapter'), join(dir, 'adapter')].find((d) =>
    existsSync(join(d, 'adapter_config.json')),
  );
  return { exportDir: dir, config, dataFiles, ...(adapterDir ? { adapterDir } : {}) };
}

/** Every export under `root` (itself, its children, grandchildren), nearest first. */
export function findExports(root: string): FoundExport[] {
  const found: FoundExport[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number) => {
    const hit = tryExportAt(dir);
    if (hit && !seen.has(hit.exportDir)) {
      seen.add(hit.exportDir);
      found.push(hit);
    }
    if (depth === 0) return;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = join(dir, name);
      if (isDir(child)) visit(child, depth - 1);
    }
  };
  if (isDir(root)) visit(root, 2);
  return found;
}

/** The export at `path`, or the one found under it; a clear error when there is none or several. */
export function getExport(path: string): FoundExport {
  if (!existsSync(path)) {
    throw new KolmError('E_PATH_NOT_FOUND', `${path} does not exist`, {
      hint: 'pass the folder Predibase gave you, e.g. --export predibase-export/',
      place: { file: path },
    });
  }
  const found = tryExportAt(path) ?? (() => {
    const all = findExports(path);
    if (all.length > 1) {
      throw new KolmError('E_USAGE', `${path} holds ${all.length} exports: ${all.map((e) => e.exportDir).join(', ')}`, {
        hint: 'pass one of them with --export',
      });
    }
    return all[0] ?? null;
  })();
  if (!found) {
    throw new KolmError('E_NO_DATA_FILES', `no Predibase export in ${path}: it needs a config.yaml and data files (${SUPPORTED_EXTENSIONS})`, {
      hint: `put the Ludwig config.yaml beside the CSV/Parquet files (folder: ${basename(path)})`,
      place: { file: path },
    });
  }
  return found;
}
