// Saving a built (or given) .kolm: signed (artifact + sidecar bundle, written as one unit) or as is, both
// atomic. The one sign-or-save branch for `kolm compile` (recipes and adapters), the Action and migrate.
import { basename } from 'node:path';
import { saveArtifact } from '../artifact/index.ts';
import { sidecarName, signArtifact, writeSignedFiles, type SignedArtifact, type SigningMethod } from '../sign/index.ts';

export interface SaveSigning {
  method: SigningMethod;
  /** Strings never to print in an error (an identity token, a passphrase). */
  secrets?: readonly string[];
}

export interface Saved {
  path: string;
  /** What was written: the signed artifact when signing, else the bytes given. */
  bytes: Uint8Array;
  signed?: SignedArtifact;
  /** The sidecar bundle's path, when signed. */
  bundlePath?: string;
}

/** Write `bytes` to `path`; with `signing`, sign first and write the sidecar bundle beside it. `shown` names it in messages. */
export async function saveBuilt(path: string, bytes: Uint8Array, signing?: SaveSigning, shown: string = path): Promise<Saved> {
  if (!signing) {
    await saveArtifact(path, bytes);
    return { path, bytes };
  }
  const signed = await signArtifact(bytes, signing.method, { fileName: basename(path), name: shown, secrets: signing.secrets });
  const bundlePath = sidecarName(path);
  await writeSignedFiles(path, signed, bundlePath, shown);
  return { path, bytes: signed.artifact, signed, bundlePath };
}
