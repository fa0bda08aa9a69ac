// The bundled Action (dist/action.js) run as the runner runs it: a child process with INPUT_* env, an event
// payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against a loopback server
// playing the GitHub REST API, the artifact service and the release upload URL. The bundle is copied alone
// into a folder first, so nothing can come from node_modules (as at a checkout of the Action's tag).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact } from '../../core/artifact/index.ts';
import { parseBundle, verifyArtifactContents, parseTrustedRoot } from '../../core/sign/index.ts';
import { kolm } from '../_util/cli.ts';
import { runAction, startFakeGitHub, type FakeGitHub } from '../_util/fake-github.ts';
import { answer, startLoraxServer } from '../_util/lorax-server.ts';
import { slotTask } from '../_util/slot-task.ts';
import { tmpdir } from '../_util/tmp.ts';
import { startFakeSigstore, GITHUB_ISSUER, WORKFLOW_IDENTITY } from '../core/sign/_sigstore.ts';
import { generateTopics } from '../core/recipes/classifier/_gen.ts';

const test = suite('the bundled Action');
const MARKER = '<!-- kolm-migrate:report key=';
const GH_TOKEN = 'ghs_workflowTOKEN_0123456789';

function prPayload(number: number, headRepo = 'acme/models') {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: 'feedc0ffee1234567890', ref: 'tune', repo: { full_name: headRepo } }, base: { ref: 'main', sha: 'base0000', repo: { full_name: 'acme/models' } } },
    repository: { full_name: 'acme/models' },
  };
}

const slotInputs = { spec: 'spec.json', examples: 'train.jsonl', eval: 'validation.jsonl', 'github-token': GH_TOKEN };

const commentWrites = (gh: FakeGitHub) => gh.requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && /\/issues\//.test(r.path));
const ours = (gh: FakeGitHub, pr: number) => (gh.comments.get(pr) ?? []).filter((c) => c.body.startsWith(MARKER));

test('PR: one comment created past the first page, then updated in place on a re-run; outputs, summary and artifact written', async () => {
  const gh = await startFakeGitHub();
  // 120 comments already: with GitHub's 100 per page, ours lands on page 2 and must be found there.
  gh.addComments(7, Array.from({ length: 120 }, (_, i) => `review note ${i}`));
  const ws = slotTask();
  try {
    const first = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(7), inputs: slotInputs, github: gh });
    assert.is(first.code, 0, first.stdout + first.stderr);
    assert.is(ours(gh, 7).length, 1, 'one report comment');
    assert.is(gh.comments.get(7)!.length, 121);
    const mine = ours(gh, 7)[0]!;
    assert.ok(mine.body.startsWith(`${MARKER}model gate/eval/spec.json -->\n`), 'the marker is the first line');
    assert.match(mine.body, /\| K \(95 % CI\) \| 1\.000/);
    assert.match(mine.body, /\| K_min \| 0\.9 \| 1 \| ✅ pass \|/);
    assert.ok(gh.requests.every((r) => !/\/issues\//.test(r.path) || r.authorization === `token ${GH_TOKEN}`), 'the workflow token is used');

    // Outputs and summary.
    assert.is(first.outputs['k-score'], '1.0000');
    assert.is(first.outputs['pass-rate'], '1.0000');
    assert.is(first.outputs.gate, 'pass');
    assert.ok(Number(first.outputs['p50-ms']) > 0);
    assert.is(first.outputs.artifact, join(ws, 'kolm-out', 'slots.kolm'));
    assert.is(first.outputs.report, join(ws, 'kolm-out', 'report.md'));
    assert.is(readFileSync(first.outputs.report!, 'utf8'), mine.body.slice(mine.body.indexOf('\n') + 1));
    assert.match(first.summary, /\| K \(95 % CI\) \| 1\.000/);
    // The workflow artifact went through the artifact service.
    assert.ok(gh.artifacts.has('kolm-eval-spec'), [...gh.artifacts.keys()].join(','));
    assert.is(first.outputs['artifact-id'], String(gh.artifacts.get('kolm-eval-spec')!.id));
    assert.ok(gh.artifacts.get('kolm-eval-spec')!.size > 1000);

    // Re-run: the same comment is updated, no second one is made; the listing went past page 1.
    const before = commentWrites(gh).length;
    const second = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(7), inputs: slotInputs, github: gh });
    assert.is(second.code, 0, second.stdout);
    const writes = commentWrites(gh).slice(before);
    assert.equal(writes.map((w) => w.method), ['PATCH']);
    assert.is(writes[0]!.path, `/repos/acme/models/issues/comments/${mine.id}`);
    assert.is(ours(gh, 7).length, 1);
    assert.is(gh.comments.get(7)!.length, 121);
    const listed = gh.requests.filter((r) => r.method === 'GET' && r.path === '/repos/acme/models/issues/7/comments');
    assert.ok(listed.some((r) => r.query.page === '2'), 'page 2 was read');
  } finally {
    await gh.close();
  }
});

