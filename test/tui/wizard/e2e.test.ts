// The real binary in a real terminal: tmux runs `kolm-migrate` on a copy of an example export, the test
// types keys (send-keys) and reads the screen (capture-pane), walking every step to a compiled, evaluated
// artifact with an A/B against a loopback LoRAX/Predibase server. Needs tmux (fails loudly without it).
// KOLM_UPDATE_SCREENS=1 rewrites the reviewer's captures in test/tui/wizard/screens/.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, repoRoot, tmpdir } from '../../_util/tmp.ts';
import { answer, startLoraxServer } from '../../_util/lorax-server.ts';

const test = suite('kolm-migrate in tmux');

const SOCKET = `kolm-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Terminal {
  screen(opts?: { escapes?: boolean }): string;
  until(re: RegExp, ms?: number): Promise<string>;
  keys(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  close(): void;
}

function startTerminal(name: string, cwd: string, command: string, size = { x: 80, y: 24 }): Terminal {
  // Ink draws nothing but the last frame when it thinks it runs in CI (is-in-ci), so the wizard's
  // terminal is started without CI set.
  tmux('new-session', '-d', '-s', name, '-x', String(size.x), '-y', String(size.y), '-c', cwd, `env -u CI -u CONTINUOUS_INTEGRATION ${command}; echo "[exit $?]"; sleep 60`);
  const screen = (opts: { escapes?: boolean } = {}) => tmux('capture-pane', '-p', ...(opts.escapes ? ['-e'] : []), '-t', name);
  return {
    screen,
    async until(re, ms = 60_000) {
      const end = Date.now() + ms;
      let last = '';
      while (Date.now() < end) {
        last = screen();
        if (re.test(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.unreachable(`the terminal never showed ${re}; last screen:\n${last}`);
      return last;
    },
    async keys(...keys) {
      for (const k of keys) {
        // A new screen attaches its key handlers just after it is drawn.
        await new Promise((r) => setTimeout(r, 150));
        tmux('send-keys', '-t', name, k);
      }
    },
    async type(text) {
      await new Promise((r) => setTimeout(r, 150));
      tmux('send-keys', '-t', name, '-l', text);
    },
    close() {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
  };
}

const bin = join(repoRoot, 'bin', 'kolm-migrate.mjs');
const screensDir = join(repoRoot, 'test', 'tui', 'wizard', 'screens');
const keep = (file: string, text: string) => {
  if (process.env.KOLM_UPDATE_SCREENS === '1') writeFileSync(join(screensDir, file), `${text.replace(/[ \t]+$/gm, '').trimEnd()}\n`);
};

test('tmux is installed (the terminal tests need it)', () => {
  assert.ok(hasTmux, 'tmux not found: install it (apt-get install -y tmux) to run the terminal tests');
});

test('the whole walk in an 80×24 terminal: find → features → spec → compile → eval + A/B → ship', async () => {
  if (!hasTmux) assert.unreachable('tmux not found');
  const cwd = tmpdir();
  cpSync(join(examplesDir, 'trec-questions'), join(cwd, 'trec-questions'), { recursive: true });
  const token = 'pb_e2e_secret_token';
  const lorax = await startLoraxServer({ token, handler: answer(() => 'DESC') });
  const t = startTerminal('walk', cwd, `NO_COLOR=1 PREDIBASE_API_TOKEN= node ${bin} --out out`);
  const started = Date.now();
  try {
    let s = await t.until(/Found 1 export/);
    assert.match(s, /kolm-migrate {2}\[1 find\] › 2 features › 3 spec › 4 compile › 5 eval › 6 ship/);
    assert.match(s, /❯ trec-questions\/predibase-export/);
    await t.keys('Enter');
    s = await t.until(/Preview: train\.jsonl/);
    assert.match(s, /Ingestion {2}\d[\d,]* rows in → [\d,]+ kept \(train [\d,]+ · validation 545\)/);
    await t.keys('Enter');
    await t.until(/spec\.json, translated from config\.yaml/);
    await t.keys('Down', 'Down', 'Enter');
    await t.until(/K_min \(empty: no gate\):/);
    await t.type('0.8');
    await t.keys('Enter');
    await t.until(/gates\s+K ≥ 0\.8/);
    await t.keys('Enter');
    s = await t.until(/✓ winner: classifier/);
    assert.match(s, /candidate\s+K\s+pass\s+p50 ms\s+status/);
    assert.match(s, /wrote out\/trec-questions\.kolm/);
    keep('compile-80x24.txt', s);
    await t.keys('Enter');
    s = await t.until(/Evaluate trec-questions\.kolm/);
    assert.match(s, /545 cases \(label\)/);
    assert.match(s, /✓ pass {2}K_min 0\.8/);
    await t.keys('Down', 'Enter');
    await t.until(/Endpoint URL/);
    await t.type(lorax.url);
    await t.keys('Enter');
    await t.until(/Adapter id/);
    await t.type('trec/1');
    await t.keys('Enter');
    await t.until(/Token/);
    await t.type(token);
    s = await t.until(/•{19}/);
    assert.not.match(s, /pb_e2e/);
    await t.keys('Enter');
    s = await t.until(/LoRAX: K 0\.\d{3}/);
    assert.match(s, /kolm is better than LoRAX/);
    keep('eval-ab-80x24.txt', s);
    assert.is(lorax.requests.length, 545);
    await t.keys('Enter');
    s = await t.until(/Serve it \(LoRAX API\)/);
    await t.keys('Enter');
    await t.until(/✓ wrote \.github\/workflows\/kolm\.yml/);
    await t.keys('Enter');
    s = await t.until(/\[exit 0\]/);
    assert.match(s, /Done: out\/trec-questions\.kolm · \.github\/workflows\/kolm\.yml/);
    const seconds = (Date.now() - started) / 1000;
    console.log(`  full walk in tmux: ${seconds.toFixed(1)} s`);
    for (const f of ['spec.json', 'train.jsonl', 'validation.jsonl', 'report.json', 'trec-questions.kolm', 'eval.json', 'remote-eval.json']) assert.ok(existsSync(join(cwd, 'out', f)), f);
    assert.is(JSON.parse(readFileSync(join(cwd, 'out', 'eval.json'), 'utf8')).cases, 545);
    assert.not.ok(readFileSync(join(cwd, 'out', 'remote-cache.jsonl'), 'utf8').includes(token), '~> the token is not in the cache');
    assert.not.match(t.screen({ escapes: true }), /\u001b\[(?:3[0-8]|9[0-7]|4[0-8])[;m]/, '~> NO_COLOR: no colour codes on screen');
  } finally {
    t.close();
    await lorax.close();
  }
});

test('colours without NO_COLOR; Esc back and Ctrl-C in the real terminal leave cleanly (exit 130)', async () => {
  if (!hasTmux) assert.unreachable('tmux not found');
  const cwd = tmpdir();
  cpSync(join(examplesDir, 'tweet-emotion'), join(cwd, 'tweet-emotion'), { recursive: true });
  const t = startTerminal('cancel', cwd, `env -u NO_COLOR FORCE_COLOR=1 node ${bin} --out out`, { x: 120, y: 30 });
  try {
    await t.until(/Found 1 export/);
    assert.match(t.screen({ escapes: true }), /\u001b\[(?:3[0-8]|9[0-7])m/, '~> colours are on');
    await t.keys('Enter');
    await t.until(/Preview: train\.jsonl/);
    await t.keys('Escape');
    await t.until(/\[1 find\]/);
    await t.keys('C-c');
    const s = await t.until(/\[exit 130\]/);
    assert.match(s, /Cancelled\. Nothing half-written/);
  } finally {
    t.close();
  }
});

test.after(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
});

test.run();
