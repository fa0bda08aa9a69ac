// `kolm run`: predict with a .kolm, one input argument or streaming JSONL (stdin or --input) to stdout.
// Lines are batched so throughput is the in-process speed; a bad line is reported and the stream goes on.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import type { Input } from '../../core/runtime/index.ts';
import type { Shape } from '../../core/spec/index.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { trustFlags, trustFrom } from '../sign-flags.ts';
import { adapterFlags, adapterOptionsFrom } from '../adapter-flags.ts';
import { abstainPolicyFrom, runtimeFlags, runtimeOptionsFrom, withAbstain } from '../runtime-flags.ts';

const BATCH = 256;

export class RunCommand extends KolmCommand {
  static override paths = [['run']];
  static override usage = Command.Usage({
    category: 'Run',
    description: 'Run a .kolm on one input or a JSONL stream',
    details: `
      With an input argument, prints one result. For an artifact whose input is a string, the argument is
      the text itself (\`'What is the capital of Peru ?'\`; JSON such as \`{"input": "..."}\` is read too); for an
      object input it is JSON: \`{"input": {"field": ...}}\`. Each call loads the artifact once: for many
      inputs, stream them, which runs at batch speed in one process.

      Without an argument, reads JSON lines from --input or stdin, each
      \`{"input": ...}\` (other keys are ignored), and writes one line per input, in order:
      \`{"output": ..., "confidence": ...}\` (a cascade adds \`"path": "local"|"fallback"\`). A line that
      cannot be run is answered with \`{"line": N, "error": {...}}\`, reported on stderr, and the stream
      goes on (exit 1 at the end).
      The artifact's digests are checked before anything runs, and its kolm.sig when it has one;
      --require-signature refuses unsigned artifacts, --key / --certificate-identity check the signer.

      --abstain-below T --abstain-output X answers X for a case whose confidence is under T; that line
      says \`"abstained": true\` and keeps the withheld answer as \`"withheld"\`. A cascade artifact sends
      its unsure cases to its fallback: NAME.kolm found beside it or in KOLM_MODELS, or an endpoint. The
      token (PREDIBASE_API_TOKEN) is sent only to an endpoint named with --fallback-url, never to the URL
      inside the artifact.
    `,
    examples: [
      ['One input', `$0 run my.kolm 'What is the capital of Peru ?'`],
      ['One object input', `$0 run slots.kolm '{"input": {"utterance": "book a table for two", "requested_slots": "party_size"}}'`],
      ['A file of cases, at batch speed (the fast way)', '$0 run my.kolm < cases.jsonl > predictions.jsonl'],
      ['Answer "oos" when unsure', '$0 run intents.kolm --abstain-below 0.5 --abstain-output oos < cases.jsonl'],
    ],
  });

  artifact = Option.String({ required: true, name: 'artifact.kolm' });
  inline = Option.String({ required: false, name: 'input' });
  inputFile = value('file', Option.String('--input', { description: 'JSONL file to read instead of stdin' }));
  requireSignature = Option.Boolean('--require-signature', false, { description: 'Refuse an artifact without a valid kolm.sig' });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();

  async run(): Promise<number> {
    const trust = await trustFrom(this, this.context);
    const abstain = await abstainPolicyFrom(this);
    const runtime = await runtimeOptionsFrom(this, this.context);
    const [{ loadArtifact }, seeds] = await Promise.all([import('../../core/runtime/index.ts'), import('../../core/seeds/index.ts')]);
    const check = seeds.checkShape;
    // A mistyped --input fails before a (possibly large) artifact is loaded.
    const file = this.inline === undefined && this.inputFile ? await openInput(resolve(this.context.cwd, this.inputFile), this.inputFile) : undefined;
    const loaded = await loadArtifact(resolve(this.context.cwd, this.artifact), {
      requireSignature: this.requireSignature,
      ...(trust ? { trust } : {}),
      adapter: adapterOptionsFrom(this, this.context),
      ...runtime,
    });
    const { contents } = loaded;
    const predictor = await withAbstain(loaded.predictor, abstain);
    const shape = contents.manifest.spec.shape.input;
    try {
      if (this.inline !== undefined) {
        const input = parseArgument(this.inline, shape, check);
        const [p] = await predictor.predictBatch([input]);
        this.out(JSON.stringify(p));
        return 0;
      }
      const source = file ?? this.context.stdin;
      return await this.stream(source, shape, predictor.predictBatch.bind(predictor), seeds);
    } finally {
      await predictor.close?.();
    }
  }

