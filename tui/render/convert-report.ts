// The ingestion report of `kolm migrate convert` (and `kolm-migrate --yes`) as a terminal table.
import { join } from 'node:path';
import { DROP_REASON_TEXT, DROP_REASONS, type ConvertReport, type LengthStats } from '../../core/ingest/index.ts';

const num = (n: number) => n.toLocaleString('en-US');
const lengths = (l: LengthStats) => `length p50 ${l.p50} · p90 ${l.p90} · p99 ${l.p99} · max ${l.max}`;

/** The report as a terminal table (paths shown relative to the working folder). */
export function renderReport(r: ConvertReport, show: (path: string) => string): string {
  const t = r.totals;
  const kept = t.rowsOut.train + t.rowsOut.validation + t.rowsOut.test;
  const droppedOf = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
  const header = ['file', 'format', 'rows in', 'sampled out', 'dropped', 'train', 'validation', 'test', 'split by'];
  const rows = r.files.map((f) => [
    show(f.file),
    f.format,
    num(f.rowsIn),
    num(f.sampledOut),
    num(droppedOf(f.dropped)),
    num(f.rowsOut.train),
    num(f.rowsOut.validation),
    num(f.rowsOut.test),
    f.splitSource === 'column' ? `column "${f.splitColumn}"` : f.splitSource,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 1 || i === 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [
    `${num(t.rowsIn)} rows in → ${num(kept)} out (train ${num(t.rowsOut.train)} · validation ${num(t.rowsOut.validation)} · test ${num(t.rowsOut.test)})`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ];
  const drops = DROP_REASONS.filter((d) => t.dropped[d] > 0).map((d) => `${num(t.dropped[d])} ${DROP_REASON_TEXT[d]}`);
  if (drops.length) out.push(`dropped: ${drops.join('; ')}`);
  if (r.sampling) out.push(`sampled: kept ${num(r.sampling.kept)} of ${num(t.rowsIn)} rows (seed ${r.sampling.seed})`);
  const nulls = r.input.nullCells ? Object.entries(r.input.nullCells).filter(([, c]) => c > 0) : [];
  out.push(
    `input:   ${r.input.columns.join(', ')} (${r.input.kind}); ${lengths(r.input.length)}` +
      (nulls.length ? `; null cells written as "": ${nulls.map(([c, k]) => `${c} ${num(k)}`).join(', ')}` : ''),
  );
  const top = r.output.top ? `: ${r.output.top.map((o) => `${o.value} ${num(o.count)}`).join(', ')}` : '';
  out.push(`output:  ${r.output.column}; ${lengths(r.output.length)}; ${num(r.output.distinct)} distinct${r.output.labelLike ? ' (looks like a label task)' : ''}${top}`);
  const d = r.duplicates;
  out.push(
    `duplicates: ${num(d.exact)} exact · ${num(d.conflictingInputs)} inputs with different outputs (${num(d.conflictingRows)} rows) · ${num(d.inputsInSeveralSplits)} inputs in more than one split`,
  );
  for (const ex of d.examples) out.push(`  conflict: ${JSON.stringify(ex.input)} → ${ex.outputs.map((o) => JSON.stringify(o)).join(' | ')}`);
  out.push(`wrote ${[...r.outputs.map((o) => `${show(join(r.outDir, o.file))} (${num(o.rows)} rows)`), show(join(r.outDir, 'report.json'))].join(', ')}`);
  return out.join('\n');
}
