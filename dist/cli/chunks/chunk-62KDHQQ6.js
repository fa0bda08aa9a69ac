import {
  ARTIFACT_HINT,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  buildManifest,
  compareNames,
  readArtifact,
  rootDigest,
  sha256Hex,
  writeArtifact
} from "./chunk-KACU67E6.js";
import {
  commitFilesAtomic,
  tempPathFor
} from "./chunk-WBWVS4MC.js";
import {
  readUserBytes
} from "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/sign/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var KOLM_PREDICATE_TYPE = "https://kolm.dev/kolm-manifest/v1";
function artifactResources(contents) {
  const list = [{ name: MANIFEST_ENTRY, algorithm: "sha256", digest: sha256Hex(contents.manifestBytes) }];
  for (const [name, digest] of Object.entries(contents.manifest.files)) {
    list.push({ name, algorithm: "sha256", digest: digest.slice("sha256:".length) });
  }
  return list.sort((a, b) => compareNames(a.name, b.name));
}
function buildStatement(contents, subject) {
  const root = rootDigest(contents.manifestBytes, contents.manifest.files);
  const subjects = subject.placement === "embedded" ? [{ name: contents.manifest.name, digest: { sha256: root } }] : [{ name: subject.fileName, digest: { sha256: subject.fileSha256 } }];
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: KOLM_PREDICATE_TYPE,
    predicate: {
      serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: ["kolm.sig"] },
      root_digest: root,
      resources: artifactResources(contents)
    }
  };
}
function statementBytes(statement) {
  return Buffer.from(JSON.stringify(statement), "utf8");
}
function statementMismatches(signed, expected) {
  const problems = [];
  const s = signed;
  if (!s || typeof s !== "object") return ["the signed payload is not a JSON object"];
  if (s._type !== STATEMENT_TYPE) problems.push(`the signed payload is not an in-toto v1 statement (_type ${JSON.stringify(s._type)})`);
  if (s.predicateType !== KOLM_PREDICATE_TYPE) problems.push(`the predicate type is ${JSON.stringify(s.predicateType)}, not ${KOLM_PREDICATE_TYPE}`);
  const subjects = Array.isArray(s.subject) ? s.subject : [];
  const digests = subjects.map((x) => x?.digest?.sha256);
  if (!digests.includes(expected.subjectSha256)) {
    problems.push(`the signed subject is sha256:${digests[0] ?? "(none)"}, but ${expected.subjectWhat} is sha256:${expected.subjectSha256}`);
  }
  const signedResources = Array.isArray(s.predicate?.resources) ? s.predicate.resources : [];
  const signedByName = /* @__PURE__ */ new Map();
  for (const r of signedResources) if (r && typeof r.name === "string") signedByName.set(r.name, String(r.digest));
  const actualByName = new Map(expected.resources.map((r) => [r.name, r.digest]));
  for (const [name, digest] of actualByName) {
    const want = signedByName.get(name);
    if (want === void 0) problems.push(`entry "${name}" is in the artifact but not in the signed list`);
    else if (want !== digest) problems.push(`entry "${name}" does not match the signature (signed sha256:${want}, artifact has sha256:${digest})`);
  }
  for (const name of signedByName.keys()) {
    if (!actualByName.has(name)) problems.push(`entry "${name}" is signed but missing from the artifact`);
  }
  return problems;
}

