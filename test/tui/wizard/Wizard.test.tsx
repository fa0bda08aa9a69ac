/** @jsxRuntime automatic @jsxImportSource react */
import '../../_util/ink-interactive.ts';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { render } from 'ink-testing-library';
import { parse as parseYaml } from 'yaml';
import { Wizard, type WizardProps } from '../../../tui/wizard/Wizard.tsx';
import { ColorContext } from '../../../tui/wizard/ui/kit.tsx';
import { exitCodeOf, type WizardState } from '../../../tui/wizard/state.ts';
import { runWizardCli } from '../../../tui/wizard/cli.ts';
import { examplesDir, listFiles, tmpdir } from '../../_util/tmp.ts';
import { answer, startLoraxServer } from '../../_util/lorax-server.ts';

const test = suite('kolm-migrate wizard (Ink)');

const KEY = { enter: '\r', esc: '\u001B', up: '\u001B[A', down: '\u001B[B', tab: '\t', ctrlC: '\u0003', ctrlU: '\u0015' };
const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

function mount(props: Omit<WizardProps, 'env'> & { env?: WizardProps['env'] }) {
  let final: WizardState | undefined;
  const ink = render(
    <ColorContext.Provider value={false}>
      <Wizard env={{}} {...props} onExit={(s) => (final = s)} />
    </ColorContext.Provider>,
  );
  const frame = () => strip(ink.lastFrame() ?? '');
  /** Wait (bounded) until the screen shows `re`; fails with the last screen otherwise. */
  const until = async (re: RegExp, ms = 30_000): Promise<string> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const f = frame();
      if (re.test(f)) return f;
      await new Promise((r) => setTimeout(r, 15));
    }
    assert.unreachable(`screen never showed ${re}; last screen:\n${frame()}`);
    return '';
  };
  const press = async (...keys: string[]) => {
    // A new screen's key handlers are attached in an effect after it is drawn: give them a moment.
    for (const k of keys) {
      await new Promise((r) => setTimeout(r, 40));
      ink.stdin.write(k);
    }
    await new Promise((r) => setTimeout(r, 40));
  };
  const exitCode = async () => {
    const end = Date.now() + 10_000;
    while (!final && Date.now() < end) await new Promise((r) => setTimeout(r, 15));
    return final ? exitCodeOf(final) : -1;
  };
  return { ink, frame, until, press, exitCode };
}

/** A working folder holding a copy of the tweet-emotion export, as a user's checkout would. */
function checkout(): string {
  const cwd = tmpdir();
  cpSync(join(examplesDir, 'tweet-emotion'), join(cwd, 'tweet-emotion'), { recursive: true });
  return cwd;
}

