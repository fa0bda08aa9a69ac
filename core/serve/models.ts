// GET /v1/models and /v1/models/{id} (ours; LoRAX has neither): every id a request may name, each artifact
// under its name and under the Predibase ids it answers to (`REPO/VERSION`, `REPO`), in OpenAI's Model shape.
import type { ServedArtifact } from './artifacts.ts';
import { modelNotFoundError } from './errors.ts';
import type { Reply, ServeContext } from './exchange.ts';

function model(id: string, a: ServedArtifact): Record<string, unknown> {
  return {
    id,
    object: 'model',
    created: Math.floor(Date.parse(a.manifest.created) / 1000),
    owned_by: 'kolm',
    // vLLM's fields for "which model this id serves": the artifact's own name.
    root: a.name,
    parent: null,
  };
}

function entries(ctx: ServeContext): Record<string, unknown>[] {
  return ctx.artifacts.list().flatMap((a) => ctx.artifacts.ids(a).map((id) => model(id, a)));
}

export function getModels(ctx: ServeContext, reply: Reply): void {
  reply.json(200, { object: 'list', data: entries(ctx) });
}

export function getModel(ctx: ServeContext, reply: Reply, id: string): void {
  const a = id === '' ? undefined : ctx.artifacts.resolve(id);
  if (!a) return reply.error(modelNotFoundError(id, ctx.artifacts.allIds()));
  reply.json(200, model(id, a));
}
