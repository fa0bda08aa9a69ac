// `kolm eval`: score an artifact on held-out cases (K with its interval, pass rate, latency, breakdowns,
// worst cases), check gates (exit 3 on a miss), and optionally A/B it against the old LoRAX/Predibase
// endpoint on the same cases.
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { writeFileAtomic } from '../../core/fs/atomic.ts';
import { checkGates, evaluatePredictor, gateFailure, parseGates, type EvalReport } from '../../core/eval/index.ts';
import { createScorer, labelSet } from '../../core/kscore/index.ts';
import { loadArtifact } from '../../core/runtime/index.ts';
import { readExamples } from '../../core/seeds/index.ts';
import { KolmCommand } from '../base-command.ts';
import { renderEvalReport } from '../render/eval.ts';

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
    `,
    examples: [
      ['Score on the validation split', '$0 eval my.kolm --examples migrated/validation.jsonl'],
      ['Gate it in CI and keep the JSON', '$0 eval my.kolm --examples validation.jsonl --gates K_min=0.85,p50_ms_max=5 --out kolm-eval.json'],
    ],
  });

  artifact = Option.String({ required: true, name: 'artifact.kolm' });
  examples = Option.String('--examples', { required: true, description: 'Cases to score (JSONL of {input, output})' });
  gates = Option.String('--gates', { description: 'Override the spec gates, e.g. K_min=0.85,p50_ms_max=200' });
  output = Option.String('--out', { description: 'Also write the report as JSON to this file' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const artifactPath = resolve(cwd, this.artifact);
    const { contents, predictor } = await loadArtifact(artifactPath);
    const { manifest } = contents;
    const cases = await readExamples(resolve(cwd, this.examples), manifest.spec.shape);
    const reporter = this.reporter();
    const kind = manifest.output_kind;
    const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(cases.examples.map((e) => e.output)) : undefined });
    let report: EvalReport;
    try {
      report = await evaluatePredictor(predictor, cases.examples, scorer, { system: { name: 'kolm', artifact: artifactPath }, reporter });
    } finally {
      await predictor.close?.();
    }
    report.gates = checkGates(report, this.gates ? parseGates(this.gates) : manifest.spec.gates);
    if (this.output) await writeFileAtomic(resolve(cwd, this.output), `${JSON.stringify(report, null, 2)}\n`);
    if (this.json) this.outJson(report);
    else this.out(renderEvalReport(report));
    const failure = gateFailure(report.gates);
    if (failure) {
      this.context.stderr.write(`${failure.message}\n`);
      return 3;
    }
    return 0;
  }
}
