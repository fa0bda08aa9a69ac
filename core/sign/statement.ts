// The in-toto statement a kolm signature carries (DESIGN §8, reference/signing.md §4): the SHA-256 of kolm.json
// and of every payload entry, in the layout of OpenSSF model_signing's predicate, under our own predicate type
// (our root digest hashes names too, so claiming model_signing's type would mislead its verifier).
// Pure: data in, data out.
import { MANIFEST_ENTRY, compareNames, rootDigest, sha256Hex, type ArtifactContents } from '../artifact/index.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const KOLM_PREDICATE_TYPE = 'https://kolm.dev/kolm-manifest/v1';

export interface Resource {
  name: string;
  algorithm: 'sha256';
  /** Lowercase hex, no prefix (model_signing's form). */
  digest: string;
}

export interface KolmPredicate {
  serialization: { method: 'files'; hash_type: 'sha256'; allow_symlinks: false; ignore_paths: string[] };
  /** rootDigest of the resources below (names included): lets a reader of the sidecar tie it to kolm.sig. */
  root_digest: string;
  resources: Resource[];
}

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface KolmStatement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof KOLM_PREDICATE_TYPE;
  predicate: KolmPredicate;
}

/** What a statement is about: the artifact's root digest (kolm.sig) or the whole file's bytes (the sidecar). */
export type Placement = 'embedded' | 'sidecar';

/** The resources of an artifact: kolm.json + every `files` entry, in UTF-8 byte order of names. */
export function artifactResources(contents: Pick<ArtifactContents, 'manifestBytes' | 'manifest'>): Resource[] {
  const list: Resource[] = [{ name: MANIFEST_ENTRY, algorithm: 'sha256', digest: sha256Hex(contents.manifestBytes) }];
  for (const [name, digest] of Object.entries(contents.manifest.files)) {
    list.push({ name, algorithm: 'sha256', digest: digest.slice('sha256:'.length) });
  }
  return list.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The statement for one placement. `embedded`: subject = the root digest, named after the artifact (adding
 * kolm.sig changes nothing signed). `sidecar`: subject = SHA-256 of the whole .kolm file, named after the file,
 * which is what `gh attestation verify` and cosign check.
 */
export function buildStatement(
  contents: Pick<ArtifactContents, 'manifestBytes' | 'manifest'>,
  subject: { placement: 'embedded' } | { placement: 'sidecar'; fileName: string; fileSha256: string },
): KolmStatement {
  const root = rootDigest(contents.manifestBytes, contents.manifest.files);
  const subjects: Subject[] =
    subject.placement === 'embedded'
      ? [{ name: contents.manifest.name, digest: { sha256: root } }]
      : [{ name: subject.fileName, digest: { sha256: subject.fileSha256 } }];
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: KOLM_PREDICATE_TYPE,
    predicate: {
      serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: ['kolm.sig'] },
      root_digest: root,
      resources: artifactResources(contents),
    },
  };
}

/** The DSSE payload bytes of a statement (plain JSON; the DSSE PAE makes the signature unambiguous). */
export function statementBytes(statement: KolmStatement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/**
 * Each way a signed statement disagrees with what it should cover, as sentences naming the entry and both
 * digests. Empty when they agree. `expectedSubject` is the root digest or the file's SHA-256.
 */
export function statementMismatches(signed: unknown, expected: { resources: Resource[]; subjectSha256: string; subjectWhat: string }): string[] {
  const problems: string[] = [];
  const s = signed as Partial<KolmStatement> | null;
  if (!s || typeof s !== 'object') return ['the signed payload is not a JSON object'];
  if (s._type !== STATEMENT_TYPE) problems.push(`the signed payload is not an in-toto v1 statement (_type ${JSON.stringify(s._type)})`);
  if (s.predicateType !== KOLM_PREDICATE_TYPE) problems.push(`the predicate type is ${JSON.stringify(s.predicateType)}, not ${KOLM_PREDICATE_TYPE}`);
  const subjects = Array.isArray(s.subject) ? s.subject : [];
  const digests = subjects.map((x) => x?.digest?.sha256);
  if (!digests.includes(expected.subjectSha256)) {
    problems.push(`the signed subject is sha256:${digests[0] ?? '(none)'}, but ${expected.subjectWhat} is sha256:${expected.subjectSha256}`);
  }
  const signedResources = Array.isArray(s.predicate?.resources) ? s.predicate!.resources : [];
  const signedByName = new Map<string, string>();
  for (const r of signedResources) if (r && typeof r.name === 'string') signedByName.set(r.name, String(r.digest));
  const actualByName = new Map(expected.resources.map((r) => [r.name, r.digest]));
  for (const [name, digest] of actualByName) {
    const want = signedByName.get(name);
    if (want === undefined) problems.push(`entry "${name}" is in the artifact but not in the signed list`);
    else if (want !== digest) problems.push(`entry "${name}" does not match the signature (signed sha256:${want}, artifact has sha256:${digest})`);
  }
  for (const name of signedByName.keys()) {
    if (!actualByName.has(name)) problems.push(`entry "${name}" is signed but missing from the artifact`);
  }
  return problems;
}
