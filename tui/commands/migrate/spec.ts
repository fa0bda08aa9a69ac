// STUB: replaced by the Ludwig translation work (owner: ludwig helper).
import { KolmCommand } from '../../base-command.ts';
export class MigrateSpecCommand extends KolmCommand {
  static override paths = [['migrate', 'spec']];
  async run(): Promise<number> { return 1; }
}
