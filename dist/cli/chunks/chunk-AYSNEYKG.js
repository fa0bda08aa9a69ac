// core/errors.ts
var KolmError = class extends Error {
  code;
  hint;
  place;
  /**
   * Structured detail for `--json` (given as `details`). Stored under another name because uvu formats
   * any thrown object with a string-only `details` property, which hid these errors in test output.
   */
  data;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "KolmError";
    this.code = code;
    this.hint = options.hint;
    this.place = options.place;
    this.data = options.details;
  }
  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...this.hint ? { hint: this.hint } : {},
      ...this.place ? { place: this.place } : {},
      ...this.data !== void 0 ? { details: this.data } : {}
    };
  }
};
function isKolmError(err) {
  return err instanceof KolmError;
}
function formatPlace(place) {
  if (!place) return "";
  const parts = [];
  if (place.file) parts.push(place.file);
  if (place.line !== void 0) parts.push(`line ${place.line}`);
  if (place.row !== void 0) parts.push(`row ${place.row}`);
  if (place.column !== void 0) parts.push(`column ${place.column}`);
  if (place.path) parts.push(place.path);
  return parts.join(", ");
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(up + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
function closestName(name, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : void 0;
}

export {
  KolmError,
  isKolmError,
  formatPlace,
  closestName
};
