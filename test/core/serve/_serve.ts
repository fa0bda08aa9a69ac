// Helpers for the serve tests: compiled artifacts (through the real CLI), a real server on a loopback
// port built from core's handler, and an SSE reader built on eventsource-parser.
import { join } from 'node:path';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Test } from 'uvu';
import { ArtifactSet, createHandler, listen, loadServedArtifact, type HandlerDeps, type RequestLog, type ServeHandler } from '../../../core/serve/index.ts';
import { kolm } from '../../_util/cli.ts';
import { slotArtifact, slotLines } from '../../_util/slot-task.ts';
import { tmpdir } from '../../_util/tmp.ts';

export interface Artifacts {
  /** slots.kolm (name "slots", string input, JSON output). */
  slots: string;
  /** The same task compiled with --name other. */
  other: string;
  /** Object input {utterance, requested_slots} with a prompt template (name "bus-slots"). */
  bus: string;
}

/** The keys of a LoRAX Token and of an ErrorResponse, in LoRAX's order. */
export const TOKEN_KEYS = ['id', 'text', 'logprob', 'special', 'skipped'];
export const ERROR_KEYS = ['error', 'error_type'];

export const BUS_TEMPLATE = 'Utterance: {utterance}\nSlots: {requested_slots}\n### Response:';

let cached: Promise<Artifacts> | undefined;

export function artifacts(): Promise<Artifacts> {
  cached ??= (async () => {
    const dir = await slotArtifact();
    const other = join(dir, 'other.kolm');
    const r = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', other, '--name', 'other']);
    if (r.code !== 0) throw new Error(r.stderr);
    const lines = slotLines(300, 5).map((l) => {
      const row = JSON.parse(l);
      return JSON.stringify({ input: { utterance: row.input, requested_slots: 'from_location,to_location' }, output: row.output });
    });
    const spec = {
      kolm: 1, name: 'bus-slots', task: 'extract slots',
      shape: { input: { utterance: 'string', requested_slots: 'string' }, output: 'string' },
      prompt: { template: BUS_TEMPLATE },
    };
    const busDir = tmpdir({ 'train.jsonl': `${lines.join('\n')}\n`, 'spec.json': JSON.stringify(spec) });
    const bus = join(busDir, 'bus.kolm');
    const b = await kolm(['compile', '--spec', join(busDir, 'spec.json'), '--examples', join(busDir, 'train.jsonl'), '--out', bus], {
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    if (b.code !== 0) throw new Error(b.stderr);
    return { slots: join(dir, 'slots.kolm'), other, bus };
  })();
  return cached;
}

export interface TestServer {
  url: string;
  handler: ServeHandler;
  logs: RequestLog[];
  draining: { value: boolean };
  close(): Promise<void>;
}

export interface ServerOptions extends Partial<Pick<HandlerDeps, 'limits' | 'loraxCompat' | 'timer'>> {
  requestTimeoutMs?: number;
  /**
   * A model that takes its time, as a language model on a GPU does: each prediction waits for this, then
   * the real predictor answers. Lets a test hold generate slots with complete requests.
   */
  thinking?: () => Promise<void>;
}

export async function startServer(paths: string[], options: ServerOptions = {}): Promise<TestServer> {
  const { thinking, requestTimeoutMs, ...deps } = options;
  const loaded = await Promise.all(paths.map((p) => loadServedArtifact(p)));
  if (thinking) {
    for (const a of loaded) {
      const real = a.predictor;
      a.predictor = { ...real, predict: async (input) => (await thinking(), real.predict(input)) };
    }
  }
  const logs: RequestLog[] = [];
  const draining = { value: false };
  const handler = createHandler({
    artifacts: new ArtifactSet(loaded),
    now: () => performance.now(),
    wallClock: () => Date.now(),
    log: (l) => logs.push(l),
    version: '0.1.0',
    draining: () => draining.value,
    ...deps,
  });
  const controller = new AbortController();
  const server = await listen(handler, { port: 0, host: '127.0.0.1', requestTimeoutMs: requestTimeoutMs ?? 10_000, signal: controller.signal, graceMs: 10_000 });
  return {
    url: server.url,
    handler,
    logs,
    draining,
    async close() {
      draining.value = true;
      controller.abort();
      await server.closed;
    },
  };
}

/**
 * One server over the three test artifacts for a whole suite: started before its first test, closed
 * after its last; `ready` hands the server and the artifact paths to the suite's tests.
 */
export function withServer(test: Test, ready: (srv: TestServer, paths: Artifacts) => void): void {
  let srv: TestServer | undefined;
  test.before(async () => {
    const paths = await artifacts();
    srv = await startServer([paths.slots, paths.other, paths.bus]);
    ready(srv, paths);
  });
  test.after(async () => srv?.close());
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Every event of an SSE body, parsed by a real SSE parser (comments and blank lines are not events). */
export function sseEvents(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(text);
  return events;
}
