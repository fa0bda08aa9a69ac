// A small slot-filling task written as files, the way `kolm migrate convert` leaves them, and its
// compiled artifact (through the real CLI). Seeded, so every test process gets the same data.
import { join } from 'node:path';
import { seededRandom } from '../../core/util/random.ts';
import { kolm } from './cli.ts';
import { tmpdir } from './tmp.ts';

const CITIES = ['Fresno', 'Anaheim', 'Portland', 'Seattle', 'Denver', 'Boston', 'Austin', 'Reno', 'Tucson', 'Dallas',
  'Omaha', 'Tulsa', 'Miami', 'Atlanta', 'Chicago', 'Phoenix', 'Houston', 'Memphis', 'Toledo', 'Spokane', 'Boise', 'Eugene'];

export function slotLines(n: number, seed: number): string[] {
  const rand = seededRandom(seed);
  const pick = () => CITIES[Math.floor(rand() * CITIES.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick();
    const b = pick();
    const kind = i % 4;
    const input = kind === 0 ? `I want to go from ${a} to ${b}.` : kind === 1 ? `Book me a bus to ${b}.` : kind === 2 ? `Leaving from ${a} please.` : 'Thanks, that is all.';
    const out = kind === 0 ? { from_location: a, to_location: b } : kind === 1 ? { to_location: b } : kind === 2 ? { from_location: a } : {};
    lines.push(JSON.stringify({ input, output: JSON.stringify(out) }));
  }
  return lines;
}

/** A folder with train.jsonl (400 rows), validation.jsonl (100 rows) and spec.json (K_min 0.9). */
export function slotTask(): string {
  const spec = { kolm: 1, name: 'slots', task: 'extract slots', shape: { input: 'string', output: 'string' }, gates: { K_min: 0.9 } };
  return tmpdir({
    'train.jsonl': `${slotLines(400, 11).join('\n')}\n`,
    'validation.jsonl': `${slotLines(100, 12).join('\n')}\n`,
    'spec.json': JSON.stringify(spec),
  });
}

/** slotTask() compiled to slots.kolm in the same folder; returns the folder. */
export async function slotArtifact(): Promise<string> {
  const dir = slotTask();
  const r = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', join(dir, 'slots.kolm')], {
    env: { SOURCE_DATE_EPOCH: '1700000000' },
  });
  if (r.code !== 0) throw new Error(`compile failed: ${r.stderr}`);
  return dir;
}
