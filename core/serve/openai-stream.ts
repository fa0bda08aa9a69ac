// The /v1 routes as OpenAI answers them (outside --lorax-compat): random response ids, one choice per
// prompt (a list prompt gives several), OpenAI's finish reasons, and OpenAI's stream: a first chunk with the
// role, one chunk per token, a last chunk per choice with finish_reason, a usage chunk (no choices) only
// under stream_options.include_usage, then `data: [DONE]`. A refusal before the first byte is the HTTP
// error; one after it is a `data: {"error": {...}}` event (errors.ts, exchange.ts).
import type { ServedArtifact } from './artifacts.ts';
import type { Reply, ServeContext } from './exchange.ts';
import { resolveAdapter, runGeneration, type Outcome } from './generation.ts';
import { openAiFinishReason } from './openai.ts';
import type { OpenAiRequest } from './openai-request.ts';
import { streamHeaders } from './stream.ts';
import type { Token } from './tokens.ts';

type Kind = 'completions' | 'chat';

interface Head {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint?: string;
}

function usage(promptTokens: number, completionTokens: number) {
  return { prompt_tokens: promptTokens, total_tokens: promptTokens + completionTokens, completion_tokens: completionTokens };
}

function head(ctx: ServeContext, kind: Kind, model: string, chunk: boolean): Head {
  const h: Head = {
    id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${ctx.randomId()}`,
    object: kind === 'chat' ? (chunk ? 'chat.completion.chunk' : 'chat.completion') : 'text_completion',
    created: Math.floor(ctx.wallClock() / 1000),
    model,
  };
  if (kind === 'chat') h.system_fingerprint = `${ctx.version}-native`;
  return h;
}

export async function postOpenAiStrict(ctx: ServeContext, reply: Reply, kind: Kind, r: OpenAiRequest): Promise<void> {
  const params = { ...r.parameters, adapterId: r.model };
  if (r.stream) return stream(ctx, reply, kind, r);
  const outcomes: Outcome[] = [];
  for (const prompt of r.prompts) outcomes.push(await runGeneration(ctx, reply.ex, prompt, params, false));
  const h = head(ctx, kind, r.model || outcomes[0]!.artifact.name, false);
  const choices = outcomes.map((o, index) => {
    const finish_reason = openAiFinishReason(o.gen.finishReason, false);
    if (kind === 'chat') return { index, message: { role: 'assistant', content: o.gen.text, refusal: null }, logprobs: null, finish_reason };
    return { index, text: (params.returnFullText ? r.prompts[index] : '') + o.gen.text, logprobs: null, finish_reason };
  });
  const prompt = outcomes.reduce((n, o) => n + o.promptTokens, 0);
  const completion = outcomes.reduce((n, o) => n + o.gen.tokens.length, 0);
  reply.json(200, { ...h, choices, usage: usage(prompt, completion) });
}

async function stream(ctx: ServeContext, reply: Reply, kind: Kind, r: OpenAiRequest): Promise<void> {
  const params = { ...r.parameters, adapterId: r.model };
  let h: Head | undefined;
  const open = (a: ServedArtifact) => {
    if (reply.res.headersSent) return;
    h = head(ctx, kind, r.model || a.name, true);
    reply.open(streamHeaders(a, params, r.prompts[0]!));
  };
  const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    reply.event(JSON.stringify({ ...h, choices, ...(r.includeUsage ? { usage: null } : {}), ...extra }));
  const piece = (index: number, text: string, first: boolean) =>
    kind === 'chat'
      ? { index, delta: first ? { role: 'assistant', content: text } : { content: text }, logprobs: null, finish_reason: null }
      : { index, text, logprobs: null, finish_reason: null };

  let promptTokens = 0;
  let completionTokens = 0;
  for (let index = 0; index < r.prompts.length; index++) {
    const prompt = r.prompts[index]!;
    let started = false;
    let live = false;
    // Each choice opens with the role (chat) or the echoed prompt (completions with echo).
    const start = () => {
      if (started) return;
      started = true;
      if (kind === 'chat') send([piece(index, '', true)]);
      else if (params.returnFullText) send([piece(index, prompt, false)]);
    };
    const emit = (t: Token) => {
      start();
      if (!t.special) send([piece(index, t.text, false)]);
    };
    // An adapter hands each token over as it is generated; a recipe's come all at once with the outcome.
    const o = await runGeneration(ctx, reply.ex, prompt, params, true, (t) => {
      const a = resolveAdapter(ctx.artifacts, params.adapterId);
      if (a) open(a);
      live = true;
      emit(t);
    });
    open(o.artifact);
    start();
    if (!live) for (const t of o.gen.tokens) emit(t);
    const finish_reason = openAiFinishReason(o.gen.finishReason, false);
    send([kind === 'chat' ? { index, delta: {}, logprobs: null, finish_reason } : { index, text: '', logprobs: null, finish_reason }]);
    promptTokens += o.promptTokens;
    completionTokens += o.gen.tokens.length;
  }
  if (r.includeUsage) send([], { usage: usage(promptTokens, completionTokens) });
  reply.event('[DONE]');
  if (!reply.res.writableEnded) reply.res.end();
}
