// cascade.json, the entry that makes a recipe artifact a cascade: the threshold, the curve it was chosen
// from, and what answers below it (an adapter artifact by name and digest, or an endpoint URL with no
// secret in it). Listed in kolm.json's `files` and covered by kolm.sig like every entry.
import { z } from 'zod';
import { KolmError } from '../errors.ts';

export const CASCADE_ENTRY = 'cascade.json';
export const CASCADE_FORMAT = 1;
export const FALLBACK_ERROR_POLICIES = ['error', 'local'] as const;
export type FallbackErrorPolicy = (typeof FALLBACK_ERROR_POLICIES)[number];

const Fraction = z.number().min(0).max(1);
const Point = z.strictObject({
  threshold: z.number().min(0),
  local: Fraction,
  K: Fraction,
  pass_rate: Fraction,
  p50_ms: z.number().min(0).optional(),
  p95_ms: z.number().min(0).optional(),
});
const Whole = z.strictObject({ K: Fraction, pass_rate: Fraction });

const ArtifactFallback = z.strictObject({
  type: z.literal('artifact'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).describe('the fallback artifact, found as NAME.kolm beside the cascade or in the models folder'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the fallback .kolm file'),
});
const EndpointFallback = z.strictObject({
  type: z.literal('endpoint'),
  url: z.url().describe('the /generate URL; never a token (that comes from the environment at run time)'),
  kind: z.enum(['lorax', 'predibase']),
  adapter_id: z.string().min(1).optional(),
});

export const CascadeConfigSchema = z.strictObject({
  format: z.literal(CASCADE_FORMAT),
  threshold: z.number().min(0).describe('the recipe answers when its confidence is at or above this'),
  chosen: Point,
  curve: z.array(Point),
  recipe_only: Whole,
  fallback_only: Whole,
  held_out: z.strictObject({ source: z.enum(['validation', 'eval']), n: z.number().int().positive() }),
  fallback: z.discriminatedUnion('type', [ArtifactFallback, EndpointFallback]),
  on_fallback_error: z.enum(FALLBACK_ERROR_POLICIES),
});

export type CascadeConfig = z.infer<typeof CascadeConfigSchema>;
export type FallbackRef = CascadeConfig['fallback'];

export function parseCascadeConfig(bytes: Uint8Array | undefined, file: string): CascadeConfig {
  const bad = (why: string) =>
    new KolmError('E_BAD_ARTIFACT', `${file}: ${CASCADE_ENTRY} ${why}`, { hint: 'rebuild it with kolm compile --cascade', place: { file, path: CASCADE_ENTRY } });
  if (!bytes) throw bad('is missing (a cascade artifact needs it)');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw bad(`is not JSON: ${(err as Error).message}`);
  }
  const parsed = CascadeConfigSchema.safeParse(value);
  if (!parsed.success) throw bad(`is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function serializeCascadeConfig(config: CascadeConfig): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(CascadeConfigSchema.parse(config), null, 2)}\n`);
}
