// Request metrics for GET /metrics: Prometheus text (exposition format 0.0.4), or LoRAX's JSON form
// (`?format=json` / `Accept: application/json`, lorax-api.md §5). kolm_* series carry route and artifact
// labels; the lorax_* series mirror what LoRAX dashboards read, for the generate routes only.

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

class Histogram {
  readonly counts = new Array<number>(BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(v: number): void {
    for (let i = 0; i < BUCKETS.length; i++) if (v <= BUCKETS[i]!) this.counts[i]!++;
    this.sum += v;
    this.count++;
  }
}

type Labels = Record<string, string>;

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const NO_LABELS: Labels = {};

function labelText(labels: Labels): string {
  if (labels === NO_LABELS) return '';
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k]!)}"`).join(',')}}`;
}

interface Family<T> {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  series: Map<string, { labels: Labels; value: T }>;
}

export interface RequestObservation {
  route: string;
  /** The artifact that answered, or "" when none was chosen. */
  artifact: string;
  status: number;
  /** LoRAX error_type when the request failed. */
  errorType?: string;
  seconds: number;
  /** A generate route (counted in the lorax_* series). */
  generate: boolean;
  generatedTokens?: number;
}

export class Metrics {
  private readonly counters = new Map<string, Family<number>>();
  private readonly histograms = new Map<string, Family<Histogram>>();
  private readonly gauges = new Map<string, Family<() => number>>();

  private counter(name: string, help: string, labels: Labels, by = 1): void {
    let f = this.counters.get(name);
    if (!f) this.counters.set(name, (f = { help, type: 'counter', series: new Map() }));
    const key = labelText(labels);
    const s = f.series.get(key);
    if (s) s.value += by;
    else f.series.set(key, { labels, value: by });
  }

  private histogram(name: string, help: string, labels: Labels, v: number): void {
    let f = this.histograms.get(name);
    if (!f) this.histograms.set(name, (f = { help, type: 'histogram', series: new Map() }));
    const key = labelText(labels);
    let s = f.series.get(key);
    if (!s) f.series.set(key, (s = { labels, value: new Histogram() }));
    if (!Number.isNaN(v)) s.value.observe(v);
  }

  /** A gauge read when scraped (in-flight requests, loaded artifacts). */
  gauge(name: string, help: string, labels: Labels, read: () => number): void {
    let f = this.gauges.get(name);
    if (!f) this.gauges.set(name, (f = { help, type: 'gauge', series: new Map() }));
    f.series.set(labelText(labels), { labels, value: read });
  }

  removeGauges(name: string): void {
    this.gauges.get(name)?.series.clear();
  }

  // The two series every request touches, found by one string key (building label text per request costs).
  private readonly hot = new Map<string, { count: { value: number }; duration: Histogram }>();

  observe(o: RequestObservation): void {
    const key = `${o.route}\u0000${o.artifact}\u0000${o.status}`;
    let hot = this.hot.get(key);
    if (!hot) {
      const status = String(o.status);
      this.counter('kolm_requests_total', 'Requests answered, by route, artifact and status', { route: o.route, artifact: o.artifact, status }, 0);
      this.histogram('kolm_request_duration_seconds', 'Time from request start to response end', { route: o.route, artifact: o.artifact }, NaN);
      hot = {
        count: this.counters.get('kolm_requests_total')!.series.get(labelText({ route: o.route, artifact: o.artifact, status }))!,
        duration: this.histograms.get('kolm_request_duration_seconds')!.series.get(labelText({ route: o.route, artifact: o.artifact }))!.value,
      };
      this.hot.set(key, hot);
    }
    hot.count.value++;
    hot.duration.observe(o.seconds);
    if (o.errorType) {
      this.counter('kolm_request_errors_total', 'Failed requests, by error type', { route: o.route, artifact: o.artifact, error_type: o.errorType });
    }
    if (!o.generate) return;
    this.counter('lorax_request_count', 'Generate requests (LoRAX name)', NO_LABELS);
    if (o.errorType) this.counter('lorax_request_failure', 'Failed generate requests (LoRAX name)', { err: o.errorType });
    else {
      this.counter('lorax_request_success', 'Successful generate requests (LoRAX name)', NO_LABELS);
      this.histogram('lorax_request_duration', 'Generate request duration in seconds (LoRAX name)', NO_LABELS, o.seconds);
      if (o.generatedTokens !== undefined) {
        this.counter('kolm_generated_tokens_total', 'Pseudo-tokens generated', { artifact: o.artifact }, o.generatedTokens);
      }
    }
  }

  /** A cascade's answer, by the path that gave it (local: the recipe; fallback: its endpoint or artifact). */
  cascadeAnswer(artifact: string, path: 'local' | 'fallback'): void {
    this.counter('kolm_cascade_answers_total', 'Cascade answers, by the path that gave them', { artifact, path });
  }

  /** A case the cascade's fallback failed: the request failed (policy error), or the recipe answered (local). */
  fallbackError(artifact: string, policy: 'error' | 'local'): void {
    this.counter('kolm_cascade_fallback_errors_total', 'Cases the cascade fallback failed, by what happened then', { artifact, policy });
  }

  /** An answer replaced under --abstain-below. */
  abstained(artifact: string): void {
    this.counter('kolm_abstained_total', 'Answers replaced by the abstain output (confidence under --abstain-below)', { artifact });
  }

  /** A reload of an artifact replaced on disk (`--watch`). */
  reload(artifact: string, ok: boolean): void {
    this.counter('kolm_artifact_reloads_total', 'Artifact reloads by result', { artifact, result: ok ? 'ok' : 'failed' });
  }

  /** Prometheus text format. */
  text(): string {
    const lines: string[] = [];
    for (const [name, f] of this.counters) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} counter`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value}`);
    }
    for (const [name, f] of this.gauges) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} gauge`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value()}`);
    }
    for (const [name, f] of this.histograms) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} histogram`);
      for (const s of f.series.values()) {
        BUCKETS.forEach((b, i) => lines.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.value.counts[i]}`));
        lines.push(`${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.value.count}`);
        lines.push(`${name}_sum${labelText(s.labels)} ${s.value.sum}`);
        lines.push(`${name}_count${labelText(s.labels)} ${s.value.count}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  /** LoRAX's JSON form: `{"<metric>": {"type", "data": [{"key", "value"}]}}`. */
  json(): Record<string, { type: string; data: { key: string; value: number }[] }> {
    const out: Record<string, { type: string; data: { key: string; value: number }[] }> = {};
    for (const [name, f] of this.counters) out[name] = { type: 'counter', data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value })) };
    for (const [name, f] of this.gauges) out[name] = { type: 'gauge', data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value() })) };
    for (const [name, f] of this.histograms) {
      const data: { key: string; value: number }[] = [];
      for (const [k, s] of f.series) {
        data.push({ key: k ? `sum${k}` : 'sum', value: s.value.sum }, { key: k ? `count${k}` : 'count', value: s.value.count });
      }
      out[name] = { type: 'histogram', data };
    }
    return out;
  }
}
