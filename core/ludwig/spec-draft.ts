// What a translation takes and what each route (LLM, ECD) hands back before the spec schema checks it,
// with the spec fields both routes shape the same way: the name and an object input's shape.
import type { LocatedReader, Obj } from './located.ts';
import type { PeftAdapterConfig } from './peft.ts';
import type { InputMapping } from './types.ts';
import type { YamlPath } from './yaml.ts';

export interface TranslateOptions {
  /** The parsed PEFT adapter_config.json of the exported adapter, when there is one. */
  adapter?: PeftAdapterConfig;
  /** spec `name`; defaults to the output column. */
  name?: string;
}

/** A route's spec (unchecked) and the mapping ingestion applies to the dataset. */
export interface Draft {
  spec: Obj;
  mapping: InputMapping;
}

export function objectShape(ctx: LocatedReader, columns: string[], path: YamlPath): Record<string, 'string'> {
  const shape: Record<string, 'string'> = {};
  for (const c of columns) {
    if (/\s/.test(c)) {
      throw ctx.error(path, `column "${c}" has whitespace, which spec field names cannot hold`, `rename the column (e.g. "${c.replace(/\s+/g, '_')}") in the data and the config`);
    }
    shape[c] = 'string';
  }
  return shape;
}

/** A spec name from free text: letters, digits, ".", "_" and "-", starting with a letter or digit. */
export function specName(text: string): string {
  const slug = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return slug || 'spec';
}
