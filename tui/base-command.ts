// What every `kolm` command shares: `--json`, error rendering, the exit-code contract
// (0 ok, 1 error, 2 usage, 3 gate failed). Commands implement `run()` and stay thin: parse, call core, render.
// Command modules import core lazily (inside run()), so building the command table for `--help` loads
// almost nothing: this file and what it imports are all a start-up pays for.
import { Command, Option, UsageError, type BaseContext, type Cli, type CommandClass } from 'clipanion';
import { errorJson, formatError } from '../core/errors-format.ts';
import { KolmError } from '../core/errors.ts';
import type { Reporter } from '../core/progress.ts';
import { describeCommand, type CommandSpec } from './options.ts';
import { exitCodeFor } from './render/errors.ts';
import { renderCommandHelp, renderCommandList, type BinaryInfo } from './render/help.ts';
import { createCliReporter } from './render/progress.ts';
import { diagnoseUsage, findCommand } from './usage-errors.ts';

export interface KolmContext {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  colorDepth: number;
}

type Ctx = KolmContext & BaseContext;

export abstract class KolmCommand extends Command<Ctx> {
  json = Option.Boolean('--json', false, { description: 'Print the result as JSON on stdout (and nothing else there)' });
  verbose = Option.Boolean('--verbose', false, { description: 'Progress lines on stderr even with --json' });

  abstract run(): Promise<number>;

  /** Flag values clipanion could not validate (`--port abc`) are usage errors too: E_USAGE, exit 2. */
  override async validateAndExecute(): Promise<number> {
    try {
      return await super.validateAndExecute();
    } catch (err) {
      const path = (this.constructor as CommandClass<Ctx>).paths?.[0] ?? [];
      const error = err instanceof UsageError ? new KolmError('E_USAGE', lowerFirst(err.message), { hint: `${this.cli.binaryName} ${path.join(' ')} --help`.replace(/ {2,}/g, ' ') }) : err;
      this.printError(error);
      return exitCodeFor(error);
    }
  }

  override async execute(): Promise<number> {
    try {
      return await this.run();
    } catch (err) {
      if (err instanceof UsageError) throw err; // validateAndExecute prints it
      this.printError(err);
      return exitCodeFor(err);
    }
  }

  /** Progress on stderr: a bar on a TTY, plain lines otherwise, nothing under --json unless --verbose. */
  reporter(): Reporter {
    return createCliReporter(this.context.stderr as NodeJS.WriteStream, { quiet: this.json && !this.verbose });
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

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Colour on a stream: never with NO_COLOR, always with FORCE_COLOR, else only on a terminal. */
export function colorEnabled(ctx: Pick<KolmContext, 'env' | 'stderr'>, stream: NodeJS.WritableStream = ctx.stderr): boolean {
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR && ctx.env.FORCE_COLOR !== '0') return true;
  return Boolean((stream as NodeJS.WriteStream).isTTY);
}

export interface CommandTable {
  info: BinaryInfo;
  commands: readonly CommandClass<any>[];
}

/**
 * Run a clipanion CLI with the exit-code contract and our help: `help [command]`, `--help`, `version`,
 * `--version`, and a command line that does not parse exits 2 with an E_USAGE error that names the flag or
 * command (clipanion's own message says only "Command not found").
 */
export async function runCommandLine<C extends Ctx>(cli: Cli<C>, args: string[], context: C, table: CommandTable): Promise<number> {
  const specs: CommandSpec[] = table.commands.map(describeCommand);
  const { info } = table;
  const style = { color: colorEnabled(context, context.stdout), binaryName: info.binaryName };
  const usageError = (error: KolmError) => {
    if (args.includes('--json')) context.stdout.write(`${JSON.stringify({ ok: false, error: errorJson(error) }, null, 2)}\n`);
    context.stderr.write(`${formatError(error, { color: colorEnabled(context) })}\n`);
    return 2;
  };
  const hasDefault = specs.some((s) => s.path.length === 0);
  const [first] = args;
  if (first === 'version' || first === '--version' || first === '-v') {
    context.stdout.write(`${info.version}\n`);
    return 0;
  }
  if ((first === undefined && !hasDefault) || first === 'help' || (!hasDefault && (first === '--help' || first === '-h'))) {
    const asked = args.slice(1);
    const target = asked.length ? findCommand(asked, specs) : hasDefault ? specs.find((s) => s.path.length === 0) : undefined;
    // `kolm help migrate`: the commands of that group.
    const group = specs.filter((s) => s.path.length > asked.length && asked.every((a, i) => s.path[i] === a));
    if (asked.length && (!target || target.path.length !== asked.length) && group.length) {
      context.stdout.write(renderCommandList(group, info, style));
      return 0;
    }
    if (asked.length && (!target || target.path.length !== asked.length)) return usageError(diagnoseUsage(asked, specs.filter((s) => s.path.length > 0), info.binaryName, ''));
    context.stdout.write(target ? renderCommandHelp(target, style) : renderCommandList(specs, info, style));
    return 0;
  }
  // `kolm <command> --help` (anywhere before `--`): that command's help, whatever else the line holds.
  const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
    const spec = findCommand(args, specs);
    const words = beforeDashes.filter((a) => !a.startsWith('-'));
    const group = specs.filter((s) => s.path.length > 1 && s.path[0] === words[0]);
    if (spec) context.stdout.write(renderCommandHelp(spec, style));
    else context.stdout.write(renderCommandList(group.length ? group : specs, info, style));
    return 0;
  }
  let command;
  try {
    command = cli.process(args, context);
  } catch (err) {
    return usageError(diagnoseUsage(args, specs, info.binaryName, (err as Error).message ?? String(err)));
  }
  return cli.run(command, context);
}
