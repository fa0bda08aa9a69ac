// Generated slot-filling data for the extract tests: bus-style utterances with random cities and dates,
// a third of them with no slots at all. Cities are split so the test set has names never seen in training.
import { seededRandom } from '../../../../core/util/random.ts';
import type { Example } from '../../../../core/runtime/types.ts';

export const TRAIN_CITIES = [
  'Boston', 'Denver', 'Austin', 'Seattle', 'Portland', 'Chicago', 'Miami', 'Phoenix', 'Dallas', 'Houston',
  'San Jose', 'Long Beach', 'New Orleans', 'Salt Lake City', 'Kansas City', 'St Louis', 'Tampa', 'Reno',
  'Fresno', 'Tucson', 'Omaha', 'Atlanta', 'Las Vegas', 'San Diego',
];
export const TEST_CITIES = ['Albany', 'Boise', 'Santa Fe', 'El Paso', 'Buffalo', 'Mobile', 'Eugene', 'Grand Rapids', 'Spokane', 'Tulsa'];
const ORD = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th', '13th', '14th'];
const MONTHS = ['March', 'April', 'May', 'June'];

export interface GenOptions {
  n: number;
  seed: number;
  cities: readonly string[];
  /** Render gold outputs as Python json.dumps strings (default), compact strings, or objects. */
  style?: 'python' | 'compact' | 'object';
}

export function generateSlots({ n, seed, cities, style = 'python' }: GenOptions): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Example[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(cities);
    let b = pick(cities);
    while (b === a) b = pick(cities);
    const d = `${pick(ORD)} of ${pick(MONTHS)}`;
    const templates: [string, string, Record<string, string>][] = [
      [`I want to go from ${a} to ${b}.`, '', { from_location: a, to_location: b }],
      [`I am leaving from ${a} on the ${d}.`, 'from_location,leaving_date', { from_location: a, leaving_date: d }],
      [`I'd like to visit ${b}.`, 'to_location', { to_location: b }],
      [`${a}.`, 'from_location', { from_location: a }],
      [`${b}.`, 'to_location', { to_location: b }],
      [`Find me a bus to ${b} leaving ${d}, please`, '', { leaving_date: d, to_location: b }],
      [`Departing ${a}, heading to ${b}`, 'from_location,to_location', { from_location: a, to_location: b }],
      ['Thanks, that is all I need.', '', {}],
      ['Can you help me find a bus?', '', {}],
      ['Yes, please book the tickets.', '', {}],
      ['Which station does it leave from?', '', {}],
    ];
    const [utterance, requested, slots] = pick(templates);
    const keys = Object.keys(slots).sort();
    const sorted: Record<string, string> = {};
    for (const k of keys) sorted[k] = slots[k]!;
    const output =
      style === 'object'
        ? sorted
        : style === 'compact'
          ? JSON.stringify(sorted)
          : '{' + keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(slots[k])}`).join(', ') + '}';
    out.push({ input: { utterance, requested_slots: requested }, output });
  }
  return out;
}
