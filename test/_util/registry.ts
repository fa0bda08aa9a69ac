// A real npm registry on loopback for install tests: verdaccio (a devDependency) in a child process, with
// no uplink, so nothing is fetched from outside. It is seeded with the exact tarballs of this repo's
// production dependency tree, taken offline from npm's cache (npm ci put them there), so an install from it
// resolves the same dependency tree a user gets from the public registry, and a package we forgot to
// declare fails the install instead of being fetched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './http.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

export interface LocalRegistry {
  url: string;
  /** An .npmrc that points npm at this registry, with a token that may publish. */
  userconfig: string;
  stop(): Promise<void>;
}

interface LockEntry {
  version?: string;
  name?: string;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
}

/** name@version of every installed package of the production tree (what `npm i kolm-migrate` needs). */
export function productionTree(): string[] {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const specs = new Set<string>();
  for (const [path, e] of Object.entries(lock.packages)) {
    if (!path || e.dev || e.devOptional || e.link || !e.version) continue;
    // Optional platform builds for other machines are in the lock but not on disk (npm skips them: so do we).
    if (!existsSync(join(repoRoot, path))) continue;
    const name = e.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    specs.add(`${name}@${e.version}`);
  }
  return [...specs].sort();
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … exited ${r.status}:\n${r.stderr}\n${r.stdout}`.slice(0, 4000));
  return r.stdout;
}

async function waitForUrl(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/-/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`verdaccio did not answer at ${url} in 30 s:\n${log()}`);
}

/** PUT one tarball the way `npm publish` does (libnpmpublish's body), without an npm process per package. */
async function putTarball(url: string, token: string, tgz: Uint8Array, manifest: Record<string, unknown>, tag: string): Promise<void> {
  const name = manifest.name as string;
  const version = manifest.version as string;
  const file = `${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
  const integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
  const shasum = createHash('sha1').update(tgz).digest('hex');
  const body = {
    _id: name,
    name,
    'dist-tags': { [tag]: version },
    versions: { [version]: { ...manifest, _id: `${name}@${version}`, dist: { integrity, shasum, tarball: `${url}/${name}/-/${file}` } } },
    _attachments: { [file]: { content_type: 'application/octet-stream', data: Buffer.from(tgz).toString('base64'), length: tgz.length } },
  };
  const res = await fetch(`${url}/${name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`publishing ${name}@${version} to the local registry: ${res.status} ${await res.text()}`);
}

/** Start verdaccio in `dir` and seed it with the production tree's tarballs from npm's cache. */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '@*/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'max_body_size: 200mb',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const bin = join(repoRoot, 'node_modules/verdaccio/bin/verdaccio');
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForUrl(url, child, () => log);
    const user = await fetch(`${url}/-/user/org.couchdb.user:kolm-test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kolm-test', password: 'kolm-test-password' }),
    });
    const { token } = (await user.json()) as { token: string };
    const userconfig = join(dir, 'npmrc');
    writeFileSync(userconfig, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);

    const tarballs = join(dir, 'tarballs');
    mkdirSync(tarballs);
    // One npm process packs every dependency from the cache (--offline: never the network).
    const packed = JSON.parse(run('npm', ['pack', ...productionTree(), '--offline', '--json', '--pack-destination', tarballs], { cwd: dir })) as {
      filename: string;
      name: string;
      version: string;
    }[];
    // Ascending versions, each tagged latest in turn, so the highest of several ends as latest.
    packed.sort((a, b) => a.name.localeCompare(b.name) || compareVersions(a.version, b.version));
    for (const p of packed) {
      const tgz = readFileSync(join(tarballs, p.filename));
      const manifest = JSON.parse(run('tar', ['-xzOf', join(tarballs, p.filename), '--wildcards', '*/package.json', '--exclude', '*/*/*'], { cwd: dir })) as Record<string, unknown>;
      await putTarball(url, token, tgz, manifest, 'latest');
    }
    return { url, userconfig, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number(x));
  const pb = b.split(/[.+-]/).map((x) => Number(x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Number.isNaN(d) ? 0 : d;
  }
  return 0;
}
