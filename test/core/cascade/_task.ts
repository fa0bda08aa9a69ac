// A label task a recipe gets only partly right, and a LoRAX stand-in that knows the answers: the test bed for
// cascades. A share `vague` of the rows carry no keyword of their label (filler plus a token seen once), so
// the recipe is unsure exactly there; the stand-in is right on a configurable share of cases, after a delay.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Example } from '../../../core/runtime/types.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { labelNames, labelTask } from '../../_util/label-tasks.ts';
import { answer, delay, startLoraxServer, type FakeLorax } from '../../_util/lorax-server.ts';
import { tmpdir } from '../../_util/tmp.ts';

const FILLER = ['please', 'can', 'you', 'i', 'want', 'to', 'my', 'the', 'a', 'now', 'today', 'for', 'me', 'would', 'like', 'help', 'with', 'need'];

export function vagueTask(d: number, perLabel: number, seed: number, vague: number): Example[] {
  const rand = seededRandom(seed + 1000);
  return labelTask(d, perLabel, seed).map((e, i) => {
    if (rand() >= vague) return e;
    const words = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => FILLER[Math.floor(rand() * FILLER.length)]!);
    return { input: `${words.join(' ')} q${seed}x${i}`, output: e.output };
  });
}

export interface CascadeTask {
  dir: string;
  specPath: string;
  trainPath: string;
  evalPath: string;
  train: Example[];
  eval: Example[];
  labels: string[];
}

/** spec.json, train.jsonl and eval.jsonl in a temp folder; `gates` go in the spec. */
export function cascadeTask({ d = 6, perLabel = 60, seed = 1, vague = 0.35, gates = {} as Record<string, number> } = {}): CascadeTask {
  const all = vagueTask(d, perLabel, seed, vague);
  const cut = Math.floor(all.length * 0.8);
  const train = all.slice(0, cut);
  const evalSet = all.slice(cut);
  const jsonl = (xs: Example[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const dir = tmpdir({
    'spec.json': JSON.stringify({ kolm: 1, name: 'intents', task: 'route the request', shape: { input: 'string', output: 'string' }, gates }),
    'train.jsonl': jsonl(train),
    'eval.jsonl': jsonl(evalSet),
  });
  return { dir, specPath: join(dir, 'spec.json'), trainPath: join(dir, 'train.jsonl'), evalPath: join(dir, 'eval.jsonl'), train, eval: evalSet, labels: labelNames(d) };
}

export function writeSpec(task: CascadeTask, gates: Record<string, number>): void {
  writeFileSync(task.specPath, JSON.stringify({ kolm: 1, name: 'intents', task: 'route the request', shape: { input: 'string', output: 'string' }, gates }));
}

/** FNV-1a of a string, in [0, 1): which cases the stand-in gets wrong, the same in every run. */
export function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h / 4294967296;
}

export interface StandIn {
  server: FakeLorax;
  /** Whether the stand-in answers this input right. */
  right(input: string): boolean;
  answerFor(input: string): string;
  /** Change how long each answer takes from now on. */
  setDelay(ms: number): void;
}

/** A LoRAX server right on `share` of the known inputs (a wrong label on the rest), answering after `ms`. */
export async function standIn(examples: readonly Example[], labels: readonly string[], { share = 0.95, ms = 0, token }: { share?: number; ms?: number; token?: string } = {}): Promise<StandIn> {
  const gold = new Map(examples.map((e) => [String(e.input), String(e.output)]));
  const right = (input: string) => unit(input) < share;
  let wait = ms;
  const answerFor = (input: string) => {
    const g = gold.get(input) ?? labels[0]!;
    return right(input) ? g : labels[(labels.indexOf(g) + 1) % labels.length]!;
  };
  const server = await startLoraxServer({
    ...(token ? { token } : {}),
    handler: answer(async (inputs) => {
      if (wait) await delay(wait);
      return answerFor(inputs);
    }),
  });
  return { server, right, answerFor, setDelay: (m) => (wait = m) };
}
