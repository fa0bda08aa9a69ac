// tui/render/units.ts
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
var formatCount = (n) => n.toLocaleString("en-US");
function formatMs(ms) {
  const abs = Math.abs(ms);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${ms.toFixed(decimals)} ms`;
}

export {
  formatBytes,
  formatCount,
  formatMs
};
