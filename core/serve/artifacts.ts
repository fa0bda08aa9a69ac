// The artifacts one server answers for, by name (LoRAX's adapter_id / the OpenAI model field), and how
// they are loaded: every digest checked by the one reader, then the runtime's one signature gate (a kolm.sig
// that does not match is refused; unsigned is refused under `requireSignature`; the signer is checked when
// a trust is given).
// A set can swap one artifact for a newer version of it (`--watch`) while requests run on the old one.
import type { ArtifactContents, Manifest } from '../artifact/index.ts';
import { readArtifact } from '../artifact/index.ts';
import { KolmError } from '../errors.ts';
import type { ClassifierRuntime, Predictor } from '../runtime/types.ts';
import type { AdapterRuntimeOptions } from '../llm/predictor.ts';
import type { CascadeRuntimeOptions } from '../cascade/load.ts';
import { batchingPredictor } from './batcher.ts';
import { predictorFromContents, verifyArtifactSignature } from '../runtime/index.ts';
import { formatSigner, type Trust } from '../sign/index.ts';
import { inputMapper, type InputMapper } from './inputs.ts';

export interface ServedArtifact {
  name: string;
  /** Where it was loaded from ("" for bytes). */
  path: string;
  manifest: Manifest;
  rootDigest: string;
  /** verified: signer checked under a trust; unverified: kolm.sig matches, signer not checked. */
  signature: 'verified' | 'unverified' | 'unsigned';
  signer?: string;
  predictor: Predictor;
  toInput: InputMapper;
  /** Requests using this version now; a replaced version is closed when this reaches 0. */
  inFlight: number;
  retired: boolean;
}

export interface LoadOptions {
  requireSignature?: boolean;
  /** A public key or keyless identity to check the signer against. */
  trust?: Trust;
  /** Base model resolution and llama.cpp settings for adapter artifacts. */
  adapter?: AdapterRuntimeOptions;
  /** What scores classifier recipes (default 'ts'; 'onnx' needs onnxruntime-node). */
  classifierRuntime?: ClassifierRuntime;
  /** How a cascade artifact reaches its fallback (token, bounds, error policy). */
  cascade?: CascadeRuntimeOptions;
}

/** Read, verify and load one artifact for serving. */
export async function loadServedArtifact(source: string | Uint8Array, options: LoadOptions = {}): Promise<ServedArtifact> {
  const file = typeof source === 'string' ? source : '<artifact bytes>';
  const contents = await readArtifact(source);
  const checked = verifyArtifactSignature(contents, { file, requireSignature: options.requireSignature, trust: options.trust });
  const signature = checked.state;
  const signer = checked.signer ? formatSigner(checked.signer) : undefined;
  const m = contents.manifest;
  return {
    name: m.name,
    path: typeof source === 'string' ? source : '',
    manifest: m,
    rootDigest: contents.rootDigest,
    signature,
    ...(signer ? { signer } : {}),
    predictor: await servingPredictor(contents, file, options),
    toInput: inputMapper(m.name, m.spec.shape.input, m.spec.prompt?.template),
    inFlight: 0,
    retired: false,
  };
}

/**
 * The Predibase ids an artifact answers to, from its manifest's origin: `REPO/VERSION` and `REPO` (for
 * `REPO`, the set keeps the highest version served).
 */
export function predibaseIds(m: Manifest): { repo: string; versioned?: string; version: number } | undefined {
  const o = m.origin?.predibase;
  if (!o) return undefined;
  return { repo: o.repo, ...(o.version !== undefined ? { versioned: `${o.repo}/${o.version}` } : {}), version: o.version ?? 0 };
}

/** Predibase id → artifact, for every artifact that records one; two artifacts claiming one id are refused. */
function aliasMap(order: readonly ServedArtifact[], byName: ReadonlyMap<string, ServedArtifact>): Map<string, ServedArtifact> {
  const out = new Map<string, ServedArtifact>();
  const claim = (id: string, a: ServedArtifact) => {
    const other = byName.get(id) ?? out.get(id);
    if (other && other !== a) {
      throw new KolmError('E_USAGE', `"${a.name}" (${a.path || 'bytes'}) and "${other.name}" (${other.path || 'bytes'}) both answer to the adapter id "${id}"`, {
        hint: 'serve one of them, or recompile one with another --adapter-id (or --name)',
      });
    }
    out.set(id, a);
  };
  for (const a of order) {
    const ids = predibaseIds(a.manifest);
    if (ids?.versioned) claim(ids.versioned, a);
  }
  // REPO alone: the highest version served (Predibase and LoRAX read a missing version as the latest).
  const latest = new Map<string, { a: ServedArtifact; version: number }>();
  for (const a of order) {
    const ids = predibaseIds(a.manifest);
    if (!ids) continue;
    const seen = latest.get(ids.repo);
    if (seen && seen.version === ids.version) claim(ids.repo, seen.a), claim(ids.repo, a); // a tie: refused
    else if (!seen || ids.version > seen.version) latest.set(ids.repo, { a, version: ids.version });
  }
  for (const [repo, { a }] of latest) claim(repo, a);
  return out;
}

