// Signing and verifying a whole .kolm: the two placements of DESIGN §8. `kolm.sig` inside (subject: the root
// digest, so adding it changes nothing signed) and the sidecar NAME.kolm.sigstore.json (subject: the SHA-256
// of the whole signed file, what gh/cosign check). Pure over bytes: reading and writing files is the caller's.
import { readArtifact, rootDigest, sha256Hex, writeArtifact, buildManifest, SIGNATURE_ENTRY, type ArtifactContents } from '../artifact/index.ts';
import { KolmError } from '../errors.ts';
import { signStatement, type SigningMethod } from './bundle.ts';
import { artifactResources, buildStatement, statementBytes } from './statement.ts';
import { checkBundle, describeSigner, type BundleCheck, type SignerInfo, type Trust } from './verify.ts';
import { parseBundle } from './bundle.ts';

/** The sidecar bundle's file name for an artifact file name (cosign's `<artifact>.sigstore.json`). */
export function sidecarName(artifactFile: string): string {
  return `${artifactFile}.sigstore.json`;
}

export interface SignArtifactOptions {
  /** The artifact's file name (basename): the sidecar subject's name. */
  fileName: string;
  /** How errors name the artifact. */
  name?: string;
  /** Also make the sidecar bundle (default true). */
  sidecar?: boolean;
  /** Strings never to print in an error (the identity token). */
  secrets?: readonly string[];
}

export interface SignedArtifact {
  /** The artifact re-written with kolm.sig: kolm.json and every entry byte-identical, so the root is too. */
  artifact: Uint8Array;
  /** The sidecar bundle's JSON bytes, or undefined when not asked. */
  sidecar?: Uint8Array;
  rootDigest: string;
  fileSha256: string;
  signer: SignerInfo;
}

/** Sign an artifact (bytes in, bytes out). An existing kolm.sig is replaced. */
export async function signArtifact(bytes: Uint8Array, method: SigningMethod, options: SignArtifactOptions): Promise<SignedArtifact> {
  const contents = await readArtifact(bytes, { name: options.name ?? options.fileName });
  // Sign the manifest the writer will write (it re-serializes kolm.json canonically), not the one read.
  const { manifest, manifestBytes } = buildManifest(contents.manifest, contents.entries);
  const embedded = await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: 'embedded' })), method, options.secrets);
  const artifact = await writeArtifact({ manifest, entries: contents.entries, signature: embedded });
  const fileSha256 = sha256Hex(artifact);
  const sidecar =
    options.sidecar === false
      ? undefined
      : await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: 'sidecar', fileName: options.fileName, fileSha256 })), method, options.secrets);
  return {
    artifact,
    ...(sidecar ? { sidecar } : {}),
    rootDigest: rootDigest(manifestBytes, manifest.files),
    fileSha256,
    signer: describeSigner(parseBundle(embedded, SIGNATURE_ENTRY)),
  };
}

export interface VerifyArtifactOptions {
  /** How messages name the artifact (its path as the user gave it). */
  file: string;
  /** The trust to verify signatures under; without it only the signed content is compared with the artifact. */
  trust?: Trust;
  /** Refuse an artifact with no signature at all. */
  requireSignature?: boolean;
  /** The sidecar bundle and the SHA-256 of the whole .kolm file it should name. */
  sidecar?: { bytes: Uint8Array; where: string; fileSha256: string };
}

export interface SignatureCheck extends BundleCheck {
  placement: 'embedded' | 'sidecar';
  where: string;
}

export interface ArtifactSignatureState {
  /** verified: every signature present checked under a trust; unverified: content matches, signer not checked. */
  state: 'verified' | 'unverified' | 'unsigned';
  signer?: SignerInfo;
  checks: SignatureCheck[];
}

/**
 * Check an artifact's signatures (the digests of its entries were already checked by the reader). Throws
 * E_BAD_SIGNATURE naming what does not match, E_UNSIGNED when a signature is required and there is none.
 */
export function verifyArtifactContents(contents: ArtifactContents, options: VerifyArtifactOptions): ArtifactSignatureState {
  const checks: SignatureCheck[] = [];
  const resources = artifactResources(contents);
  if (contents.signature) {
    const where = `${options.file}: ${SIGNATURE_ENTRY}`;
    const check = checkBundle(contents.signature, where, { resources, subjectSha256: contents.rootDigest, subjectWhat: 'the artifact\'s root digest' }, options.trust);
    checks.push({ placement: 'embedded', where, ...check });
  }
  if (options.sidecar) {
    const { bytes, where, fileSha256 } = options.sidecar;
    const check = checkBundle(bytes, where, { resources, subjectSha256: fileSha256, subjectWhat: `${options.file}` }, options.trust);
    checks.push({ placement: 'sidecar', where, ...check });
  }
  if (checks.length === 0) {
    if (options.requireSignature || options.trust) {
      throw new KolmError('E_UNSIGNED', `${options.file} is not signed (no ${SIGNATURE_ENTRY} inside, no sidecar bundle)`, {
        hint: 'sign it with `kolm sign` (or `kolm compile --sign`), or fetch its .sigstore.json bundle too',
        place: { file: options.file },
      });
    }
    return { state: 'unsigned', checks };
  }
  return { state: checks.every((c) => c.verified) ? 'verified' : 'unverified', signer: checks[0]!.signer, checks };
}
