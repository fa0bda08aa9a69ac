// The GitHub workflow that gates pull requests with the kolm-migrate Action (DESIGN §9): the text the wizard
// offers to write as `.github/workflows/kolm.yml`, kept here so the Action's docs and tests reuse it.
import type { Gates } from '../spec/index.ts';

export interface WorkflowOptions {
  /** Paths relative to the repository root, as the Action reads them from the workspace. */
  spec: string;
  examples: string;
  eval?: string;
  gates?: Gates;
  /** The old deployment to A/B against; the token always comes from the PREDIBASE_API_TOKEN secret. */
  predibaseEndpoint?: string;
  predibaseAdapterId?: string;
  /** The Action reference (default kolm-dev/kolm-migrate@v1). */
  uses?: string;
}

export const WORKFLOW_PATH = '.github/workflows/kolm.yml';
export const DEFAULT_ACTION_REF = 'kolm-dev/kolm-migrate@v1';

/** `K_min=0.85,p50_ms_max=200`: the Action's `gates` input (the same syntax as `kolm eval --gates`). */
export function gatesInput(gates: Gates | undefined): string {
  return Object.entries(gates ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

// YAML plain scalars cannot hold every path or URL (": ", " #", leading "*", …); quote when in doubt.
function scalar(value: string): string {
  return /^[A-Za-z0-9_./@-][A-Za-z0-9_./@:=,+-]*$/.test(value) && !/: /.test(value) ? value : JSON.stringify(value);
}

/** The workflow file text. Paths are written as given; the token is a secret reference, never a value. */
export function workflowYaml(opts: WorkflowOptions): string {
  const uses = opts.uses ?? DEFAULT_ACTION_REF;
  const gates = gatesInput(opts.gates);
  const inputs = (indent: string, release: boolean) => {
    const lines = [`spec: ${scalar(opts.spec)}`, `examples: ${scalar(opts.examples)}`];
    if (opts.eval) lines.push(`eval: ${scalar(opts.eval)}`);
    if (!release) {
      lines.push(gates ? `gates: ${scalar(gates)}` : `# gates: K_min=0.85,p50_ms_max=200   (default: the spec's gates)`);
      if (opts.predibaseEndpoint) {
        lines.push(`predibase-endpoint: ${scalar(opts.predibaseEndpoint)}`);
        if (opts.predibaseAdapterId) lines.push(`predibase-adapter-id: ${scalar(opts.predibaseAdapterId)}`);
        lines.push('predibase-token: ${{ secrets.PREDIBASE_API_TOKEN }}');
      } else {
        lines.push(
          '# A/B against the old deployment on the same cases:',
          '# predibase-endpoint: https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT',
          '# predibase-adapter-id: my-adapter/1',
          '# predibase-token: ${{ secrets.PREDIBASE_API_TOKEN }}',
        );
      }
    } else lines.push('sign: true');
    return lines.map((l) => `${indent}${l}`).join('\n');
  };
  return `# Written by kolm-migrate. On a pull request: compile the spec, score it on the held-out cases, post one
# sticky comment with the table, and fail the check when a gate is missed. On a release: sign the artifact
# keyless (the workflow's OIDC identity) and attach it and its Sigstore bundle to the release.
name: kolm

on:
  pull_request:
  release:
    types: [published]

permissions:
  contents: read

jobs:
  gate:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
      - uses: ${uses}
        with:
${inputs('          ', false)}

  release:
    if: github.event_name == 'release'
    runs-on: ubuntu-latest
    permissions:
      contents: write # attach the artifact to the release
      id-token: write # keyless signing
    steps:
      - uses: actions/checkout@v4
      - uses: ${uses}
        with:
${inputs('          ', true)}
`;
}
