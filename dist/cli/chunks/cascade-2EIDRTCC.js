import {
  cascadeAt,
  chooseThreshold,
  formatCurve
} from "./chunk-PHOCAAMB.js";
import {
  cascadeReport
} from "./chunk-KQIU45A5.js";
import {
  DEFAULT_FALLBACK_RETRIES,
  DEFAULT_FALLBACK_TIMEOUT_MS,
  artifactFallback,
  endpointFallback
} from "./chunk-KJEBBPXY.js";
import "./chunk-P6XBHVKH.js";
import {
  cascadePredictor,
  isCascadePrediction
} from "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  CascadeConfigSchema,
  FALLBACK_ERROR_POLICIES,
  parseCascadeConfig,
  serializeCascadeConfig
} from "./chunk-OBWXLOW7.js";
import "./chunk-TNBATMMU.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-AYSNEYKG.js";

// core/cascade/render.ts
var pct = (x) => `${(x * 100).toFixed(1)} %`;
var ms = (x) => x === void 0 ? "\u2013" : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;
function fallbackLabel(ref) {
  return ref.type === "artifact" ? `${ref.name}.kolm (sha256 ${ref.sha256.slice(0, 12)}\u2026)` : `${ref.url}${ref.adapter_id ? ` (adapter ${ref.adapter_id})` : ""}`;
}
function renderCascadeSummary(b) {
  const { choice, config } = b;
  const lines = [
    `cascade: the recipe answers at confidence \u2265 ${choice.threshold.toFixed(4)}, ${fallbackLabel(config.fallback)} the rest`,
    `chosen on ${config.held_out.n} ${config.held_out.source} cases: ${pct(choice.chosen.local)} answered locally, K of the whole ${choice.chosen.K.toFixed(3)} (recipe alone ${choice.recipeOnly.K.toFixed(3)}, fallback alone ${choice.fallbackOnly.K.toFixed(3)})`,
    "",
    formatCurve(choice.curve, choice.threshold)
  ];
  const e = b.cascadeEval;
  if (e) {
    lines.push(
      "",
      `on the eval cases: K ${e.whole.K.toFixed(3)} with ${pct(e.whole.local)} local (recipe alone ${e.recipeOnly.K.toFixed(3)}, fallback alone ${e.fallbackOnly.K.toFixed(3)}); p50 ${ms(e.whole.p50_ms)} (recipe ${ms(e.recipeOnly.p50_ms)}, fallback ${ms(e.fallbackOnly.p50_ms)}); ${e.requests_saved} requests (${ms(e.fallback_ms_saved)} of fallback time) not sent to the GPU`
    );
  }
  if (config.on_fallback_error === "local") lines.push("when the fallback fails a case, the recipe answers it, flagged low_confidence");
  return lines.join("\n");
}
export {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  CascadeConfigSchema,
  DEFAULT_FALLBACK_RETRIES,
  DEFAULT_FALLBACK_TIMEOUT_MS,
  FALLBACK_ERROR_POLICIES,
  artifactFallback,
  cascadeAt,
  cascadePredictor,
  cascadeReport,
  chooseThreshold,
  endpointFallback,
  fallbackLabel,
  formatCurve,
  isCascadePrediction,
  parseCascadeConfig,
  renderCascadeSummary,
  serializeCascadeConfig
};
