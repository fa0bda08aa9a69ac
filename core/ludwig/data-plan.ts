// The data plan of a Ludwig config: how ingestion splits and samples the dataset (preprocessing.split,
// its legacy forms, sample_ratio / sample_size), with Ludwig's seed, and the preprocessing keys not carried.
import { sanitizeColumnName } from '../prompt/index.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import type { SamplingPlan, SplitPlan } from './types.ts';
import type { YamlPath } from './yaml.ts';

/** Ludwig's seed for sampling and random splits (utils/defaults.py default_random_seed). */
const LUDWIG_SEED = 42;

/** Split and sampling settings for ingestion (ludwig-peft.md §1.8, §3). */
export function readDataPlan(ctx: LocatedReader, root: Obj): { split?: SplitPlan; sampling?: SamplingPlan } {
  const p = root.preprocessing;
  if (p === undefined || p === null) return {};
  if (!isObj(p)) throw ctx.error(['preprocessing'], 'must be a mapping', 'write preprocessing: {split: {type: fixed}}');
  const at = (...k: (string | number)[]): YamlPath => ['preprocessing', ...k];
  const out: { split?: SplitPlan; sampling?: SamplingPlan } = {};

  const probs = (path: YamlPath, v: unknown): [number, number, number] => {
    if (!Array.isArray(v) || v.length !== 3) throw ctx.error(path, 'must be three numbers [train, validation, test]', 'write probabilities: [0.7, 0.1, 0.2]');
    const nums = v.map((x, i) => ctx.num([...path, i], x, { min: 0, max: 1 })) as [number, number, number];
    if (Math.abs(nums[0] + nums[1] + nums[2] - 1) > 1e-6) throw ctx.error(path, `must sum to 1, got ${nums.join(' + ')}`, 'make the three probabilities sum to 1');
    return nums;
  };

  // Legacy (pre-0.5) split keys, upgraded the way Ludwig's backward_compatibility does.
  let split = p.split;
  let splitPath = at('split');
  if ((split === undefined || split === null) && p.split_probabilities !== undefined) {
    split = { type: 'random', probabilities: p.split_probabilities };
    splitPath = at('split_probabilities');
  }
  if ((split === undefined || split === null) && typeof p.stratify === 'string') {
    split = { type: 'stratify', column: p.stratify };
    splitPath = at('stratify');
  }
  if ((split === undefined || split === null) && p.force_split !== undefined) {
    split = { type: 'random' };
    splitPath = at('force_split');
  }
  if (split !== undefined && split !== null) {
    if (!isObj(split)) throw ctx.error(splitPath, 'must be a mapping', 'write split: {type: fixed, column: split}');
    const type = split.type ?? 'random';
    const sp = (k: string): YamlPath => (splitPath === at('split') ? [...splitPath, k] : splitPath);
    if (type === 'fixed') {
      const column = split.column === undefined || split.column === null ? 'split' : ctx.str(sp('column'), split.column);
      out.split = { type: 'fixed', column: sanitizeColumnName(column) };
    } else if (type === 'random') {
      out.split = { type: 'random', probabilities: split.probabilities === undefined ? [0.7, 0.1, 0.2] : probs(sp('probabilities'), split.probabilities), seed: LUDWIG_SEED };
    } else if (type === 'stratify' || type === 'datetime' || type === 'hash') {
      const probabilities = split.probabilities === undefined ? ([0.7, 0.1, 0.2] as [number, number, number]) : probs(sp('probabilities'), split.probabilities);
      out.split = { type: 'random', probabilities, seed: LUDWIG_SEED };
      ctx.warn(splitPath, `a ${String(type)} split${split.column ? ` on ${String(split.column)}` : ''} becomes a seeded random split with the same probabilities (${probabilities.join('/')}); the rows in each split will differ`);
    } else {
      throw ctx.error(sp('type'), `unknown split type ${JSON.stringify(type)}`, 'use fixed, random, stratify, datetime or hash');
    }
  }

  const ratio = p.sample_ratio === undefined || p.sample_ratio === null ? 1 : ctx.num(at('sample_ratio'), p.sample_ratio, { gt: 0, max: 1 });
  const size = p.sample_size === undefined || p.sample_size === null ? undefined : ctx.num(at('sample_size'), p.sample_size, { int: true, gt: 0 });
  if (size !== undefined && ratio < 1) {
    throw ctx.error(at('sample_size'), 'cannot be used together with sample_ratio < 1 (Ludwig rejects it)', 'keep one of sample_ratio and sample_size');
  }
  if (ratio < 1 || size !== undefined) out.sampling = { ...(ratio < 1 ? { ratio } : {}), ...(size !== undefined ? { size } : {}), seed: LUDWIG_SEED };

  for (const k of ['oversample_minority', 'undersample_majority'] as const) {
    if (p[k] !== undefined && p[k] !== null) ctx.warn(at(k), `not carried (${JSON.stringify(p[k])}): kolm trains on the rows as they are; rebalance the data first if it matters`);
  }
  if (p.global_max_sequence_length !== undefined && p.global_max_sequence_length !== null) {
    ctx.warn(at('global_max_sequence_length'), `not carried (${String(p.global_max_sequence_length)}): examples are not truncated`);
  }
  const handled = new Set(['split', 'split_probabilities', 'stratify', 'force_split', 'sample_ratio', 'sample_size', 'oversample_minority', 'undersample_majority', 'global_max_sequence_length', 'random_seed']);
  for (const k of Object.keys(p)) {
    if (handled.has(k) || p[k] === null || p[k] === undefined) continue;
    ctx.warn(at(k), 'not carried');
  }
  if (p.random_seed !== undefined && p.random_seed !== 42) {
    ctx.warn(at('random_seed'), `not carried: sampling and random splits use seed 42 (Ludwig's default), so rows may differ from Ludwig's ${String(p.random_seed)}`);
  }
  return out;
}
