// Help text for `kolm` and `kolm-migrate`, in the shape gh and cargo users read: a usage line with value names,
// flags with `<value>` and their defaults, then details and examples. Colour only when asked (a TTY without
// NO_COLOR); piped help is plain text.
import type { CommandSpec, FlagSpec, PositionalSpec } from '../options.ts';

export interface HelpStyle {
  color: boolean;
  binaryName: string;
}

const SHARED = new Set(['--json', '--verbose']);

const bold = (s: string, color: boolean) => (color ? `\u001b[1m${s}\u001b[22m` : s);

/** `--spec <file>`, `--yes, -y`, `--recipe <name>...` */
export function flagLabel(flag: FlagSpec): string {
  const names = [...flag.names].sort((a, b) => b.length - a.length).join(', ');
  return flag.arity > 0 ? `${names} <${flag.value ?? 'value'}>${flag.repeatable ? '...' : ''}` : names;
}

function positionalLabel(p: PositionalSpec): string {
  if (p.rest) return p.min > 0 ? `<${p.name}>...` : `[${p.name}...]`;
  return p.required ? `<${p.name}>` : `[${p.name}]`;
}

/** One line: the command, its required flags and its arguments. */
export function usageLine(spec: CommandSpec, binaryName: string): string {
  const required = spec.flags.filter((f) => f.required && !f.hidden).map(flagLabel);
  const optional = spec.flags.some((f) => !f.required && !f.hidden);
  return [binaryName, ...spec.path, ...required, ...(optional ? ['[flags]'] : []), ...spec.positionals.map(positionalLabel)].join(' ');
}

function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function table(rows: [string, string][], indent = '  '): string[] {
  const width = Math.min(34, Math.max(...rows.map(([k]) => k.length)));
  return rows.map(([k, v]) => (k.length > width ? `${indent}${k}\n${indent}${' '.repeat(width)}  ${v}` : `${indent}${k.padEnd(width)}  ${v}`));
}

/** Help of one command. */
export function renderCommandHelp(spec: CommandSpec, style: HelpStyle): string {
  const { color, binaryName } = style;
  const out: string[] = [];
  if (spec.description) out.push(spec.description, '');
  out.push(`${bold('Usage:', color)} ${usageLine(spec, binaryName)}`, '');
  const args = spec.positionals.filter((p) => p.name);
  if (args.length) {
    out.push(bold('Arguments:', color));
    out.push(...table(args.map((p) => [positionalLabel(p), p.rest ? (p.min > 0 ? `one or more (at least ${p.min})` : 'any number') : p.required ? 'required' : 'optional'])));
    out.push('');
  }
  // The command's own flags first, then the ones every command has (as gh lists inherited flags last).
  const visible = spec.flags.filter((f) => !f.hidden);
  const shared = visible.filter((f) => SHARED.has(f.names[0]!));
  const flags = [...visible.filter((f) => !SHARED.has(f.names[0]!)), ...shared];
  out.push(bold('Flags:', color));
  out.push(
    ...table([
      ...flags.map((f): [string, string] => {
        const notes = [f.required ? 'required' : '', f.default !== undefined && f.default !== '' ? `default: ${f.default}` : '', f.repeatable ? 'repeatable' : '']
          .filter(Boolean)
          .join('; ');
        return [flagLabel(f), `${f.description ?? ''}${notes ? ` (${notes})` : ''}`];
      }),
      ['--help, -h', 'Show this help'],
    ]),
  );
  if (spec.details) out.push('', bold('Details:', color), ...dedent(spec.details).split('\n').map((l) => (l ? `  ${l}` : '')));
  if (spec.examples.length) {
    out.push('', bold('Examples:', color));
    for (const [label, line] of spec.examples) out.push(`  ${label}`, `    $ ${line.replace(/\$0/g, binaryName)}`);
  }
  return `${out.join('\n')}\n`;
}

export interface BinaryInfo {
  binaryName: string;
  label: string;
  version: string;
  /** A last line under the command list. */
  footer?: string;
}

/** The list of every command, by category (`kolm`, `kolm --help`, `kolm help`). */
export function renderCommandList(specs: readonly CommandSpec[], info: BinaryInfo, style: HelpStyle): string {
  const { color, binaryName } = style;
  const out = [`${info.label} (${info.version})`, '', `${bold('Usage:', color)} ${binaryName} <command> [flags]`, ''];
  const categories = new Map<string, CommandSpec[]>();
  for (const s of specs) {
    const c = s.category ?? 'Other';
    categories.set(c, [...(categories.get(c) ?? []), s]);
  }
  const rows = (list: CommandSpec[]) => list.map((s): [string, string] => [s.path.join(' '), s.description ?? '']);
  const width = Math.max(...specs.map((s) => s.path.join(' ').length), 'help [command]'.length);
  const line = ([k, v]: [string, string]) => `  ${bold(k.padEnd(width), color)}  ${v}`;
  for (const [category, list] of categories) out.push(bold(`${category}:`, color), ...rows(list).map(line), '');
  out.push(bold('Help:', color), line(['help [command]', 'Show the help of a command (or this list)']), line(['version', `Print the version of ${binaryName}`]), '');
  out.push(`Run \`${binaryName} help <command>\` or \`${binaryName} <command> --help\` for its flags and examples.`);
  if (info.footer) out.push(info.footer);
  return `${out.join('\n')}\n`;
}
