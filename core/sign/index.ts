// Signing .kolm artifacts with Sigstore (DESIGN §8, reference/signing.md): statement building, signing with a
// key pair or keyless (Fulcio + Rekor/TSA), verification, bundle I/O and key generation.
export { KOLM_PREDICATE_TYPE, INTOTO_PAYLOAD_TYPE, STATEMENT_TYPE, artifactResources, buildStatement, statementBytes, statementMismatches } from './statement.ts';
export type { KolmStatement, KolmPredicate, Resource, Subject, Placement } from './statement.ts';
export { PASSPHRASE_ENV, generateKeyPair, keyHint, parsePrivateKey, parsePublicKey, publicKeyToPem, writeKeyPairFiles } from './keys.ts';
export type { KeyPairPem } from './keys.ts';
export { DEFAULT_FULCIO_URL, DEFAULT_REKOR_URL, signStatement, parseBundle, bundleStatement } from './bundle.ts';
export type { SigningMethod, KeySigning, KeylessSigning } from './bundle.ts';
export { ambientIdentityProvider, ambientIdentityToken, SIGSTORE_AUDIENCE } from './identity.ts';
export { publicGoodTrustedRoot, parseTrustedRoot, emptyTrustedRoot } from './trust.ts';
export type { TrustedRoot } from './trust.ts';
export { GITHUB_ACTIONS_ISSUER, checkBundle, describeSigner, exactIdentityPattern, formatSigner, verifyBundleSignature } from './verify.ts';
export type { BundleCheck, IdentityTrust, KeyTrust, SignerInfo, StatementExpectation, Trust } from './verify.ts';
export { sidecarName, signArtifact, verifyArtifactContents } from './artifact.ts';
export type { ArtifactSignatureState, SignArtifactOptions, SignatureCheck, SignedArtifact, VerifyArtifactOptions } from './artifact.ts';
export { signArtifactFile, writeSignedFiles } from './files.ts';
export type { SignFileOptions } from './files.ts';
