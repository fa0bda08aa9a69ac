// A loopback stand-in for the parts of GitHub the Action talks to (reference/github-action.md §4.3): the REST
// API (PR comments with Link pagination, releases and their assets), the release upload URL, and the
// artifact service (two twirp calls + the block-blob PUTs of @azure/storage-blob). One node:http server;
// the Action is pointed at it with GITHUB_API_URL and ACTIONS_RESULTS_URL. Every request is logged.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot, tmpdir } from './tmp.ts';
import { readBody } from './http.ts';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

export interface FakeAsset {
  id: number;
  name: string;
  size: number;
  bytes: Buffer;
  browser_download_url: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  assets: FakeAsset[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  body: Buffer;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** GitHub's cap on per_page (100); lower it to page through fewer comments. */
  maxPerPage?: number;
  /** Refuse comment writes and release uploads with 403 "Resource not accessible by integration". */
  readOnly?: boolean;
}

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  /** PR number → its comments, oldest first. */
  comments: Map<number, FakeComment[]>;
  releases: FakeRelease[];
  requests: LoggedRequest[];
  /** Artifacts the artifact service finalized: name → bytes received (the zip). */
  artifacts: Map<string, { id: number; size: number }>;
  readOnly: boolean;
  addComments(pr: number, bodies: string[], login?: string): void;
  addRelease(tag: string, assets?: { name: string; bytes: Buffer }[]): FakeRelease;
  /** A JWT the artifact client accepts (decoded, never verified). */
  runtimeToken: string;
  close(): Promise<void>;
}

const NOT_ACCESSIBLE = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' };


