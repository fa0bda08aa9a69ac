import {
  checkGates,
  latencyStats
} from "./chunk-KQIU45A5.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/cascade/threshold.ts
var CURVE_STEPS = 20;
var round = (x) => Number(x.toFixed(4));
function check(cases, options) {
  if (cases.length === 0) {
    throw new KolmError("E_NO_ROWS", "there are no held-out cases to choose a cascade threshold on", { hint: "give more training examples (the threshold is chosen on the validation folds)" });
  }
  for (const c of cases) {
    if (!(c.confidence >= 0 && c.confidence <= 1)) {
      throw new KolmError("E_INTERNAL", `a cascade case has confidence ${c.confidence}, outside [0, 1]`, { hint: "the recipe must give calibrated confidences" });
    }
  }
  const s = options.maxFallbackShare;
  if (s !== void 0 && !(s >= 0 && s <= 1)) {
    throw new KolmError("E_USAGE", `--max-fallback-share ${s} is not a share in [0, 1]`, { hint: "e.g. --max-fallback-share 0.3 sends at most 30 % of cases to the fallback" });
  }
}
var passOf = (s, pass) => pass ?? s >= 1;
var Sweep = class {
  n;
  sorted;
  kPrefix;
  // Σ sRecipe over the i most confident
  kSuffix;
  // Σ sFallback from i on
  pPrefix;
  pSuffix;
  /** Local counts that a threshold can give: the end of each run of equal confidences, n down to 1. */
  cuts;
  timed;
  constructor(cases) {
    this.n = cases.length;
    this.sorted = [...cases].sort((a, b) => b.confidence - a.confidence);
    const n = this.n;
    this.kPrefix = new Float64Array(n + 1);
    this.pPrefix = new Float64Array(n + 1);
    this.kSuffix = new Float64Array(n + 1);
    this.pSuffix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = this.sorted[i];
      this.kPrefix[i + 1] = this.kPrefix[i] + c.sRecipe;
      this.pPrefix[i + 1] = this.pPrefix[i] + (passOf(c.sRecipe, c.passRecipe) ? 1 : 0);
    }
    for (let i = n - 1; i >= 0; i--) {
      const c = this.sorted[i];
      this.kSuffix[i] = this.kSuffix[i + 1] + c.sFallback;
      this.pSuffix[i] = this.pSuffix[i + 1] + (passOf(c.sFallback, c.passFallback) ? 1 : 0);
    }
    this.cuts = [];
    for (let i = n; i >= 1; i--) if (i === n || this.sorted[i].confidence !== this.sorted[i - 1].confidence) this.cuts.push(i);
    this.timed = cases.every((c) => c.msRecipe !== void 0 && c.msFallback !== void 0);
  }
  /** The whole with the top `i` cases local; latency only when asked (it costs a sort). */
  point(i, withLatency) {
    const n = this.n;
    const p = {
      threshold: this.sorted[i - 1].confidence,
      local: round(i / n),
      K: round((this.kPrefix[i] + this.kSuffix[i]) / n),
      pass_rate: round((this.pPrefix[i] + this.pSuffix[i]) / n)
    };
    if (withLatency && this.timed) {
      const stats = latencyStats(this.sorted.map((c, k) => c.msRecipe + (k < i ? 0 : c.msFallback)));
      if (stats) {
        p.p50_ms = stats.p50;
        p.p95_ms = stats.p95;
      }
    }
    return p;
  }
  fallbackShare(i) {
    return (this.n - i) / this.n;
  }
  ends() {
    const n = this.n;
    return {
      recipeOnly: { K: round(this.kPrefix[n] / n), pass_rate: round(this.pPrefix[n] / n) },
      fallbackOnly: { K: round(this.kSuffix[0] / n), pass_rate: round(this.pSuffix[0] / n) }
    };
  }
};
function measured(p) {
  return { K: p.K, pass_rate: p.pass_rate, latency_ms: p.p50_ms === void 0 ? null : { p50: p.p50_ms, p95: p.p95_ms } };
}
var hasGate = (g) => !!g && Object.values(g).some((v) => v !== void 0);
var needsLatency = (g) => g?.p50_ms_max !== void 0 || g?.p95_ms_max !== void 0;
function displayCurve(sweep, latency, extra) {
  const picks = /* @__PURE__ */ new Set();
  for (let k = CURVE_STEPS; k >= 1; k--) {
    const want = k / CURVE_STEPS * sweep.n;
    let best = sweep.cuts[0];
    for (const c of sweep.cuts) if (Math.abs(c - want) < Math.abs(best - want)) best = c;
    picks.add(best);
  }
  if (extra !== void 0) picks.add(extra);
  return [...picks].sort((a, b) => b - a).map((i) => sweep.point(i, latency));
}
function chooseThreshold(cases, gates, options = {}) {
  check(cases, options);
  const gated = hasGate(gates);
  if (!gated && options.maxFallbackShare === void 0) {
    throw new KolmError("E_USAGE", "a cascade needs a gate (gates.K_min in the spec, or --gates) or --max-fallback-share to choose its threshold", {
      hint: "e.g. --gates K_min=0.9 (the smallest fallback share that reaches it) or --max-fallback-share 0.3 (the best K sending at most 30 %)"
    });
  }
  const sweep = new Sweep(cases);
  const latency = needsLatency(gates);
  const budget = options.maxFallbackShare ?? 1;
  const eps = 1e-12;
  let chosen;
  if (gated) {
    for (const i of sweep.cuts) {
      if (sweep.fallbackShare(i) > budget + eps) break;
      if (checkGates(measured(sweep.point(i, latency)), gates).every((g) => g.pass)) {
        chosen = i;
        break;
      }
    }
  } else {
    let bestK = -1;
    for (const i of sweep.cuts) {
      if (sweep.fallbackShare(i) > budget + eps) break;
      const k = sweep.point(i, false).K;
      if (k > bestK) {
        bestK = k;
        chosen = i;
      }
    }
  }
  const showLatency = latency || sweep.timed;
  const curve = displayCurve(sweep, showLatency, chosen);
  const ends = sweep.ends();
  if (chosen === void 0) {
    const limit = options.maxFallbackShare !== void 0 ? ` with at most ${(budget * 100).toFixed(1)} % sent to the fallback` : "";
    const best = Math.max(...curve.map((p) => p.K));
    const hint = ends.fallbackOnly.K < (gates?.K_min ?? 0) ? `the fallback alone reaches K ${ends.fallbackOnly.K.toFixed(3)} on these cases, under gates.K_min ${gates.K_min}: lower the gate or improve the fallback` : options.maxFallbackShare !== void 0 ? `raise --max-fallback-share, or lower the gates (the best K on the curve is ${best.toFixed(3)})` : `lower the gates (the best K on the curve is ${best.toFixed(3)}), or add training data so the recipe is surer`;
    throw new KolmError("E_GATE_FAILED", `no cascade threshold meets the gates for the whole${limit}:
${formatCurve(curve)}`, {
      hint,
      details: { curve, gates: gates ?? {}, max_fallback_share: options.maxFallbackShare ?? null, recipe_only: ends.recipeOnly, fallback_only: ends.fallbackOnly }
    });
  }
  const point = sweep.point(chosen, showLatency);
  return { threshold: point.threshold, chosen: point, curve, ...ends };
}
function cascadeAt(cases, threshold) {
  check(cases, {});
  const sweep = new Sweep(cases);
  let i = 0;
  while (i < sweep.n && sweep.sorted[i].confidence >= threshold) i++;
  if (i === 0) {
    const ends = sweep.ends();
    return { threshold, local: 0, K: ends.fallbackOnly.K, pass_rate: ends.fallbackOnly.pass_rate };
  }
  return { ...sweep.point(i, sweep.timed), threshold };
}
function formatCurve(curve, chosen) {
  const latency = curve.some((p) => p.p50_ms !== void 0);
  const rows = [["threshold", "local", "K whole", "pass", ...latency ? ["p50 ms"] : [], ""]];
  for (const p of curve) {
    rows.push([
      p.threshold.toFixed(4),
      `${(p.local * 100).toFixed(1)}%`,
      p.K.toFixed(3),
      `${(p.pass_rate * 100).toFixed(1)}%`,
      ...latency ? [p.p50_ms === void 0 ? "-" : p.p50_ms.toFixed(2)] : [],
      p.threshold === chosen ? "\u2190 chosen" : ""
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

export {
  chooseThreshold,
  cascadeAt,
  formatCurve
};
