// Attach files to a GitHub release through the REST API (plain fetch, passed in): find the release by tag
// (or create it when asked), then for each file upload it through the release's `upload_url` under a
// temporary name, delete a same-named asset, and rename the upload. Replacing this way never leaves the
// release without the asset if an upload fails half-way.
import { randomBytes } from 'node:crypto';
import { KolmError } from '../errors.ts';
import type { Reporter } from '../progress.ts';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

export interface ReleaseAsset {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

export interface PublishOptions {
  /** owner/name */
  repo: string;
  tag: string;
  token: string;
  assets: ReleaseAsset[];
  /** Create the release when the tag has none. */
  create?: boolean;
  /** Refuse unless the repository is private. */
  requirePrivate?: boolean;
  apiUrl?: string;
  fetch?: typeof fetch;
  reporter?: Reporter;
}

export interface PublishedAsset {
  name: string;
  id: number;
  url: string;
  size: number;
  replaced: boolean;
}

export interface PublishResult {
  release: { id: number; url: string; created: boolean };
  assets: PublishedAsset[];
}

interface Release {
  id: number;
  html_url: string;
  upload_url: string;
}

interface Asset {
  id: number;
  name: string;
  size: number;
  browser_download_url: string;
}

const REPO_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export async function publishRelease(options: PublishOptions): Promise<PublishResult> {
  if (!REPO_PATTERN.test(options.repo)) throw new KolmError('E_USAGE', `--repo "${options.repo}" is not OWNER/NAME`, { hint: 'e.g. --repo acme/models' });
  if (!options.token) throw new KolmError('E_USAGE', 'publishing needs a GitHub token', { hint: 'set GH_TOKEN or GITHUB_TOKEN (in Actions: `permissions: contents: write`)' });
  const api = createClient(options);
  const repoPath = `/repos/${options.repo}`;

  const repo = await api.json<{ private?: boolean; visibility?: string }>('GET', repoPath, undefined, `repository ${options.repo}`);
  if (options.requirePrivate && repo.private !== true) {
    throw new KolmError('E_PUBLISH', `${options.repo} is ${repo.visibility ?? 'public'}; --private refuses to publish to it`, {
      hint: 'publish to a private repository, or drop --private to publish publicly',
    });
  }

  let created = false;
  let release = await api.maybe<Release>('GET', `${repoPath}/releases/tags/${encodeURIComponent(options.tag)}`, `the release for tag ${options.tag}`);
  if (!release) {
    if (!options.create) {
      throw new KolmError('E_PUBLISH', `${options.repo} has no release for tag ${options.tag}`, { hint: 'create it on GitHub, or pass --create' });
    }
    release = await api.json<Release>('POST', `${repoPath}/releases`, { tag_name: options.tag, name: options.tag }, `a release for tag ${options.tag}`);
    created = true;
    options.reporter?.info(`created release ${options.tag} on ${options.repo}`);
  }

  const existing = await listAssets(api, `${repoPath}/releases/${release.id}/assets`);
  const uploadBase = release.upload_url.replace(/\{[^}]*\}$/, '');
  const published: PublishedAsset[] = [];
  for (const [i, asset] of options.assets.entries()) {
    options.reporter?.progress({ stage: 'publish', done: i, total: options.assets.length, message: asset.name });
    const temporary = `uploading-${randomBytes(4).toString('hex')}-${asset.name}`;
    const uploaded = await api.upload(`${uploadBase}?name=${encodeURIComponent(temporary)}`, asset, temporary);
    const old = existing.find((a) => a.name === asset.name);
    if (old) await api.json('DELETE', `${repoPath}/releases/assets/${old.id}`, undefined, `the old asset ${asset.name}`);
    const renamed = await api.json<Asset>('PATCH', `${repoPath}/releases/assets/${uploaded.id}`, { name: asset.name }, `the uploaded asset ${asset.name}`);
    published.push({ name: renamed.name, id: renamed.id, url: renamed.browser_download_url, size: renamed.size, replaced: Boolean(old) });
  }
  options.reporter?.progress({ stage: 'publish', done: options.assets.length, total: options.assets.length });
  return { release: { id: release.id, url: release.html_url, created }, assets: published };
}

async function listAssets(api: Client, path: string): Promise<Asset[]> {
  const all: Asset[] = [];
  for (let page = 1; page <= 50; page++) {
    const batch = await api.json<Asset[]>('GET', `${path}?per_page=100&page=${page}`, undefined, 'the release assets');
    all.push(...batch);
    if (batch.length < 100) break;
  }
  return all;
}

interface Client {
  json<T = unknown>(method: string, path: string, body: unknown, what: string): Promise<T>;
  maybe<T>(method: string, path: string, what: string): Promise<T | undefined>;
  upload(url: string, asset: ReleaseAsset, name: string): Promise<Asset>;
}

function createClient(options: PublishOptions): Client {
  const doFetch = options.fetch ?? fetch;
  const base = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const headers = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'kolm-migrate',
  };
  const send = async (method: string, url: string, init: { body?: BodyInit; headers?: Record<string, string> }, what: string): Promise<Response> => {
    try {
      return await doFetch(url, { method, headers: { ...headers, ...init.headers }, body: init.body });
    } catch (err) {
      throw new KolmError('E_PUBLISH', `could not reach GitHub (${new URL(url).origin}) for ${what}: ${(err as Error).message}`, {
        hint: 'check the network, or GITHUB_API_URL for GitHub Enterprise',
        cause: err,
      });
    }
  };
  const fail = async (response: Response, method: string, what: string): Promise<never> => {
    const text = await response.text().catch(() => '');
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the text
    }
    const hint =
      response.status === 401 ? 'the token (GH_TOKEN or GITHUB_TOKEN) is missing or invalid'
      : response.status === 403 ? 'the token lacks `contents: write` on this repository'
      : response.status === 404 ? 'check --repo and that the token can see the repository'
      : 'see the GitHub message above';
    throw new KolmError('E_PUBLISH', `GitHub refused ${method} ${what}: ${response.status} ${message}`.trim(), { hint });
  };
  return {
    async json<T>(method: string, path: string, body: unknown, what: string): Promise<T> {
      const response = await send(method, `${base}${path}`, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, what);
      if (!response.ok) return fail(response, method, what);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async maybe<T>(method: string, path: string, what: string): Promise<T | undefined> {
      const response = await send(method, `${base}${path}`, {}, what);
      if (response.status === 404) return undefined;
      if (!response.ok) return fail(response, method, what);
      return (await response.json()) as T;
    },
    async upload(url: string, asset: ReleaseAsset, name: string): Promise<Asset> {
      const body = Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength);
      const response = await send('POST', url, { body: body as unknown as BodyInit, headers: { 'Content-Type': asset.contentType ?? 'application/octet-stream', 'Content-Length': String(body.length) } }, `the upload of ${asset.name}`);
      if (!response.ok) return fail(response, 'POST', `the upload of ${asset.name} (as ${name})`);
      return (await response.json()) as Asset;
    },
  };
}
