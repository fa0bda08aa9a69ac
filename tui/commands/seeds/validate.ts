import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { number } from '../../validators.ts';
import type { SeedsReport } from '../../../core/seeds/index.ts';
import type { Shape } from '../../../core/spec/index.ts';
import { KolmCommand } from '../../base-command.ts';
import { value } from '../../options.ts';
import { formatCount } from '../../render/units.ts';

export class SeedsValidateCommand extends KolmCommand {
  static override paths = [['seeds', 'validate']];
  static override usage = Command.Usage({
    category: 'Seeds',
    description: 'Check a seed JSONL file: shape, encoding, empty fields, with the line of every bad row',
    details: `
      Every line must be \`{"input": ..., "output": ...}\` of the spec's shape (\`--spec\`), or, without a spec,
      of the shape the first row implies. The file is streamed: any size validates in constant memory.

      Bad lines: empty lines (blank lines at the end of the file are fine), lines that are not JSON, not an
      object, missing "input" or "output", a value of the wrong type for the shape (the field is named), an
      empty or whitespace-only string, invalid UTF-8. Inside an object shape a single field may be null or
      empty, but not all of them. Keys other than input/output are warnings (ignored by compile). CRLF line
      ends and a leading BOM are fine. Every bad line is counted; the first \`--limit\` are listed.

      Exit 0 when every row is good, 1 otherwise. \`-\` reads standard input.
    `,
    examples: [
      ['Validate converted seeds', '$0 seeds validate out/train.jsonl'],
      ['Validate against a spec, as JSON', '$0 seeds validate out/train.jsonl --spec out/spec.json --json'],
    ],
  });

  file = Option.String({ name: 'file.jsonl' });
  spec = value('file', Option.String('--spec', { description: 'spec.json whose shape the rows must have' }));
  limit = value('n', Option.String('--limit', '50', {
    description: 'How many bad lines to list (all are counted)',
    validator: number({ integer: true, min: 0 }),
  }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const [{ formatShape, validateSeedsFile, validateSeedsStream }, { readSpecFile }] = await Promise.all([
      import('../../../core/seeds/index.ts'),
      import('../../../core/spec/index.ts'),
    ]);
    const describe = (report: SeedsReport) => describeShape(report, formatShape);
    const shape = this.spec ? (await readSpecFile(resolve(cwd, this.spec), this.spec)).shape : undefined;
    const limit = Number(this.limit);
    const options = { shape, limit, reporter: this.reporter() };
    const report =
      this.file === '-'
        ? await validateSeedsStream(this.context.stdin as AsyncIterable<Uint8Array | string>, '<stdin>', options)
        : await validateSeedsFile(resolve(cwd, this.file), options);

    if (this.json) {
      this.outJson({
        ok: report.ok,
        file: this.file,
        rows: report.rows,
        valid: report.valid,
        bad_count: report.badCount,
        bad: report.bad,
        truncated: report.badCount > report.bad.length,
        warnings: report.warnings,
        shape: report.shape,
        shape_source: report.shapeSource,
        bytes: report.bytes,
      });
      return report.ok ? 0 : 1;
    }
    for (const w of report.warnings) this.context.stderr.write(`warning: ${this.file}:${w.line}: ${w.reason}\n`);
    if (report.ok) {
      this.out(`ok. ${formatCount(report.rows)} row${report.rows === 1 ? '' : 's'}, shape ${describe(report)}`);
      return 0;
    }
    this.out(renderBad(this.file, report, describe));
    return 1;
  }
}

function describeShape(report: SeedsReport, formatShape: (s: Shape) => string): string {
  if (!report.shape) return '(none)';
  const text = `{input: ${formatShape(report.shape.input)}, output: ${formatShape(report.shape.output)}}`;
  return report.shapeSource === 'inferred' ? `${text} (inferred from the first row)` : text;
}

function renderBad(file: string, report: SeedsReport, describeShape: (r: SeedsReport) => string): string {
  const lines = report.bad.map((b) => `${file}:${b.line}${b.column !== undefined ? `:${b.column}` : ''}: ${b.reason}`);
  const hidden = report.badCount - report.bad.length;
  if (hidden > 0) lines.push(`and ${hidden} more`);
  lines.push(`${report.badCount} bad line${report.badCount === 1 ? '' : 's'} of ${formatCount(report.rows)} rows in ${file}; shape ${describeShape(report)}`);
  return lines.join('\n');
}
