// Event streams (server-sent events) for /generate_stream and the streaming /v1 routes: the headers, a
// buffered stream (a recipe's pseudo-tokens are all there at once) and a live one (an adapter's tokens,
// each sent as the next one arrives).
import type { OutgoingHttpHeaders } from 'node:http';
import type { ServedArtifact } from './artifacts.ts';
import type { Reply, ServeContext } from './exchange.ts';
import { resolveAdapter, runGeneration, type Outcome } from './generation.ts';
import type { GenerateParams } from './params.ts';
import type { Token } from './tokens.ts';

/** LoRAX names the adapter that answered (and where it came from) in headers. */
export function adapterHeaders(p: GenerateParams, h: OutgoingHttpHeaders): OutgoingHttpHeaders {
  if (p.adapterId) {
    h['x-adapter-id'] = p.adapterId;
    h['x-adapter-source'] = p.adapterSource ?? 'local';
  }
  return h;
}

/** Headers of an event stream (LoRAX's, plus the artifact as the model id). */
export function streamHeaders(a: ServedArtifact, p: GenerateParams, inputs: string): OutgoingHttpHeaders {
  return adapterHeaders(p, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
    'x-compute-type': 'cpu',
    'x-compute-characters': String(inputs.length),
    'x-model-id': a.name,
  });
}

/** A whole stream in one answer: one `data:` event per value, then `done` (e.g. "[DONE]") when given. */
export function sendEvents(reply: Reply, events: readonly unknown[], headers: OutgoingHttpHeaders, done?: string): void {
  let body = '';
  for (const e of events) body += `data: ${JSON.stringify(e)}\n\n`;
  if (done) body += `data: ${done}\n\n`;
  reply.send(200, body, headers);
}

/**
 * Stream a generator's tokens as they come: each token is sent when the next one arrives (the last
 * event carries generated_text and details, so it waits for the end), then the closing event(s).
 * `event` builds the event of token `i`; `last` is the outcome for the last token, else null.
 */
export async function streamLive(
  ctx: ServeContext, reply: Reply, inputs: string, p: GenerateParams,
  event: (i: number, t: Token, last: Outcome | null) => unknown, done?: string,
): Promise<void> {
  const { res, ex } = reply;
  const a = resolveAdapter(ctx.artifacts, p.adapterId);
  let held: Token | null = null;
  let i = 0;
  const o = await runGeneration(ctx, ex, inputs, p, true, (t) => {
    if (!res.headersSent) reply.open(streamHeaders(a!, p, inputs));
    if (held) reply.event(JSON.stringify(event(i++, held, null)));
    held = t;
  });
  if (!res.headersSent) reply.open(streamHeaders(o.artifact, p, inputs));
  if (held) reply.event(JSON.stringify(event(i, held, o)));
  if (done) reply.event(done);
  if (!res.writableEnded) res.end();
}
