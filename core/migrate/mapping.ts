// Column fixes: when the data lacks a column the Ludwig config names, the user picks the data column to use
// instead (the wizard's features step), and it is put everywhere the mapping and the template use the name.
import type { InputMapping } from '../ludwig/index.ts';
import { sanitizeColumnName } from '../prompt/template.ts';
import type { Spec } from '../spec/index.ts';

/** Put `column` (a data column the user chose) where the config named `missing`, everywhere the mapping uses it. */
export function fixMapping(mapping: InputMapping, spec: Spec, missing: string, column: string): { mapping: InputMapping; spec: Spec } {
  const name = sanitizeColumnName(column);
  const swap = (c: string) => (c === missing ? name : c);
  const retemplate = (t: string | undefined) => t?.split(`{${missing}}`).join(`{${name}}`);
  const m: InputMapping = {
    ...mapping,
    inputColumns: mapping.inputColumns.map(swap),
    outputColumn: swap(mapping.outputColumn),
    ...(mapping.sampleColumn ? { sampleColumn: swap(mapping.sampleColumn) } : {}),
    ...(mapping.template ? { template: retemplate(mapping.template) } : {}),
    ...(mapping.split?.type === 'fixed' ? { split: { ...mapping.split, column: swap(mapping.split.column) } } : {}),
  };
  // The template only names columns when the input is an object keyed by column.
  const s = spec.prompt && mapping.inputColumns.length > 1 ? { ...spec, prompt: { template: retemplate(spec.prompt.template)! } } : spec;
  return { mapping: m, spec: s };
}

/** Every fix applied in order. */
export function applyColumnFixes(mapping: InputMapping, spec: Spec, fixes: Record<string, string>): { mapping: InputMapping; spec: Spec } {
  let out = { mapping, spec };
  for (const [missing, column] of Object.entries(fixes)) out = fixMapping(out.mapping, out.spec, missing, column);
  return out;
}
