// Finding the two files of a PEFT adapter export: a folder (Predibase/PEFT `save_pretrained` output, maybe
// one level down) or the zip Predibase's download gives. Only adapter_config.json and the safetensors are
// read; a pickle-only export (adapter_model.bin) is refused, since pickle cannot be read safely.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { KolmError } from '../errors.ts';

export const CONFIG_NAME = 'adapter_config.json';
export const WEIGHTS_NAME = 'adapter_model.safetensors';
const PICKLE_NAME = 'adapter_model.bin';
const MAX_ADAPTER_BYTES = 4 * 1024 ** 3;

export interface AdapterSource {
  configText: string;
  weights: Uint8Array;
  /** Display names of the two files (path, or zip!entry). */
  configFile: string;
  weightsFile: string;
}

function missing(where: string, names: string[]): KolmError {
  const pickle = names.some((n) => n.endsWith(PICKLE_NAME));
  return new KolmError('E_BAD_ADAPTER', `${where} has no ${names.some((n) => n.endsWith(CONFIG_NAME)) ? WEIGHTS_NAME : `${CONFIG_NAME} + ${WEIGHTS_NAME}`}`, {
    hint: pickle
      ? `${PICKLE_NAME} is a pickle, which kolm does not load; convert it once with PEFT (model.save_pretrained(dir, safe_serialization=True))`
      : 'pass the folder (or the zip) that holds adapter_config.json and adapter_model.safetensors',
    place: { file: where },
  });
}

/** The shallowest entry whose base name is `name`. */
function pick(names: readonly string[], name: string): string | undefined {
  return names
    .filter((n) => n === name || n.endsWith(`/${name}`))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
}

async function listFolder(dir: string, depth = 2, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory() && depth > 0 && !e.name.startsWith('.')) out.push(...(await listFolder(dir, depth - 1, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

function readZip(path: string): Promise<Map<string, Uint8Array>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new KolmError('E_BAD_ADAPTER', `${path} is not a readable zip (${err?.message})`, { place: { file: path } }));
      const out = new Map<string, Uint8Array>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const base = entry.fileName.split('/').pop() ?? '';
        if (![CONFIG_NAME, WEIGHTS_NAME, PICKLE_NAME].includes(base) || entry.fileName.endsWith('/')) return zip.readEntry();
        if (base === PICKLE_NAME) {
          out.set(entry.fileName, new Uint8Array(0));
          return zip.readEntry();
        }
        if (entry.uncompressedSize > MAX_ADAPTER_BYTES) return reject(new KolmError('E_BAD_ADAPTER', `${path}!${entry.fileName} is over 4 GiB`, { place: { file: path } }));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Read a PEFT adapter export from a folder or a zip. */
export async function readAdapterSource(path: string): Promise<AdapterSource> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new KolmError('E_PATH_NOT_FOUND', `no adapter at ${path}`, { hint: 'pass the adapter folder (or zip) from the Predibase export', place: { file: path } });
  }
  if (st.isDirectory()) {
    const names = await listFolder(path);
    const c = pick(names, CONFIG_NAME);
    const w = pick(names, WEIGHTS_NAME);
    if (!c || !w) throw missing(path, names);
    return {
      configText: await readFile(join(path, c), 'utf8'),
      weights: await readFile(join(path, w)),
      configFile: join(path, c),
      weightsFile: join(path, w),
    };
  }
  const head = Buffer.alloc(4);
  const fh = await (await import('node:fs/promises')).open(path, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== 0x04034b50) {
    throw new KolmError('E_BAD_ADAPTER', `${path} is neither a folder nor a zip`, {
      hint: 'pass the adapter folder (adapter_config.json + adapter_model.safetensors) or the zip Predibase gives',
      place: { file: path },
    });
  }
  const entries = await readZip(path);
  const names = [...entries.keys()];
  const c = pick(names, CONFIG_NAME);
  const w = pick(names, WEIGHTS_NAME);
  if (!c || !w) throw missing(path, names);
  return {
    configText: new TextDecoder().decode(entries.get(c)!),
    weights: entries.get(w)!,
    configFile: `${path}!${c}`,
    weightsFile: `${path}!${w}`,
  };
}
