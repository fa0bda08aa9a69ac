// spec.json version 1 (DESIGN §4): one zod definition that validates, gives the TypeScript type and is
// exported as JSON Schema (`kolm spec schema`). Unknown keys are errors, reported with their path.
import { z } from 'zod';
import { KolmError } from '../errors.ts';

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'] as const;
const FieldType = z.enum(FIELD_TYPES);

/** "string" for one free-text value, or an object naming each field and its type. */
const Shape = z.union([
  FieldType,
  z.record(z.string().regex(/^[^\s]+$/, 'field names have no whitespace'), FieldType),
]);

export const OUTPUT_KINDS = ['json', 'number', 'label', 'short', 'long'] as const;
export const QUANTIZATIONS = ['int8', 'int4', 'f16'] as const;

const Train = z.strictObject({
  adapter: z.literal('lora').describe('adapter type; only LoRA is carried'),
  rank: z.number().int().positive(),
  alpha: z.number().positive(),
  dropout: z.number().min(0).max(1).optional(),
  target_modules: z.union([z.array(z.string()).min(1), z.string()]).optional()
    .describe('PEFT target_modules: a list of module-name suffixes, a regex, or "all-linear"'),
  use_rslora: z.boolean().optional(),
  epochs: z.number().positive(),
  learning_rate: z.number().positive(),
  batch_size: z.number().int().positive().optional(),
  gradient_accumulation_steps: z.number().int().positive().optional(),
});

const Generation = z.strictObject({
  max_new_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  do_sample: z.boolean().optional(),
  repetition_penalty: z.number().positive().optional(),
  stop: z.array(z.string()).optional(),
});

const Gates = z.strictObject({
  K_min: z.number().min(0).max(1).optional().describe('lowest K-score that passes'),
  pass_min: z.number().min(0).max(1).optional().describe('lowest pass rate that passes'),
  p50_ms_max: z.number().positive().optional(),
  p95_ms_max: z.number().positive().optional(),
});

export const SpecSchema = z
  .strictObject({
    kolm: z.literal(1).describe('spec format version'),
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"').optional(),
    task: z.string().min(1),
    shape: z.strictObject({ input: Shape, output: Shape }),
    output_kind: z.enum(OUTPUT_KINDS).optional().describe('override the inferred output kind for K-score'),
    base: z.string().min(1).optional().describe('base model id (Hugging Face style) for the adapter route'),
    base_revision: z.string().min(1).optional(),
    train: Train.optional(),
    prompt: z.strictObject({ template: z.string().min(1) }).optional(),
    generation: Generation.optional(),
    quantization: z.enum(QUANTIZATIONS).optional().describe('default int8'),
    gates: Gates.optional(),
  })
  .refine((s) => !s.train || s.base, { message: '"train" needs a "base" model', path: ['train'] });

export type Spec = z.infer<typeof SpecSchema>;
export type Shape = z.infer<typeof Shape>;
export type Gates = z.infer<typeof Gates>;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** The published JSON Schema for spec.json. */
export function specJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SpecSchema, { target: 'draft-2020-12' }),
    $id: 'https://kolm.dev/schema/spec-1.json',
    title: 'kolm spec.json (version 1)',
  } as Record<string, unknown>;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
}

/** Validate an already-parsed spec object; throws E_BAD_SPEC listing every problem with its key path. */
export function parseSpec(value: unknown, file = 'spec.json'): Spec {
  const result = SpecSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => `${issuePath([...i.path, k])}: unknown key`).join('; ');
    }
    return `${issuePath(i.path)}: ${i.message}`;
  });
  throw new KolmError('E_BAD_SPEC', `${file} is not a valid spec (version 1):\n  - ${problems.join('\n  - ')}`, {
    hint: 'fix the keys listed; `kolm spec schema` prints the JSON Schema',
    place: { file },
    details: problems,
  });
}

/** Parse spec.json text (JSON syntax errors become E_BAD_SPEC with the position). */
export function parseSpecText(text: string, file = 'spec.json'): Spec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError('E_BAD_SPEC', `${file} is not valid JSON: ${(err as Error).message}`, {
      hint: 'check for trailing commas or unquoted keys',
      place: { file },
    });
  }
  return parseSpec(value, file);
}