test('PR with a missed gate: the comment is still posted, then the job fails (exit 1) naming the gate', async () => {
  const gh = await startFakeGitHub();
  const ws = slotTask();
  try {
    const r = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(8), inputs: { ...slotInputs, gates: 'K_min=0.9,p50_ms_max=0.000001' }, github: gh });
    assert.is(r.code, 1);
    assert.is(ours(gh, 8).length, 1, 'the comment was posted');
    assert.match(ours(gh, 8)[0]!.body, /❌ p50 .* ms over p50_ms_max/);
    assert.match(ours(gh, 8)[0]!.body, /### ❌ kolm missed 1 gate/);
    assert.is(r.outputs.gate, 'fail');
    assert.is(r.errors.length, 1, r.stdout);
    assert.match(r.errors[0]!, /error\[E_GATE_FAILED\].*p50_ms_max/);
    assert.match(r.summary, /p50_ms_max/);
    // The order: comment, then artifact, then the failure.
    const commentAt = r.stdout.indexOf('created the report comment');
    const failAt = r.stdout.indexOf('::error::');
    assert.ok(commentAt >= 0 && commentAt < failAt);
  } finally {
    await gh.close();
  }
});

test('fork PR: no comment (read-only token), a warning, and the summary instead', async () => {
  const gh = await startFakeGitHub();
  const ws = slotTask();
  try {
    const r = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(9, 'stranger/models'), inputs: slotInputs, github: gh });
    assert.is(r.code, 0, r.stdout);
    assert.is(commentWrites(gh).length, 0);
    assert.is(gh.requests.filter((q) => /\/issues\//.test(q.path)).length, 0, 'comments not even listed');
    assert.ok(r.warnings.some((w) => /fork stranger\/models/.test(w)), r.warnings.join('\n'));
    assert.match(r.summary, /K \(95 % CI\)/);
    assert.is(r.outputs.gate, 'pass');
  } finally {
    await gh.close();
  }
});

test('a token without pull-requests: write: the summary is written, then the job fails naming the permission', async () => {
  const gh = await startFakeGitHub({ readOnly: true });
  const ws = slotTask();
  try {
    const r = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(10), inputs: slotInputs, github: gh });
    assert.is(r.code, 1);
    assert.match(r.errors[0]!, /lacks the `pull-requests: write` permission \(403 Resource not accessible by integration\)/);
    assert.match(r.errors[0]!, /hint: add `permissions:`/);
    assert.match(r.summary, /K \(95 % CI\)/);
    assert.is(r.outputs.gate, 'pass');
  } finally {
    await gh.close();
  }
});

