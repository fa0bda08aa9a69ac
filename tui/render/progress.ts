// The CLI's Reporter: one redrawn bar line on a TTY, one plain line per stage (and per 10 %) otherwise.
import type { ProgressEvent, Reporter } from '../../core/progress.ts';

export function createCliReporter(
  stream: NodeJS.WriteStream,
  { quiet = false, now = () => Date.now() }: { quiet?: boolean; now?: () => number } = {},
): Reporter {
  const tty = Boolean(stream.isTTY) && !quiet;
  let lastStage = '';
  let lastDecile = -1;
  let lastDraw = 0;
  let barShown = false;
  const clearBar = () => {
    if (barShown) {
      stream.write('\r\u001b[2K');
      barShown = false;
    }
  };
  return {
    progress(e: ProgressEvent) {
      if (quiet) return;
      const fraction = e.total ? Math.min(1, (e.done ?? 0) / e.total) : undefined;
      if (tty) {
        const t = now();
        if (t - lastDraw < 50 && e.stage === lastStage && fraction !== 1) return;
        lastDraw = t;
        lastStage = e.stage;
        const width = 24;
        const bar = fraction === undefined ? '' : `[${'█'.repeat(Math.round(fraction * width)).padEnd(width, '░')}] ${Math.round(fraction * 100)}% `;
        stream.write(`\r\u001b[2K${e.stage} ${bar}${e.message ?? ''}`.slice(0, (stream.columns || 100) - 1));
        barShown = true;
        return;
      }
      const decile = fraction === undefined ? -1 : Math.floor(fraction * 10);
      if (e.stage !== lastStage || decile > lastDecile) {
        lastStage = e.stage;
        lastDecile = decile;
        const pct = fraction === undefined ? '' : ` ${Math.round(fraction * 100)}%`;
        stream.write(`${e.stage}${pct}${e.message ? ` ${e.message}` : ''}\n`);
      }
    },
    info(m) {
      if (quiet) return;
      clearBar();
      stream.write(`${m}\n`);
    },
    warn(m) {
      // Under --json the warnings are in the JSON; stderr stays quiet unless --verbose.
      if (quiet) return;
      clearBar();
      stream.write(`warning: ${m}\n`);
    },
  };
}
