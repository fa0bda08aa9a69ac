// How every face prints sizes and counts, so `kolm compile`, `kolm inspect` and the wizard agree: sizes in
// IEC units (1 KiB = 1024 B) with one decimal, counts with thousands separators.

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Milliseconds to three significant digits (0.066 ms, 2.90 ms, 41.5 ms, 812 ms): recipes answer in µs, adapters in 100s of ms. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${ms.toFixed(decimals)} ms`;
}
