// Cascades (DESIGN §5): a recipe answers what it is sure of, a fallback (an adapter artifact or an endpoint)
// answers the rest, and the gates hold for the whole. Choosing the threshold is pure (threshold.ts).
export { cascadeAt, chooseThreshold, formatCurve } from './threshold.ts';
export type { CascadeCase, CascadePoint, ChooseOptions, ThresholdChoice } from './threshold.ts';
