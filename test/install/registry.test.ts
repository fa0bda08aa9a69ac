// The package as users get it: `npm pack` this repo, `npm publish` it to a real registry on loopback
// (verdaccio, seeded offline with the exact dependency tarballs), `npm install -g` it into a clean prefix
// with a clean HOME and npm cache, then run the installed binaries: `kolm --version`, `kolm-migrate --yes`
// on a copy of the example export, and `kolm serve` answering one /generate. Prints the install's size
// and package count (the targets: < 150 MB, < 120 packages).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { VERSION } from '../../core/version.ts';
import { startLocalRegistry } from '../_util/registry.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

function sh(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  return spawnSync(cmd, args, { ...opts, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 240_000 });
}

function duBytes(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + duBytes(join(path, name)), 0);
}

/** Installed packages: every folder holding a package.json directly under some node_modules. */
function countPackages(nodeModules: string): number {
  let n = 0;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    const dir = join(nodeModules, name);
    if (name.startsWith('@')) {
      for (const sub of readdirSync(dir)) n += 1 + nested(join(dir, sub));
    } else n += 1 + nested(dir);
  }
  return n;
}
function nested(pkgDir: string): number {
  const nm = join(pkgDir, 'node_modules');
  return statSync(nm, { throwIfNoEntry: false })?.isDirectory() ? countPackages(nm) : 0;
}

test('npm install -g from a registry gives working kolm and kolm-migrate binaries', async () => {
  const work = mkdtempSync(join(tmpdir(), 'kolm-install-'));
  const registry = await startLocalRegistry(join(work, 'registry'));
  try {
    const home = join(work, 'home');
    const prefix = join(work, 'prefix');
    const env: NodeJS.ProcessEnv = {
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
      HOME: home,
      npm_config_userconfig: registry.userconfig,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_prefix: prefix,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };

    const pack = sh('npm', ['pack', repoRoot, '--json', '--pack-destination', work], { cwd: work, env });
    assert.is(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[]; unpackedSize: number }[];
    const shipped = packed!.files.map((f) => f.path);
    assert.ok(shipped.includes('dist/cli/kolm.js') && shipped.includes('LICENSE'), 'the built CLI and the licence ship');
    assert.ok(!shipped.some((p) => /^(test|scripts|core|tui|action)\/|^dist\/action/.test(p)), `no sources, tests or Action bundle ship: ${shipped.filter((p) => /^(test|scripts|core|tui|action|dist\/action)/.test(p)).slice(0, 5)}`);

    const publish = sh('npm', ['publish', join(work, packed!.filename), '--ignore-scripts'], { cwd: work, env });
    assert.is(publish.status, 0, publish.stderr);

    const started = Date.now();
    const install = sh('npm', ['install', '-g', 'kolm-migrate'], { cwd: work, env });
    const installSeconds = (Date.now() - started) / 1000;
    assert.is(install.status, 0, `npm install -g failed:\n${install.stderr}`);
    assert.not.match(install.stderr, /EBADENGINE/, 'no engine warnings on this Node');

    const modules = join(prefix, 'lib/node_modules');
    const mb = duBytes(join(modules, 'kolm-migrate')) / 1e6;
    const packages = countPackages(join(modules, 'kolm-migrate/node_modules'));
    console.log(`install: ${mb.toFixed(1)} MB, ${packages} packages, ${installSeconds.toFixed(1)} s (targets < 150 MB, < 120 packages)`);
    assert.ok(mb < 150, `install is ${mb.toFixed(1)} MB`);
    assert.ok(packages < 120, `install has ${packages} packages`);

    const version = sh('kolm', ['--version'], { cwd: work, env });
    assert.is(version.status, 0, version.stderr);
    assert.is(version.stdout.trim(), VERSION);

    const example = join(work, 'trec-questions');
    cpSync(join(repoRoot, 'examples/trec-questions'), example, { recursive: true });
    const migrate = sh('kolm-migrate', ['--yes', '--json', '--export', 'trec-questions/predibase-export', '--out', 'out'], { cwd: work, env });
    assert.is(migrate.status, 0, migrate.stderr);
    const result = JSON.parse(migrate.stdout) as { build: { artifact_path: string } };
    assert.ok(statSync(result.build.artifact_path).size > 0, 'kolm-migrate wrote the artifact');

    const serve = spawn('kolm', ['serve', result.build.artifact_path, '--port', '0'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let buf = '';
        let err = '';
        const timer = setTimeout(() => reject(new Error(`kolm serve did not listen: ${buf} ${err}`)), 30_000);
        serve.stderr!.on('data', (d) => (err += d));
        serve.stdout!.on('data', (d) => {
          buf += d;
          const m = /"url":"([^"]+)"/.exec(buf);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        serve.on('exit', (code) => reject(new Error(`kolm serve exited ${code}: ${err}`)));
      });
      const res = await fetch(`${url}/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: 'What is the capital of Peru ?' }),
      });
      assert.is(res.status, 200);
      const body = (await res.json()) as { generated_text: string };
      assert.type(body.generated_text, 'string');
      assert.ok(body.generated_text.length > 0, 'an answer');
    } finally {
      serve.kill('SIGTERM');
    }
  } finally {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
