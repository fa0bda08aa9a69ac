// The located reader of a Ludwig config: it reads typed values out of the parsed YAML (PyYAML's looser
// forms included), turns YAML paths into "path (line N)" for messages, and collects the warnings and
// refusals that a translation gathers on its way. Every step of translation reads the config through it.
import { KolmError } from '../errors.ts';
import { formatPath, type LudwigYaml, type YamlPath } from './yaml.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One item that cannot be carried: where it is and why. */
export interface NotPortableItem {
  path: string;
  line?: number;
  reason: string;
}

// Collects warnings and refusals, and turns YAML paths into "path, line N" for messages.
export class LocatedReader {
  readonly warnings: string[] = [];
  readonly refusals: NotPortableItem[] = [];
  constructor(readonly y: LudwigYaml) {}

  line(path: YamlPath): number | undefined {
    return this.y.locate(path)?.line;
  }

  where(path: YamlPath): string {
    const line = this.line(path);
    return `${formatPath(path)}${line !== undefined ? ` (line ${line})` : ''}`;
  }

  warn(path: YamlPath, message: string): void {
    this.warnings.push(`${this.where(path)}: ${message}`);
  }

  refuse(path: YamlPath, label: string, reason: string): void {
    this.refusals.push({ path: label, line: this.line(path), reason });
  }

  error(path: YamlPath, message: string, hint: string, code: 'E_BAD_CONFIG' | 'E_BAD_TEMPLATE' = 'E_BAD_CONFIG'): KolmError {
    const pos = this.y.locate(path);
    return new KolmError(code, `${this.y.file}: ${formatPath(path)}: ${message}`, {
      hint,
      place: { file: this.y.file, ...(pos ? { line: pos.line, column: pos.column } : {}), path: formatPath(path) },
    });
  }

  num(path: YamlPath, value: unknown, opts: { int?: boolean; min?: number; gt?: number; max?: number } = {}): number {
    // PyYAML reads `1e-4` (no dot) as a string and Ludwig's schema still accepts it: so do we.
    const n = typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    const want = `${opts.int ? 'an integer' : 'a number'}${opts.gt !== undefined ? ` > ${opts.gt}` : ''}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}${opts.max !== undefined ? ` ≤ ${opts.max}` : ''}`;
    if (
      typeof n !== 'number' || !Number.isFinite(n) || (opts.int && !Number.isInteger(n)) ||
      (opts.min !== undefined && n < opts.min) || (opts.gt !== undefined && n <= opts.gt) || (opts.max !== undefined && n > opts.max)
    ) {
      throw this.error(path, `must be ${want}, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to ${want}`);
    }
    return n;
  }

  bool(path: YamlPath, value: unknown): boolean {
    if (typeof value === 'boolean') return value;
    // PyYAML (YAML 1.1) booleans, which our YAML 1.2 reading leaves as strings.
    if (typeof value === 'string') {
      if (/^(yes|true|on)$/i.test(value)) return true;
      if (/^(no|false|off)$/i.test(value)) return false;
    }
    throw this.error(path, `must be true or false, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to true or false`);
  }

  str(path: YamlPath, value: unknown): string {
    if (typeof value === 'string' && value !== '') return value;
    throw this.error(path, `must be a non-empty string, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to a string`);
  }
}