// core/sign/keys.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
var PASSPHRASE_ENV = "KOLM_KEY_PASSPHRASE";
var CURVE = "prime256v1";
function generateKeyPair(options = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: CURVE });
  const encrypted = Boolean(options.passphrase);
  const privateKeyPem = privateKey.export(
    encrypted ? { format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: options.passphrase } : { format: "pem", type: "pkcs8" }
  );
  const publicKeyPem = publicKeyToPem(publicKey);
  return { privateKeyPem, publicKeyPem, hint: keyHint(publicKeyPem), encrypted };
}
function publicKeyToPem(key) {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  return pub.export({ format: "pem", type: "spki" });
}
function keyHint(publicKeyPem) {
  return createHash("sha256").update(publicKeyPem, "utf8").digest("hex");
}
function parsePrivateKey(pem, file, passphrase) {
  const text = typeof pem === "string" ? pem : Buffer.from(pem).toString("utf8");
  const encrypted = text.includes("ENCRYPTED PRIVATE KEY");
  if (encrypted && !passphrase) {
    throw new KolmError("E_BAD_KEY", `${file} is encrypted and no passphrase was given`, {
      hint: `set ${PASSPHRASE_ENV} to the passphrase used with \`kolm keygen\``,
      place: { file }
    });
  }
  let key;
  try {
    key = createPrivateKey(encrypted ? { key: text, format: "pem", passphrase } : { key: text, format: "pem" });
  } catch (err) {
    throw new KolmError("E_BAD_KEY", encrypted ? `${file} could not be decrypted: wrong passphrase?` : `${file} is not a PEM private key (${err.message})`, {
      hint: encrypted ? `check ${PASSPHRASE_ENV}` : "pass the private key `kolm keygen` wrote (kolm.key), not the public one",
      place: { file },
      cause: err
    });
  }
  checkCurve(key, file);
  return key;
}
function parsePublicKey(pem, file) {
  const text = typeof pem === "string" ? pem : Buffer.from(pem).toString("utf8");
  let key;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch (err) {
    throw new KolmError("E_BAD_KEY", `${file} is not a PEM public key (${err.message})`, {
      hint: "pass the public key `kolm keygen` wrote (kolm.pub)",
      place: { file },
      cause: err
    });
  }
  checkCurve(key, file);
  return key;
}
function checkCurve(key, file) {
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== CURVE) {
    const what = key.asymmetricKeyType === "ec" ? `an EC ${key.asymmetricKeyDetails?.namedCurve} key` : `a ${key.asymmetricKeyType} key`;
    throw new KolmError("E_BAD_KEY", `${file} is ${what}; kolm signs with ECDSA P-256 keys only`, {
      hint: "make a P-256 key pair with `kolm keygen`",
      place: { file }
    });
  }
}
async function writeKeyPairFiles(pair, paths, options = {}) {
  if (!options.force) {
    for (const p of [paths.privateKey, paths.publicKey]) {
      if (await exists(p)) {
        throw new KolmError("E_WRITE_FAILED", `${p} already exists; not overwriting a key`, { hint: "pass --force to replace it, or choose another --out", place: { file: p } });
      }
    }
  }
  const temps = [];
  try {
    for (const p of [paths.privateKey, paths.publicKey]) await mkdir(dirname(p), { recursive: true });
    for (const [target, text, mode] of [
      [paths.privateKey, pair.privateKeyPem, 384],
      [paths.publicKey, pair.publicKeyPem, 420]
    ]) {
      const tmp = tempPathFor(target);
      temps.push(tmp);
      const handle = await open(tmp, "wx", mode);
      try {
        await handle.writeFile(text);
        await handle.chmod(mode);
      } finally {
        await handle.close();
      }
    }
    await rename(temps[0], paths.privateKey);
    await rename(temps[1], paths.publicKey);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new KolmError("E_WRITE_FAILED", `could not write the key pair: ${err.message}`, {
      hint: "check that the folder exists and is writable",
      place: { file: paths.privateKey },
      cause: err
    });
  }
}
async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

