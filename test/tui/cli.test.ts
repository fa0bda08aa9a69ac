import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import { kolm, kolmMigrate } from '../_util/cli.ts';
import { runCli } from '../../tui/cli.ts';
import { commands } from '../../tui/commands/index.ts';
import { describeCommand } from '../../tui/options.ts';
import { PASSPHRASE_ENV as TUI_PASSPHRASE_ENV } from '../../tui/sign-flags.ts';
import { PASSPHRASE_ENV } from '../../core/sign/index.ts';
import { VERSION } from '../../core/version.ts';
import { tmpdir } from '../_util/tmp.ts';

const test = suite('kolm command line');
const ESC = '\u001b[';

test('a command line that does not parse exits 2 with the usage error on stderr', async () => {
  const unknown = await kolm(['compiel', '--spec', 'x']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /^error\[E_USAGE\]: unknown command "compiel"; did you mean kolm compile\?/);
  assert.is(unknown.stdout, '');
  const missing = await kolm(['compile', '--spec', 'spec.json']);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^error\[E_USAGE\]: kolm compile needs --out <file> \(Where to write the \.kolm file\)/);
  assert.not.match(missing.stderr, 'Command not found');
});

test('a missing required flag is named, with every other missing one', async () => {
  const none = await kolm(['publish', 'a.kolm']);
  assert.is(none.code, 2);
  assert.match(none.stderr, 'kolm publish needs --repo <owner/name> and --tag <tag>');
  const one = await kolm(['publish', 'a.kolm', '--tag', 'v1']);
  assert.match(one.stderr, /needs --repo <owner\/name> \(The GitHub repository\)/);
  const arg = await kolm(['run']);
  assert.is(arg.code, 2);
  assert.match(arg.stderr, 'kolm run needs <artifact.kolm>');
});

