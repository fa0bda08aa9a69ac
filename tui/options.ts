// What a `kolm` command accepts, read from its clipanion option fields, for the two things clipanion does not
// do the way gh or cargo users expect: help with value names and defaults (`--port <port>  (default: 8080)`
// rather than `--port #0`), and parse errors that name the flag (missing, unknown, lacking a value).
// Clipanion keeps neither the value name nor the default where we can read them, so a field's value name is
// given with `value()` and its default is what the option yields when the command line does not set it.
import type { CommandClass } from 'clipanion';

export interface FlagSpec {
  names: string[];
  /** 0 for a switch, 1 for a flag that takes a value. */
  arity: number;
  required: boolean;
  description?: string;
  /** The value's name in help: `--spec <file>`. */
  value?: string;
  /** The value used when the flag is not given, as shown in help (undefined: none). */
  default?: string;
  /** A repeatable flag (Option.Array). */
  repeatable: boolean;
  hidden: boolean;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  /** Option.Rest: any number (at least `min`). */
  rest: boolean;
  min: number;
}

export interface CommandSpec {
  command: CommandClass<any>;
  path: string[];
  category?: string;
  description?: string;
  details?: string;
  examples: [string, string][];
  flags: FlagSpec[];
  positionals: PositionalSpec[];
}

const valueNames = new WeakMap<object, string>();

/** Name a flag's value for help and errors: `spec = value('file', Option.String('--spec', ...))`. */
export function value<T>(name: string, option: T): T {
  valueNames.set(option as object, name);
  return option;
}

interface ClipanionOption {
  definition(builder: unknown, key: string): void;
  transformer(builder: unknown, key: string, state: unknown, context: unknown): unknown;
}

const isOption = (v: unknown): v is ClipanionOption =>
  typeof v === 'object' && v !== null && typeof (v as ClipanionOption).definition === 'function' && typeof (v as ClipanionOption).transformer === 'function';

/** The flags and arguments of a command class, in declaration order (what clipanion registers). */
export function describeCommand(command: CommandClass<any>): CommandSpec {
  const instance = new command() as unknown as Record<string, unknown>;
  const flags: FlagSpec[] = [];
  const positionals: PositionalSpec[] = [];
  const builder = { arity: { leading: [], extra: [], trailing: [] } };
  for (const [key, option] of Object.entries(instance)) {
    if (!isOption(option)) continue;
    let added: Omit<FlagSpec, 'value' | 'default' | 'repeatable'> | undefined;
    option.definition(
      {
        ...builder,
        addOption: (o: { names: string[]; arity?: number; required?: boolean; description?: string; hidden?: boolean }) => {
          added = { names: o.names, arity: o.arity ?? 0, required: Boolean(o.required), description: o.description, hidden: Boolean(o.hidden) };
        },
        addPositional: (p: { name?: string; required?: boolean }) => positionals.push({ name: p.name ?? key, required: p.required ?? true, rest: false, min: 0 }),
        addRest: (r: { name?: string; required?: number }) => positionals.push({ name: r.name ?? key, required: (r.required ?? 0) > 0, rest: true, min: r.required ?? 0 }),
        addProxy: () => positionals.push({ name: key, required: false, rest: true, min: 0 }),
      },
      key,
    );
    if (!added) continue;
    let initial: unknown;
    try {
      initial = option.transformer(builder, key, { options: [], positionals: [] }, { env: {} });
    } catch {
      initial = undefined;
    }
    // Option.Array collects every occurrence; Option.String keeps the last.
    let repeatable = false;
    if (added.arity > 0) {
      try {
        const name = added.names[0]!;
        repeatable = Array.isArray(option.transformer(builder, key, { options: [{ name, value: 'a' }, { name, value: 'b' }], positionals: [] }, { env: {} }));
      } catch {
        repeatable = false;
      }
    }
    flags.push({
      ...added,
      value: valueNames.get(option) ?? (added.arity > 0 ? 'value' : undefined),
      default: added.arity > 0 && initial !== undefined && !Array.isArray(initial) ? String(initial) : undefined,
      repeatable,
      // A switch that is on unless turned off is shown as its --no- form.
      ...(added.arity === 0 && initial === true ? { names: added.names.map((n) => n.replace(/^--/, '--no-')), description: added.description } : {}),
    });
  }
  const usage = (command as { usage?: { category?: string; description?: string; details?: string; examples?: [string, string][] } }).usage ?? {};
  const path = command.paths?.[0] ?? [];
  return {
    command,
    path,
    category: usage.category,
    description: usage.description,
    details: usage.details,
    examples: usage.examples ?? [],
    flags,
    positionals,
  };
}

/** Every name a flag answers to on the command line, `--no-` forms of switches included. */
export function flagNames(flag: FlagSpec): string[] {
  if (flag.arity > 0) return flag.names;
  return flag.names.flatMap((n) => {
    if (n.startsWith('--no-')) return [n, `--${n.slice(5)}`];
    return n.startsWith('--') ? [n, `--no-${n.slice(2)}`] : [n];
  });
}
