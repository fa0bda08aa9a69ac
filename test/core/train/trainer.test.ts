// The Python trainer's own tests (pytest, CPU: a tiny random Llama learns a toy task through TRL + PEFT),
// run in the cached trainer venv and counted here one uvu test per pytest case, so they land in the suite's
// `N passed, N failed`. The venv is built by core/train/python/venv.sh --test (.ci/run does it first); a
// missing venv is a failure that says how to build it, never a skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kolmCacheDir, requirementsHash, trainerDir, trainerFiles, tryVenvPython } from '../../../core/train/venv.ts';

const root = new URL('../../..', import.meta.url).pathname;
const files = trainerFiles(trainerDir());
const python = tryVenvPython(kolmCacheDir(process.env, homedir()), requirementsHash(files, true));

if (!python) {
  test('the trainer venv is built', () => {
    assert.unreachable('no trainer venv for these requirements: run `bash core/train/python/venv.sh --test` (about 2 minutes, 6 GB)');
  });
} else {
  const out = mkdtempSync(join(tmpdir(), 'kolm-pytest-'));
  const junit = join(out, 'junit.xml');
  const ran = spawnSync(python, ['-m', 'pytest', 'test/core/train/python', '-q', '-p', 'no:cacheprovider', `--junitxml=${junit}`, `--basetemp=${join(out, 'tmp')}`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', TOKENIZERS_PARALLELISM: 'false', OMP_NUM_THREADS: '1' },
  });
  let xml = '';
  try {
    xml = readFileSync(junit, 'utf8');
  } catch {}
  rmSync(out, { recursive: true, force: true });
  const cases = [...xml.matchAll(/<testcase\b[^>]*\bname="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  test('pytest ran the trainer tests', () => {
    assert.ok(cases.length >= 5, `pytest exit ${ran.status}, ${cases.length} cases\n${ran.stdout.slice(-3000)}\n${ran.stderr.slice(-3000)}`);
  });
  for (const c of cases) {
    const body = c[3] ?? '';
    test(`pytest: ${c[1]}`, () => {
      const failure = /<(failure|error)\b[^>]*?(?:message="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>/.exec(body);
      if (failure) assert.unreachable(`${failure[2] ?? ''}\n${failure[3]!.slice(-2000)}`);
      assert.not.ok(/<skipped\b/.test(body), 'skipped in pytest: the trainer tests must run');
    });
  }
}

test.run();