function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'models';
  const maxPerPage = options.maxPerPage ?? 100;
  let nextId = 1000;
  const comments = new Map<number, FakeComment[]>();
  const releases: FakeRelease[] = [];
  const requests: LoggedRequest[] = [];
  const artifacts = new Map<string, { id: number; size: number }>();
  const blobs = new Map<string, number>();
  const pending = new Map<string, string>(); // blob path → artifact name
  let url = '';

  const repoPrefix = `/repos/${owner}/${repo}`;
  const asset = (a: Omit<FakeAsset, 'browser_download_url' | 'size'>): FakeAsset => ({ ...a, size: a.bytes.length, browser_download_url: `${url}/download/${a.id}/${a.name}` });
  const releaseJson = (r: FakeRelease) => ({
    id: r.id,
    tag_name: r.tag_name,
    html_url: `${url}/${owner}/${repo}/releases/tag/${r.tag_name}`,
    upload_url: `${url}/uploads${repoPrefix}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson),
  });
  const assetJson = (a: FakeAsset) => ({ id: a.id, name: a.name, size: a.size, browser_download_url: a.browser_download_url });

  const fake: FakeGitHub = {
    url: '',
    owner,
    repo,
    comments,
    releases,
    requests,
    artifacts,
    readOnly: options.readOnly ?? false,
    addComments(pr, bodies, login = 'someone') {
      const list = comments.get(pr) ?? [];
      for (const body of bodies) {
        const id = nextId++;
        list.push({ id, body, user: { login }, html_url: `${url}/${owner}/${repo}/pull/${pr}#issuecomment-${id}` });
      }
      comments.set(pr, list);
    },
    addRelease(tag, assets = []) {
      const r: FakeRelease = { id: nextId++, tag_name: tag, assets: assets.map((a) => asset({ id: nextId++, name: a.name, bytes: a.bytes })) };
      releases.push(r);
      return r;
    },
    runtimeToken: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ scp: 'Actions.GenericRead:r Actions.Results:run-1:job-1' })).toString('base64url')}.sig`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const route = async (req: IncomingMessage, res: ServerResponse, body: Buffer, path: string, query: URLSearchParams): Promise<void> => {
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;

    // ---- PR comments (issues API) ----
    if ((m = new RegExp(`^${repoPrefix}/issues/(\\d+)/comments$`).exec(path))) {
      const pr = Number(m[1]);
      const list = comments.get(pr) ?? [];
      if (method === 'GET') {
        const perPage = Math.min(maxPerPage, Number(query.get('per_page') ?? 30));
        const page = Number(query.get('page') ?? 1);
        const slice = list.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const link = (p: number, rel: string) => `<${url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
        json(res, 200, slice, links.length ? { link: links.join(', ') } : {});
        return;
      }
      if (method === 'POST') {
        if (fake.readOnly) return json(res, 403, NOT_ACCESSIBLE);
        const { body: text } = JSON.parse(body.toString('utf8')) as { body: string };
        fake.addComments(pr, [text], 'github-actions[bot]');
        const made = comments.get(pr)!.at(-1)!;
        return json(res, 201, made);
      }
    }
    if ((m = new RegExp(`^${repoPrefix}/issues/comments/(\\d+)$`).exec(path)) && method === 'PATCH') {
      if (fake.readOnly) return json(res, 403, NOT_ACCESSIBLE);
      const id = Number(m[1]);
      const found = [...comments.values()].flat().find((c) => c.id === id);
      if (!found) return json(res, 404, { message: 'Not Found' });
      found.body = (JSON.parse(body.toString('utf8')) as { body: string }).body;
      return json(res, 200, found);
    }

    // ---- repository and releases ----
    if (path === repoPrefix && method === 'GET') return json(res, 200, { full_name: `${owner}/${repo}`, private: false, visibility: 'public' });
    if ((m = new RegExp(`^${repoPrefix}/releases/tags/(.+)$`).exec(path)) && method === 'GET') {
      const r = releases.find((x) => x.tag_name === decodeURIComponent(m![1]!));
      return r ? json(res, 200, releaseJson(r)) : json(res, 404, { message: 'Not Found' });
    }
    if ((m = new RegExp(`^${repoPrefix}/releases/(\\d+)/assets$`).exec(path)) && method === 'GET') {
      const r = releases.find((x) => x.id === Number(m![1]));
      if (!r) return json(res, 404, { message: 'Not Found' });
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
      const page = Number(query.get('page') ?? 1);
      return json(res, 200, r.assets.slice((page - 1) * perPage, page * perPage).map(assetJson));
    }
    if ((m = new RegExp(`^/uploads${repoPrefix}/releases/(\\d+)/assets$`).exec(path)) && method === 'POST') {
      if (fake.readOnly) return json(res, 403, NOT_ACCESSIBLE);
      const r = releases.find((x) => x.id === Number(m![1]));
      if (!r) return json(res, 404, { message: 'Not Found' });
      const name = query.get('name') ?? '';
      if (!req.headers['content-type']) return json(res, 400, { message: 'Content-Type is required' });
      if (r.assets.some((a) => a.name === name)) return json(res, 422, { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] });
      const made = asset({ id: nextId++, name, bytes: body });
      r.assets.push(made);
      return json(res, 201, assetJson(made));
    }
    if ((m = new RegExp(`^${repoPrefix}/releases/assets/(\\d+)$`).exec(path))) {
      const id = Number(m[1]);
      const r = releases.find((x) => x.assets.some((a) => a.id === id));
      const a = r?.assets.find((x) => x.id === id);
      if (!r || !a) return json(res, 404, { message: 'Not Found' });
      if (method === 'DELETE') {
        r.assets = r.assets.filter((x) => x.id !== id);
        res.writeHead(204).end();
        return;
      }
      if (method === 'PATCH') {
        const { name } = JSON.parse(body.toString('utf8')) as { name?: string };
        if (name && r.assets.some((x) => x.name === name && x.id !== id)) return json(res, 422, { message: 'Validation Failed' });
        if (name) a.name = name;
        return json(res, 200, assetJson(a));
      }
    }

    // ---- artifact service (twirp) and the blob store ----
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService/';
    if (path === `${twirp}CreateArtifact` && method === 'POST') {
      const { name } = JSON.parse(body.toString('utf8')) as { name: string };
      const blob = `/blob/${encodeURIComponent(name)}.zip`;
      pending.set(blob, name);
      return json(res, 200, { ok: true, signed_upload_url: `${url}${blob}?sig=fake` });
    }
    if (path === `${twirp}FinalizeArtifact` && method === 'POST') {
      const { name } = JSON.parse(body.toString('utf8')) as { name: string };
      const id = nextId++;
      const blob = `/blob/${encodeURIComponent(name)}.zip`;
      artifacts.set(name, { id, size: blobs.get(blob) ?? 0 });
      return json(res, 200, { ok: true, artifact_id: String(id) });
    }
    if (path.startsWith('/blob/') && method === 'PUT') {
      if (query.get('comp') === 'block' || !query.get('comp')) blobs.set(path, (blobs.get(path) ?? 0) + body.length);
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': String(nextId++), 'x-ms-version': '2024-11-04', 'content-length': '0' });
      res.end();
      return;
    }
    json(res, 404, { message: `Not Found (fake GitHub has no ${method} ${path})` });
  };

  const server = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    requests.push({ method: req.method ?? 'GET', path: target.pathname, query: Object.fromEntries(target.searchParams), authorization: req.headers.authorization, body });
    try {
      await route(req, res, body, target.pathname, target.searchParams);
    } catch (err) {
      json(res, 500, { message: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = url;
  return fake;
}

// ---- running the bundled Action the way the runner does ----

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Parsed from $GITHUB_OUTPUT (the `name<<delimiter` blocks @actions/core writes). */
  outputs: Record<string, string>;
  summary: string;
  /** `::error::` / `::warning::` lines, unescaped. */
  errors: string[];
  warnings: string[];
}

export interface RunActionOptions {
  /** The workspace (cwd, GITHUB_WORKSPACE). */
  workspace: string;
  event: string;
  payload: Record<string, unknown>;
  inputs: Record<string, string>;
  github: FakeGitHub;
  env?: Record<string, string>;
}

let actionCopy: string | undefined;

/**
 * dist/action.js copied alone into a folder with a `"type": "module"` package.json: as at a checkout of the
 * Action's tag, nothing from node_modules can be resolved, so the test proves the bundle is self-contained.
 */
function bundledAction(): string {
  if (actionCopy) return actionCopy;
  const dir = tmpdir({ 'package.json': '{"type":"module"}\n' });
  copyFileSync(join(repoRoot, 'dist', 'action.js'), join(dir, 'action.js'));
  actionCopy = join(dir, 'action.js');
  return actionCopy;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

const unescapeCommand = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const meta = tmpdir({ 'event.json': JSON.stringify(o.payload), output: '', summary: '' });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? meta,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: join(meta, 'event.json'),
    GITHUB_REPOSITORY: `${o.github.owner}/${o.github.repo}`,
    GITHUB_API_URL: o.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: join(meta, 'output'),
    GITHUB_STEP_SUMMARY: join(meta, 'summary'),
    GITHUB_WORKFLOW: 'model gate',
    GITHUB_JOB: 'eval',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
    RUNNER_TEMP: meta,
    ACTIONS_RESULTS_URL: `${o.github.url}/`,
    ACTIONS_RUNTIME_TOKEN: o.github.runtimeToken,
    SOURCE_DATE_EPOCH: '1700000000',
    ...o.env,
  };
  for (const [k, v] of Object.entries(o.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  // Async spawn: a synchronous one would block this process's fake server (reference §4.3).
  const child = spawn(process.execPath, [bundledAction()], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const commands = (kind: string) => stdout.split('\n').flatMap((l) => (l.startsWith(`::${kind}`) ? [unescapeCommand(l.slice(l.indexOf('::', 2) + 2))] : []));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(join(meta, 'output'), 'utf8')),
    summary: readFileSync(join(meta, 'summary'), 'utf8'),
    errors: commands('error'),
    warnings: commands('warning'),
  };
}
