// The Action's inputs and outputs, mirroring action.yml (test/action/inputs.test.ts keeps the two in step).
// Values arrive as strings (INPUT_<NAME> env, hyphens kept); readInputs turns them into typed settings.
import { KolmError } from '../core/errors.ts';

export const Input = {
  Spec: 'spec',
  Examples: 'examples',
  Eval: 'eval',
  Artifact: 'artifact',
  Out: 'out',
  Gates: 'gates',
  Runtime: 'runtime',
  PredibaseEndpoint: 'predibase-endpoint',
  PredibaseAdapterId: 'predibase-adapter-id',
  PredibaseToken: 'predibase-token',
  Baseline: 'baseline',
  Comment: 'comment',
  CommentKey: 'comment-key',
  UploadArtifact: 'upload-artifact',
  RetentionDays: 'retention-days',
  Sign: 'sign',
  FulcioUrl: 'fulcio-url',
  RekorUrl: 'rekor-url',
  TsaUrl: 'tsa-url',
  GithubToken: 'github-token',
} as const;

export const Output = {
  KScore: 'k-score',
  PassRate: 'pass-rate',
  P50Ms: 'p50-ms',
  Artifact: 'artifact',
  ArtifactId: 'artifact-id',
  Gate: 'gate',
  Report: 'report',
} as const;

export type InputName = (typeof Input)[keyof typeof Input];
export type OutputName = (typeof Output)[keyof typeof Output];

/** The runtimes `runtime` accepts; only `local` exists so far (the GPU runtimes come later). */
export const RUNTIMES = ['local'] as const;

export interface ActionInputs {
  spec?: string;
  examples?: string;
  eval?: string;
  artifact?: string;
  out: string;
  gates?: string;
  runtime: (typeof RUNTIMES)[number];
  predibase?: { endpoint: string; adapterId?: string; token?: string };
  baseline?: string;
  comment: boolean;
  /** Empty: the workflow/job (plus the matrix leg) of this run. */
  commentKey?: string;
  uploadArtifact: boolean;
  retentionDays?: number;
  /** undefined: sign on release events only. */
  sign?: boolean;
  signing: { fulcioUrl?: string; rekorUrl?: string; tsaUrl?: string };
  githubToken?: string;
}

/** Reads one input: trimmed, '' when unset. */
export type GetInput = (name: InputName) => string;

function bool(get: GetInput, name: InputName, fallback: boolean | undefined): boolean | undefined {
  const v = get(name);
  if (v === '') return fallback;
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  throw new KolmError('E_USAGE', `input ${name} is "${v}", not true or false`, { hint: `write ${name}: true (or false) in the step's with:` });
}

export function readInputs(get: GetInput): ActionInputs {
  const opt = (name: InputName) => get(name) || undefined;
  const runtime = get(Input.Runtime) || 'local';
  if (!(RUNTIMES as readonly string[]).includes(runtime)) {
    throw new KolmError('E_NOT_AVAILABLE', `runtime "${runtime}" is not available yet`, { hint: `use runtime: local (available: ${RUNTIMES.join(', ')})` });
  }
  const endpoint = opt(Input.PredibaseEndpoint);
  const retention = opt(Input.RetentionDays);
  if (retention !== undefined && !/^\d+$/.test(retention)) {
    throw new KolmError('E_USAGE', `input retention-days is "${retention}", not a whole number of days`, { hint: 'e.g. retention-days: 14' });
  }
  return {
    spec: opt(Input.Spec),
    examples: opt(Input.Examples),
    eval: opt(Input.Eval),
    artifact: opt(Input.Artifact),
    out: get(Input.Out) || 'kolm-out',
    gates: opt(Input.Gates),
    runtime: runtime as ActionInputs['runtime'],
    ...(endpoint ? { predibase: { endpoint, adapterId: opt(Input.PredibaseAdapterId), token: opt(Input.PredibaseToken) } } : {}),
    baseline: opt(Input.Baseline),
    comment: bool(get, Input.Comment, true)!,
    commentKey: opt(Input.CommentKey),
    uploadArtifact: bool(get, Input.UploadArtifact, true)!,
    ...(retention !== undefined ? { retentionDays: Number(retention) } : {}),
    sign: bool(get, Input.Sign, undefined),
    signing: { fulcioUrl: opt(Input.FulcioUrl), rekorUrl: opt(Input.RekorUrl), tsaUrl: opt(Input.TsaUrl) },
    githubToken: opt(Input.GithubToken),
  };
}
