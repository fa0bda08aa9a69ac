// How errors look in a terminal: user errors as message + place + hint, no stack; anything else as a bug
// with its stack and where to report it.
import { formatPlace, isKolmError } from '../../core/errors.ts';

const ISSUES_URL = 'https://github.com/kolm-dev/kolm-migrate/issues/new';

export function exitCodeFor(err: unknown): number {
  if (!isKolmError(err)) return 1;
  if (err.code === 'E_USAGE') return 2;
  if (err.code === 'E_GATE_FAILED') return 3;
  return 1;
}

export function formatError(err: unknown, { color }: { color: boolean }): string {
  const red = (s: string) => (color ? `\u001b[31m${s}\u001b[39m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  if (isKolmError(err)) {
    const lines = [`${red(`error[${err.code}]`)}: ${err.message}`];
    const place = formatPlace(err.place);
    if (place) lines.push(`  ${dim('at:')}   ${place}`);
    if (err.hint) lines.push(`  ${dim('hint:')} ${err.hint}`);
    return `${lines.join('\n')}\n`;
  }
  const e = err as Error;
  return `${red('internal error')}: ${e?.message ?? String(err)}\n${dim(e?.stack ?? '')}\nThis is a bug in kolm; please report it with the lines above: ${ISSUES_URL}\n`;
}