// core/sign/bundle.ts
import { sign as cryptoSign } from "node:crypto";
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  bundleToJSON,
  isBundleWithDsseEnvelope
} from "@sigstore/bundle";
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var LocalKeySigner = class {
  constructor(privateKey) {
    this.privateKey = privateKey;
    this.publicKeyPem = publicKeyToPem(privateKey);
    this.hint = keyHint(this.publicKeyPem);
  }
  privateKey;
  publicKeyPem;
  hint;
  async sign(data) {
    return { signature: cryptoSign("sha256", data, this.privateKey), key: { $case: "publicKey", publicKey: this.publicKeyPem, hint: this.hint } };
  }
};
var trimSlash = (url) => url.replace(/\/+$/, "");
async function builderFor(method) {
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = await import("@sigstore/sign");
  if (method.mode === "key") return new DSSEBundleBuilder({ signer: new LocalKeySigner(method.privateKey), witnesses: [] });
  const fetchOptions = { timeout: method.timeoutMs ?? 5e3, retry: { retries: 2 } };
  const signer = new FulcioSigner({ fulcioBaseURL: trimSlash(method.fulcioURL ?? DEFAULT_FULCIO_URL), identityProvider: method.identityProvider, ...fetchOptions });
  const witnesses = [];
  if (method.tlog !== false) witnesses.push(new RekorWitness({ rekorBaseURL: trimSlash(method.rekorURL ?? DEFAULT_REKOR_URL), entryType: "dsse", ...fetchOptions }));
  if (method.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: trimSlash(method.tsaURL), ...fetchOptions }));
  if (witnesses.length === 0) {
    throw new KolmError("E_USAGE", "keyless signing without Rekor needs a timestamp authority", {
      hint: "give --tsa-url, or keep the transparency log (drop --no-tlog)"
    });
  }
  return new DSSEBundleBuilder({ signer, witnesses });
}
async function signStatement(payload, method, secrets = []) {
  let bundle;
  try {
    bundle = await (await builderFor(method)).create({ data: payload, type: INTOTO_PAYLOAD_TYPE });
  } catch (err) {
    if (err instanceof KolmError) throw err;
    const cause = err.cause;
    if (cause instanceof KolmError) throw cause;
    throw signingError(err, method, secrets);
  }
  return Buffer.from(`${JSON.stringify(bundleToJSON(bundle), null, 2)}
`, "utf8");
}
function signingError(err, method, secrets) {
  const e = err;
  let message = [e.message, e.cause?.message].filter(Boolean).join(": ");
  for (const s of secrets) if (s) message = message.split(s).join("***");
  const where = method.mode === "keyless" ? "keyless signing failed" : "signing failed";
  const hint = e.code === "IDENTITY_TOKEN_READ_ERROR" || /identity token/i.test(message) ? 'run in GitHub Actions with `permissions: id-token: write`, or set SIGSTORE_ID_TOKEN to an OIDC token for audience "sigstore"' : method.mode === "keyless" ? "check the Fulcio/Rekor/TSA URLs and that they are reachable" : "check the key";
  return new KolmError(method.mode === "keyless" ? "E_REMOTE" : "E_BAD_KEY", `${where}${e.code ? ` (${e.code})` : ""}: ${message}`, { hint, cause: err });
}
function parseBundle(bytes, where) {
  let json;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (err) {
    throw badSignature(where, `is not valid JSON (${err.message})`);
  }
  let bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    throw badSignature(where, `is not a valid Sigstore bundle (${err.message})`);
  }
  if (bundle.mediaType !== BUNDLE_V03_MEDIA_TYPE) throw badSignature(where, `has media type ${bundle.mediaType}; kolm writes and reads ${BUNDLE_V03_MEDIA_TYPE}`);
  if (!isBundleWithDsseEnvelope(bundle)) throw badSignature(where, "holds a message signature, not a DSSE envelope");
  if (bundle.content.dsseEnvelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw badSignature(where, `carries a ${bundle.content.dsseEnvelope.payloadType} payload, not an in-toto statement`);
  }
  return bundle;
}
function bundleStatement(bundle, where) {
  try {
    return JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString("utf8"));
  } catch (err) {
    throw badSignature(where, `carries a payload that is not JSON (${err.message})`);
  }
}
function badSignature(where, message, hint = "the signature does not belong to this artifact, or one of them was altered; sign it again or fetch both again") {
  return new KolmError("E_BAD_SIGNATURE", `${where} ${message}`, { hint, place: { file: where } });
}

