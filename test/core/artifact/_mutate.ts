// Seeded byte mutations of a zip (or any bytes) for the fuzz tests: bit flips, header fields overwritten
// with edge values near zip signatures, truncation, deletion, splices and fills.

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0xfffe, 0x10000, 0x7fffffff, 0xffffffff];

/** One mutation of `b`, chosen by `rand`: flips, field overwrites at zip offsets, truncation, splices. */
export function mutate(b: Buffer, rand: () => number): Buffer {
  const pick = (n: number) => Math.floor(rand() * n);
  const out = Buffer.from(b);
  const signatures = [0x04034b50, 0x02014b50, 0x06054b50, 0x08074b50].flatMap((sig) => {
    const at: number[] = [];
    const s = Buffer.alloc(4);
    s.writeUInt32LE(sig);
    for (let i = out.indexOf(s); i !== -1; i = out.indexOf(s, i + 1)) at.push(i);
    return at;
  });
  const kind = pick(7);
  const rounds = 1 + pick(3);
  for (let r = 0; r < rounds; r++) {
    if (kind === 0 || kind === 1) {
      out[pick(out.length)] ^= 1 << pick(8);
    } else if (kind === 2 && signatures.length) {
      // Overwrite a header field (2 or 4 bytes) near a signature with an interesting value.
      const at = signatures[pick(signatures.length)]! + 4 + pick(42);
      const v = INTERESTING[pick(INTERESTING.length)]!;
      if (at + 4 <= out.length && rand() < 0.5) out.writeUInt32LE(v >>> 0, at);
      else if (at + 2 <= out.length) out.writeUInt16LE(v & 0xffff, at);
    } else if (kind === 3) {
      return out.subarray(0, pick(out.length));
    } else if (kind === 4) {
      const at = pick(out.length);
      const len = pick(64);
      return Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + len))]);
    } else if (kind === 5) {
      const at = pick(out.length);
      const from = pick(out.length);
      return Buffer.concat([out.subarray(0, at), out.subarray(from, from + pick(200)), out.subarray(at)]);
    } else {
      const at = pick(out.length);
      out.fill(pick(256), at, Math.min(out.length, at + 1 + pick(16)));
    }
  }
  return out;
}