test('push: summary and outputs, no comment calls', async () => {
  const gh = await startFakeGitHub();
  const ws = slotTask();
  try {
    const r = await runAction({ workspace: ws, event: 'push', payload: { ref: 'refs/heads/main', after: 'abc' }, inputs: { ...slotInputs, 'upload-artifact': 'false' }, github: gh });
    assert.is(r.code, 0, r.stdout);
    assert.is(gh.requests.filter((q) => /\/issues\//.test(q.path)).length, 0);
    assert.is(gh.artifacts.size, 0, 'upload-artifact: false');
    assert.match(r.summary, /\| cases \| 100 \|/);
    assert.is(r.outputs['k-score'], '1.0000');
  } finally {
    await gh.close();
  }
});

test('A/B against a Predibase-style endpoint and a baseline report: both comparisons in the comment; the token only reaches add-mask', async () => {
  const gh = await startFakeGitHub();
  const ws = slotTask();
  const PB_TOKEN = 'pb_SECRET_action_91fe';
  const gold = new Map(readFileSync(join(ws, 'validation.jsonl'), 'utf8').trim().split('\n').map((l) => {
    const { input, output } = JSON.parse(l) as { input: string; output: string };
    return [input, output];
  }));
  let n = 0;
  const lorax = await startLoraxServer({ token: PB_TOKEN, handler: answer((inputs) => (++n % 5 === 0 ? '{"to_location": "Nowhere"}' : gold.get(inputs)!)) });
  try {
    // A baseline from an earlier run on the base branch.
    const base = await runAction({ workspace: ws, event: 'push', payload: {}, inputs: { ...slotInputs, out: 'base-out', 'upload-artifact': 'false' }, github: gh });
    assert.is(base.code, 0, base.stdout);
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: prPayload(11),
      inputs: { ...slotInputs, 'predibase-endpoint': lorax.predibaseUrl, 'predibase-adapter-id': 'slots/2', 'predibase-token': PB_TOKEN, baseline: 'base-out/eval.json' },
      github: gh,
    });
    assert.is(r.code, 0, r.stdout + r.stderr);
    const body = ours(gh, 11)[0]!.body;
    assert.match(body, /\| \| kolm \| Predibase \| Δ \|/);
    assert.match(body, /\| \| kolm \| base \(main\) \| Δ \|/);
    assert.match(body, /kolm is better than Predibase/);
    assert.ok(lorax.requests.every((q) => q.parameters.adapter_id === 'slots/2'));
    const masked = r.stdout.split('\n').filter((l) => l.includes(PB_TOKEN));
    assert.equal(masked, [`::add-mask::${PB_TOKEN}`], 'the token appears only in the mask command');
    assert.not.match(r.stderr + body + r.summary, PB_TOKEN);
    assert.ok(r.stdout.includes(`::add-mask::${GH_TOKEN}`));
  } finally {
    await lorax.close();
    await gh.close();
  }
});

test('a classifier compiles and scores inside the bundle (TypeScript scorer for ORT) exactly as `kolm eval` scores it on onnxruntime', async () => {
  const gh = await startFakeGitHub();
  const jsonl = (rows: { input: unknown; output: unknown }[]) => `${rows.map((e) => JSON.stringify(e)).join('\n')}\n`;
  const ws = tmpdir({
    'spec.json': JSON.stringify({ kolm: 1, name: 'topics', task: 'topic of a sentence', shape: { input: 'string', output: 'string' }, gates: { K_min: 0.8 } }),
    'train.jsonl': jsonl(generateTopics(300, 1, 0.05)),
    'validation.jsonl': jsonl(generateTopics(150, 2)),
  });
  try {
    const r = await runAction({ workspace: ws, event: 'push', payload: {}, inputs: { ...slotInputs, 'upload-artifact': 'false' }, github: gh });
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /compiled kolm-out\/topics\.kolm: classifier recipe/);
    const cli = await kolm(['eval', join(ws, 'kolm-out', 'topics.kolm'), '--examples', join(ws, 'validation.jsonl'), '--json']);
    assert.is(cli.code, 0, cli.stderr);
    const report = JSON.parse(cli.stdout) as { K: number; pass_rate: number; results: { prediction: unknown }[] };
    const bundled = JSON.parse(readFileSync(join(ws, 'kolm-out', 'eval.json'), 'utf8')) as typeof report;
    assert.is(r.outputs['k-score'], report.K.toFixed(4));
    assert.equal(bundled.results.map((x) => x.prediction), report.results.map((x) => x.prediction), 'every prediction agrees');
  } finally {
    await gh.close();
  }
});