// core/sign/identity.ts
var SIGSTORE_AUDIENCE = "sigstore";
function ambientIdentityProvider(options) {
  return { getToken: () => ambientIdentityToken(options) };
}
async function ambientIdentityToken({ env, token, fetch: doFetch = fetch }) {
  if (token) return token;
  if (env.SIGSTORE_ID_TOKEN) return env.SIGSTORE_ID_TOKEN;
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new KolmError("E_USAGE", "keyless signing needs an OIDC identity token, and none was found", {
      hint: 'in GitHub Actions add `permissions: id-token: write` to the job; elsewhere set SIGSTORE_ID_TOKEN (audience "sigstore"), or sign with --key'
    });
  }
  const target = new URL(url);
  target.searchParams.set("audience", SIGSTORE_AUDIENCE);
  let response;
  try {
    response = await doFetch(target, { headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json" } });
  } catch (err) {
    throw new KolmError("E_REMOTE", `could not reach the GitHub Actions OIDC endpoint (${target.origin}): ${err.message}`, {
      hint: "this runs inside GitHub Actions only; check the runner network",
      cause: err
    });
  }
  if (!response.ok) {
    throw new KolmError("E_REMOTE", `the GitHub Actions OIDC endpoint answered ${response.status} ${response.statusText}`, {
      hint: "give the job `permissions: id-token: write`"
    });
  }
  const body = await response.json().catch(() => null);
  if (!body || typeof body.value !== "string" || !body.value) {
    throw new KolmError("E_REMOTE", "the GitHub Actions OIDC endpoint answered without a token (`value`)", { hint: "give the job `permissions: id-token: write`" });
  }
  return body.value;
}

// core/sign/trust.ts
import { createRequire } from "node:module";
import { TrustedRoot } from "@sigstore/protobuf-specs";
var PUBLIC_GOOD_TUF = "https://tuf-repo-cdn.sigstore.dev";
var TRUSTED_ROOT_MEDIA_TYPE = "application/vnd.dev.sigstore.trustedroot+json;version=0.1";
function publicGoodTrustedRoot() {
  const seeds = createRequire(import.meta.url)("@sigstore/tuf/seeds.json");
  const encoded = seeds[PUBLIC_GOOD_TUF].targets["trusted_root.json"];
  return TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, "base64").toString("utf8")));
}
function emptyTrustedRoot() {
  return TrustedRoot.fromJSON({ mediaType: TRUSTED_ROOT_MEDIA_TYPE, tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] });
}
function parseTrustedRoot(bytes, file) {
  const text = Buffer.from(bytes).toString("utf8").trim();
  const docs = [];
  try {
    if (text.startsWith("{") && !/}\s*\n\s*{/.test(text)) docs.push(JSON.parse(text));
    else for (const line of text.split("\n")) if (line.trim()) docs.push(JSON.parse(line));
  } catch (err) {
    throw new KolmError("E_BAD_SIGNATURE", `${file} is not a trusted root (JSON or JSONL): ${err.message}`, {
      hint: "pass the trusted_root.json of your Sigstore deployment (or `gh attestation trusted-root` output)",
      place: { file }
    });
  }
  const roots = docs.map((d) => TrustedRoot.fromJSON(d));
  const merged = roots[0] ?? emptyTrustedRoot();
  for (const r of roots.slice(1)) {
    merged.tlogs.push(...r.tlogs);
    merged.certificateAuthorities.push(...r.certificateAuthorities);
    merged.ctlogs.push(...r.ctlogs);
    merged.timestampAuthorities.push(...r.timestampAuthorities);
  }
  if (merged.certificateAuthorities.length === 0) {
    throw new KolmError("E_BAD_SIGNATURE", `${file} lists no certificate authority, so no keyless signature can verify against it`, {
      hint: "pass the trusted_root.json of the Sigstore deployment that signed the artifact",
      place: { file }
    });
  }
  return merged;
}

