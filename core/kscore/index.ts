// K-score version 1 (DESIGN §6): the one place that decides how outputs are scored.
export { countOutputs, inferOutputKind, inferOutputKindFromCounts, outputKindFor, isJsonOutput, isClosedSet, labelSet } from './infer.ts';
export type { OutputCount } from './infer.ts';
export { createNormalizer, normalizeKeepCase, labelsDifferOnlyByCase, asText } from './normalize.ts';
export type { Normalizer } from './normalize.ts';
export {
  tokenF1,
  squadTokens,
  rougeL,
  rougeTokens,
  lcsLength,
  numberMatch,
  parseNumber,
  jsonF1,
  jsonPairs,
  parseJsonValue,
  NUMBER_RELATIVE_TOLERANCE,
  NUMBER_ABSOLUTE_TOLERANCE,
} from './metrics.ts';
export { createScorer, PASS_THRESHOLD, KSCORE_VERSION } from './scorer.ts';
export type { Scorer, ScorerOptions, CaseScore } from './scorer.ts';
export { aggregate, wilsonInterval, meanInterval, Z_95 } from './aggregate.ts';
export type { KScoreSummary } from './aggregate.ts';
export { calibration, coverageCurve, coverageAt, CALIBRATION_BINS, COVERAGE_STEPS } from './calibration.ts';
export type { Calibration, CalibrationBin, ConfidentCase, CoveragePoint } from './calibration.ts';
