// The bounds a reader puts on an untrusted zip, and that the writer keeps so that kolm can always read what it
// wrote. Checked from the central directory first, then enforced again while inflating (headers can lie).

export interface ArtifactLimits {
  /** Most entries in the zip (kolm.json and kolm.sig included). */
  maxEntries: number;
  /** Largest uncompressed payload entry (adapter weights are the big ones). */
  maxEntryBytes: number;
  /** Largest uncompressed sum of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed kolm.json. */
  maxManifestBytes: number;
  /** Largest kolm.sig (a Sigstore bundle is a few kilobytes). */
  maxSignatureBytes: number;
  /**
   * Highest uncompressed:compressed ratio of one entry, for entries over `ratioFloorBytes`; and of the
   * whole zip: the entries read may total at most maxRatio × the zip's size + ratioFloorBytes, so many
   * small entries, each under the floor, cannot add up to gigabytes from a few megabytes of file.
   */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** The most a zip of `fileBytes` bytes may inflate to in all: the ratio bound, never past the cap. */
export function maxInflatedTotal(limits: Pick<ArtifactLimits, 'maxTotalBytes' | 'maxRatio' | 'ratioFloorBytes'>, fileBytes: number): number {
  return Math.min(limits.maxTotalBytes, limits.maxRatio * fileBytes + limits.ratioFloorBytes);
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: Readonly<ArtifactLimits> = Object.freeze({
  maxEntries: 10_000,
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 4 * GiB,
  maxManifestBytes: 16 * MiB,
  maxSignatureBytes: 4 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
});
