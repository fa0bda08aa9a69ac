// kolm.json, format 1 (DESIGN §8): what the artifact is, how it was made, and the SHA-256 of every other
// entry. One zod definition validates it and gives its type; unknown keys are errors, as in spec.json.
import { z } from 'zod';
import { OUTPUT_KINDS, QUANTIZATIONS, SpecSchema } from '../spec/index.ts';
import { ENTRY_DIGEST_PATTERN } from './digest.ts';

export const ARTIFACT_FORMAT = 1;
export const ARTIFACT_KINDS = ['recipe', 'adapter', 'cascade'] as const;
export const RECIPE_TYPES = ['lookup', 'classifier', 'extract', 'composite'] as const;
/** The spec's quantizations, plus `none` for artifacts without weights (most recipes). */
export const ARTIFACT_QUANTIZATIONS = [...QUANTIZATIONS, 'none'] as const;
export const DATASET_ROLES = ['train', 'validation', 'eval'] as const;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 (64 characters)');
const Fraction = z.number().min(0).max(1);
const Count = z.number().int().min(0);

const Metrics = z.strictObject({
  K: Fraction,
  pass_rate: Fraction,
  n: Count,
  p50_ms: z.number().min(0).optional(),
  p95_ms: z.number().min(0).optional(),
  ece: Fraction.optional().describe('expected calibration error of the confidences (15 bins)'),
  coverage: z
    .array(z.strictObject({ threshold: Fraction, answered: Fraction, K: Fraction }))
    .max(100)
    .optional()
    .describe('answering only cases with confidence ≥ threshold: the share answered and their K'),
});

const RepoName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PredibaseOrigin = z.strictObject({
  repo: z.string().regex(RepoName, 'letters, digits, ".", "_" and "-"').describe('the Predibase adapter repository'),
  version: z.number().int().positive().optional().describe('the adapter version in that repository'),
});
export type PredibaseOrigin = z.infer<typeof PredibaseOrigin>;

/**
 * A Predibase adapter id as its SDK and deployments take it, `REPO` or `REPO/VERSION`, → the origin to record;
 * undefined when the text is not one (a checkpoint, `REPO/VERSION@N`, names a training step, not an adapter).
 */
export function parsePredibaseAdapterId(id: string): PredibaseOrigin | undefined {
  const slash = id.indexOf('/');
  const repo = slash < 0 ? id : id.slice(0, slash);
  const version = slash < 0 ? undefined : id.slice(slash + 1);
  if (!RepoName.test(repo)) return undefined;
  if (version === undefined) return { repo };
  return /^[1-9][0-9]{0,8}$/.test(version) ? { repo, version: Number(version) } : undefined;
}

const Nullable = z.number().nullable();
/** How a trained adapter was made (kolm compile --runtime): enough to tell two runs apart and to redo one. */
const Training = z.strictObject({
  engine: z.record(z.string(), z.string()).describe('engine versions: trl, peft, transformers, torch, accelerate, tokenizers, python'),
  runtime: z.string().describe('local, ssh://host or cloud'),
  device: z.strictObject({ type: z.string(), name: z.string(), count: Count }),
  config: z.strictObject({ lora: z.record(z.string(), z.unknown()), train: z.record(z.string(), z.unknown()) })
    .describe('the trainer config as run: every LoRA and SFT hyperparameter'),
  base: z.record(z.string(), z.string()).describe('the weights trained on: {id, revision} or {path}'),
  steps: Count,
  seconds: z.number().min(0),
  max_length: Count,
  train_loss: Nullable,
  eval_loss: Nullable,
  eval_loss_start: Nullable.describe('eval loss before the first step'),
  loss_curve: z.array(z.tuple([Count, Nullable])).describe('[step, loss] as logged'),
  peak_memory: z.strictObject({ gpu_bytes: Nullable, host_rss_bytes: Count }),
});
export type ManifestTraining = z.infer<typeof Training>;

export const ManifestSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"'),
  created: z.iso.datetime({ offset: true }).describe('taken from the inputs, not the clock, unless asked'),
  spec: SpecSchema,
  kind: z.enum(ARTIFACT_KINDS),
  recipe: z.strictObject({ type: z.enum(RECIPE_TYPES), entry: z.string().min(1) }).optional()
    .describe('the recipe config entry the runtime loads first'),
  base: z
    .strictObject({
      id: z.string().min(1).describe('base model id, Hugging Face style'),
      revision: z.string().min(1).optional(),
      file: z.string().regex(/^(?!\.\.?$)[^/\\\u0000-\u001f\u007f]+$/, 'a plain file name (no folder part)').optional()
        .describe('the pinned weights file of the base model, looked up inside the models folder'),
      sha256: Hex64.optional().describe('SHA-256 of that weights file'),
    })
    .optional(),
  origin: z
    .strictObject({ predibase: PredibaseOrigin })
    .optional()
    .describe('where the fine-tune came from; `kolm serve` answers to its Predibase adapter ids too'),
  training: Training.optional().describe('the training run, for adapters kolm trained'),
  quantization: z.enum(ARTIFACT_QUANTIZATIONS),
  metrics: z.strictObject({ validation: Metrics.optional(), eval: Metrics.optional() }).optional(),
  sizes: z.strictObject({
    total_bytes: Count.describe('sum of the uncompressed payload entries (kolm.json and kolm.sig excluded)'),
    entries: z.record(z.string(), Count),
  }),
  compiler: z.strictObject({ name: z.literal('kolm-migrate'), version: z.string().min(1) }),
  datasets: z.array(z.strictObject({ role: z.enum(DATASET_ROLES), sha256: Hex64, rows: Count })),
  output_kind: z.enum(OUTPUT_KINDS),
  files: z.record(z.string(), z.string().regex(ENTRY_DIGEST_PATTERN, 'sha256:<64 lowercase hex>')),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export type ManifestMetrics = z.infer<typeof Metrics>;
/**
 * What a caller gives the writer: the manifest without the parts derived from the entries (`files`, `sizes`).
 * A manifest read back from an artifact may keep them; the writer checks they agree with the entries.
 */
export type ManifestInput = Omit<Manifest, 'format' | 'files' | 'sizes'> & Partial<Pick<Manifest, 'format' | 'files' | 'sizes'>>;

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
}

/** Validate a parsed kolm.json; the list of problems (each with its key path) or the manifest. */
export function checkManifest(value: unknown): { ok: true; manifest: Manifest } | { ok: false; problems: string[] } {
  const result = ManifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: result.data };
  const problems = result.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => `${issuePath([...i.path, k])}: unknown key`).join('; ')
      : `${issuePath(i.path)}: ${i.message}`,
  );
  return { ok: false, problems };
}

const TOP_LEVEL_ORDER = Object.keys(ManifestSchema.shape);

/**
 * The exact bytes of kolm.json: keys sorted at every level (top level in schema order, so `format` comes
 * first), two-space indent, trailing newline. The same manifest value always gives the same bytes, whatever
 * the order its object keys were built in.
 */
export function serializeManifest(manifest: Manifest): Uint8Array {
  const sorted = sortKeys(manifest) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_LEVEL_ORDER) if (sorted[key] !== undefined) ordered[key] = sorted[key];
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