test('release published: signed keyless with the OIDC identity, .kolm and its bundle attached (old assets replaced)', async () => {
  const gh = await startFakeGitHub();
  const sigstore = await startFakeSigstore();
  const ws = slotTask();
  gh.addRelease('v1.2.0', [{ name: 'slots.kolm', bytes: Buffer.from('an old build') }]);
  try {
    const release = gh.releases[0]!;
    const r = await runAction({
      workspace: ws,
      event: 'release',
      payload: { action: 'published', release: { id: release.id, tag_name: 'v1.2.0', upload_url: `${gh.url}/uploads/repos/acme/models/releases/${release.id}/assets{?name,label}` } },
      inputs: { spec: 'spec.json', examples: 'train.jsonl', eval: 'validation.jsonl', 'github-token': GH_TOKEN, 'fulcio-url': sigstore.fulcioURL, 'tsa-url': sigstore.tsaURL },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken },
      github: gh,
    });
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.equal(release.assets.map((a) => a.name).sort(), ['slots.kolm', 'slots.kolm.sigstore.json']);
    assert.ok(sigstore.oidcRequests.length >= 1 && sigstore.oidcRequests.every((q) => q.audience === 'sigstore'), 'the OIDC token was asked for audience sigstore');
    const kolmAsset = release.assets.find((a) => a.name === 'slots.kolm')!;
    assert.ok(kolmAsset.bytes.length > 1000, 'the old build was replaced');
    // The uploads went to the release's upload URL.
    assert.ok(gh.requests.some((q) => q.method === 'POST' && q.path === `/uploads/repos/acme/models/releases/${release.id}/assets`));
    // What was attached verifies as signed by the workflow identity.
    const contents = await readArtifact(new Uint8Array(kolmAsset.bytes));
    const trustedRoot = parseTrustedRoot(Buffer.from(JSON.stringify(sigstore.trustedRoot)), 'trusted_root.json');
    const state = verifyArtifactContents(contents, { file: 'slots.kolm', trust: { mode: 'keyless', trustedRoot, identity: WORKFLOW_IDENTITY, issuer: GITHUB_ISSUER } });
    assert.is(state.state, 'verified');
    const sidecar = parseBundle(release.assets.find((a) => a.name === 'slots.kolm.sigstore.json')!.bytes, 'sidecar');
    assert.ok(sidecar.verificationMaterial);
    assert.not.match(r.stdout.replace(`::add-mask::${sigstore.oidcRequestToken}`, ''), sigstore.oidcRequestToken);
    assert.match(r.summary, /slots\.kolm\.sigstore\.json/);
    assert.is(r.outputs.gate, 'pass');
  } finally {
    await sigstore.close();
    await gh.close();
  }
});

test('release without contents: write: fails naming the permission', async () => {
  const gh = await startFakeGitHub({ readOnly: true });
  const ws = slotTask();
  gh.addRelease('v2.0.0');
  try {
    const r = await runAction({
      workspace: ws,
      event: 'release',
      payload: { action: 'published', release: { id: gh.releases[0]!.id, tag_name: 'v2.0.0' } },
      inputs: { spec: 'spec.json', examples: 'train.jsonl', sign: 'false', 'github-token': GH_TOKEN },
      github: gh,
    });
    assert.is(r.code, 1);
    assert.match(r.errors[0]!, /lacks the `contents: write` permission/);
    assert.is(gh.releases[0]!.assets.length, 0);
  } finally {
    await gh.close();
  }
});

test.run();
