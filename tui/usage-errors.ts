// Why a command line did not parse, said the way gh and cargo say it: the unknown command or flag with the
// closest one, the required flag that is missing (with its value name), the flag that lacks its value.
// Clipanion only knows that no command matched ("Command not found; did you mean: ..."), so when it refuses
// a command line we walk the arguments against what the command declares.
import { closestName, KolmError } from '../core/errors.ts';
import { flagNames, type CommandSpec, type FlagSpec } from './options.ts';
import { flagLabel, usageLine } from './render/help.ts';

const BUILTIN_COMMANDS = ['help', 'version'];
const isFlag = (token: string) => token.startsWith('-') && token !== '-' && !/^-\d/.test(token);

/** The command whose path starts the arguments (the longest such path), if any. */
export function findCommand(args: readonly string[], specs: readonly CommandSpec[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const s of specs) {
    if (s.path.length > args.length || !s.path.every((p, i) => args[i] === p)) continue;
    if (!best || s.path.length > best.path.length) best = s;
  }
  return best;
}

/** A usage error for arguments that clipanion refused; `fallback` is clipanion's own message. */
export function diagnoseUsage(args: readonly string[], specs: readonly CommandSpec[], binaryName: string, fallback: string): KolmError {
  const spec = findCommand(args, specs);
  if (!spec) return unknownCommand(args, specs, binaryName);
  const name = [binaryName, ...spec.path].join(' ');
  const help = `${name} --help lists every flag`;
  const rest = args.slice(spec.path.length);
  const seen = new Set<FlagSpec>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (token === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!isFlag(token)) {
      positionals.push(token);
      continue;
    }
    const [flagName, bound] = token.includes('=') ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [token, undefined];
    if (flagName === '--help' || flagName === '-h') continue;
    const flag = spec.flags.find((f) => flagNames(f).includes(flagName));
    if (!flag) {
      const all = spec.flags.flatMap((f) => (f.hidden ? [] : flagNames(f)));
      const near = closestName(flagName, all);
      return new KolmError('E_USAGE', `${name} has no flag ${flagName}${near ? `; did you mean ${near}?` : ''}`, { hint: help });
    }
    seen.add(flag);
    if (flag.arity === 0) {
      if (bound !== undefined) return new KolmError('E_USAGE', `${flagName} is a switch and takes no value (got ${flagName}=${bound})`, { hint: help });
      continue;
    }
    if (bound !== undefined) continue;
    const next = rest[i + 1];
    if (next === undefined || isFlag(next)) {
      return new KolmError('E_USAGE', `${flagName} needs a value: ${flagLabel(flag)}`, { hint: flag.description ? `${flagName}: ${flag.description}` : help });
    }
    i++;
  }
  const missing = spec.flags.filter((f) => f.required && !seen.has(f));
  if (missing.length) {
    const [first] = missing;
    return new KolmError('E_USAGE', `${name} needs ${missing.map(flagLabel).join(' and ')}${missing.length === 1 && first!.description ? ` (${first!.description})` : ''}`, {
      hint: `usage: ${usageLine(spec, binaryName)}`,
    });
  }
  const fixed = spec.positionals.filter((p) => !p.rest);
  const requiredCount = fixed.filter((p) => p.required).length + spec.positionals.filter((p) => p.rest).reduce((n, p) => n + p.min, 0);
  if (positionals.length < requiredCount) {
    const missingArgs = spec.positionals.filter((p) => p.required).slice(positionals.length).map((p) => `<${p.name}>`);
    return new KolmError('E_USAGE', `${name} needs ${missingArgs.join(' ') || 'more arguments'}`, { hint: `usage: ${usageLine(spec, binaryName)}` });
  }
  if (!spec.positionals.some((p) => p.rest) && positionals.length > fixed.length) {
    const extra = positionals[fixed.length]!;
    const sub = spec.path.length === 0 ? closestName(extra, specs.flatMap((s) => (s.path.length ? [s.path.join(' ')] : [])).concat(BUILTIN_COMMANDS)) : undefined;
    const most = fixed.some((p) => !p.required) ? 'at most ' : '';
    return new KolmError('E_USAGE', `${name} takes ${fixed.length === 0 ? 'no arguments' : `${most}${fixed.length} argument${fixed.length === 1 ? '' : 's'}`}; unexpected ${JSON.stringify(extra)}${sub ? `; did you mean ${binaryName} ${sub}?` : ''}`, {
      hint: `usage: ${usageLine(spec, binaryName)} (quote a value that holds spaces)`,
    });
  }
  // Clipanion's own reason, e.g. a value its validator refused ("Invalid value for --port: ...").
  const reason = fallback.split('\n')[0]!.trim() || 'the command line does not parse';
  return new KolmError('E_USAGE', reason.charAt(0).toLowerCase() + reason.slice(1), { hint: help });
}

function unknownCommand(args: readonly string[], specs: readonly CommandSpec[], binaryName: string): KolmError {
  const first = args[0] ?? '';
  const hint = `${binaryName} --help lists every command`;
  if (isFlag(first)) {
    const near = closestName(first.split('=')[0]!, ['--help', '--version']);
    return new KolmError('E_USAGE', `${binaryName} has no flag ${first}${near ? `; did you mean ${near}?` : ''}`, { hint });
  }
  // A group (`kolm migrate`) without its subcommand, or with an unknown one.
  const group = specs.filter((s) => s.path.length > 1 && s.path[0] === first);
  if (group.length) {
    const subs = group.map((s) => s.path.slice(1).join(' '));
    const given = args[1];
    if (given === undefined || isFlag(given)) {
      return new KolmError('E_USAGE', `${binaryName} ${first} needs a subcommand: ${subs.join(', ')}`, { hint: `${binaryName} help ${first} ${subs[0]}` });
    }
    const near = closestName(given, subs);
    return new KolmError('E_USAGE', `${binaryName} ${first} has no subcommand ${JSON.stringify(given)}${near ? `; did you mean ${binaryName} ${first} ${near}?` : ` (it has ${subs.join(', ')})`}`, { hint });
  }
  const names = [...new Set(specs.flatMap((s) => (s.path.length ? [s.path[0]!] : [])).concat(BUILTIN_COMMANDS))];
  const near = closestName(first, names);
  return new KolmError('E_USAGE', `unknown command ${JSON.stringify(first)}${near ? `; did you mean ${binaryName} ${near}?` : ''}`, { hint });
}
