// The one runtime: a .kolm (bytes or path) → its manifest and a Predictor. Every digest is checked by the
// artifact reader before any byte is used; `kolm run`, `kolm eval` and `kolm serve` all load through here.
import { readArtifact, type ArtifactContents } from '../artifact/index.ts';
import { KolmError } from '../errors.ts';
import { loadRecipe } from '../recipes/index.ts';
import type { Predictor } from '../recipes/types.ts';

export interface LoadedArtifact {
  contents: ArtifactContents;
  predictor: Predictor;
}

export async function predictorFromContents(contents: ArtifactContents, file = 'artifact'): Promise<Predictor> {
  const { manifest, entries } = contents;
  if (manifest.kind !== 'recipe' || !manifest.recipe) {
    throw new KolmError('E_BAD_ARTIFACT', `${file} is a ${manifest.kind} artifact; this runtime runs recipes`, {
      hint: 'adapter artifacts need the llama.cpp runtime (not available yet)',
      place: { file },
    });
  }
  const bytes = entries.get(manifest.recipe.entry);
  if (!bytes) {
    throw new KolmError('E_BAD_ARTIFACT', `${file} has no ${manifest.recipe.entry} entry`, {
      hint: 'rebuild it with kolm compile',
      place: { file },
    });
  }
  const config = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  return loadRecipe(manifest.recipe.type, config, entries);
}

/** Read, verify and load an artifact from a path or its bytes. */
export async function loadArtifact(source: string | Uint8Array): Promise<LoadedArtifact> {
  const contents = await readArtifact(source);
  const file = typeof source === 'string' ? source : 'artifact';
  return { contents, predictor: await predictorFromContents(contents, file) };
}
