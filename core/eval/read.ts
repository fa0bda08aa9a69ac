// Reading an eval report back from disk (`kolm compare`, the Action's baseline): one reader, so a file that
// is missing, unreadable or not a report fails with the same code on every face.
import { KolmError } from '../errors.ts';
import { readUserText } from '../fs/read.ts';
import { EVAL_REPORT_VERSION, type EvalReport } from './report.ts';

const HINT = 'give an eval.json an earlier run wrote (`kolm eval ... --out report.json`, or the Action\'s OUT/eval.json)';

/** The eval report at `path`; `shown` is how messages name it. Missing: E_PATH_NOT_FOUND; not a report: E_BAD_INPUT. */
export async function readEvalReport(path: string, shown: string = path): Promise<EvalReport> {
  const text = await readUserText(path, { shown, hint: HINT, missing: `cannot read eval report ${shown}: it does not exist` });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError('E_BAD_INPUT', `${shown} is not a kolm eval report (version ${EVAL_REPORT_VERSION}): ${(err as Error).message}`, { hint: HINT, place: { file: shown } });
  }
  const r = value as Partial<EvalReport> | null;
  if (r?.version !== EVAL_REPORT_VERSION || typeof r.K !== 'number' || !Array.isArray(r.results)) {
    throw new KolmError('E_BAD_INPUT', `${shown} is not a kolm eval report (version ${EVAL_REPORT_VERSION})`, { hint: HINT, place: { file: shown } });
  }
  return r as EvalReport;
}
