// `kolm run`: predict with a .kolm, one JSON argument or streaming JSONL (stdin or --input) to stdout.
// Lines are batched so throughput is the in-process speed; a bad line is reported and the stream goes on.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import type { Input } from '../../core/runtime/index.ts';
import { loadArtifact } from '../../core/runtime/index.ts';
import { checkShape, LineSplitter } from '../../core/seeds/index.ts';
import type { Shape } from '../../core/spec/index.ts';
import { KolmCommand } from '../base-command.ts';
import { trustFlags, trustFrom } from '../sign-flags.ts';
import { adapterFlags, adapterOptionsFrom } from '../adapter-flags.ts';

const BATCH = 256;

export class RunCommand extends KolmCommand {
  static override paths = [['run']];
  static override usage = Command.Usage({
    category: 'Run',
    description: 'Run a .kolm on one input or a JSONL stream',
    details: `
      With a JSON argument, prints one result. Otherwise reads JSON lines from --input or stdin, each
      \`{"input": ...}\` (other keys are ignored), and writes one line per input, in order:
      \`{"output": ..., "confidence": ...}\`. A line that cannot be run is answered with
      \`{"line": N, "error": {...}}\`, reported on stderr, and the stream goes on (exit 1 at the end).
      The artifact's digests are checked before anything runs, and its kolm.sig when it has one;
      --require-signature refuses unsigned artifacts, --key / --certificate-identity check the signer.
    `,
    examples: [
      ['One input', `$0 run my.kolm '{"input": "What is the capital of Peru ?"}'`],
      ['A file of cases', '$0 run my.kolm < cases.jsonl > predictions.jsonl'],
    ],
  });

  artifact = Option.String({ required: true, name: 'artifact.kolm' });
  inline = Option.String({ required: false, name: 'json' });
  inputFile = Option.String('--input', { description: 'JSONL file to read instead of stdin' });
  requireSignature = Option.Boolean('--require-signature', false, { description: 'Refuse an artifact without a valid kolm.sig' });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();

  async run(): Promise<number> {
    const trust = await trustFrom(this, this.context);
    const { contents, predictor } = await loadArtifact(resolve(this.context.cwd, this.artifact), {
      requireSignature: this.requireSignature,
      ...(trust ? { trust } : {}),
      adapter: adapterOptionsFrom(this, this.context),
    });
    const shape = contents.manifest.spec.shape.input;
    try {
      if (this.inline !== undefined) {
        const input = parseCase(this.inline, shape, 'argument');
        const [p] = await predictor.predictBatch([input]);
        this.out(JSON.stringify(p));
        return 0;
      }
      const source = this.inputFile ? createReadStream(resolve(this.context.cwd, this.inputFile)) : this.context.stdin;
      return await this.stream(source, shape, predictor.predictBatch.bind(predictor));
    } finally {
      await predictor.close?.();
    }
  }

  private async stream(
    source: AsyncIterable<Uint8Array | string>,
    shape: Shape,
    predictBatch: (inputs: readonly Input[]) => Promise<{ output: unknown; confidence?: number }[]>,
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
        pending.push({ line: raw.line, input: parseCase(text, shape, `line ${raw.line}`) });
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

/** One case: `{"input": ...}`, checked against the artifact's input shape. */
export function parseCase(text: string, shape: Shape, where: string): Input {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError('E_BAD_INPUT', `${where}: not JSON (${(err as Error).message})`, {
      hint: 'each case is one JSON object: {"input": ...}',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('input' in value)) {
    throw new KolmError('E_BAD_INPUT', `${where}: expected an object with an "input" key`, { hint: 'each case is {"input": ...}' });
  }
  const input = (value as { input: unknown }).input;
  const problems = checkShape('input', input, shape);
  if (problems.length) throw new KolmError('E_BAD_INPUT', `${where}: ${problems.join('; ')}`, { hint: 'match the spec shape of the artifact (kolm inspect)' });
  return input as Input;
}
