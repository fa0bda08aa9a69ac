// Gates: the thresholds a report must meet (spec.gates, or --gates K_min=0.85,p50_ms_max=200). A missed
// gate says which and by how much; the faces turn any miss into exit 3 / a failed check.
import { KolmError } from '../errors.ts';
import type { Gates } from '../spec/index.ts';
import type { EvalReport, GateResult } from './report.ts';

const GATE_NAMES = ['K_min', 'pass_min', 'p50_ms_max', 'p95_ms_max'] as const;

/** "K_min=0.85,p50_ms_max=200" → Gates. */
export function parseGates(text: string): Gates {
  const gates: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_]+)\s*=\s*([0-9.eE+-]+)$/.exec(part);
    if (!m || !(GATE_NAMES as readonly string[]).includes(m[1]!) || !Number.isFinite(Number(m[2]))) {
      throw new KolmError('E_USAGE', `bad gate "${part}"`, { hint: `write NAME=NUMBER, comma-separated; names: ${GATE_NAMES.join(', ')}` });
    }
    gates[m[1]!] = Number(m[2]);
  }
  return gates as Gates;
}

const f3 = (x: number) => x.toFixed(3);

export function checkGates(report: Pick<EvalReport, 'K' | 'pass_rate' | 'latency_ms'>, gates: Gates | undefined): GateResult[] {
  const out: GateResult[] = [];
  if (!gates) return out;
  const min = (gate: string, label: string, value: number, limit: number) =>
    out.push({ gate, limit, value, pass: value >= limit, detail: value >= limit ? `${label} ${f3(value)} ≥ ${limit}` : `${label} ${f3(value)} is ${f3(limit - value)} under ${gate} ${limit}` });
  const max = (gate: string, label: string, value: number | undefined, limit: number) => {
    if (value === undefined) {
      out.push({ gate, limit, value: null, pass: false, detail: `${label} was not measured` });
      return;
    }
    out.push({ gate, limit, value, pass: value <= limit, detail: value <= limit ? `${label} ${value} ms ≤ ${limit}` : `${label} ${value} ms is ${f3(value - limit)} ms over ${gate} ${limit}` });
  };
  if (gates.K_min !== undefined) min('K_min', 'K', report.K, gates.K_min);
  if (gates.pass_min !== undefined) min('pass_min', 'pass rate', report.pass_rate, gates.pass_min);
  if (gates.p50_ms_max !== undefined) max('p50_ms_max', 'p50', report.latency_ms?.p50, gates.p50_ms_max);
  if (gates.p95_ms_max !== undefined) max('p95_ms_max', 'p95', report.latency_ms?.p95, gates.p95_ms_max);
  return out;
}

export function gateFailure(results: readonly GateResult[]): KolmError | null {
  const missed = results.filter((g) => !g.pass);
  if (missed.length === 0) return null;
  return new KolmError('E_GATE_FAILED', `gate${missed.length > 1 ? 's' : ''} failed: ${missed.map((g) => g.detail).join('; ')}`, {
    hint: 'improve the artifact (more data, a base model) or change the gates in the spec / --gates',
    details: { gates: results },
  });
}
