// The file edge of signing: read a .kolm, sign it, and write the signed artifact and its sidecar bundle as
// one unit (both temp files renamed only when both are written: a failed run leaves the original untouched).
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { KolmError } from '../errors.ts';
import { commitFilesAtomic } from '../fs/atomic.ts';
import { readUserBytes } from '../fs/read.ts';
import { ARTIFACT_HINT } from '../artifact/errors.ts';
import { sidecarName, signArtifact, type SignedArtifact } from './artifact.ts';
import type { SigningMethod } from './bundle.ts';

export interface SignFileOptions {
  /** How messages name the artifact (as the user typed it). */
  shown?: string;
  /** Where the sidecar goes (default: PATH.sigstore.json); false: no sidecar. */
  sidecarPath?: string | false;
  secrets?: readonly string[];
}

export async function signArtifactFile(path: string, method: SigningMethod, options: SignFileOptions = {}): Promise<SignedArtifact & { sidecarPath?: string }> {
  const shown = options.shown ?? path;
  const bytes = await readUserBytes(path, { shown, hint: ARTIFACT_HINT });
  const sidecarPath = options.sidecarPath === false ? undefined : (options.sidecarPath ?? sidecarName(path));
  const signed = await signArtifact(bytes, method, { fileName: basename(path), name: shown, sidecar: sidecarPath !== undefined, secrets: options.secrets });
  await writeSignedFiles(path, signed, sidecarPath, shown);
  return { ...signed, ...(sidecarPath ? { sidecarPath } : {}) };
}

/** Write a signed artifact and its sidecar (when given a path) as one unit. */
export async function writeSignedFiles(path: string, signed: SignedArtifact, sidecarPath: string | undefined, shown = path): Promise<void> {
  const targets = sidecarPath && signed.sidecar ? [path, sidecarPath] : [path];
  await commitFilesAtomic(targets, async (temps) => {
    await writeFile(temps[0]!, signed.artifact);
    if (temps[1]) await writeFile(temps[1], signed.sidecar!);
  }).catch((err) => {
    if (err instanceof KolmError) throw err;
    throw new KolmError('E_WRITE_FAILED', `could not write the signed ${shown}: ${(err as Error).message}`, { hint: 'check that the folder is writable and the disk has space', place: { file: shown }, cause: err });
  });
}
