// What to remove when the process is interrupted. Core registers each temp file and folder while it exists
// (an atomic write's temp file beside its target, DuckDB's spill folder) and unregisters it once renamed or
// removed; the face installs the signal handler (onInterrupt(process)) at its edge. On SIGINT/SIGTERM the
// registered paths are removed synchronously, then the signal is raised again with our handler gone, so
// the process ends the way it would have (exit 130/143), minus the debris.
import { rmSync } from 'node:fs';

export interface TempRegistry {
  add(path: string): void;
  delete(path: string): void;
  /** Remove every registered path now (synchronously: a signal handler cannot wait). */
  removeAll(): void;
  readonly size: number;
}

export function createTempRegistry(): TempRegistry {
  const paths = new Set<string>();
  return {
    add: (p) => void paths.add(p),
    delete: (p) => void paths.delete(p),
    removeAll() {
      for (const p of paths) {
        try {
          rmSync(p, { recursive: true, force: true });
        } catch {
          // best effort: one path that cannot go must not keep the others
        }
      }
      paths.clear();
    },
    get size() {
      return paths.size;
    },
  };
}

/** The process's temp paths: core's writers register here (one process, one set of signal handlers). */
export const tempPaths: TempRegistry = createTempRegistry();

/** The part of `process` the handler needs; passed in by the face. */
export interface SignalTarget {
  pid: number;
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * On SIGINT or SIGTERM: remove the registered temp paths, then re-raise the signal without this handler
 * (the default action ends the process; a face's own handler, if any, still runs). Returns the uninstaller.
 */
export function onInterrupt(target: SignalTarget, registry: TempRegistry = tempPaths): () => void {
  const handler = (signal: NodeJS.Signals) => {
    registry.removeAll();
    uninstall();
    target.kill(target.pid, signal);
  };
  const uninstall = () => {
    for (const s of SIGNALS) target.off(s, handler);
  };
  for (const s of SIGNALS) target.on(s, handler);
  return uninstall;
}
