// Verifying a kolm bundle: the signature with @sigstore/verify (key pair: the given key and nothing else;
// keyless: certificate chain, SCT, transparency log / timestamps and the signer identity against a trusted
// root), then the signed statement against what it must cover. Synchronous and offline once the inputs are read.
import type { KeyObject } from 'node:crypto';
import type { BundleWithDsseEnvelope } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { Verifier, toSignedEntity, toTrustMaterial, type VerificationPolicy } from '@sigstore/verify';
import { KolmError } from '../errors.ts';
import { badSignature, bundleStatement, parseBundle } from './bundle.ts';
import { keyHint, publicKeyToPem } from './keys.ts';
import { statementMismatches, type Resource } from './statement.ts';
import { emptyTrustedRoot, type TrustedRoot } from './trust.ts';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

/** Trust a key pair's public key (and nothing else). */
export interface KeyTrust {
  mode: 'key';
  publicKey: KeyObject;
  /** How to name the key in messages (its file). */
  name: string;
}

/**
 * Trust Fulcio certificates chaining to `trustedRoot`, for the given identity: the certificate's SAN equals
 * `identity` (or matches `identityRegExp`, anchored by the caller) and its OIDC issuer equals `issuer`.
 */
export interface IdentityTrust {
  mode: 'keyless';
  trustedRoot: TrustedRoot;
  identity?: string;
  identityRegExp?: string;
  issuer?: string;
}

export type Trust = KeyTrust | IdentityTrust;

export type SignerInfo = { kind: 'key'; keyHint: string } | { kind: 'certificate'; identity?: string; issuer?: string };

/** Who signed, read from the bundle's verification material (not a proof: verification says that). */
export function describeSigner(bundle: BundleWithDsseEnvelope): SignerInfo {
  const material = bundle.verificationMaterial.content;
  if (material.$case === 'publicKey') return { kind: 'key', keyHint: material.publicKey.hint };
  const raw = material.$case === 'certificate' ? material.certificate.rawBytes : material.x509CertificateChain.certificates[0]?.rawBytes;
  if (!raw) return { kind: 'certificate' };
  try {
    const cert = X509Certificate.parse(Buffer.from(raw));
    const v2 = cert.extension(OID_ISSUER_V2);
    const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString('ascii') : cert.extension(OID_ISSUER_V1)?.value.toString('ascii');
    return { kind: 'certificate', identity: cert.subjectAltName, issuer };
  } catch {
    return { kind: 'certificate' };
  }
}

export function formatSigner(signer: SignerInfo): string {
  if (signer.kind === 'key') return `key ${signer.keyHint.slice(0, 16)}… (sha256 of the public key PEM)`;
  return `${signer.identity ?? 'an unknown identity'}${signer.issuer ? ` (issuer ${signer.issuer})` : ''}`;
}

/** An exact identity as an anchored regular expression (@sigstore/verify matches the SAN unanchored). */
export function exactIdentityPattern(identity: string): string {
  return `^${identity.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
}

/** Check the bundle's signature under `trust`; the signer it proves. Throws E_BAD_SIGNATURE saying why. */
export function verifyBundleSignature(bundle: BundleWithDsseEnvelope, trust: Trust, where: string): SignerInfo {
  const claimed = describeSigner(bundle);
  if (trust.mode === 'key' && claimed.kind !== 'key') {
    throw badSignature(where, `was signed keyless by ${formatSigner(claimed)}, not with a key`, 'verify it with --certificate-identity and --certificate-oidc-issuer');
  }
  if (trust.mode === 'keyless' && claimed.kind === 'key') {
    throw badSignature(where, `was signed with a key (${formatSigner(claimed)}), not keyless`, 'verify it with --key and the signer\'s public key');
  }
  if (trust.mode === 'key') {
    const ourHint = keyHint(publicKeyToPem(trust.publicKey));
    // The given key is tried whatever the hint says, so a wrong key fails on the signature itself.
    const material = toTrustMaterial(emptyTrustedRoot(), () => ({ publicKey: trust.publicKey, validFor: () => true }));
    const verifier = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    try {
      verifier.verify(toSignedEntity(bundle));
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'ERROR';
      if (claimed.kind === 'key' && claimed.keyHint && claimed.keyHint !== ourHint) {
        throw badSignature(where, `was not signed with ${trust.name}: it names key ${claimed.keyHint.slice(0, 16)}…, ${trust.name} is ${ourHint.slice(0, 16)}… (${code})`, 'verify with the public key of whoever signed it');
      }
      throw badSignature(where, `has a signature that does not verify with ${trust.name} (${code}: ${(err as Error).message}): the bundle was altered`);
    }
    return { kind: 'key', keyHint: ourHint };
  }

  if (!trust.identity && !trust.identityRegExp) {
    throw new KolmError('E_USAGE', 'keyless verification needs the signer identity', {
      hint: 'give --certificate-identity (e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.0.0) and --certificate-oidc-issuer',
    });
  }
  const root = trust.trustedRoot;
  const verifier = new Verifier(toTrustMaterial(root), {
    // A deployment without Rekor (GitHub's private instance) lists no tlog: require what the root provides.
    tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1,
  });
  const policy: VerificationPolicy = {
    subjectAlternativeName: trust.identity ? exactIdentityPattern(trust.identity) : trust.identityRegExp,
    ...(trust.issuer ? { extensions: { issuer: trust.issuer } } : {}),
  };
  try {
    const signer = verifier.verify(toSignedEntity(bundle), policy);
    return { kind: 'certificate', identity: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'ERROR';
    if (code === 'UNTRUSTED_SIGNER_ERROR') {
      const wanted = `${trust.identity ?? `/${trust.identityRegExp}/`}${trust.issuer ? ` (issuer ${trust.issuer})` : ''}`;
      throw badSignature(where, `was signed by ${formatSigner(claimed)}, not by ${wanted}`, 'check --certificate-identity and --certificate-oidc-issuer against the workflow that signed it');
    }
    throw badSignature(where, `does not verify (${code}: ${(err as Error).message})`, 'the bundle was altered, or it was signed by a Sigstore deployment not in the trusted root (pass --trusted-root)');
  }
}

export interface StatementExpectation {
  resources: Resource[];
  /** The subject digest it must name: the root digest (kolm.sig) or the file's SHA-256 (sidecar). */
  subjectSha256: string;
  subjectWhat: string;
}

export interface BundleCheck {
  signer: SignerInfo;
  /** True when the signature was checked under a trust; false when only the content was compared. */
  verified: boolean;
}

/**
 * Parse a bundle, verify its signature when `trust` is given, and compare its statement with what it must
 * cover. Without `trust` only the content is compared (the signer is then a claim, not a proof).
 */
export function checkBundle(bytes: Uint8Array, where: string, expected: StatementExpectation, trust?: Trust): BundleCheck {
  const bundle = parseBundle(bytes, where);
  const signer = trust ? verifyBundleSignature(bundle, trust, where) : describeSigner(bundle);
  const problems = statementMismatches(bundleStatement(bundle, where), expected);
  if (problems.length > 0) {
    throw new KolmError('E_BAD_SIGNATURE', `${where} does not match the artifact:\n  - ${problems.join('\n  - ')}`, {
      hint: 'the artifact was changed after it was signed; rebuild and sign it again, or fetch both again',
      place: { file: where },
      details: problems,
    });
  }
  return { signer, verified: Boolean(trust) };
}
