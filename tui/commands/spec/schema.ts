import { Command } from 'clipanion';
import { KolmCommand } from '../../base-command.ts';

export class SpecSchemaCommand extends KolmCommand {
  static override paths = [['spec', 'schema']];
  static override usage = Command.Usage({
    category: 'Spec',
    description: 'Print the JSON Schema of spec.json (version 1)',
    details: 'Use it in your editor (`"$schema"`) or CI to validate a spec before `kolm compile`.',
    examples: [['Write the schema to a file', '$0 spec schema > spec.schema.json']],
  });

  async run(): Promise<number> {
    const { specJsonSchema } = await import('../../../core/spec/index.ts');
    this.outJson(specJsonSchema());
    return 0;
  }
}