test('an unknown flag or command gets the closest match; a flag without its value says so', async () => {
  const cases: [string[], RegExp][] = [
    [['compile', '--sepc', 's.json', '--out', 'o.kolm'], /kolm compile has no flag --sepc; did you mean --spec\?/],
    [['serve', 'a.kolm', '--prot', '9000'], /kolm serve has no flag --prot; did you mean --port\?/],
    [['eval', 'a.kolm', '--examples', 'e.jsonl', '--gate', 'K_min=1'], /has no flag --gate; did you mean --gates\?/],
    [['sign', 'a.kolm', '--no-tlogg'], /did you mean --no-tlog\?/],
    [['migrate', 'specs'], /kolm migrate has no subcommand "specs"; did you mean kolm migrate spec\?/],
    [['migrate'], /kolm migrate needs a subcommand: convert, spec/],
    [['servr'], /unknown command "servr"; did you mean kolm serve\?/],
    [['--verison'], /kolm has no flag --verison; did you mean --version\?/],
    [['compile', '--out', 'o.kolm', '--spec'], /--spec needs a value: --spec <file>/],
    [['compile', '--spec', '--out', 'o.kolm'], /--spec needs a value/],
    [['inspect', 'a.kolm', 'b.kolm'], /kolm inspect takes 1 argument; unexpected "b\.kolm"/],
    [['inspect', 'a.kolm', '--json=yes'], /--json is a switch and takes no value/],
  ];
  for (const [args, expected] of cases) {
    const r = await kolm(args);
    assert.is(r.code, 2, `${args.join(' ')} → exit 2`);
    assert.match(r.stderr, /^error\[E_USAGE\]/, args.join(' '));
    assert.match(r.stderr, expected, args.join(' '));
    assert.is(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
  }
  // Nothing close: no made-up suggestion.
  const far = await kolm(['compile', '--zzzzzzzz', 'x']);
  assert.match(far.stderr, 'kolm compile has no flag --zzzzzzzz');
  assert.not.match(far.stderr, 'did you mean');
});

test('a flag value the command refuses is a usage error (exit 2), not an internal error', async () => {
  for (const port of ['70000', '-1', 'abc', '80.5']) {
    const r = await kolm(['serve', 'a.kolm', '--port', port]);
    assert.is(r.code, 2, `--port ${port}`);
    // -1 reads as a flag to clipanion, so it is "no value for --port" rather than "invalid value".
    assert.match(r.stderr, port === '-1' ? /^error\[E_USAGE\]: .*--port/ : /^error\[E_USAGE\]: invalid value for --port/, `--port ${port}`);
    assert.not.match(r.stderr, /internal error|this is a bug/);
  }
});

test('--json usage errors are JSON on stdout too', async () => {
  const r = await kolm(['compile', '--spec', 's.json', '--json']);
  assert.is(r.code, 2);
  const body = JSON.parse(r.stdout);
  assert.equal([body.ok, body.error.code], [false, 'E_USAGE']);
  assert.match(body.error.message, '--out <file>');
});

test('kolm help, --help, help <command> and <command> --help', async () => {
  for (const args of [[], ['help'], ['--help'], ['-h']]) {
    const r = await kolm(args);
    assert.is(r.code, 0, args.join(' '));
    assert.match(r.stdout, /^kolm: .* \(0\.\d+\.\d+\)\n\nUsage: kolm <command> \[flags\]/, args.join(' '));
    for (const spec of commands.map(describeCommand)) assert.match(r.stdout, `  ${spec.path.join(' ')} `, `${spec.path.join(' ')} is listed`);
    assert.match(r.stdout, 'help [command]');
  }
  const a = await kolm(['help', 'serve']);
  const b = await kolm(['serve', '--help']);
  assert.is(a.code, 0);
  assert.is(a.stdout, b.stdout, 'one help text either way');
  assert.match(a.stdout, /Usage: kolm serve \[flags\] <artifact\.kolm>\.\.\./);
  assert.match(a.stdout, /--port <port> +Port to listen on.*\(default: 8080\)/);
  assert.match(a.stdout, /--host <address> .*\(default: 127\.0\.0\.1\)/);
  assert.not.match(a.stdout, '#0');
  const compile = await kolm(['help', 'compile']);
  assert.match(compile.stdout, 'Usage: kolm compile --spec <file> --out <file> [flags]');
  assert.match(compile.stdout, /--spec <file> +spec\.json \(version 1\) \(required\)/);
  assert.match(compile.stdout, /--recipe <recipe>\.\.\. .*repeatable/);
  assert.match(compile.stdout, /--no-tlog /, 'a switch that is on by default shows its --no- form');
  const sub = await kolm(['help', 'migrate', 'convert']);
  assert.match(sub.stdout, 'Usage: kolm migrate convert --export <path>... --out <dir> [flags]');
  // Every value has a name, in every command's help.
  for (const spec of commands.map(describeCommand)) {
    const h = await kolm(['help', ...spec.path]);
    assert.is(h.code, 0, spec.path.join(' '));
    assert.not.match(h.stdout, /<value>|#0/, `${spec.path.join(' ')}: every flag value is named`);
    assert.match(h.stdout, /--json +Print the result as JSON[^\n]*\n  --verbose[^\n]*\n  --help, -h/, `${spec.path.join(' ')}: shared flags last`);
  }
  for (const args of [['help', 'migrate'], ['migrate', '--help']]) {
    const group = await kolm(args);
    assert.is(group.code, 0, args.join(' '));
    assert.match(group.stdout, /Migrate:\n  migrate convert +Convert[^\n]*\n  migrate spec +Translate/, `${args.join(' ')} lists the group`);
    assert.not.match(group.stdout, '  compile ', `${args.join(' ')}: only the group`);
  }
  const anywhere = await kolm(['compile', '--spec', '--help']);
  assert.is(anywhere.code, 0, '--help wins over a half-typed line');
  assert.match(anywhere.stdout, 'Usage: kolm compile');
  const unknown = await kolm(['help', 'srve']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, 'did you mean kolm serve?');
});

test('kolm version and --version print the version alone', async () => {
  for (const args of [['version'], ['--version'], ['-v']]) {
    const r = await kolm(args);
    assert.is(r.code, 0);
    assert.is(r.stdout, `${VERSION}\n`);
  }
  const w = await kolmMigrate(['--version']);
  assert.is(w.stdout, `${VERSION}\n`);
});

/** The CLI with a stdout that says it is a terminal (what the piped runner in _util never is). */
async function onTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  let text = '';
  stdout.on('data', (d) => (text += d));
  await runCli(args, { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env, cwd: process.cwd() });
  return text;
}

test('help has colour codes only on a terminal without NO_COLOR', async () => {
  const piped = await kolm(['help', 'serve'], { env: {} });
  assert.not.match(piped.stdout, ESC, 'piped help is plain');
  assert.not.match((await kolm(['--help'], { env: {} })).stdout, ESC);
  assert.match(await onTerminal(['help', 'serve'], {}), ESC, 'a terminal gets bold headings');
  assert.not.match(await onTerminal(['help', 'serve'], { NO_COLOR: '1' }), ESC, 'NO_COLOR wins');
});

test('kolm-migrate help shows its flags with value names', async () => {
  for (const args of [['--help'], ['help']]) {
    const r = await kolmMigrate(args);
    assert.is(r.code, 0);
    assert.match(r.stdout, /Usage: kolm-migrate \[flags\]/);
    assert.match(r.stdout, /--export <dir> /);
    assert.match(r.stdout, /--yes, -y /);
  }
  const bad = await kolmMigrate(['--yse']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'kolm-migrate has no flag --yse; did you mean --yes?');
});

test('a port in use, or a host that is not this machine, is a KolmError with a hint (no stack)', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const { artifactPath } = await tinyArtifact();
    const r = await kolm(['serve', artifactPath, '--port', String(port), '--quiet']);
    assert.is(r.code, 1);
    assert.match(r.stderr, new RegExp(`^error\\[E_PORT_IN_USE\\]: port ${port} on 127\\.0\\.0\\.1 is already in use`));
    assert.match(r.stderr, 'hint: stop what listens there, or pick another --port (--port 0 takes any free one)');
    assert.not.match(r.stderr, /internal error|this is a bug|\n\s+at /);
    const host = await kolm(['serve', artifactPath, '--port', '0', '--host', '192.0.2.1', '--quiet']);
    assert.is(host.code, 2, host.stderr);
    assert.match(host.stderr, /^error\[E_USAGE\]: cannot listen on 192\.0\.2\.1: not an address of this machine/);
  } finally {
    blocker.close();
  }
});

