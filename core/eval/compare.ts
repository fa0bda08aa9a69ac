// kolm vs the old endpoint (or any two eval reports): the delta table, a verdict from the paired
// per-case differences, the cases where they disagree, the gates. Rendered as text, JSON and GitHub
// Markdown; the Markdown is the PR comment body the Action posts.
import { Z_95 } from '../kscore/index.ts';
import type { EvalReport, GateResult } from './report.ts';
import { printable } from '../printable.ts';

export interface CompareRow {
  metric: string;
  a: number | null;
  b: number | null;
  delta: number | null;
  /** How to print it: a score, a rate, milliseconds, a count. */
  unit: 'score' | 'rate' | 'ms' | 'count';
  /** For the delta's sign: is a higher value better? */
  higherIsBetter: boolean;
}

export interface Disagreement {
  index: number;
  input: unknown;
  reference: unknown;
  a?: unknown;
  b?: unknown;
  a_s: number;
  b_s: number;
}

export interface Comparison {
  version: 1;
  a: { name: string; K: number; cases: number };
  b: { name: string; K: number; cases: number };
  /** Paired mean of (s_a − s_b) over the shared cases, with its 95 % interval. */
  K_delta: number;
  K_delta_ci95: [number, number];
  verdict: 'better' | 'worse' | 'on par';
  verdict_line: string;
  paired: boolean;
  rows: CompareRow[];
  disagreements: { total: number; shown: Disagreement[] };
  gates: GateResult[];
}

const SHOWN = 5;

function pairedDelta(a: EvalReport, b: EvalReport): { mean: number; ci: [number, number]; paired: boolean } {
  const n = Math.min(a.results.length, b.results.length);
  const paired = a.results.length === b.results.length && a.results.every((r, i) => JSON.stringify(r.reference) === JSON.stringify(b.results[i]!.reference));
  if (!paired || n < 2) {
    const d = a.K - b.K;
    return { mean: d, ci: [d, d], paired: false };
  }
  let sum = 0;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = a.results[i]!.s - b.results[i]!.s;
    sum += d[i]!;
  }
  const mean = sum / n;
  let sq = 0;
  for (const x of d) sq += (x - mean) * (x - mean);
  const half = Z_95 * Math.sqrt(sq / (n - 1) / n);
  return { mean, ci: [mean - half, mean + half], paired: true };
}

export function compareReports(a: EvalReport, b: EvalReport, gates: GateResult[] = a.gates ?? []): Comparison {
  const { mean, ci, paired } = pairedDelta(a, b);
  const verdict: Comparison['verdict'] = !paired
    ? Math.abs(mean) < 0.01 ? 'on par' : mean > 0 ? 'better' : 'worse'
    : ci[0] > 0 ? 'better' : ci[1] < 0 ? 'worse' : 'on par';
  const sign = (x: number) => (x >= 0 ? `+${x.toFixed(3)}` : `−${Math.abs(x).toFixed(3)}`);
  const an = a.system.name;
  const bn = b.system.name;
  const verdict_line =
    verdict === 'on par'
      ? `${an} is on par with ${bn}: K ${a.K.toFixed(3)} vs ${b.K.toFixed(3)} (${sign(mean)}${paired ? `, 95 % CI ${sign(ci[0])} to ${sign(ci[1])}` : ''})`
      : `${an} is ${verdict === 'better' ? 'better than' : 'worse than'} ${bn}: K ${a.K.toFixed(3)} vs ${b.K.toFixed(3)} (${sign(mean)}${paired ? `, 95 % CI ${sign(ci[0])} to ${sign(ci[1])}` : ''})`;
  const row = (metric: string, x: number | null | undefined, y: number | null | undefined, unit: CompareRow['unit'], higherIsBetter: boolean): CompareRow => ({
    metric,
    a: x ?? null,
    b: y ?? null,
    delta: x !== null && x !== undefined && y !== null && y !== undefined ? x - y : null,
    unit,
    higherIsBetter,
  });
  const rows = [
    row('K', a.K, b.K, 'score', true),
    row('pass rate', a.pass_rate, b.pass_rate, 'rate', true),
    row('p50 latency', a.latency_ms?.p50, b.latency_ms?.p50, 'ms', false),
    row('p95 latency', a.latency_ms?.p95, b.latency_ms?.p95, 'ms', false),
    row('cases', a.cases, b.cases, 'count', true),
    row('errors', a.errors, b.errors, 'count', false),
  ];
  const all: Disagreement[] = [];
  if (paired) {
    a.results.forEach((ra, i) => {
      const rb = b.results[i]!;
      if (ra.pass === rb.pass) return;
      all.push({ index: i, input: ra.input, reference: ra.reference, a: ra.prediction, b: rb.prediction, a_s: ra.s, b_s: rb.s });
    });
  }
  // Where kolm loses first: those are what a reviewer must look at.
  all.sort((x, y) => x.a_s - x.b_s - (y.a_s - y.b_s) || x.index - y.index);
  return {
    version: 1,
    a: { name: an, K: a.K, cases: a.cases },
    b: { name: bn, K: b.K, cases: b.cases },
    K_delta: mean,
    K_delta_ci95: ci,
    verdict,
    verdict_line,
    paired,
    rows,
    disagreements: { total: all.length, shown: all.slice(0, SHOWN) },
    gates,
  };
}

