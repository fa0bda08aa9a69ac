// `kolm migrate spec`: translate a Ludwig config.yaml (+ PEFT adapter_config.json) into spec.json.
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmCommand } from '../../base-command.ts';
import { value } from '../../options.ts';
import { snakeKeys } from '../../render/json.ts';

export class MigrateSpecCommand extends KolmCommand {
  static override paths = [['migrate', 'spec']];
  static override usage = Command.Usage({
    category: 'Migrate',
    description: 'Translate a Ludwig config.yaml (and the PEFT adapter export) into spec.json',
    details: `
      Reads the Ludwig config from a Predibase export (LLM fine-tunes and ECD text classifiers) and writes
      spec.json version 1: base model, LoRA settings, training hyperparameters, prompt template, generation
      settings, quantization. With \`--adapter\`, the PEFT \`adapter_config.json\` fills the base model, rank,
      alpha and target modules, and every value that disagrees with the config is reported.

      Items carried with loss (backend, hyperopt, encoder settings, …) are printed as warnings. Items that
      cannot be carried (image/audio/timeseries/vector/h3/date/bag/set features, combiners, non-LoRA adapters,
      preference training, retrieval prompts) fail the run, all listed with their place in the YAML.

      The spec has no gates: add them (\`"gates": {"K_min": 0.85}\`) before \`kolm compile\`.
    `,
    examples: [
      ['Translate an export', '$0 migrate spec --config predibase-export/config.yaml --out spec.json'],
      [
        'Include the adapter export (fills base, rank, alpha; cross-checks the config)',
        '$0 migrate spec --config predibase-export/config.yaml --adapter predibase-adapter/ --out spec.json',
      ],
      ['Print spec, input mapping and warnings as JSON', '$0 migrate spec --config config.yaml --out spec.json --json'],
    ],
  });

  config = value('file', Option.String('--config', { required: true, description: 'Ludwig config.yaml (or the folder holding it)' }));
  adapter = value('path', Option.String('--adapter', { description: 'PEFT adapter folder or its adapter_config.json' }));
  output = value('file', Option.String('--out', { required: true, description: 'Where to write spec.json' }));
  name = value('name', Option.String('--name', { description: 'spec name (default: the export folder name)' }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const out = resolve(cwd, this.output);
    const [{ writeFileAtomic }, { translateLudwigFiles }] = await Promise.all([import('../../../core/fs/atomic.ts'), import('../../../core/ludwig/index.ts')]);
    const result = await translateLudwigFiles({
      config: resolve(cwd, this.config),
      adapter: this.adapter ? resolve(cwd, this.adapter) : undefined,
      name: this.name,
    });
    await writeFileAtomic(out, `${JSON.stringify(result.spec, null, 2)}\n`);

    if (this.json) {
      this.outJson(snakeKeys({ ok: true, spec: result.spec, mapping: result.mapping, warnings: result.warnings }));
      return 0;
    }
    for (const w of result.warnings) this.context.stderr.write(`warning: ${w}\n`);
    const { spec, mapping } = result;
    const train = spec.train;
    const lines = [
      `wrote ${this.output}`,
      `  name:    ${spec.name ?? '(none)'}`,
      `  task:    ${spec.task}`,
      `  base:    ${spec.base ? `${spec.base}${spec.base_revision ? `@${spec.base_revision}` : ''}` : '(none: recipes only)'}`,
      `  adapter: ${train ? `LoRA r ${train.rank}, alpha ${train.alpha}${train.target_modules ? `, ${[train.target_modules].flat().join(',')}` : ''}; ${train.epochs} epochs, lr ${train.learning_rate}` : '(none)'}`,
      `  input:   ${mapping.inputColumns.length === 1 ? `column ${mapping.inputColumns[0]} (a string)` : `columns ${mapping.inputColumns.join(', ')} (an object)`}${mapping.template ? ', rendered with the prompt template' : ''}`,
      `  output:  column ${mapping.outputColumn}`,
      ...(mapping.split ? [`  split:   ${mapping.split.type === 'fixed' ? `fixed, column ${mapping.split.column}` : `random ${mapping.split.probabilities.join('/')}, seed ${mapping.split.seed}`}`] : []),
      ...(result.warnings.length ? [`  ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (above)`] : []),
      'next: add gates to the spec, then `kolm migrate convert` the data and `kolm compile`',
    ];
    this.out(lines.join('\n'));
    return 0;
  }
}