// core/sign/verify.ts
import { X509Certificate } from "@sigstore/core";
import { Verifier, toSignedEntity, toTrustMaterial } from "@sigstore/verify";
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
var OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
function describeSigner(bundle) {
  const material = bundle.verificationMaterial.content;
  if (material.$case === "publicKey") return { kind: "key", keyHint: material.publicKey.hint };
  const raw = material.$case === "certificate" ? material.certificate.rawBytes : material.x509CertificateChain.certificates[0]?.rawBytes;
  if (!raw) return { kind: "certificate" };
  try {
    const cert = X509Certificate.parse(Buffer.from(raw));
    const v2 = cert.extension(OID_ISSUER_V2);
    const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString("ascii") : cert.extension(OID_ISSUER_V1)?.value.toString("ascii");
    return { kind: "certificate", identity: cert.subjectAltName, issuer };
  } catch {
    return { kind: "certificate" };
  }
}
function formatSigner(signer) {
  if (signer.kind === "key") return `key ${signer.keyHint.slice(0, 16)}\u2026 (sha256 of the public key PEM)`;
  return `${signer.identity ?? "an unknown identity"}${signer.issuer ? ` (issuer ${signer.issuer})` : ""}`;
}
function exactIdentityPattern(identity) {
  return `^${identity.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`;
}
function verifyBundleSignature(bundle, trust, where) {
  const claimed = describeSigner(bundle);
  if (trust.mode === "key" && claimed.kind !== "key") {
    throw badSignature(where, `was signed keyless by ${formatSigner(claimed)}, not with a key`, "verify it with --certificate-identity and --certificate-oidc-issuer");
  }
  if (trust.mode === "keyless" && claimed.kind === "key") {
    throw badSignature(where, `was signed with a key (${formatSigner(claimed)}), not keyless`, "verify it with --key and the signer's public key");
  }
  if (trust.mode === "key") {
    const ourHint = keyHint(publicKeyToPem(trust.publicKey));
    const material = toTrustMaterial(emptyTrustedRoot(), () => ({ publicKey: trust.publicKey, validFor: () => true }));
    const verifier2 = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    try {
      verifier2.verify(toSignedEntity(bundle));
    } catch (err) {
      const code = err.code ?? "ERROR";
      if (claimed.kind === "key" && claimed.keyHint && claimed.keyHint !== ourHint) {
        throw badSignature(where, `was not signed with ${trust.name}: it names key ${claimed.keyHint.slice(0, 16)}\u2026, ${trust.name} is ${ourHint.slice(0, 16)}\u2026 (${code})`, "verify with the public key of whoever signed it");
      }
      throw badSignature(where, `has a signature that does not verify with ${trust.name} (${code}: ${err.message}): the bundle was altered`);
    }
    return { kind: "key", keyHint: ourHint };
  }
  if (!trust.identity && !trust.identityRegExp) {
    throw new KolmError("E_USAGE", "keyless verification needs the signer identity", {
      hint: "give --certificate-identity (e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.0.0) and --certificate-oidc-issuer"
    });
  }
  const root = trust.trustedRoot;
  const verifier = new Verifier(toTrustMaterial(root), {
    // A deployment without Rekor (GitHub's private instance) lists no tlog: require what the root provides.
    tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1
  });
  const policy = {
    subjectAlternativeName: trust.identity ? exactIdentityPattern(trust.identity) : trust.identityRegExp,
    ...trust.issuer ? { extensions: { issuer: trust.issuer } } : {}
  };
  try {
    const signer = verifier.verify(toSignedEntity(bundle), policy);
    return { kind: "certificate", identity: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };
  } catch (err) {
    const code = err.code ?? "ERROR";
    if (code === "UNTRUSTED_SIGNER_ERROR") {
      const wanted = `${trust.identity ?? `/${trust.identityRegExp}/`}${trust.issuer ? ` (issuer ${trust.issuer})` : ""}`;
      throw badSignature(where, `was signed by ${formatSigner(claimed)}, not by ${wanted}`, "check --certificate-identity and --certificate-oidc-issuer against the workflow that signed it");
    }
    throw badSignature(where, `does not verify (${code}: ${err.message})`, "the bundle was altered, or it was signed by a Sigstore deployment not in the trusted root (pass --trusted-root)");
  }
}
function checkBundle(bytes, where, expected, trust) {
  const bundle = parseBundle(bytes, where);
  const signer = trust ? verifyBundleSignature(bundle, trust, where) : describeSigner(bundle);
  const problems = statementMismatches(bundleStatement(bundle, where), expected);
  if (problems.length > 0) {
    throw new KolmError("E_BAD_SIGNATURE", `${where} does not match the artifact:
  - ${problems.join("\n  - ")}`, {
      hint: "the artifact was changed after it was signed; rebuild and sign it again, or fetch both again",
      place: { file: where },
      details: problems
    });
  }
  return { signer, verified: Boolean(trust) };
}

