// core/kscore/normalize.ts
var QUOTE_PAIRS = { '"': '"', "'": "'", "`": "`", "\u201C": "\u201D", "\u2018": "\u2019", "\xAB": "\xBB", "\u201E": "\u201C" };
var ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
var WHITESPACE_RUN = /\s+/g;
var CACHE_LIMIT = 1e4;
function normalizeKeepCase(text) {
  let s = ASCII_PRINTABLE.test(text) ? text.trim() : text.normalize("NFKC").trim();
  let periodGone = false;
  if (s.endsWith(".")) {
    s = s.slice(0, -1).trimEnd();
    periodGone = true;
  }
  if (s.length >= 2 && QUOTE_PAIRS[s[0]] === s[s.length - 1]) s = s.slice(1, -1).trim();
  if (!periodGone && s.endsWith(".")) s = s.slice(0, -1).trimEnd();
  return s.replace(WHITESPACE_RUN, " ");
}
function labelsDifferOnlyByCase(labels) {
  const byLower = /* @__PURE__ */ new Map();
  for (const label of labels) {
    const kept = normalizeKeepCase(label);
    const lower = kept.toLowerCase();
    const seen = byLower.get(lower);
    if (seen !== void 0 && seen !== kept) return true;
    byLower.set(lower, kept);
  }
  return false;
}
function createNormalizer(options = {}) {
  const caseSensitive = options.labels ? labelsDifferOnlyByCase(options.labels) : false;
  const cache = /* @__PURE__ */ new Map();
  const normalize = (text) => {
    const hit = cache.get(text);
    if (hit !== void 0) return hit;
    const kept = normalizeKeepCase(text);
    const out = caseSensitive ? kept : kept.toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
    return out;
  };
  return Object.assign(normalize, { caseSensitive });
}
function asText(value) {
  if (typeof value === "string") return value;
  if (value === void 0 || value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

// core/kscore/metrics.ts
var SQUAD_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
var ARTICLES = /* @__PURE__ */ new Set(["a", "an", "the"]);
function squadTokens(text) {
  const s = text.normalize("NFKC").toLowerCase().replace(SQUAD_PUNCTUATION, "");
  return s.split(/\s+/).filter((t) => t.length > 0 && !ARTICLES.has(t));
}
function tokenF1(prediction, reference) {
  const p = squadTokens(prediction);
  const g = squadTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const same = multisetOverlap(p, g);
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return 2 * precision * recall / (precision + recall);
}
function multisetOverlap(a, b) {
  const counts = /* @__PURE__ */ new Map();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of a) {
    const c = counts.get(t);
    if (c) {
      same++;
      counts.set(t, c - 1);
    }
  }
  return same;
}
var WORD = /[\p{L}\p{N}]+/gu;
function rougeTokens(text) {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}
function lcsLength(a, b) {
  if (a.length < b.length) [a, b] = [b, a];
  const ids = /* @__PURE__ */ new Map();
  const id = (t) => {
    let v = ids.get(t);
    if (v === void 0) ids.set(t, v = ids.size);
    return v;
  };
  const ai = Int32Array.from(a, id);
  const bi = Int32Array.from(b, id);
  let prev = new Int32Array(bi.length + 1);
  let curr = new Int32Array(bi.length + 1);
  for (let i = 1; i <= ai.length; i++) {
    const x = ai[i - 1];
    for (let j = 1; j <= bi.length; j++) {
      curr[j] = x === bi[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], curr[j - 1]);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[bi.length];
}
function rougeL(prediction, reference) {
  const p = rougeTokens(prediction);
  const g = rougeTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const lcs = lcsLength(p, g);
  if (lcs === 0) return 0;
  const precision = lcs / p.length;
  const recall = lcs / g.length;
  return 2 * precision * recall / (precision + recall);
}
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
var GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
function parseNumber(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const s = normalizeKeepCase(value);
  if (NUMBER.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  return null;
}
var NUMBER_RELATIVE_TOLERANCE = 1e-6;
var NUMBER_ABSOLUTE_TOLERANCE = 1e-9;
function numberMatch(prediction, reference) {
  const g = parseNumber(reference);
  const p = parseNumber(prediction);
  if (g === null || p === null) return 0;
  if (Number.isInteger(g)) return p === g ? 1 : 0;
  return Math.abs(p - g) <= Math.max(NUMBER_RELATIVE_TOLERANCE * Math.abs(g), NUMBER_ABSOLUTE_TOLERANCE) ? 1 : 0;
}
function parseJsonValue(value) {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return void 0;
  }
}
function jsonPairs(value, normalize) {
  const out = [];
  const walk = (v, path, root) => {
    if (Array.isArray(v)) {
      if (v.length === 0 && !root) out.push(`${path}\0[]`);
      for (const item of v) walk(item, `${path}[]`, false);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length === 0 && !root) out.push(`${path}\0{}`);
      for (const k of keys) walk(v[k], path === "" ? k : `${path}.${k}`, false);
    } else {
      out.push(`${path}\0${typeof v === "string" ? normalize(v) : JSON.stringify(v)}`);
    }
  };
  walk(value, "", true);
  return out;
}
function jsonF1(prediction, reference, normalize) {
  const p = parseJsonValue(prediction);
  if (p === void 0) return 0;
  const gParsed = parseJsonValue(reference);
  const g = gParsed === void 0 ? reference : gParsed;
  const pp = jsonPairs(p, normalize);
  const gp = jsonPairs(g, normalize);
  if (pp.length === 0 || gp.length === 0) return pp.length === gp.length ? 1 : 0;
  const same = multisetOverlap(pp, gp);
  return 2 * same / (pp.length + gp.length);
}

// core/kscore/infer.ts
var JSON_MIN_SHARE = 0.95;
var LABEL_MIN_ROWS_PER_LABEL = 3;
var LABEL_MAX_UNSEEN_SHARE = 0.1;
var LABEL_MAX_WORDS = 5;
var LABEL_MAX_CHARS = 64;
var SHORT_MAX_MEDIAN_WORDS = 8;
function isJsonOutput(value) {
  if (typeof value === "object" && value !== null) return true;
  if (typeof value !== "string") return false;
  const s = value.trim();
  const first = s[0];
  if (first !== "{" && first !== "[") return false;
  try {
    const parsed = JSON.parse(s);
    return typeof parsed === "object" && parsed !== null;
  } catch {
    return false;
  }
}
function wordCount(text) {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}
function outputKindFor(spec, outputs = []) {
  return inferOutputKindFromCounts(countOutputs(outputs), spec.output_kind, spec.shape.output);
}
function countOutputs(outputs) {
  const groups = /* @__PURE__ */ new Map();
  for (const value of outputs) {
    const key = typeof value === "string" ? `s${value}` : `${typeof value}${JSON.stringify(value)}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { value, count: 1 });
  }
  return [...groups.values()];
}
function inferOutputKindFromCounts(counts, override, shapeOutput) {
  if (override) return override;
  const present = counts.filter(({ value: o, count }) => count > 0 && o !== null && o !== void 0 && !(typeof o === "string" && o.trim() === ""));
  let n = 0;
  for (const c of present) n += c.count;
  if (n === 0) return shapeOutput !== void 0 && typeof shapeOutput !== "string" ? "json" : "short";
  let json = 0;
  for (const c of present) if (isJsonOutput(c.value)) json += c.count;
  if (json >= JSON_MIN_SHARE * n) return "json";
  if (present.every((c) => parseNumber(c.value) !== null)) return "number";
  const texts = present.map((c) => ({ text: asText(c.value).trim(), count: c.count }));
  if (isClosedSet(texts.map((t) => ({ value: t.text, count: t.count })))) return "label";
  const words = texts.map((t) => ({ words: wordCount(t.text), count: t.count })).sort((a, b) => a.words - b.words);
  const nth = (k) => {
    for (const w of words) {
      if (k < w.count) return w.words;
      k -= w.count;
    }
    return words[words.length - 1].words;
  };
  const median = n % 2 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
  return median <= SHORT_MAX_MEDIAN_WORDS ? "short" : "long";
}
function isClosedSet(counts) {
  const merged = /* @__PURE__ */ new Map();
  for (const { value, count } of counts) {
    if (count <= 0 || value === null || value === void 0) continue;
    const text = asText(value).trim();
    if (text === "") continue;
    if (text.length > LABEL_MAX_CHARS || wordCount(text) > LABEL_MAX_WORDS) return false;
    merged.set(text, (merged.get(text) ?? 0) + count);
  }
  let n = 0;
  let once = 0;
  for (const count of merged.values()) {
    n += count;
    if (count === 1) once++;
  }
  const d = merged.size;
  return d > 0 && n >= LABEL_MIN_ROWS_PER_LABEL * d && once <= LABEL_MAX_UNSEEN_SHARE * n;
}
function labelSet(outputs) {
  const set = /* @__PURE__ */ new Set();
  for (const o of outputs) if (o !== null && o !== void 0) set.add(asText(o));
  return [...set];
}

// core/kscore/scorer.ts
var PASS_THRESHOLD = { label: 1, json: 1, number: 1, short: 0.8, long: 0.8 };
var EPSILON = 1e-9;
function createScorer(kind, options = {}) {
  const normalize = createNormalizer({ labels: options.labels });
  const threshold = PASS_THRESHOLD[kind] - EPSILON;
  const score = scoreFunction(kind, normalize);
  const scoreBest = (prediction, references) => {
    let best = 0;
    for (const ref of references) {
      const s = score(prediction, ref);
      if (s > best) best = s;
      if (best >= 1) break;
    }
    return best;
  };
  return {
    kind,
    normalize,
    score,
    scoreBest,
    judge(prediction, references) {
      const s = scoreBest(prediction, references);
      return { s, pass: s >= threshold };
    },
    passes: (s) => s >= threshold
  };
}
function scoreFunction(kind, normalize) {
  switch (kind) {
    case "label":
      return (p, r) => normalize(asText(p)) === normalize(asText(r)) ? 1 : 0;
    case "number":
      return numberMatch;
    case "json":
      return (p, r) => jsonF1(p, r, normalize);
    case "short":
      return (p, r) => tokenF1(asText(p), asText(r));
    case "long":
      return (p, r) => rougeL(asText(p), asText(r));
  }
}

// core/kscore/aggregate.ts
var Z_95 = 1.959963984540054;
var clip = (x) => Math.min(1, Math.max(0, x));
function wilsonInterval(successes, n, z = Z_95) {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return [clip(center - half), clip(center + half)];
}
function meanInterval(values, z = Z_95) {
  const n = values.length;
  if (n < 2) return [0, 1];
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const half = z * Math.sqrt(squares / (n - 1) / n);
  return [clip(mean - half), clip(mean + half)];
}
function aggregate(cases) {
  const n = cases.length;
  if (n === 0) return { n: 0, K: 0, K_ci95: [0, 1], passed: 0, pass_rate: 0, pass_rate_ci95: [0, 1] };
  let sum = 0;
  let passed = 0;
  const values = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i];
    values[i] = c.s;
    sum += c.s;
    if (c.pass) passed++;
  }
  return {
    n,
    K: sum / n,
    K_ci95: meanInterval(values),
    passed,
    pass_rate: passed / n,
    pass_rate_ci95: wilsonInterval(passed, n)
  };
}

// core/kscore/calibration.ts
var CALIBRATION_BINS = 15;
var COVERAGE_STEPS = 20;
var round = (x) => Number(x.toFixed(4));
function check(cases) {
  for (const c of cases) {
    if (!(c.confidence >= 0 && c.confidence <= 1)) throw new RangeError(`confidence ${c.confidence} is outside [0, 1]`);
  }
}
function calibration(cases, binCount = CALIBRATION_BINS) {
  check(cases);
  const n = cases.length;
  const conf = new Float64Array(binCount);
  const score = new Float64Array(binCount);
  const count = new Uint32Array(binCount);
  for (const c of cases) {
    const b = Math.min(binCount - 1, Math.floor(c.confidence * binCount));
    conf[b] += c.confidence;
    score[b] += c.s;
    count[b]++;
  }
  let ece = 0;
  let maxGap = 0;
  const bins = [];
  for (let b = 0; b < binCount; b++) {
    if (count[b] === 0) continue;
    const mc = conf[b] / count[b];
    const ms = score[b] / count[b];
    const gap = Math.abs(mc - ms);
    ece += count[b] / n * gap;
    maxGap = Math.max(maxGap, gap);
    bins.push({ lo: round(b / binCount), hi: round((b + 1) / binCount), n: count[b], confidence: round(mc), K: round(ms) });
  }
  return { ece: round(ece), max_gap: round(maxGap), bins };
}
function coverageCurve(cases, steps = COVERAGE_STEPS) {
  check(cases);
  const n = cases.length;
  if (n === 0) return [];
  const sorted = [...cases].sort((a, b) => b.confidence - a.confidence);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + sorted[i].s;
  const points = [];
  let last = -1;
  for (let k = 1; k <= steps; k++) {
    let i = Math.max(1, Math.round(k / steps * n));
    while (i < n && sorted[i].confidence === sorted[i - 1].confidence) i++;
    if (i === last) continue;
    last = i;
    points.push({ threshold: sorted[i - 1].confidence, answered: round(i / n), K: round(prefix[i] / i) });
  }
  return points;
}

export {
  createNormalizer,
  parseJsonValue,
  jsonPairs,
  outputKindFor,
  countOutputs,
  inferOutputKindFromCounts,
  isClosedSet,
  labelSet,
  createScorer,
  Z_95,
  aggregate,
  calibration,
  coverageCurve
};
