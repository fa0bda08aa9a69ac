// `kolm compare a.json b.json`: the delta table of two eval reports (kolm vs Predibase), as text, JSON or
// the GitHub Markdown the Action posts as its PR comment.
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { snakeKeys } from '../render/json.ts';

export class CompareCommand extends KolmCommand {
  static override paths = [['compare']];
  static override usage = Command.Usage({
    category: 'Evaluate',
    description: 'Compare two eval reports (kolm vs Predibase) side by side',
    details: `
      Reads two reports written by \`kolm eval --out\` (or by an A/B) and prints K, pass rate and latency
      side by side with the deltas, a verdict from the paired per-case differences (better / worse / on par
      at 95 %), the cases where they disagree and the gates. --markdown writes the GitHub-flavoured
      Markdown the Action posts on pull requests.
    `,
    examples: [
      ['Compare kolm with the Predibase run', '$0 compare kolm-eval.json predibase-eval.json'],
      ['Write the PR comment body', '$0 compare kolm-eval.json predibase-eval.json --markdown comment.md'],
    ],
  });

  a = Option.String({ required: true, name: 'a.json' });
  b = Option.String({ required: true, name: 'b.json' });
  markdown = value('file', Option.String('--markdown', { description: 'Write the comparison as GitHub Markdown to this file (- for stdout)' }));

  async run(): Promise<number> {
    const [{ compareReports, readEvalReport, renderComparisonMarkdown, renderComparisonText }, { writeFileAtomic }] = await Promise.all([
      import('../../core/eval/index.ts'),
      import('../../core/fs/atomic.ts'),
    ]);
    const [a, b] = await Promise.all([readEvalReport(resolve(this.context.cwd, this.a)), readEvalReport(resolve(this.context.cwd, this.b))]);
    const comparison = compareReports(a, b);
    if (this.markdown === '-') this.out(renderComparisonMarkdown(comparison));
    else if (this.markdown) await writeFileAtomic(resolve(this.context.cwd, this.markdown), renderComparisonMarkdown(comparison));
    if (this.json) this.outJson(snakeKeys(comparison));
    else if (this.markdown !== '-') this.out(renderComparisonText(comparison));
    return 0;
  }
}
