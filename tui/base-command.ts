// What every `kolm` command shares: `--json`, error rendering, the exit-code contract
// (0 ok, 1 error, 2 usage, 3 gate failed). Commands implement `run()` and stay thin: parse, call core, render.
import { Command, Option, UsageError } from 'clipanion';
import { errorJson, formatError } from '../core/errors-format.ts';
import type { Reporter } from '../core/progress.ts';
import { exitCodeFor } from './render/errors.ts';
import { createCliReporter } from './render/progress.ts';

export interface KolmContext {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  colorDepth: number;
}

export abstract class KolmCommand extends Command<KolmContext & import('clipanion').BaseContext> {
  json = Option.Boolean('--json', false, { description: 'Print the result as JSON on stdout' });

  abstract run(): Promise<number>;

  override async execute(): Promise<number> {
    try {
      return await this.run();
    } catch (err) {
      if (err instanceof UsageError) throw err; // clipanion prints usage errors itself
      this.printError(err);
      return exitCodeFor(err);
    }
  }

  /** Progress on stderr: a bar on a TTY, plain lines otherwise, nothing under --json. */
  reporter(): Reporter {
    return createCliReporter(this.context.stderr as NodeJS.WriteStream, { quiet: this.json });
  }

  out(text: string): void {
    this.context.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  outJson(value: unknown): void {
    this.context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  printError(err: unknown): void {
    if (this.json) {
      this.context.stdout.write(`${JSON.stringify({ ok: false, error: errorJson(err) }, null, 2)}\n`);
    }
    this.context.stderr.write(`${formatError(err, { color: colorEnabled(this.context) })}\n`);
  }
}

export function colorEnabled(ctx: Pick<KolmContext, 'env' | 'stderr'>): boolean {
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR) return true;
  return Boolean((ctx.stderr as NodeJS.WriteStream).isTTY);
}

/**
 * Run a clipanion CLI with the exit-code contract: a command line that does not parse (unknown command,
 * unknown or missing flag) prints clipanion's usage error on stderr and exits 2, not clipanion's 1.
 */
export async function runCommandLine<C extends KolmContext & import('clipanion').BaseContext>(
  cli: import('clipanion').Cli<C>,
  args: string[],
  context: C,
): Promise<number> {
  let command;
  try {
    command = cli.process(args, context);
  } catch (err) {
    context.stderr.write(cli.error(err, { colored: colorEnabled(context) }));
    return 2;
  }
  return cli.run(command, context);
}