export class ArtifactSet {
  private byName = new Map<string, ServedArtifact>();
  private order: ServedArtifact[] = [];
  private aliases = new Map<string, ServedArtifact>();

  constructor(artifacts: readonly ServedArtifact[]) {
    if (artifacts.length === 0) throw new KolmError('E_USAGE', 'no artifacts to serve', { hint: 'pass one or more .kolm files' });
    for (const a of artifacts) {
      const twin = this.byName.get(a.name);
      if (twin) {
        throw new KolmError('E_USAGE', `two artifacts are named "${a.name}" (${twin.path || 'bytes'} and ${a.path || 'bytes'})`, {
          hint: 'adapter_id picks artifacts by name: recompile one with kolm compile --name',
        });
      }
      this.byName.set(a.name, a);
      this.order.push(a);
    }
    this.aliases = aliasMap(this.order, this.byName);
  }

  /** The first artifact: what a request without adapter_id gets. */
  get default(): ServedArtifact {
    return this.order[0]!;
  }

  list(): readonly ServedArtifact[] {
    return this.order;
  }

  /** By adapter_id: null or "" → the default; a name or a Predibase id (REPO, REPO/VERSION) → its artifact; unknown → undefined. */
  resolve(id: string | null | undefined): ServedArtifact | undefined {
    if (id === null || id === undefined || id === '') return this.order[0];
    return this.byName.get(id) ?? this.aliases.get(id);
  }

  /** Every id that reaches `a`: its name, then the Predibase ids it answers to. */
  ids(a: ServedArtifact): string[] {
    const out = [a.name];
    for (const [id, b] of this.aliases) if (b === a) out.push(id);
    return out;
  }

  /** Every id a request may name, for messages. */
  allIds(): string[] {
    return this.order.flatMap((a) => this.ids(a));
  }

  /** Take a version for one request; give it back with `release`. */
  acquire(a: ServedArtifact): ServedArtifact {
    a.inFlight++;
    return a;
  }

  async release(a: ServedArtifact): Promise<void> {
    a.inFlight--;
    if (a.retired && a.inFlight === 0) await a.predictor.close?.();
  }

  /**
   * Put `next` in the place of the artifact loaded from the same path. Requests that hold the old version
   * finish on it; it is closed after the last one. A name taken by another artifact is refused.
   */
  async replace(next: ServedArtifact): Promise<ServedArtifact> {
    const i = this.order.findIndex((a) => a.path === next.path);
    if (i < 0) throw new KolmError('E_USAGE', `${next.path} is not served here`);
    const old = this.order[i]!;
    const twin = this.byName.get(next.name);
    if (twin && twin !== old) {
      throw new KolmError('E_USAGE', `${next.path} is now named "${next.name}", which another served artifact already uses`, {
        hint: 'give each artifact its own name (kolm compile --name)',
      });
    }
    const order = this.order.map((a, j) => (j === i ? next : a));
    const byName = new Map(this.byName);
    byName.delete(old.name);
    byName.set(next.name, next);
    this.aliases = aliasMap(order, byName); // throws before anything changed when ids collide
    this.order = order;
    this.byName = byName;
    old.retired = true;
    if (old.inFlight === 0) await old.predictor.close?.();
    return old;
  }

  async closeAll(): Promise<void> {
    for (const a of this.order) {
      a.retired = true;
      if (a.inFlight === 0) await a.predictor.close?.();
    }
  }
}

/** Recipes answer concurrent requests in batches; adapter predictors (token streams) are used as they are. */
async function servingPredictor(contents: ArtifactContents, file: string, options: LoadOptions): Promise<Predictor> {
  const p = await predictorFromContents(contents, file, options);
  return contents.manifest.kind === 'recipe' ? batchingPredictor(p) : p;
}
