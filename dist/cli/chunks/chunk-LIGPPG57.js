import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/spec/schema.ts
import { z } from "zod";
var FIELD_TYPES = ["string", "number", "integer", "boolean", "object", "array"];
var FieldType = z.enum(FIELD_TYPES);
var Shape = z.union([
  FieldType,
  z.record(z.string().regex(/^[^\s]+$/, "field names have no whitespace"), FieldType)
]);
var OUTPUT_KINDS = ["json", "number", "label", "short", "long"];
var QUANTIZATIONS = ["int8", "int4", "f16"];
var Train = z.strictObject({
  adapter: z.literal("lora").describe("adapter type; only LoRA is carried"),
  rank: z.number().int().positive(),
  alpha: z.number().positive(),
  dropout: z.number().min(0).max(1).optional(),
  target_modules: z.union([z.array(z.string()).min(1), z.string()]).optional().describe('PEFT target_modules: a list of module-name suffixes, a regex, or "all-linear"'),
  use_rslora: z.boolean().optional(),
  epochs: z.number().positive(),
  learning_rate: z.number().positive(),
  batch_size: z.number().int().positive().optional(),
  gradient_accumulation_steps: z.number().int().positive().optional()
});
var Generation = z.strictObject({
  max_new_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  do_sample: z.boolean().optional(),
  repetition_penalty: z.number().positive().optional(),
  stop: z.array(z.string()).optional()
});
var Gates = z.strictObject({
  K_min: z.number().min(0).max(1).optional().describe("lowest K-score that passes"),
  pass_min: z.number().min(0).max(1).optional().describe("lowest pass rate that passes"),
  p50_ms_max: z.number().positive().optional(),
  p95_ms_max: z.number().positive().optional()
});
var SpecSchema = z.strictObject({
  kolm: z.literal(1).describe("spec format version"),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"').optional(),
  task: z.string().min(1),
  shape: z.strictObject({ input: Shape, output: Shape }),
  output_kind: z.enum(OUTPUT_KINDS).optional().describe("override the inferred output kind for K-score"),
  base: z.string().min(1).optional().describe("base model id (Hugging Face style) for the adapter route"),
  base_revision: z.string().min(1).optional(),
  train: Train.optional(),
  prompt: z.strictObject({ template: z.string().min(1) }).optional(),
  generation: Generation.optional(),
  quantization: z.enum(QUANTIZATIONS).optional().describe("default int8"),
  gates: Gates.optional()
}).refine((s) => !s.train || s.base, { message: '"train" needs a "base" model', path: ["train"] });
function specJsonSchema() {
  return {
    ...z.toJSONSchema(SpecSchema, { target: "draft-2020-12" }),
    $id: "https://kolm.dev/schema/spec-1.json",
    title: "kolm spec.json (version 1)"
  };
}
function issuePath(path) {
  return path.length === 0 ? "(top level)" : path.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".");
}
function parseSpec(value, file = "spec.json") {
  const result = SpecSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    if (i.code === "unrecognized_keys") {
      return i.keys.map((k) => `${issuePath([...i.path, k])}: unknown key`).join("; ");
    }
    return `${issuePath(i.path)}: ${i.message}`;
  });
  throw new KolmError("E_BAD_SPEC", `${file} is not a valid spec (version 1):
  - ${problems.join("\n  - ")}`, {
    hint: "fix the keys listed; `kolm spec schema` prints the JSON Schema",
    place: { file },
    details: problems
  });
}
function parseSpecText(text, file = "spec.json") {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError("E_BAD_SPEC", `${file} is not valid JSON: ${err.message}`, {
      hint: "check for trailing commas or unquoted keys",
      place: { file }
    });
  }
  return parseSpec(value, file);
}

// core/fs/read.ts
import { readFile } from "node:fs/promises";
function userFileError(err, { shown, hint, missing }) {
  const notFound = err?.code === "ENOENT";
  const message = notFound ? missing ?? `${shown} does not exist` : `${shown} could not be read: ${err?.message ?? String(err)}`;
  return new KolmError(notFound ? "E_PATH_NOT_FOUND" : "E_PATH_UNREADABLE", message, { hint, place: { file: shown }, cause: err });
}
async function readUserText(path, file) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    throw userFileError(err, file);
  }
}
async function readUserBytes(path, file) {
  try {
    return await readFile(path);
  } catch (err) {
    throw userFileError(err, file);
  }
}

// core/spec/read.ts
async function readSpecFile(path, shown = path) {
  const text = await readUserText(path, {
    shown,
    hint: "write one with `kolm migrate spec --config config.yaml --out spec.json`",
    missing: `no spec at ${shown}${shown === path ? "" : ` (${path} does not exist)`}`
  });
  return parseSpecText(text, shown);
}

export {
  userFileError,
  readUserText,
  readUserBytes,
  FIELD_TYPES,
  OUTPUT_KINDS,
  QUANTIZATIONS,
  SpecSchema,
  specJsonSchema,
  parseSpec,
  parseSpecText,
  readSpecFile
};