function fmt(v: number | null, unit: CompareRow['unit']): string {
  if (v === null) return '–';
  if (unit === 'score') return v.toFixed(3);
  if (unit === 'rate') return `${(v * 100).toFixed(1)} %`;
  if (unit === 'ms') return v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`;
  return String(v);
}

function fmtDelta(r: CompareRow): string {
  if (r.delta === null || r.unit === 'count') return r.delta === null || r.delta === 0 ? '' : `${r.delta > 0 ? '+' : '−'}${Math.abs(r.delta)}`;
  const d = r.delta;
  const abs = Math.abs(d);
  const body = r.unit === 'score' ? abs.toFixed(3) : r.unit === 'rate' ? `${(abs * 100).toFixed(1)} pt` : abs < 1 ? `${abs.toFixed(3)} ms` : `${abs.toFixed(1)} ms`;
  return `${d >= 0 ? '+' : '−'}${body}`;
}

const clip = (v: unknown, n = 80) => {
  const s = v === undefined ? '(no answer)' : typeof v === 'string' ? v : JSON.stringify(v);
  const one = printable(s.replace(/\s+/g, ' '), { newlines: false });
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function renderComparisonMarkdown(c: Comparison): string {
  const icon = c.verdict === 'worse' ? '⚠️' : '✅';
  const lines = [`### ${icon} ${c.verdict_line}`, '', `| | ${c.a.name} | ${c.b.name} | Δ |`, '|---|---:|---:|---:|'];
  for (const r of c.rows) lines.push(`| ${r.metric} | ${fmt(r.a, r.unit)} | ${fmt(r.b, r.unit)} | ${fmtDelta(r)} |`);
  if (c.gates.length) {
    lines.push('', `| gate | limit | ${c.a.name} | |`, '|---|---:|---:|---|');
    for (const g of c.gates) lines.push(`| ${g.gate} | ${g.limit} | ${g.value === null ? '–' : Number(g.value.toFixed(4))} | ${g.pass ? '✅ pass' : `❌ ${mdCell(g.detail)}`} |`);
  }
  if (c.disagreements.total) {
    lines.push(
      '',
      `<details><summary>Cases where they disagree (${c.disagreements.shown.length} of ${c.disagreements.total})</summary>`,
      '',
      `| # | input | gold | ${c.a.name} | ${c.b.name} |`,
      '|---:|---|---|---|---|',
    );
    for (const d of c.disagreements.shown) {
      lines.push(`| ${d.index + 1} | ${mdCell(clip(d.input))} | ${mdCell(clip(d.reference, 40))} | ${mdCell(clip(d.a, 40))} ${d.a_s >= 1 ? '✅' : '❌'} | ${mdCell(clip(d.b, 40))} ${d.b_s >= 1 ? '✅' : '❌'} |`);
    }
    lines.push('', '</details>');
  }
  // Names and verdicts quote reports and endpoints: shown escaped, like every string not from kolm.
  return printable(`${lines.join('\n')}\n`);
}

export function renderComparisonText(c: Comparison): string {
  const table = [['', c.a.name, c.b.name, 'Δ'], ...c.rows.map((r) => [r.metric, fmt(r.a, r.unit), fmt(r.b, r.unit), fmtDelta(r)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const out = [c.verdict_line, '', ...table.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))];
  for (const g of c.gates) out.push(`gate ${g.gate}: ${g.pass ? 'pass' : 'FAIL'} (${g.detail})`);
  if (c.disagreements.total) {
    out.push('', `disagreements: ${c.disagreements.total} (showing ${c.disagreements.shown.length})`);
    for (const d of c.disagreements.shown) out.push(`  #${d.index + 1} ${clip(d.input, 60)}\n     gold ${clip(d.reference, 40)} · ${c.a.name} ${clip(d.a, 40)} · ${c.b.name} ${clip(d.b, 40)}`);
  }
  return printable(out.join('\n'));
}
