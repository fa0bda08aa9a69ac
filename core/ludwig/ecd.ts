// The ECD route: a Ludwig ECD config (encoders over columns, a combiner, one output head) becomes a spec
// that reads the columns as text and generates the output as text; what that loses is warned by name.
import { KolmError } from '../errors.ts';
import { readDataPlan } from './data-plan.ts';
import { featureWarnings, type Feature } from './features.ts';
import type { LocatedReader, Obj } from './located.ts';
import { objectShape, specName, type Draft, type TranslateOptions } from './spec-draft.ts';

const ECD_TEXTUALIZED_INPUTS: Record<string, string> = {
  category: 'the category value becomes text in the input',
  number: 'the number becomes text in the input',
  binary: 'the true/false value becomes text in the input',
  sequence: 'the token sequence becomes text in the input',
};

export function translateEcd(ctx: LocatedReader, root: Obj, inputs: Feature[], outputs: Feature[], options: TranslateOptions): Draft {
  if (options.adapter) {
    throw new KolmError('E_BAD_CONFIG', `${ctx.y.file} is an ECD config (no model_type: llm), but an adapter was given`, {
      hint: 'an adapter export belongs to an LLM fine-tune: pass that config, or drop --adapter',
      place: { file: ctx.y.file, path: 'model_type' },
    });
  }
  const output = outputs[0]!;
  const seen = new Set<string>();
  for (const f of inputs) {
    if (f.type !== 'text') ctx.warn(f.path, `carried with loss: ${ECD_TEXTUALIZED_INPUTS[f.type] ?? 'the value becomes text'}, where Ludwig encoded it as ${f.type}`);
    if (seen.has(f.column)) throw ctx.error(f.path, `column ${f.column} is read by two input features`, 'keep one feature per column');
    seen.add(f.column);
  }
  if (seen.has(output.column)) throw ctx.error(output.path, `the output column ${output.column} is also an input`, 'an output column cannot be an input too');
  let outputKind: 'label' | 'number' | undefined;
  if (output.type === 'category') outputKind = 'label';
  else if (output.type === 'binary') {
    outputKind = 'label';
    ctx.warn(output.path, 'carried as a label: the target is the cell text as written ("true"/"false", "1"/"0", "yes"/"no")');
  } else if (output.type === 'number') {
    outputKind = 'number';
    ctx.warn(output.path, 'carried with loss: regression becomes generating the number as text; metrics change');
  } else if (output.type === 'sequence') {
    ctx.warn(output.path, 'carried with loss: the token sequence is generated as text');
  }
  if (root.combiner !== undefined && root.combiner !== null) ctx.warn(['combiner'], 'dropped (concat): it joins encoded features; kolm reads the columns directly');
  if (root.trainer !== undefined && root.trainer !== null) ctx.warn(['trainer'], 'dropped: ECD training settings do not apply; kolm compiles a recipe (or add a base model to the spec to train an adapter)');

  const inputColumns = inputs.map((f) => f.column);
  const spec: Obj = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: `map ${inputColumns.join(' and ')} to ${output.column}`,
    shape: { input: inputColumns.length === 1 ? 'string' : objectShape(ctx, inputColumns, ['input_features']), output: 'string' },
    ...(outputKind ? { output_kind: outputKind } : {}),
  };
  featureWarnings(ctx, inputs, output, 'ecd');
  return { spec, mapping: { inputColumns, outputColumn: output.column, ...readDataPlan(ctx, root) } };
}
