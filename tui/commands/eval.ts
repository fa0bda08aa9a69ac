// `kolm eval`: score an artifact on held-out cases (K with its interval, pass rate, latency, breakdowns,
// worst cases), check gates (exit 3 on a miss), and optionally A/B it against the old LoRAX/Predibase
// endpoint on the same cases.
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { number } from '../validators.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { snakeKeys } from '../render/json.ts';
import { adapterFlags, adapterOptionsFrom } from '../adapter-flags.ts';
import { abstainPolicyFrom, runtimeFlags, runtimeOptionsFrom } from '../runtime-flags.ts';

export class EvalCommand extends KolmCommand {
  static override paths = [['eval']];
  static override usage = Command.Usage({
    category: 'Evaluate',
    description: 'Score a .kolm on held-out cases, check gates, A/B against Predibase',
    details: `
      Scores every case with K-score version 1 (the output kind comes from the artifact), and reports K
      with its 95 % interval, the pass rate, p50/p95/p99 latency of single in-process calls, a breakdown
      by label (precision, recall, the costliest confusions) or by JSON field, and the 10 worst cases.

      Gates default to the artifact's spec; --gates overrides them. A missed gate exits 3 and says which
      and by how much. --out writes the report as JSON (the input of \`kolm compare\`).

      --against URL sends the same cases to the old endpoint: a LoRAX server (http://host:8080) or a
      Predibase deployment URL. Inputs are rendered through the spec's prompt template; adapter id,
      max_new_tokens and temperature come from the flags or the spec. The token is read from
      PREDIBASE_API_TOKEN (or --token) and never printed, logged or cached. Requests are bounded
      (--concurrency), timed out (--timeout) and retried with backoff on 429/5xx/dropped connections.
      Results stream to a cache file (--cache, default next to --out), so an interrupted A/B resumes
      where it stopped. Both sides are scored the same way and printed side by side.

      When the artifact gives confidences, the report says how well they predict K (ECE) and a few points
      of the coverage curve: the share of cases answered at a confidence threshold, and K on them; that is
      what \`--abstain-below T\` keeps (given here, it is applied to the cases scored). A cascade artifact's
      report also splits the cases between the recipe and its fallback: K and latency on each path, and
      the requests the fallback no longer sees.
    `,
    examples: [
      ['Score on the validation split', '$0 eval my.kolm --examples migrated/validation.jsonl'],
      ['Gate it in CI and keep the JSON', '$0 eval my.kolm --examples validation.jsonl --gates K_min=0.85,p50_ms_max=5 --out kolm-eval.json'],
      ['A/B against the Predibase deployment', 'PREDIBASE_API_TOKEN=... $0 eval my.kolm --examples validation.jsonl --against https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT --adapter-id my-adapter/3 --out kolm-eval.json --markdown comment.md'],
    ],
  });

  artifact = Option.String({ required: true, name: 'artifact.kolm' });
  examples = value('file', Option.String('--examples', { required: true, description: 'Cases to score (JSONL of {input, output})' }));
  gates = value('gates', Option.String('--gates', { description: 'Override the spec gates, e.g. K_min=0.85,p50_ms_max=200' }));
  output = value('file', Option.String('--out', { description: 'Also write the report as JSON to this file' }));
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();
  against = value('url', Option.String('--against', { description: 'LoRAX or Predibase endpoint URL to A/B against' }));
  adapterId = value('id', Option.String('--adapter-id', { description: 'parameters.adapter_id for the remote endpoint' }));
  token = value('token', Option.String('--token', { description: 'Bearer token for the endpoint (default: $PREDIBASE_API_TOKEN)' }));
  maxNewTokens = value('n', Option.String('--max-new-tokens', { description: 'Remote max_new_tokens (default: the spec)', validator: number() }));
  temperature = value('t', Option.String('--temperature', { description: 'Remote temperature (default: the spec; 0 = greedy)', validator: number() }));
  concurrency = value('n', Option.String('--concurrency', '4', { description: 'Remote requests in flight', validator: number() }));
  timeout = value('seconds', Option.String('--timeout', '60', { description: 'Seconds per remote request', validator: number() }));
  retries = value('n', Option.String('--retries', '4', { description: 'Retries per case on 429/5xx/dropped connections', validator: number() }));
  cache = value('file', Option.String('--cache', { description: 'Resume cache for the remote results (JSONL)' }));
  remoteOut = value('file', Option.String('--remote-out', { description: 'Write the remote side\'s report as JSON to this file' }));
  markdown = value('file', Option.String('--markdown', { description: 'Write the kolm vs remote comparison as GitHub Markdown' }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const [{ writeFileAtomic }, { evaluateArtifactFile, gateFailure, parseGates, renderComparisonMarkdown, renderComparisonText }, { renderEvalReport }] = await Promise.all([
      import('../../core/fs/atomic.ts'),
      import('../../core/eval/index.ts'),
      import('../render/eval.ts'),
    ]);
    const artifactPath = resolve(cwd, this.artifact);
    const abstain = await abstainPolicyFrom(this);
    const runtime = await runtimeOptionsFrom(this, this.context);
    const token = this.token ?? this.context.env.PREDIBASE_API_TOKEN;
    const cachePath = this.cache
      ? resolve(cwd, this.cache)
      : this.output
        ? resolve(cwd, `${this.output.replace(/\.json$/, '')}.remote-cache.jsonl`)
        : undefined;
    const result = await evaluateArtifactFile({
      artifactPath,
      load: { adapter: adapterOptionsFrom(this, this.context), ...runtime },
      ...(abstain ? { abstain } : {}),
      examplesPath: resolve(cwd, this.examples),
      gates: this.gates ? parseGates(this.gates) : undefined,
      reporter: this.reporter(),
      // Saved before the A/B starts, so an interrupted A/B still leaves the local report.
      onLocalReport: async (report) => {
        if (this.output) await writeFileAtomic(resolve(cwd, this.output), `${JSON.stringify(report, null, 2)}\n`);
      },
      ...(this.against
        ? {
            remote: {
              url: this.against,
              adapterId: this.adapterId,
              token,
              maxNewTokens: this.maxNewTokens,
              temperature: this.temperature,
              concurrency: this.concurrency,
              timeoutMs: this.timeout * 1000,
              retries: this.retries,
              cachePath,
            },
          }
        : {}),
    });
    const { kolm: report, remote, comparison } = result;

    if (remote && comparison) {
      if (this.remoteOut) await writeFileAtomic(resolve(cwd, this.remoteOut), `${JSON.stringify(remote, null, 2)}\n`);
      if (this.markdown) await writeFileAtomic(resolve(cwd, this.markdown), renderComparisonMarkdown(comparison));
      if (this.json) this.outJson({ kolm: report, remote, comparison: snakeKeys(comparison) });
      else this.out(`${renderEvalReport(report)}\n\n${renderEvalReport(remote)}\n\n${renderComparisonText(comparison)}`);
    } else if (this.json) this.outJson(report);
    else this.out(renderEvalReport(report));
    const failure = gateFailure(report.gates ?? []);
    if (failure) {
      this.context.stderr.write(`${failure.message}\n`);
      return 3;
    }
    return 0;
  }
}
