// tui/render/json.ts
var OPAQUE = /* @__PURE__ */ new Set(["spec", "manifest", "shape", "details", "null_cells", "examples", "by_label", "by_field", "tensors", "input", "output"]);
var snake = (key) => /^[a-z][a-zA-Z0-9]*$/.test(key) ? key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase() : key;
function snakeKeys(value) {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const key = snake(k);
    out[key] = OPAQUE.has(key) && (typeof v !== "object" || v === null || !isReportSection(v)) ? v : snakeKeys(v);
  }
  return out;
}
function isReportSection(v) {
  return !Array.isArray(v) && "length" in v && typeof v.length === "object" && ("columns" in v || "column" in v);
}

export {
  snakeKeys
};
