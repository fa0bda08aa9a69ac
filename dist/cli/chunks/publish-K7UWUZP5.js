import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/publish/github.ts
import { randomBytes } from "node:crypto";
var DEFAULT_GITHUB_API_URL = "https://api.github.com";
var REPO_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
async function publishRelease(options) {
  if (!REPO_PATTERN.test(options.repo)) throw new KolmError("E_USAGE", `--repo "${options.repo}" is not OWNER/NAME`, { hint: "e.g. --repo acme/models" });
  if (!options.token) throw new KolmError("E_USAGE", "publishing needs a GitHub token", { hint: "set GH_TOKEN or GITHUB_TOKEN (in Actions: `permissions: contents: write`)" });
  const api = createClient(options);
  const repoPath = `/repos/${options.repo}`;
  const repo = await api.json("GET", repoPath, void 0, `repository ${options.repo}`);
  if (options.requirePrivate && repo.private !== true) {
    throw new KolmError("E_PUBLISH", `${options.repo} is ${repo.visibility ?? "public"}; --private refuses to publish to it`, {
      hint: "publish to a private repository, or drop --private to publish publicly"
    });
  }
  let created = false;
  let release = await api.maybe("GET", `${repoPath}/releases/tags/${encodeURIComponent(options.tag)}`, `the release for tag ${options.tag}`);
  if (!release) {
    if (!options.create) {
      throw new KolmError("E_PUBLISH", `${options.repo} has no release for tag ${options.tag}`, { hint: "create it on GitHub, or pass --create" });
    }
    release = await api.json("POST", `${repoPath}/releases`, { tag_name: options.tag, name: options.tag }, `a release for tag ${options.tag}`);
    created = true;
    options.reporter?.info(`created release ${options.tag} on ${options.repo}`);
  }
  const existing = await listAssets(api, `${repoPath}/releases/${release.id}/assets`);
  const uploadBase = release.upload_url.replace(/\{[^}]*\}$/, "");
  const published = [];
  for (const [i, asset] of options.assets.entries()) {
    options.reporter?.progress({ stage: "publish", done: i, total: options.assets.length, message: asset.name });
    const temporary = `uploading-${randomBytes(4).toString("hex")}-${asset.name}`;
    const uploaded = await api.upload(`${uploadBase}?name=${encodeURIComponent(temporary)}`, asset, temporary);
    const old = existing.find((a) => a.name === asset.name);
    if (old) await api.json("DELETE", `${repoPath}/releases/assets/${old.id}`, void 0, `the old asset ${asset.name}`);
    const renamed = await api.json("PATCH", `${repoPath}/releases/assets/${uploaded.id}`, { name: asset.name }, `the uploaded asset ${asset.name}`);
    published.push({ name: renamed.name, id: renamed.id, url: renamed.browser_download_url, size: renamed.size, replaced: Boolean(old) });
  }
  options.reporter?.progress({ stage: "publish", done: options.assets.length, total: options.assets.length });
  return { release: { id: release.id, url: release.html_url, created }, assets: published };
}
async function listAssets(api, path) {
  const all = [];
  for (let page = 1; page <= 50; page++) {
    const batch = await api.json("GET", `${path}?per_page=100&page=${page}`, void 0, "the release assets");
    all.push(...batch);
    if (batch.length < 100) break;
  }
  return all;
}
function createClient(options) {
  const doFetch = options.fetch ?? fetch;
  const base = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, "");
  const headers = {
    Authorization: `Bearer ${options.token}`,
    Accept: "application/vnd.github+json",
    "X-GitHub-Api-Version": "2022-11-28",
    "User-Agent": "kolm-migrate"
  };
  const send = async (method, url, init, what) => {
    try {
      return await doFetch(url, { method, headers: { ...headers, ...init.headers }, body: init.body });
    } catch (err) {
      throw new KolmError("E_PUBLISH", `could not reach GitHub (${new URL(url).origin}) for ${what}: ${err.message}`, {
        hint: "check the network, or GITHUB_API_URL for GitHub Enterprise",
        cause: err
      });
    }
  };
  const fail = async (response, method, what) => {
    const text = await response.text().catch(() => "");
    let message = text.slice(0, 300);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
    }
    const hint = response.status === 401 ? "the token (GH_TOKEN or GITHUB_TOKEN) is missing or invalid" : response.status === 403 ? "the token lacks `contents: write` on this repository" : response.status === 404 ? "check --repo and that the token can see the repository" : "see the GitHub message above";
    throw new KolmError("E_PUBLISH", `GitHub refused ${method} ${what}: ${response.status} ${message}`.trim(), { hint });
  };
  return {
    async json(method, path, body, what) {
      const response = await send(method, `${base}${path}`, body === void 0 ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }, what);
      if (!response.ok) return fail(response, method, what);
      return response.status === 204 ? void 0 : await response.json();
    },
    async maybe(method, path, what) {
      const response = await send(method, `${base}${path}`, {}, what);
      if (response.status === 404) return void 0;
      if (!response.ok) return fail(response, method, what);
      return await response.json();
    },
    async upload(url, asset, name) {
      const body = Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength);
      const response = await send("POST", url, { body, headers: { "Content-Type": asset.contentType ?? "application/octet-stream", "Content-Length": String(body.length) } }, `the upload of ${asset.name}`);
      if (!response.ok) return fail(response, "POST", `the upload of ${asset.name} (as ${name})`);
      return await response.json();
    }
  };
}
export {
  DEFAULT_GITHUB_API_URL,
  publishRelease
};
