// tui/render/confidence.ts
var SHOWN = [0.5, 0.8, 0.9];
function coveragePoints(curve) {
  if (curve.length === 0) return [];
  const picked = /* @__PURE__ */ new Set();
  for (const share of SHOWN) {
    const near = curve.filter((p) => p.answered < 1).reduce((best, p) => !best || Math.abs(p.answered - share) < Math.abs(best.answered - share) ? p : best, void 0);
    if (near) picked.add(near);
  }
  const full = curve.find((p) => p.answered === 1);
  if (full) picked.add(full);
  return [...picked].sort((a, b) => b.threshold - a.threshold);
}
var pct = (x) => `${Math.round(x * 100)} %`;
function formatConfidence(ece, curve, on) {
  if (ece === void 0 && !curve?.length) return void 0;
  const parts = [`confidence${on ? ` (${on})` : ""}: ECE ${ece === void 0 ? "\u2013" : ece.toFixed(3)}`];
  coveragePoints(curve ?? []).forEach((p, i) => {
    if (p.answered === 1) parts.push(`all at K ${p.K.toFixed(3)}`);
    else parts.push(`${i === 0 ? "answering conf " : ""}\u2265 ${p.threshold.toFixed(3)} covers ${pct(p.answered)} at K ${p.K.toFixed(3)}`);
  });
  return parts.join("; ");
}

export {
  formatConfidence
};