test('an unreadable or missing file named on the command line is E_PATH_*, never an internal error', async () => {
  const dir = tmpdir({ 'sub/x.txt': 'x' });
  const { artifactPath } = await tinyArtifact();
  const cases: [string[], RegExp][] = [
    [['run', artifactPath, '--input', join(dir, 'missing.jsonl')], /^error\[E_PATH_NOT_FOUND\]: .*missing\.jsonl \(--input\) does not exist/],
    [['run', artifactPath, '--input', join(dir, 'sub')], /^error\[E_PATH_UNREADABLE\]: .*sub \(--input\) is a folder, not a JSONL file/],
    [['inspect', join(dir, 'sub')], /^error\[E_PATH_(UNREADABLE|NOT_FOUND)\]|^error\[E_BAD_ARTIFACT\]/],
    [['compare', join(dir, 'nope.json'), join(dir, 'nope2.json')], /^error\[E_PATH_NOT_FOUND\]/],
  ];
  for (const [args, expected] of cases) {
    const r = await kolm(args);
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.stderr, expected, args.join(' '));
    assert.not.match(r.stderr, /internal error|this is a bug/, args.join(' '));
  }
});

test('the CLI and core read the key passphrase from the same variable', () => {
  assert.is(TUI_PASSPHRASE_ENV, PASSPHRASE_ENV);
});

let tiny: Promise<{ artifactPath: string }> | undefined;
/** One compiled artifact from the example export (real ingestion and compile), shared by the tests here. */
function tinyArtifact(): Promise<{ artifactPath: string }> {
  tiny ??= (async () => {
    const dir = tmpdir();
    const r = await kolmMigrate(['--yes', '--json', '--export', join(process.cwd(), 'examples/trec-questions/predibase-export'), '--out', dir]);
    if (r.code !== 0) throw new Error(r.stderr);
    return { artifactPath: JSON.parse(r.stdout).build.artifact_path as string };
  })();
  return tiny;
}

test.run();
