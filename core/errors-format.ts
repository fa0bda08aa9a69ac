// How an error reads as text, the same for every face (the CLI on stderr, the Action in setFailed): a
// KolmError as code and message, where, and what to do, with no stack. Anything else, and E_INTERNAL, is our
// bug: it keeps its stack and says where to report it.
import { formatPlace, isKolmError, type ErrorCode } from './errors.ts';
import { printable } from './printable.ts';

export const ISSUES_URL = 'https://github.com/kolm-dev/kolm-migrate/issues/new';

export interface FormatErrorOptions {
  /** ANSI colour, for a terminal that shows it (the face decides: NO_COLOR, TTY). */
  color?: boolean;
}

/**
 * The error as lines of text, without a trailing newline. Message, place and hint quote what users and
 * artifacts wrote (names, keys, a server's words), so control characters in them are shown escaped
 * (printable) before our own colours are added.
 */
export function formatError(err: unknown, { color = false }: FormatErrorOptions = {}): string {
  const red = (s: string) => (color ? `\u001b[31m${s}\u001b[39m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const report = `This is a bug in kolm-migrate; please report it with the lines above: ${ISSUES_URL}`;
  if (isKolmError(err)) {
    const lines = [`${red(`error[${err.code}]`)}: ${printable(err.message)}`];
    const place = formatPlace(err.place);
    if (place) lines.push(`  ${dim('at:')}   ${printable(place, { newlines: false })}`);
    if (err.hint) lines.push(`  ${dim('hint:')} ${printable(err.hint)}`);
    if (err.code === 'E_INTERNAL') lines.push(report);
    return lines.join('\n');
  }
  const e = err as Error;
  return `${red('internal error')}: ${printable(e?.message ?? String(err))}\n${dim(printable(e?.stack ?? ''))}\n${report}`;
}

/** The error as `--json` reports it: a KolmError's own fields, anything else as E_INTERNAL with its message. */
export function errorJson(err: unknown): Record<string, unknown> & { code: ErrorCode } {
  if (isKolmError(err)) return { ...err.toJSON(), code: err.code };
  return { code: 'E_INTERNAL', message: String((err as Error)?.message ?? err) };
}
