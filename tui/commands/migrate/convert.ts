// STUB: replaced by the ingestion work (owner: ingest helper).
import { KolmCommand } from '../../base-command.ts';
export class MigrateConvertCommand extends KolmCommand {
  static override paths = [['migrate', 'convert']];
  async run(): Promise<number> { return 1; }
}
