// The resume cache: one JSON line per finished case, appended as each case finishes, so an interrupted A/B
// continues where it stopped. A line is reused only for the same case id AND the same request digest
// (endpoint + inputs + parameters), so a changed prompt, adapter or max_new_tokens is sent again. The cache
// is append-only by design (not an atomic rewrite): a line cut short by a crash is skipped on read.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KolmError } from '../errors.ts';
import { redactDeep, type Redactor } from './redact.ts';
import type { RemoteResult } from './types.ts';

export const CACHE_VERSION = 1;

/** A finished case as stored: the result (less the `cached` flag) with the format version and request digest. */
export type CacheLine = Omit<RemoteResult, 'cached'> & { v: typeof CACHE_VERSION; digest: string };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of what decides a case's answer: where it goes and the exact body sent. Never the token. */
export function requestDigest(url: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical({ url, body }))).digest('hex');
}

/** Cached lines by case id (the last line for an id wins). A missing file is an empty cache. */
export async function readCache(path: string): Promise<Map<string, CacheLine>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new KolmError('E_PATH_UNREADABLE', `cannot read the A/B cache ${path}: ${(err as Error).message}`, {
      hint: 'check its permissions, or delete it to send every case again',
      place: { file: path },
      cause: err,
    });
  }
  const out = new Map<string, CacheLine>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // a line cut short by an interrupted write
    }
    const p = parsed as Partial<CacheLine>;
    if (p && p.v === CACHE_VERSION && typeof p.id === 'string' && typeof p.digest === 'string' && typeof p.attempts === 'number') {
      out.set(p.id, p as CacheLine);
    }
  }
  return out;
}

export function cacheLineFor(result: RemoteResult, digest: string): CacheLine {
  const line: CacheLine = { v: CACHE_VERSION, id: result.id, digest, attempts: result.attempts };
  if (result.output !== undefined) line.output = result.output;
  if (result.latency_ms !== undefined) line.latency_ms = result.latency_ms;
  if (result.error) line.error = result.error;
  if (result.finish_reason !== undefined) line.finish_reason = result.finish_reason;
  if (result.generated_tokens !== undefined) line.generated_tokens = result.generated_tokens;
  return line;
}

export function resultFromCache(line: CacheLine): RemoteResult {
  const r: RemoteResult = { id: line.id, attempts: line.attempts, cached: true };
  if (line.output !== undefined) r.output = line.output;
  if (line.latency_ms !== undefined) r.latency_ms = line.latency_ms;
  if (line.error) r.error = line.error;
  if (line.finish_reason !== undefined) r.finish_reason = line.finish_reason;
  if (line.generated_tokens !== undefined) r.generated_tokens = line.generated_tokens;
  return r;
}

/** Appends lines one write at a time, in order, so concurrent finishes never interleave inside a line. */
export class CacheWriter {
  private chain: Promise<void> = Promise.resolve();
  private failure: KolmError | undefined;

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly redact: Redactor,
  ) {}

  /** Every line is redacted as it is written (`redact`: the run's token), whatever field holds the secret. */
  static async open(path: string, redact: Redactor = (t) => t): Promise<CacheWriter> {
    try {
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'a+');
      // A previous run killed mid-line left no newline at the end: start on a fresh line.
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) await handle.appendFile('\n');
      }
      return new CacheWriter(path, handle, redact);
    } catch (err) {
      throw writeFailed(path, err);
    }
  }

  append(line: CacheLine): Promise<void> {
    const text = JSON.stringify(redactDeep(line, this.redact)) + '\n';
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await this.handle.appendFile(text);
      } catch (err) {
        this.failure = writeFailed(this.path, err);
      }
    });
    return this.chain.then(() => {
      if (this.failure) throw this.failure;
    });
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

function writeFailed(path: string, err: unknown): KolmError {
  return new KolmError('E_WRITE_FAILED', `cannot write the A/B cache ${path}: ${(err as Error).message}`, {
    hint: 'check that the folder is writable and the disk has space',
    place: { file: path },
    cause: err,
  });
}
