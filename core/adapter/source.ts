// Finding the two files of a PEFT adapter export: a folder (Predibase/PEFT `save_pretrained` output, maybe
// one level down) or the zip Predibase's download gives. Only adapter_config.json and the safetensors are
// read; a pickle-only export (adapter_model.bin) is refused, since pickle cannot be read safely.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../artifact/limits.ts';
import { checkEntries, checkLocalHeaders, listZipEntries, openZip, readEntryBytes, type EntryBounds, type ZipRefusal } from '../artifact/zip.ts';
import { KolmError } from '../errors.ts';

export const CONFIG_NAME = 'adapter_config.json';
export const WEIGHTS_NAME = 'adapter_model.safetensors';
const PICKLE_NAME = 'adapter_model.bin';

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

// An adapter zip is as untrusted as a .kolm and is read through the same bounded primitives. The weights
// become one .kolm entry, so they get a .kolm entry's bound (a larger adapter could not be compiled); the
// config is JSON, bounded like kolm.json.
const ZIP_BOUNDS: Omit<EntryBounds, 'fileBytes'> = {
  ...DEFAULT_LIMITS,
  maxBytes: (name) => (name.endsWith(CONFIG_NAME) ? DEFAULT_LIMITS.maxManifestBytes : DEFAULT_LIMITS.maxEntryBytes),
};

function zipRefusal(path: string): ZipRefusal {
  return (message, at) =>
    new KolmError('E_BAD_ADAPTER', `${at?.entry === undefined ? path : `${path}!${at.entry}`}: ${message}`, {
      hint: 'the zip is damaged or was altered; download the adapter again, or pass the unzipped folder',
      place: { file: path, ...(at?.entry === undefined ? {} : { path: at.entry }) },
      cause: at?.cause,
    });
}

/** Every entry name of the zip, and the bytes of the config and weights entries (only those are inflated). */
async function readZip(path: string): Promise<{ names: string[]; files: Map<string, Uint8Array> }> {
  const refuse = zipRefusal(path);
  const zip = await openZip(path, (message, at) => refuse(`is ${message}`, at));
  try {
    const listing = await listZipEntries(zip, DEFAULT_LIMITS.maxEntries, refuse);
    await checkLocalHeaders(zip, listing, refuse);
    const names = listing.entries.map((e) => e.name);
    const wanted = new Set([pick(names, CONFIG_NAME), pick(names, WEIGHTS_NAME)]);
    // Other entries (READMEs, checkpoints, the pickle) are never inflated, so only these two are bounded.
    const read = listing.entries.filter((e) => wanted.has(e.name));
    checkEntries(read, { ...ZIP_BOUNDS, fileBytes: zip.fileSize }, refuse);
    const files = new Map<string, Uint8Array>();
    for (const e of read) {
      const { bytes, crcProblem } = await readEntryBytes(zip, e, refuse);
      if (crcProblem) throw refuse(crcProblem, { entry: e.name });
      files.set(e.name, bytes);
    }
    return { names, files };
  } finally {
    zip.close();
  }
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
  const fh = await open(path, 'r');
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
  const { names, files } = await readZip(path);
  const c = pick(names, CONFIG_NAME);
  const w = pick(names, WEIGHTS_NAME);
  if (!c || !w) throw missing(path, names);
  return {
    configText: new TextDecoder().decode(files.get(c)!),
    weights: files.get(w)!,
    configFile: `${path}!${c}`,
    weightsFile: `${path}!${w}`,
  };
}