// core/sign/artifact.ts
function sidecarName(artifactFile) {
  return `${artifactFile}.sigstore.json`;
}
async function signArtifact(bytes, method, options) {
  const contents = await readArtifact(bytes, { name: options.name ?? options.fileName });
  const { manifest, manifestBytes } = buildManifest(contents.manifest, contents.entries);
  const embedded = await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: "embedded" })), method, options.secrets);
  const artifact = await writeArtifact({ manifest, entries: contents.entries, signature: embedded });
  const fileSha256 = sha256Hex(artifact);
  const sidecar = options.sidecar === false ? void 0 : await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: "sidecar", fileName: options.fileName, fileSha256 })), method, options.secrets);
  return {
    artifact,
    ...sidecar ? { sidecar } : {},
    rootDigest: rootDigest(manifestBytes, manifest.files),
    fileSha256,
    signer: describeSigner(parseBundle(embedded, SIGNATURE_ENTRY))
  };
}
function verifyArtifactContents(contents, options) {
  const checks = [];
  const resources = artifactResources(contents);
  if (contents.signature) {
    const where = `${options.file}: ${SIGNATURE_ENTRY}`;
    const check = checkBundle(contents.signature, where, { resources, subjectSha256: contents.rootDigest, subjectWhat: "the artifact's root digest" }, options.trust);
    checks.push({ placement: "embedded", where, ...check });
  }
  if (options.sidecar) {
    const { bytes, where, fileSha256 } = options.sidecar;
    const check = checkBundle(bytes, where, { resources, subjectSha256: fileSha256, subjectWhat: `${options.file}` }, options.trust);
    checks.push({ placement: "sidecar", where, ...check });
  }
  if (checks.length === 0) {
    if (options.requireSignature || options.trust) {
      throw new KolmError("E_UNSIGNED", `${options.file} is not signed (no ${SIGNATURE_ENTRY} inside, no sidecar bundle)`, {
        hint: "sign it with `kolm sign` (or `kolm compile --sign`), or fetch its .sigstore.json bundle too",
        place: { file: options.file }
      });
    }
    return { state: "unsigned", checks };
  }
  return { state: checks.every((c) => c.verified) ? "verified" : "unverified", signer: checks[0].signer, checks };
}

// core/sign/files.ts
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
async function signArtifactFile(path, method, options = {}) {
  const shown = options.shown ?? path;
  const bytes = await readUserBytes(path, { shown, hint: ARTIFACT_HINT });
  const sidecarPath = options.sidecarPath === false ? void 0 : options.sidecarPath ?? sidecarName(path);
  const signed = await signArtifact(bytes, method, { fileName: basename(path), name: shown, sidecar: sidecarPath !== void 0, secrets: options.secrets });
  await writeSignedFiles(path, signed, sidecarPath, shown);
  return { ...signed, ...sidecarPath ? { sidecarPath } : {} };
}
async function writeSignedFiles(path, signed, sidecarPath, shown = path) {
  const targets = sidecarPath && signed.sidecar ? [path, sidecarPath] : [path];
  await commitFilesAtomic(targets, async (temps) => {
    await writeFile(temps[0], signed.artifact);
    if (temps[1]) await writeFile(temps[1], signed.sidecar);
  }).catch((err) => {
    if (err instanceof KolmError) throw err;
    throw new KolmError("E_WRITE_FAILED", `could not write the signed ${shown}: ${err.message}`, { hint: "check that the folder is writable and the disk has space", place: { file: shown }, cause: err });
  });
}

export {
  STATEMENT_TYPE,
  INTOTO_PAYLOAD_TYPE,
  KOLM_PREDICATE_TYPE,
  artifactResources,
  buildStatement,
  statementBytes,
  statementMismatches,
  PASSPHRASE_ENV,
  generateKeyPair,
  publicKeyToPem,
  keyHint,
  parsePrivateKey,
  parsePublicKey,
  writeKeyPairFiles,
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  signStatement,
  parseBundle,
  bundleStatement,
  SIGSTORE_AUDIENCE,
  ambientIdentityProvider,
  ambientIdentityToken,
  publicGoodTrustedRoot,
  emptyTrustedRoot,
  parseTrustedRoot,
  GITHUB_ACTIONS_ISSUER,
  describeSigner,
  formatSigner,
  exactIdentityPattern,
  verifyBundleSignature,
  checkBundle,
  sidecarName,
  signArtifact,
  verifyArtifactContents,
  signArtifactFile,
  writeSignedFiles
};
