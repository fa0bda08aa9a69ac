import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/cascade/config.ts
import { z } from "zod";
var CASCADE_ENTRY = "cascade.json";
var CASCADE_FORMAT = 1;
var FALLBACK_ERROR_POLICIES = ["error", "local"];
var Fraction = z.number().min(0).max(1);
var Point = z.strictObject({
  threshold: z.number().min(0),
  local: Fraction,
  K: Fraction,
  pass_rate: Fraction,
  p50_ms: z.number().min(0).optional(),
  p95_ms: z.number().min(0).optional()
});
var Whole = z.strictObject({ K: Fraction, pass_rate: Fraction });
var ArtifactFallback = z.strictObject({
  type: z.literal("artifact"),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).describe("the fallback artifact, found as NAME.kolm beside the cascade or in the models folder"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the fallback .kolm file")
});
var EndpointFallback = z.strictObject({
  type: z.literal("endpoint"),
  url: z.url().describe("the /generate URL; never a token (that comes from the environment at run time)"),
  kind: z.enum(["lorax", "predibase"]),
  adapter_id: z.string().min(1).optional()
});
var CascadeConfigSchema = z.strictObject({
  format: z.literal(CASCADE_FORMAT),
  threshold: z.number().min(0).describe("the recipe answers when its confidence is at or above this"),
  chosen: Point,
  curve: z.array(Point),
  recipe_only: Whole,
  fallback_only: Whole,
  held_out: z.strictObject({ source: z.enum(["validation", "eval"]), n: z.number().int().positive() }),
  fallback: z.discriminatedUnion("type", [ArtifactFallback, EndpointFallback]),
  on_fallback_error: z.enum(FALLBACK_ERROR_POLICIES)
});
function parseCascadeConfig(bytes, file) {
  const bad = (why) => new KolmError("E_BAD_ARTIFACT", `${file}: ${CASCADE_ENTRY} ${why}`, { hint: "rebuild it with kolm compile --cascade", place: { file, path: CASCADE_ENTRY } });
  if (!bytes) throw bad("is missing (a cascade artifact needs it)");
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw bad(`is not JSON: ${err.message}`);
  }
  const parsed = CascadeConfigSchema.safeParse(value);
  if (!parsed.success) throw bad(`is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
function serializeCascadeConfig(config) {
  return new TextEncoder().encode(`${JSON.stringify(CascadeConfigSchema.parse(config), null, 2)}
`);
}

export {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  FALLBACK_ERROR_POLICIES,
  CascadeConfigSchema,
  parseCascadeConfig,
  serializeCascadeConfig
};