test('every step with keys: export, features, a gate that no recipe meets, lowered, eval, A/B, workflow', async () => {
  const cwd = checkout();
  const outDir = join(cwd, 'out');
  const token = 'pb_secret_token_123';
  const lorax = await startLoraxServer({ token, handler: answer(() => 'anger') });
  const w = mount({ cwd, outDir });
  try {
    // 1. find
    let s = await w.until(/Found 1 export/);
    assert.match(s, /\[1 find\]/);
    assert.match(s, /tweet-emotion\/predibase-export/);
    assert.match(s, /config\.yaml · 2 data files \(train\.parquet, validation\.parquet\) · adapter: predibase-adapter/);
    await w.press(KEY.enter);
    // 2. features
    s = await w.until(/Preview: train\.jsonl/);
    assert.match(s, /input: tweet \(text\) → output: emotion \(text\)/);
    assert.match(s, /input ← tweet \(string\) · output ← emotion/);
    assert.match(s, /3,631 rows in → 3,631 kept \(train 3,257 · validation 374\) · dropped 0/);
    assert.match(s, /duplicates 25/);
    assert.ok(existsSync(join(outDir, 'train.jsonl')));
    await w.press(KEY.enter);
    // 3. spec: a bad gate value is refused with a hint, Esc cancels the edit, then K_min 0.9
    s = await w.until(/spec\.json, translated from config\.yaml/);
    assert.match(s, /base\s+mistralai\/Mistral-7B-Instruct-v0\.3/);
    assert.match(s, /adapter\s+lora r16 α32/);
    assert.match(s, /gates\s+none/);
    await w.press(KEY.down, KEY.down, KEY.enter, 'abc', KEY.enter);
    s = await w.until(/E_BAD_SPEC: K_min must be a number/);
    await w.press(KEY.esc);
    await w.until(/Edit gate K_min \(none\)/);
    await w.press(KEY.down, KEY.down, KEY.enter, '0.9', KEY.enter);
    await w.until(/gates\s+K ≥ 0\.9/);
    assert.not.ok(existsSync(join(outDir, 'spec.json')), '~> nothing written before "Write"');
    assert.match(w.frame(), /❯ Write spec\.json and compile/, '~> after an edit the choice is back on "Write"');
    await w.press(KEY.enter);
    // 4. compile: no recipe reaches 0.9, so lower the gate to the best and compile again
    s = await w.until(/no recipe passes the gates/);
    assert.match(s, /classifier\s+0\.7\d\d\s+7\d\.\d%.*below gate: K 0\.7\d\d < K_min 0\.9/);
    assert.match(s, /❯ Lower the gates to what the best candidate reached \(K ≥ 0\.7\d*\)/);
    assert.match(s, /Stop here/);
    assert.equal(JSON.parse(readFileSync(join(outDir, 'spec.json'), 'utf8')).gates, { K_min: 0.9 });
    await w.press(KEY.enter);
    s = await w.until(/✓ winner: classifier/);
    assert.match(s, /wrote out\/tweet-emotion\.kolm/);
    assert.ok(JSON.parse(readFileSync(join(outDir, 'spec.json'), 'utf8')).gates.K_min < 0.8, '~> the lowered gate is in spec.json');
    await w.press(KEY.enter);
    // 5. evaluate, then the A/B against the fake Predibase deployment
    s = await w.until(/Evaluate tweet-emotion\.kolm/);
    assert.match(s, /374 cases \(label\)/);
    assert.match(s, /kolm: K 0\.\d{3} \[/);
    assert.match(s, /K_min 0\.7\d*/);
    assert.match(s, /anger\s+160/);
    await w.press(KEY.down, KEY.enter);
    await w.until(/Endpoint URL/);
    await w.press(lorax.predibaseUrl, KEY.enter);
    await w.until(/Adapter id/);
    await w.press('tweet-emotion/3', KEY.enter);
    await w.until(/Token/);
    await w.press(token);
    s = await w.until(/•{19}/);
    assert.not.match(s, /pb_secret/, '~> the token is masked');
    await w.press(KEY.enter);
    s = await w.until(/Predibase: K 0\.\d{3}/);
    assert.match(s, /K\s+0\.\d{3}\s+0\.\d{3}\s+[+-]0\.\d{3}/);
    assert.match(s, /kolm is better than Predibase/);
    assert.match(s, /\d+ cases answered differently/);
    assert.is(lorax.requests.length, 374);
    assert.is(lorax.requests[0]!.headers.authorization, `Bearer ${token}`);
    assert.is(lorax.requests[0]!.parameters.adapter_id, 'tweet-emotion/3');
    assert.match(lorax.requests[0]!.inputs, /^Classify the emotion of this tweet/);
    for (const f of listFiles(cwd)) assert.not.ok(readFileSync(join(cwd, f), 'latin1').includes(token), `~> the token is in ${f}`);
    await w.press(KEY.enter);
    // 6. ship
    s = await w.until(/Serve it \(LoRAX API\)/);
    assert.match(s, /kolm serve out\/tweet-emotion\.kolm --port 8080/);
    assert.match(s, /kolm run out\/tweet-emotion\.kolm < out\/validation\.jsonl/);
    await w.press(KEY.enter);
    await w.until(/✓ wrote \.github\/workflows\/kolm\.yml/);
    const workflow = parseYaml(readFileSync(join(cwd, '.github/workflows/kolm.yml'), 'utf8'));
    const step = workflow.jobs.gate.steps[1];
    assert.is(step.uses, 'kolm-dev/kolm-migrate@v1');
    assert.is(step.with.spec, 'out/spec.json');
    assert.is(step.with.eval, 'out/validation.jsonl');
    assert.is(step.with['predibase-endpoint'], lorax.predibaseUrl);
    assert.is(step.with['predibase-adapter-id'], 'tweet-emotion/3');
    assert.is(step.with['predibase-token'], '${{ secrets.PREDIBASE_API_TOKEN }}');
    assert.equal(workflow.jobs.gate.permissions, { contents: 'read', 'pull-requests': 'write' });
    assert.equal(workflow.jobs.release.permissions, { contents: 'write', 'id-token': 'write' });
    await w.press(KEY.enter);
    assert.is(await w.exitCode(), 0);
    assert.match(w.frame(), /Done: out\/tweet-emotion\.kolm · \.github\/workflows\/kolm\.yml/);
    for (const f of ['train.jsonl', 'validation.jsonl', 'report.json', 'spec.json', 'tweet-emotion.kolm', 'eval.json', 'remote-eval.json']) assert.ok(existsSync(join(outDir, f)), f);
  } finally {
    w.ink.unmount();
    await lorax.close();
  }
});

test('Esc goes back one step at a time; coming forward again shows the same results without redoing them', async () => {
  const cwd = checkout();
  const outDir = join(cwd, 'out');
  const w = mount({ cwd, outDir });
  try {
    await w.until(/Found 1 export/);
    await w.press(KEY.enter);
    await w.until(/Preview: train\.jsonl/);
    const written = statSync(join(outDir, 'report.json')).mtimeMs;
    await w.press(KEY.enter);
    await w.until(/\[3 spec\]/);
    await w.press(KEY.esc);
    let s = await w.until(/\[2 features\]/);
    assert.match(s, /Preview: train\.jsonl/, '~> the report is shown at once');
    await w.press(KEY.esc);
    s = await w.until(/\[1 find\]/);
    assert.match(s, /❯ tweet-emotion\/predibase-export/);
    await w.press(KEY.esc);
    await w.until(/\[1 find\]/);
    await w.press(KEY.enter);
    await w.until(/Preview: train\.jsonl/);
    assert.is(statSync(join(outDir, 'report.json')).mtimeMs, written, '~> not converted again');
    await w.press(KEY.ctrlC);
    assert.is(await w.exitCode(), 130);
  } finally {
    w.ink.unmount();
  }
});

test('a column the data lacks: pick the one to use, and the conversion runs again with it', async () => {
  const cwd = tmpdir({
    'export/config.yaml': 'model_type: llm\nbase_model: mistralai/Mistral-7B-Instruct-v0.3\ninput_features:\n  - name: tweet_text\n    type: text\noutput_features:\n  - name: emotion\n    type: text\n',
    'export/train.csv': 'tweet,emotion\nI love it,joy\nso sad today,sadness\nwhat a day,joy\n',
  });
  const w = mount({ cwd, outDir: join(cwd, 'out') });
  try {
    await w.until(/Found 1 export/);
    await w.press(KEY.enter);
    let s = await w.until(/Which column of the data holds "tweet_text"\?/);
    assert.match(s, /has no column "tweet_text" \(the input\)/);
    assert.match(s, /❯ tweet {2}\(closest\)/);
    assert.match(s, /emotion/);
    await w.press(KEY.enter);
    s = await w.until(/Preview: train\.jsonl/);
    assert.match(s, /input ← tweet \(string\) · output ← emotion · you chose tweet_text→tweet/);
    assert.match(s, /I love it\s+joy/);
    const line = JSON.parse(readFileSync(join(cwd, 'out', 'train.jsonl'), 'utf8').split('\n')[0]!);
    assert.equal(line, { input: 'I love it', output: 'joy' });
  } finally {
    w.ink.unmount();
  }
});

test('typing a path: Tab completes folders, the check says what is missing, Enter takes a valid export', async () => {
  const cwd = checkout();
  const w = mount({ cwd, outDir: join(cwd, 'out'), exportPath: 'nowhere' });
  try {
    let s = await w.until(/Path:/);
    assert.match(s, /No export under nowhere/);
    assert.match(s, /✗ nowhere does not exist/);
    await w.press(KEY.ctrlU, 'tw', KEY.tab);
    s = await w.until(/Path: tweet-emotion\//);
    assert.match(s, /✗ no config\.yaml here/);
    await w.press('predibase-e', KEY.tab);
    s = await w.until(/Path: tweet-emotion\/predibase-export\//);
    assert.match(s, /✓ config\.yaml · 2 data files/);
    await w.press(KEY.enter);
    await w.until(/\[2 features\]/);
  } finally {
    w.ink.unmount();
  }
});

test('Ctrl-C while compiling: the worker stops, exit 130, no artifact and no temp file left', async () => {
  const cwd = checkout();
  const outDir = join(cwd, 'out');
  const w = mount({ cwd, outDir });
  try {
    await w.until(/Found 1 export/);
    await w.press(KEY.enter);
    await w.until(/Preview: train\.jsonl/);
    await w.press(KEY.enter);
    await w.until(/\[3 spec\]/);
    await w.press(KEY.enter);
    await w.until(/elapsed/);
    await w.press(KEY.ctrlC);
    assert.is(await w.exitCode(), 130);
    assert.match(await w.until(/Cancelled/), /Cancelled\. Nothing half-written; what was finished is in out/);
    await new Promise((r) => setTimeout(r, 300));
    const files = listFiles(outDir);
    assert.equal(files.filter((f) => f.endsWith('.tmp') || f.endsWith('.kolm')), [], files.join(', '));
    assert.ok(files.includes('spec.json'));
  } finally {
    w.ink.unmount();
  }
});

test('without --yes and without a terminal: exit 2 at once with the --yes hint, nothing waits for a key', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += d));
  const code = await runWizardCli([], { stdin: Readable.from(['']), stdout, stderr, env: { NO_COLOR: '1' }, cwd: checkout() });
  assert.is(code, 2);
  assert.match(err, /E_USAGE/);
  assert.match(err, /not a terminal/);
  assert.match(err, /--yes/);
});

test.run();
