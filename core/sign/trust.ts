// Trust material for keyless verification: a user's trusted_root.json (a private Sigstore deployment, or
// `gh attestation trusted-root` output, JSONL), else the public-good root frozen inside @sigstore/tuf, read
// offline (reference/signing.md §6; it is as new as that package: pass --trusted-root after key rotations).
import { createRequire } from 'node:module';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { KolmError } from '../errors.ts';

const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';
const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

export type { TrustedRoot };

/** The Sigstore public-good trusted root (Fulcio, Rekor, CT log, TSA) shipped with @sigstore/tuf. */
export function publicGoodTrustedRoot(): TrustedRoot {
  const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json') as Record<string, { targets: Record<string, string> }>;
  const encoded = seeds[PUBLIC_GOOD_TUF]!.targets['trusted_root.json']!;
  return TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
}

/** A trusted root with no authorities: key-pair verification trusts only the key it is given. */
export function emptyTrustedRoot(): TrustedRoot {
  return TrustedRoot.fromJSON({ mediaType: TRUSTED_ROOT_MEDIA_TYPE, tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] });
}

/** Parse trusted_root.json (one JSON object) or JSONL (several roots, merged: `gh attestation trusted-root`). */
export function parseTrustedRoot(bytes: Uint8Array, file: string): TrustedRoot {
  const text = Buffer.from(bytes).toString('utf8').trim();
  const docs: unknown[] = [];
  try {
    if (text.startsWith('{') && !/}\s*\n\s*{/.test(text)) docs.push(JSON.parse(text));
    else for (const line of text.split('\n')) if (line.trim()) docs.push(JSON.parse(line));
  } catch (err) {
    throw new KolmError('E_BAD_SIGNATURE', `${file} is not a trusted root (JSON or JSONL): ${(err as Error).message}`, {
      hint: 'pass the trusted_root.json of your Sigstore deployment (or `gh attestation trusted-root` output)',
      place: { file },
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
    throw new KolmError('E_BAD_SIGNATURE', `${file} lists no certificate authority, so no keyless signature can verify against it`, {
      hint: 'pass the trusted_root.json of the Sigstore deployment that signed the artifact',
      place: { file },
    });
  }
  return merged;
}
