// `--watch`: reload an artifact when its file is replaced on disk. Watches the folder (an atomic replace
// is a rename, which a watch on the file itself would lose), debounced, until the signal aborts.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export function watchFiles(paths: readonly string[], onChange: (path: string) => void, signal: AbortSignal, debounceMs = 150): void {
  const byDir = new Map<string, Map<string, string>>();
  for (const p of paths) {
    const full = resolve(p);
    const dir = dirname(full);
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(basename(full), p);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  for (const [dir, files] of byDir) {
    const w = watch(dir, { persistent: false }, (_event, name) => {
      const path = name ? files.get(name.toString()) : undefined;
      if (path === undefined) return;
      clearTimeout(timers.get(path));
      timers.set(path, setTimeout(() => onChange(path), debounceMs));
    });
    w.on('error', () => {}); // a folder removed under us: keep serving what is loaded
    watchers.push(w);
  }
  signal.addEventListener(
    'abort',
    () => {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
    },
    { once: true },
  );
}
