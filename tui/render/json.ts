// `--json` speaks one key style, snake_case, as the eval report and the manifest do. Some core results
// (the ingestion report, the migration result) use camelCase field names; this renames those at the edge.
// Values under OPAQUE keys are user data or a file format of their own (a spec, a manifest, column names,
// labels) and are kept byte for byte.
const OPAQUE = new Set(['spec', 'manifest', 'shape', 'details', 'null_cells', 'examples', 'by_label', 'by_field', 'tensors', 'input', 'output']);

const snake = (key: string) => (/^[a-z][a-zA-Z0-9]*$/.test(key) ? key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : key);

export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = snake(k);
    out[key] = OPAQUE.has(key) && (typeof v !== 'object' || v === null || !isReportSection(v)) ? v : snakeKeys(v);
  }
  return out;
}

// The ingestion report's `input`/`output` sections are ours (columns, lengths), unlike a case's input.
function isReportSection(v: object): boolean {
  return !Array.isArray(v) && 'length' in v && typeof (v as { length: unknown }).length === 'object' && ('columns' in v || 'column' in v);
}