  private async stream(
    source: AsyncIterable<Uint8Array | string>,
    shape: Shape,
    predictBatch: (inputs: readonly Input[]) => Promise<{ output: unknown; confidence?: number }[]>,
    { LineSplitter, checkShape }: typeof import('../../core/seeds/index.ts'),
  ): Promise<number> {
    const out = this.context.stdout;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending: ({ line: number; input: Input } | { line: number; error: KolmError })[] = [];
    let failed = 0;
    const flush = async () => {
      const batch = pending;
      pending = [];
      const inputs = batch.flatMap((c) => ('input' in c ? [c.input] : []));
      const predictions = inputs.length ? await predictBatch(inputs) : [];
      let k = 0;
      let text = '';
      for (const c of batch) {
        if ('input' in c) text += `${JSON.stringify(predictions[k++])}\n`;
        else {
          failed++;
          this.context.stderr.write(`${c.error.message}\n`);
          text += `${JSON.stringify({ line: c.line, error: { code: c.error.code, message: c.error.message } })}\n`;
        }
      }
      if (!out.write(text)) await new Promise((r) => out.once('drain', r));
    };
    const splitter = new LineSplitter((raw) => {
      if (raw.tooLong) {
        pending.push({ line: raw.line, error: new KolmError('E_BAD_INPUT', `line ${raw.line}: ${raw.length} bytes, too long`) });
        return;
      }
      let text: string;
      try {
        text = decoder.decode(raw.bytes);
      } catch {
        pending.push({ line: raw.line, error: new KolmError('E_BAD_INPUT', `line ${raw.line}: not UTF-8`) });
        return;
      }
      if (text.trim() === '') return;
      try {
        pending.push({ line: raw.line, input: parseCase(text, shape, `line ${raw.line}`, checkShape) });
      } catch (err) {
        pending.push({ line: raw.line, error: err as KolmError });
      }
    });
    for await (const chunk of source) {
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (pending.length >= BATCH) await flush();
    }
    splitter.end();
    await flush();
    return failed > 0 ? 1 : 0;
  }
}

type CheckShape = typeof import('../../core/seeds/index.ts').checkShape;

/** An input file opened before the first line is read, so a missing or unreadable one is a KolmError. */
async function openInput(path: string, shown: string): Promise<AsyncIterable<Uint8Array>> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new KolmError('E_PATH_UNREADABLE', `${shown} (--input) is a folder, not a JSONL file`, { hint: 'name the cases file, e.g. --input validation.jsonl', place: { file: shown } });
  }
  const stream = createReadStream(path);
  await new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT';
      fail(new KolmError(missing ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', `${shown} (--input) ${missing ? 'does not exist' : `could not be read: ${err.message}`}`, {
        hint: missing ? 'check the path, or pipe the cases on stdin' : 'check that it is a readable file',
        place: { file: shown },
      }));
    });
  });
  return stream as AsyncIterable<Uint8Array>;
}

/**
 * The input argument. A string-input artifact takes the text as it is (shells and xargs strip JSON quotes),
 * or JSON: `{"input": "..."}` or a JSON string. An object-input artifact needs `{"input": {...}}`.
 */
export function parseArgument(text: string, shape: Shape, checkShape: CheckShape): Input {
  if (shape === 'string') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return text;
    }
    if (typeof value === 'string') return value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'input' in value) return parseCase(text, shape, 'argument', checkShape);
    return text;
  }
  const example = typeof shape === 'object' ? `{"input": {${Object.keys(shape).map((k) => `"${k}": ...`).join(', ')}}}` : '{"input": ...}';
  try {
    JSON.parse(text);
  } catch {
    throw new KolmError('E_BAD_INPUT', `argument: this artifact takes ${typeof shape === 'object' ? 'an object' : `a ${shape}`} input, given as JSON; got text that is not JSON`, {
      hint: `pass ${example} (quoted for the shell), or stream JSON lines on stdin`,
    });
  }
  return parseCase(text, shape, 'argument', checkShape, example);
}

/** One case: `{"input": ...}`, checked against the artifact's input shape. */
export function parseCase(text: string, shape: Shape, where: string, checkShape: CheckShape, example = '{"input": ...}'): Input {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError('E_BAD_INPUT', `${where}: not JSON (${(err as Error).message})`, {
      hint: 'each case is one JSON object: {"input": ...}',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('input' in value)) {
    throw new KolmError('E_BAD_INPUT', `${where}: expected an object with an "input" key`, { hint: `each case is ${example}` });
  }
  const input = (value as { input: unknown }).input;
  const problems = checkShape('input', input, shape);
  if (problems.length) throw new KolmError('E_BAD_INPUT', `${where}: ${problems.join('; ')}`, { hint: 'match the spec shape of the artifact (kolm inspect)' });
  return input as Input;
}
