// Eval and A/B (DESIGN §6): score a system on cases, check gates, compare two reports.
export { buildReport, confidenceFigures, latencyStats, scoreCases, EVAL_REPORT_VERSION } from './report.ts';
export type { CaseOutcome, EvalReport, FieldStats, GateResult, LabelStats, LatencyStats, ScoredCase } from './report.ts';
export { evaluatePredictor } from './local.ts';
export type { LocalEvalOptions } from './local.ts';
export { checkGates, firstMissedGate, gateFailure, parseGates } from './gates.ts';
export type { Measured } from './gates.ts';
export { readEvalReport } from './read.ts';
export { compareReports, renderComparisonMarkdown, renderComparisonText } from './compare.ts';
export type { Comparison, CompareRow, Disagreement } from './compare.ts';
export { evaluateArtifact, evaluateRemote, renderEvalMarkdown, renderReportMarkdown } from './ab.ts';
export type { ArtifactEvalInput, ArtifactEvalResult, RemoteTarget } from './ab.ts';
export { evaluateArtifactFile } from './file.ts';
export type { ArtifactFileEvalInput, ArtifactFileEvalResult } from './file.ts';
export { timeSingleCalls } from './latency.ts';
