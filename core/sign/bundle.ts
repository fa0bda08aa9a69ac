// Making and reading the Sigstore bundles kolm writes: a DSSE envelope around an in-toto statement, media type
// v0.3. The stock @sigstore/sign builders do the packaging; we only supply the signer (a local P-256 key, or
// Fulcio with an OIDC token) and the witnesses (Rekor and/or a TSA for keyless).
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  bundleToJSON,
  isBundleWithDsseEnvelope,
  type Bundle,
  type BundleWithDsseEnvelope,
} from '@sigstore/bundle';
// @sigstore/sign (and its HTTP stack) is loaded only to sign: verifying, which every `kolm run` of a signed
// artifact does, needs none of it, and it was a tenth of a second of that start-up.
import type { DSSEBundleBuilder, IdentityProvider, Signer, Witness } from '@sigstore/sign';
import { KolmError } from '../errors.ts';
import { keyHint, publicKeyToPem } from './keys.ts';
import { INTOTO_PAYLOAD_TYPE } from './statement.ts';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';

/** Sign with a local key pair: no Fulcio, no Rekor, no TSA (offline, any machine). */
export interface KeySigning {
  mode: 'key';
  privateKey: KeyObject;
}

/**
 * Keyless: an OIDC token → a short-lived Fulcio certificate; the signature is witnessed by Rekor (unless `tlog`
 * is false) and/or a timestamp authority. Defaults are the public-good instance; a private Sigstore deployment
 * (GitHub's for private repos: Fulcio + TSA, no Rekor) is given by URL.
 */
export interface KeylessSigning {
  mode: 'keyless';
  identityProvider: IdentityProvider;
  fulcioURL?: string;
  rekorURL?: string;
  /** Record in the Rekor transparency log (default true). Public-good Rekor makes the identity public. */
  tlog?: boolean;
  tsaURL?: string;
  /** Per-request timeout, ms (sigstore's default is 5000). */
  timeoutMs?: number;
}

export type SigningMethod = KeySigning | KeylessSigning;

/** The signer that plugs a local key into the stock builders; `publicKey` + `hint` go in the bundle. */
class LocalKeySigner implements Signer {
  private readonly publicKeyPem: string;
  private readonly hint: string;
  constructor(private readonly privateKey: KeyObject) {
    this.publicKeyPem = publicKeyToPem(privateKey);
    this.hint = keyHint(this.publicKeyPem);
  }
  async sign(data: Buffer) {
    return { signature: cryptoSign('sha256', data, this.privateKey), key: { $case: 'publicKey' as const, publicKey: this.publicKeyPem, hint: this.hint } };
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

async function builderFor(method: SigningMethod): Promise<DSSEBundleBuilder> {
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = await import('@sigstore/sign');
  if (method.mode === 'key') return new DSSEBundleBuilder({ signer: new LocalKeySigner(method.privateKey), witnesses: [] });
  const fetchOptions = { timeout: method.timeoutMs ?? 5000, retry: { retries: 2 } };
  const signer = new FulcioSigner({ fulcioBaseURL: trimSlash(method.fulcioURL ?? DEFAULT_FULCIO_URL), identityProvider: method.identityProvider, ...fetchOptions });
  const witnesses: Witness[] = [];
  if (method.tlog !== false) witnesses.push(new RekorWitness({ rekorBaseURL: trimSlash(method.rekorURL ?? DEFAULT_REKOR_URL), entryType: 'dsse', ...fetchOptions }));
  if (method.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: trimSlash(method.tsaURL), ...fetchOptions }));
  if (witnesses.length === 0) {
    throw new KolmError('E_USAGE', 'keyless signing without Rekor needs a timestamp authority', {
      hint: 'give --tsa-url, or keep the transparency log (drop --no-tlog)',
    });
  }
  return new DSSEBundleBuilder({ signer, witnesses });
}

/** Sign an in-toto statement; the bundle's JSON bytes (v0.3, DSSE). */
export async function signStatement(payload: Buffer, method: SigningMethod, secrets: readonly string[] = []): Promise<Uint8Array> {
  let bundle: Bundle;
  try {
    bundle = await (await builderFor(method)).create({ data: payload, type: INTOTO_PAYLOAD_TYPE });
  } catch (err) {
    if (err instanceof KolmError) throw err;
    // Our own identity provider's errors come back wrapped by sigstore: they already say what to do.
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof KolmError) throw cause;
    throw signingError(err, method, secrets);
  }
  return Buffer.from(`${JSON.stringify(bundleToJSON(bundle), null, 2)}\n`, 'utf8');
}

function signingError(err: unknown, method: SigningMethod, secrets: readonly string[]): KolmError {
  const e = err as { code?: string; message?: string; cause?: { message?: string } };
  // sigstore's messages can quote the identity token (IDENTITY_TOKEN_PARSE_ERROR): never print it.
  let message = [e.message, e.cause?.message].filter(Boolean).join(': ');
  for (const s of secrets) if (s) message = message.split(s).join('***');
  const where = method.mode === 'keyless' ? 'keyless signing failed' : 'signing failed';
  const hint =
    e.code === 'IDENTITY_TOKEN_READ_ERROR' || /identity token/i.test(message)
      ? 'run in GitHub Actions with `permissions: id-token: write`, or set SIGSTORE_ID_TOKEN to an OIDC token for audience "sigstore"'
      : method.mode === 'keyless'
        ? 'check the Fulcio/Rekor/TSA URLs and that they are reachable'
        : 'check the key';
  return new KolmError(method.mode === 'keyless' ? 'E_REMOTE' : 'E_BAD_KEY', `${where}${e.code ? ` (${e.code})` : ''}: ${message}`, { hint, cause: err });
}

/**
 * Parse bundle JSON bytes with the Sigstore bundle library (which validates the structure) and require what
 * kolm writes: media type v0.3 and a DSSE envelope carrying an in-toto statement. `where` names it in errors.
 */
export function parseBundle(bytes: Uint8Array, where: string): BundleWithDsseEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw badSignature(where, `is not valid JSON (${(err as Error).message})`);
  }
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    throw badSignature(where, `is not a valid Sigstore bundle (${(err as Error).message})`);
  }
  if (bundle.mediaType !== BUNDLE_V03_MEDIA_TYPE) throw badSignature(where, `has media type ${bundle.mediaType}; kolm writes and reads ${BUNDLE_V03_MEDIA_TYPE}`);
  if (!isBundleWithDsseEnvelope(bundle)) throw badSignature(where, 'holds a message signature, not a DSSE envelope');
  if (bundle.content.dsseEnvelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw badSignature(where, `carries a ${bundle.content.dsseEnvelope.payloadType} payload, not an in-toto statement`);
  }
  return bundle;
}

/** The statement inside a parsed bundle (not yet trusted: verify the signature first). */
export function bundleStatement(bundle: BundleWithDsseEnvelope, where: string): unknown {
  try {
    return JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString('utf8'));
  } catch (err) {
    throw badSignature(where, `carries a payload that is not JSON (${(err as Error).message})`);
  }
}

export function badSignature(where: string, message: string, hint = 'the signature does not belong to this artifact, or one of them was altered; sign it again or fetch both again'): KolmError {
  return new KolmError('E_BAD_SIGNATURE', `${where} ${message}`, { hint, place: { file: where } });
}
