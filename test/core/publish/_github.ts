// A loopback server playing the parts of the GitHub REST API that publishing uses: repository, release by tag,
// create release, list/delete/rename assets, and the uploads host (`upload_url`). State is in memory.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../_util/http.ts';

export interface FakeAsset {
  id: number;
  name: string;
  size: number;
  content_type: string;
  bytes: Buffer;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  assets: FakeAsset[];
}

export interface FakeGitHub {
  url: string;
  token: string;
  releases: FakeRelease[];
  requests: { method: string; path: string; authorization?: string }[];
  setPrivate(value: boolean): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { repo?: string; private?: boolean; token?: string } = {}): Promise<FakeGitHub> {
  const repo = options.repo ?? 'acme/models';
  const token = options.token ?? 'ghs_test';
  let isPrivate = options.private ?? false;
  const releases: FakeRelease[] = [];
  const requests: FakeGitHub['requests'] = [];
  let nextId = 100;
  let url = '';

  const releaseJson = (r: FakeRelease) => ({
    id: r.id,
    tag_name: r.tag_name,
    html_url: `${url}/${repo}/releases/tag/${r.tag_name}`,
    upload_url: `${url}/uploads/repos/${repo}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson),
  });
  const assetJson = (a: FakeAsset) => ({ id: a.id, name: a.name, size: a.size, content_type: a.content_type, browser_download_url: `${url}/${repo}/releases/download/${a.name}` });

  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    requests.push({ method: req.method!, path: u.pathname + u.search, authorization: req.headers.authorization });
    const send = (status: number, value?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(value === undefined ? '' : JSON.stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
    const base = `/repos/${repo}`;
    const p = u.pathname;
    const assetMatch = /^\/repos\/[^/]+\/[^/]+\/releases\/assets\/(\d+)$/.exec(p);
    const findAsset = (id: number) => {
      for (const r of releases) {
        const a = r.assets.find((x) => x.id === id);
        if (a) return { r, a };
      }
      return undefined;
    };
    if (req.method === 'GET' && p === base) return send(200, { full_name: repo, private: isPrivate, visibility: isPrivate ? 'private' : 'public' });
    if (!p.startsWith(base) && !p.startsWith(`/uploads${base}`)) return send(404, { message: 'Not Found' });
    const tagMatch = /\/releases\/tags\/(.+)$/.exec(p);
    if (req.method === 'GET' && tagMatch) {
      const r = releases.find((x) => x.tag_name === decodeURIComponent(tagMatch[1]!));
      return r ? send(200, releaseJson(r)) : send(404, { message: 'Not Found' });
    }
    if (req.method === 'POST' && p === `${base}/releases`) {
      const { tag_name } = JSON.parse(body.toString());
      const r: FakeRelease = { id: nextId++, tag_name, assets: [] };
      releases.push(r);
      return send(201, releaseJson(r));
    }
    const listMatch = /\/releases\/(\d+)\/assets$/.exec(p);
    if (req.method === 'GET' && listMatch && !p.startsWith('/uploads')) {
      const r = releases.find((x) => x.id === Number(listMatch[1]));
      return r ? send(200, r.assets.map(assetJson)) : send(404, { message: 'Not Found' });
    }
    if (req.method === 'POST' && listMatch && p.startsWith('/uploads')) {
      const r = releases.find((x) => x.id === Number(listMatch[1]));
      const name = u.searchParams.get('name') ?? '';
      if (!r) return send(404, { message: 'Not Found' });
      if (r.assets.some((a) => a.name === name)) return send(422, { message: 'Validation Failed: already_exists' });
      if (Number(req.headers['content-length']) !== body.length) return send(400, { message: 'bad length' });
      const a: FakeAsset = { id: nextId++, name, size: body.length, content_type: String(req.headers['content-type']), bytes: body };
      r.assets.push(a);
      return send(201, assetJson(a));
    }
    if (assetMatch && req.method === 'DELETE') {
      const found = findAsset(Number(assetMatch[1]));
      if (!found) return send(404, { message: 'Not Found' });
      found.r.assets = found.r.assets.filter((x) => x !== found.a);
      return send(204);
    }
    if (assetMatch && req.method === 'PATCH') {
      const found = findAsset(Number(assetMatch[1]));
      if (!found) return send(404, { message: 'Not Found' });
      const { name } = JSON.parse(body.toString());
      if (found.r.assets.some((x) => x.name === name && x !== found.a)) return send(422, { message: 'Validation Failed: already_exists' });
      found.a.name = name;
      return send(200, assetJson(found.a));
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    releases,
    requests,
    setPrivate: (v) => {
      isPrivate = v;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

