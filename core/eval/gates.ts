// Gates: the thresholds a result must meet (spec.gates, or --gates K_min=0.85,p50_ms_max=200). The one
// checker: eval reports, the Action and compile's candidate table all judge through checkGates, so a gate
// means the same everywhere. A missed gate says which and by how much; the faces turn any miss into
// exit 3 / a failed check, compile into "below gate".
import { KolmError } from '../errors.ts';
import type { Gates } from '../spec/index.ts';
import type { GateResult } from './report.ts';

type GateName = keyof Gates;

/** Each gate: what it reads, how the figure is named, and whether the limit is a floor or a ceiling. */
const GATES: readonly { gate: GateName; label: string; short: string; bound: 'min' | 'max'; read: (m: Measured) => number | undefined }[] = [
  { gate: 'K_min', label: 'K', short: 'K', bound: 'min', read: (m) => m.K },
  { gate: 'pass_min', label: 'pass rate', short: 'pass', bound: 'min', read: (m) => m.pass_rate },
  { gate: 'p50_ms_max', label: 'p50', short: 'p50', bound: 'max', read: (m) => m.latency_ms?.p50 },
  { gate: 'p95_ms_max', label: 'p95', short: 'p95', bound: 'max', read: (m) => m.latency_ms?.p95 },
];

const GATE_NAMES = GATES.map((g) => g.gate);

/** What gates are checked against: an eval report, or compile's figures on its validation folds. */
export interface Measured {
  K: number;
  pass_rate: number;
  /** Absent or null when latency was not measured; a latency gate then fails ("was not measured"). */
  latency_ms?: { p50?: number; p95?: number } | null;
}

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

/** One result per gate that is set, in the order K_min, pass_min, p50_ms_max, p95_ms_max. */
export function checkGates(measured: Measured, gates: Gates | undefined): GateResult[] {
  if (!gates) return [];
  const out: GateResult[] = [];
  for (const { gate, label, bound, read } of GATES) {
    const limit = gates[gate];
    if (limit === undefined) continue;
    const value = read(measured);
    if (value === undefined) {
      out.push({ gate, limit, value: null, pass: false, detail: `${label} was not measured` });
    } else if (bound === 'min') {
      const pass = value >= limit;
      out.push({ gate, limit, value, pass, detail: pass ? `${label} ${f3(value)} ≥ ${limit}` : `${label} ${f3(value)} is ${f3(limit - value)} under ${gate} ${limit}` });
    } else {
      const pass = value <= limit;
      out.push({ gate, limit, value, pass, detail: pass ? `${label} ${value} ms ≤ ${limit}` : `${label} ${value} ms is ${f3(value - limit)} ms over ${gate} ${limit}` });
    }
  }
  return out;
}

/** The first missed gate, tersely ("K 0.812 < K_min 0.85"), for compile's candidate table; null when all pass. */
export function firstMissedGate(results: readonly GateResult[]): string | null {
  const g = results.find((r) => !r.pass);
  if (!g) return null;
  const { short, bound } = GATES.find((d) => d.gate === g.gate)!;
  if (g.value === null) return `${short} not measured (${g.gate} ${g.limit})`;
  return bound === 'min' ? `${short} ${f3(g.value)} < ${g.gate} ${g.limit}` : `${short} ${g.value.toFixed(2)} ms > ${g.gate} ${g.limit}`;
}

export function gateFailure(results: readonly GateResult[]): KolmError | null {
  const missed = results.filter((g) => !g.pass);
  if (missed.length === 0) return null;
  return new KolmError('E_GATE_FAILED', `gate${missed.length > 1 ? 's' : ''} failed: ${missed.map((g) => g.detail).join('; ')}`, {
    hint: 'improve the artifact (more data, a base model) or change the gates in the spec / --gates',
    details: { gates: results },
  });
}
