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
