// STUB: replaced by the seeds validation work (owner: seeds helper).
import { KolmCommand } from '../../base-command.ts';
export class SeedsValidateCommand extends KolmCommand {
  static override paths = [['seeds', 'validate']];
  async run(): Promise<number> { return 1; }
}
