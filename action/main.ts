// The Action (DESIGN §9): compile → eval → A/B → one sticky PR comment → job summary → workflow artifact →
// fail on a missed gate (after the comment is posted); on `release: published`, sign keyless and attach the
// .kolm and its Sigstore bundle to the release. Everything GitHub-specific comes in through ActionIO, so
// tests drive `run()` and the bundle the same way; core does the work.
import { readFile, mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { defaultModelsDir } from '../core/adapter/base.ts';
import { buildFromFiles, saveBuilt } from '../core/build/index.ts';
import { isKolmError, KolmError } from '../core/errors.ts';
import { formatError } from '../core/errors-format.ts';
import { evaluateArtifactFile, readEvalReport, renderEvalMarkdown, type ArtifactEvalResult } from '../core/eval/index.ts';
import { gateFailure, parseGates, type EvalReport } from '../core/eval/index.ts';
import { writeFileAtomic } from '../core/fs/atomic.ts';
import type { Reporter } from '../core/progress.ts';
import { publishRelease, type ReleaseAsset } from '../core/publish/index.ts';
import { ambientIdentityProvider, sidecarName, formatSigner, type SigningMethod } from '../core/sign/index.ts';
import { upsertComment, type CommentApi } from './comment.ts';
import { githubRefusal } from './github.ts';
import { Output, readInputs, type ActionInputs, type GetInput, type OutputName } from './inputs.ts';

/** What the Action needs from the runner; action/index.ts builds it from @actions/core, github and artifact. */
export interface ActionIO {
  getInput: GetInput;
  setOutput(name: OutputName, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  /** Append Markdown to the job summary ($GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>;
  env: Record<string, string | undefined>;
  /** The working directory (GITHUB_WORKSPACE in a run). */
  cwd: string;
  event: { name: string; payload: EventPayload; repo: { owner: string; repo: string } };
  comments(token: string): CommentApi;
  uploadArtifact(name: string, files: string[], root: string, options: { retentionDays?: number }): Promise<{ id?: number; size?: number }>;
  /** For the release upload (core/publish); the global fetch when absent. */
  fetch?: typeof fetch;
}

export interface EventPayload {
  action?: string;
  pull_request?: { number: number; head?: { repo?: { full_name?: string } | null; sha?: string }; base?: { ref?: string; repo?: { full_name?: string } } };
  release?: { id: number; tag_name: string; upload_url?: string };
  repository?: { full_name?: string };
  [key: string]: unknown;
}

export async function run(io: ActionIO): Promise<void> {
  try {
    await main(io);
  } catch (err) {
    io.setFailed(formatError(err));
  }
}

async function main(io: ActionIO): Promise<void> {
  const inputs = readInputs(io.getInput);
  // Before anything is logged: the runner masks these in every later line.
  for (const secret of [inputs.predibase?.token, inputs.githubToken, io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN]) if (secret) io.setSecret(secret);
  const { name, payload } = io.event;
  if (name === 'release') {
    if (payload.action !== 'published') {
      io.info(`release event "${payload.action}": nothing to do (the Action signs and attaches on "published")`);
      return;
    }
    await releaseFlow(io, inputs);
    return;
  }
  await evalFlow(io, inputs);
}

/** Core's progress as log lines: one per stage change (the step log is not a terminal to redraw). */
function reporterFor(io: ActionIO): Reporter {
  let last = '';
  return {
    progress: (e) => {
      if (e.stage === last) return;
      last = e.stage;
      io.info(e.message ? `${e.stage}: ${e.message}` : e.stage);
    },
    info: (m) => io.info(m),
    warn: (m) => io.warning(m),
  };
}

const write = async (path: string, text: string) => {
  await writeFileAtomic(path, text);
  return path;
};

/** PR / push / workflow_dispatch (and any other event): evaluate, report, gate. */
async function evalFlow(io: ActionIO, inputs: ActionInputs): Promise<void> {
  const outDir = resolve(io.cwd, inputs.out);
  const artifactPath = await artifactFor(io, inputs, outDir);
  const evaluated = await evaluate(io, inputs, artifactPath, outDir);
  if (!evaluated) return;
  const { result, markdown, files } = evaluated;
  const pr = io.event.name === 'pull_request' || io.event.name === 'pull_request_target' ? io.event.payload.pull_request : undefined;

  // Post first, fail later: a reviewer must see the report of a run that missed its gate.
  let commentError: unknown;
  if (pr && inputs.comment) {
    const base = pr.base?.repo?.full_name ?? `${io.event.repo.owner}/${io.event.repo.repo}`;
    const head = pr.head?.repo?.full_name;
    if (head && head !== base) {
      io.warning(`this PR comes from the fork ${head}: its token is read-only, so the report goes to the job summary instead of a PR comment`);
    } else if (!inputs.githubToken) {
      io.warning('no github-token: the report goes to the job summary instead of a PR comment');
    } else {
      try {
        const done = await upsertComment(io.comments(inputs.githubToken), pr.number, commentKey(io, inputs), markdown);
        io.info(`${done.action} the report comment on PR #${pr.number}${done.url ? `: ${done.url}` : ''}`);
      } catch (err) {
        commentError = err;
      }
    }
  }
  await io.writeSummary(markdown);
  // Outside releases, sign only when asked (sign: true; the job needs id-token: write).
  if (inputs.sign === true) {
    await signKeyless(io, inputs, artifactPath);
    files.push(sidecarName(artifactPath));
  }
  const artifactId = inputs.uploadArtifact ? await upload(io, inputs, [artifactPath, ...files], outDir) : undefined;

  setOutputs(io, result.kolm, artifactPath, files[1]!, artifactId);
  if (commentError) throw commentError;
  const failure = gateFailure(result.kolm.gates ?? []);
  if (failure) io.setFailed(formatError(failure));
}

/** `release: published`: the artifact (compiled or given), gated when eval is given, signed, attached. */
async function releaseFlow(io: ActionIO, inputs: ActionInputs): Promise<void> {
  const release = io.event.payload.release;
  if (!release?.tag_name) throw new KolmError('E_USAGE', 'the release event has no release.tag_name', { hint: 'run the Action on `release: types: [published]`' });
  const outDir = resolve(io.cwd, inputs.out);
  const artifactPath = await artifactFor(io, inputs, outDir);
  if (inputs.eval) {
    const evaluated = await evaluate(io, inputs, artifactPath, outDir);
    if (evaluated) {
      await io.writeSummary(evaluated.markdown);
      setOutputs(io, evaluated.result.kolm, artifactPath, evaluated.files[1]!, undefined);
      const failure = gateFailure(evaluated.result.kolm.gates ?? []);
      if (failure) throw failure; // a release that misses its gates is not signed or attached
    }
  }
  const fileName = basename(artifactPath);
  const assets: ReleaseAsset[] =
    inputs.sign !== false
      ? await signKeyless(io, inputs, artifactPath)
      : [{ name: fileName, bytes: new Uint8Array(await readFile(artifactPath)) }];
  if (!inputs.githubToken) throw new KolmError('E_USAGE', 'attaching to the release needs a token', { hint: 'leave github-token at its default (the workflow token) and give the job `permissions: contents: write`' });
  const repo = `${io.event.repo.owner}/${io.event.repo.repo}`;
  let published: Awaited<ReturnType<typeof publishRelease>>;
  try {
    published = await publishRelease({ repo, tag: release.tag_name, token: inputs.githubToken, assets, apiUrl: io.env.GITHUB_API_URL, ...(io.fetch ? { fetch: io.fetch } : {}), reporter: reporterFor(io) });
  } catch (err) {
    throw githubRefusal(err, `attaching ${fileName} to release ${release.tag_name}`, 'contents: write');
  }
  for (const a of published.assets) io.info(`attached ${a.name} (${a.size} bytes${a.replaced ? ', replacing the old one' : ''}): ${a.url}`);
  io.setOutput(Output.Artifact, artifactPath);
  await io.writeSummary(`### 📦 ${release.tag_name}\n\n${published.assets.map((a) => `- [${a.name}](${a.url}) (${a.size} bytes)`).join('\n')}\n`);
}

/** Sign the .kolm in place with the workflow's OIDC identity; the signed file and its sidecar bundle. */
async function signKeyless(io: ActionIO, inputs: ActionInputs, artifactPath: string): Promise<ReleaseAsset[]> {
  const fileName = basename(artifactPath);
  const method: SigningMethod = {
    mode: 'keyless',
    identityProvider: ambientIdentityProvider({ env: io.env }),
    fulcioURL: inputs.signing.fulcioUrl,
    rekorURL: inputs.signing.rekorUrl,
    tsaURL: inputs.signing.tsaUrl,
    // A private deployment (its own Fulcio and a TSA, no Rekor) keeps the signer out of the public log.
    tlog: !(inputs.signing.fulcioUrl && inputs.signing.tsaUrl && !inputs.signing.rekorUrl),
  };
  const saved = await saveBuilt(
    artifactPath,
    new Uint8Array(await readFile(artifactPath)),
    { method, secrets: [io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''].filter(Boolean) },
    relative(io.cwd, artifactPath),
  );
  const signed = saved.signed!;
  io.info(`signed ${fileName} as ${formatSigner(signed.signer)}`);
  return [
    { name: fileName, bytes: signed.artifact },
    { name: basename(saved.bundlePath!), bytes: signed.sidecar! },
  ];
}

function setOutputs(io: ActionIO, kolm: EvalReport, artifactPath: string, reportPath: string, artifactId: number | undefined): void {
  io.setOutput(Output.KScore, kolm.K.toFixed(4));
  io.setOutput(Output.PassRate, kolm.pass_rate.toFixed(4));
  io.setOutput(Output.P50Ms, kolm.latency_ms ? String(kolm.latency_ms.p50) : '');
  io.setOutput(Output.Artifact, artifactPath);
  io.setOutput(Output.Gate, gateFailure(kolm.gates ?? []) ? 'fail' : 'pass');
  io.setOutput(Output.Report, reportPath);
  if (artifactId !== undefined) io.setOutput(Output.ArtifactId, String(artifactId));
}

/** The comment's slot: the input, else workflow/job plus what the run evaluates (so matrix legs differ). */
function commentKey(io: ActionIO, inputs: ActionInputs): string {
  if (inputs.commentKey) return inputs.commentKey;
  const what = inputs.artifact ?? inputs.spec ?? '';
  return [io.env.GITHUB_WORKFLOW ?? 'workflow', io.env.GITHUB_JOB ?? 'job', what, inputs.predibase ? 'ab' : ''].filter(Boolean).join('/');
}

/** The artifact input as is, or spec + examples built into OUT/NAME.kolm. */
async function artifactFor(io: ActionIO, inputs: ActionInputs, outDir: string): Promise<string> {
  if (inputs.artifact) return resolve(io.cwd, inputs.artifact);
  if (!inputs.spec || !inputs.examples) {
    throw new KolmError('E_USAGE', `the Action needs ${!inputs.spec ? 'spec' : 'examples'} to compile (or artifact: a built .kolm)`, {
      hint: 'with: spec: migrated/spec.json, examples: migrated/train.jsonl, eval: migrated/validation.jsonl',
    });
  }
  const specPath = resolve(io.cwd, inputs.spec);
  // The eval input is scored afterwards by evaluate() (with --gates overrides and the A/B), not here.
  const built = await buildFromFiles(
    {
      specPath,
      specShown: inputs.spec,
      examplesPath: resolve(io.cwd, inputs.examples),
      defaultName: basename(specPath).replace(/\.json$/, ''),
      sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
    },
    reporterFor(io),
  );
  await mkdir(outDir, { recursive: true });
  const { path } = await saveBuilt(join(outDir, `${built.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.kolm`), built.bytes);
  const v = built.outcome.validation;
  io.info(`compiled ${relative(io.cwd, path)}: ${built.outcome.winner} recipe, validation K ${v.K.toFixed(3)}, ${built.bytes.length} bytes`);
  return path;
}

interface Evaluated {
  result: ArtifactEvalResult;
  markdown: string;
  /** eval.json, report.md, and remote.json when there was an A/B. */
  files: string[];
}

async function evaluate(io: ActionIO, inputs: ActionInputs, artifactPath: string, outDir: string): Promise<Evaluated | undefined> {
  if (!inputs.eval) {
    throw new KolmError('E_USAGE', 'the Action needs eval: held-out cases to score the artifact on', { hint: 'with: eval: migrated/validation.jsonl (the validation split `kolm migrate` writes)' });
  }
  const baseline = inputs.baseline ? await readBaseline(io, resolve(io.cwd, inputs.baseline), inputs.baseline) : undefined;
  await mkdir(outDir, { recursive: true });
  const result = await evaluateArtifactFile({
    artifactPath,
    shown: relative(io.cwd, artifactPath),
    load: { adapter: { modelsDir: defaultModelsDir(io.env, homedir()), tmpDir: io.env.RUNNER_TEMP || tmpdir() } },
    examplesPath: resolve(io.cwd, inputs.eval),
    gates: inputs.gates ? parseGates(inputs.gates) : undefined,
    reporter: reporterFor(io),
    ...(inputs.predibase
      ? {
          remote: {
            url: inputs.predibase.endpoint,
            adapterId: inputs.predibase.adapterId,
            token: inputs.predibase.token,
            cachePath: join(outDir, 'remote-cache.jsonl'),
          },
        }
      : {}),
    ...(baseline ? { baseline: { report: baseline, name: baseName(io) } } : {}),
  });
  const { manifest } = result;
  const what = `**kolm-migrate** · \`${basename(artifactPath)}\` (${manifest.recipe?.type ?? manifest.kind}) on ${result.kolm.cases} held-out cases from \`${inputs.eval}\``;
  const markdown = `${what}\n\n${renderEvalMarkdown(result)}\n${footer(io, inputs)}`;
  const files = [await write(join(outDir, 'eval.json'), `${JSON.stringify(result.kolm, null, 2)}\n`), await write(join(outDir, 'report.md'), markdown)];
  if (result.remote) files.push(await write(join(outDir, 'remote.json'), `${JSON.stringify(result.remote, null, 2)}\n`));
  return { result, markdown, files };
}

/** A previous eval report; a missing file is a warning (the base branch may not have one yet). */
async function readBaseline(io: ActionIO, path: string, shown: string): Promise<EvalReport | undefined> {
  try {
    return await readEvalReport(path, shown);
  } catch (err) {
    if (!isKolmError(err) || err.code !== 'E_PATH_NOT_FOUND') throw err;
    io.warning(`baseline ${shown} does not exist: comparing with nothing this time`);
    return undefined;
  }
}

function baseName(io: ActionIO): string {
  const ref = io.event.payload.pull_request?.base?.ref;
  return ref ? `base (${ref})` : 'baseline';
}

function footer(io: ActionIO, inputs: ActionInputs): string {
  const server = io.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const run = io.env.GITHUB_RUN_ID ? `${server}/${io.event.repo.owner}/${io.event.repo.repo}/actions/runs/${io.env.GITHUB_RUN_ID}` : undefined;
  const sha = io.event.payload.pull_request?.head?.sha ?? io.env.GITHUB_SHA;
  const bits = [sha ? `commit ${sha.slice(0, 7)}` : '', run ? `[run ${io.env.GITHUB_RUN_ID}](${run})` : '', `runtime ${inputs.runtime}`].filter(Boolean);
  return `<sub>kolm-migrate · ${bits.join(' · ')}</sub>\n`;
}

async function upload(io: ActionIO, inputs: ActionInputs, files: string[], root: string): Promise<number | undefined> {
  const stem = (p: string | undefined) => p && basename(p).replace(/\.[^.]*$/, '');
  const key = (inputs.commentKey ?? [io.env.GITHUB_JOB, stem(inputs.artifact ?? inputs.spec)].filter(Boolean).join('-')) || 'report';
  const name = `kolm-${key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 200);
  try {
    // Every file must sit under the root the artifact's paths are relative to.
    const top = files.every((f) => !relative(root, f).startsWith('..')) ? root : io.cwd;
    const uploaded = await io.uploadArtifact(name, files, top, inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {});
    io.info(`uploaded the workflow artifact ${name}${uploaded.id !== undefined ? ` (id ${uploaded.id}, ${uploaded.size} bytes)` : ''}`);
    return uploaded.id;
  } catch (err) {
    // The report already stands in the comment and summary; a failed upload should not hide it.
    io.warning(`could not upload the workflow artifact ${name}: ${(err as Error).message}`);
    return undefined;
  }
}
