// Temp folders built from object literals: tmpdir({'a.csv': 'x,y\n1,2\n'}) → path. Removed at exit.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir as osTmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tmpdir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(osTmpdir(), 'kolm-test-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** Every file under dir, relative and sorted: to assert that nothing (half-)written was left behind. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const examplesDir = join(repoRoot, 'examples');
