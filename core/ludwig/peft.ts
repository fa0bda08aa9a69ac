// PEFT `adapter_config.json` (ludwig-peft.md §4.1): parsed leniently (PEFT has added ~25 keys over its
// versions; unknown keys are ignored), refused when the weights are not plain LoRA, and cross-checked
// against the Ludwig config, since a mismatch means the config and the weights come from different runs.
import { KolmError } from '../errors.ts';
import { looksLikeLocalPath } from './presets.ts';

export interface PeftAdapterConfig {
  file: string;
  peftType: string;
  /** `base_model_name_or_path`; may be null, a local path on the trainer's machine, or a fork. */
  base?: string;
  baseIsLocalPath: boolean;
  revision?: string;
  r: number;
  /** `lora_alpha` (PEFT's default is 8, unlike Ludwig's 2r). */
  alpha: number;
  dropout: number;
  bias: string;
  /** A list of module-name suffixes, a regex string, or "all-linear"; undefined when null. */
  targetModules?: string[] | string;
  useRslora: boolean;
  taskType?: string;
  /** Things the file holds that an import must know about but the spec cannot say. */
  warnings: string[];
}

const NON_LORA_HINT = 'retrain instead: run `kolm migrate spec` without --adapter and `kolm compile` trains a LoRA on the base';

/**
 * Where JSON.parse gave up, as line and column. V8 only sometimes puts the position in its message, so
 * find it with a small scanner that walks the same grammar and stops at the first byte it cannot accept.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  let offset: number;
  try {
    value();
    ws();
    if (i === text.length) return undefined;
    offset = i;
  } catch (at) {
    offset = Math.min(at as number, text.length);
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Parse adapter_config.json text. Throws E_BAD_ADAPTER_CONFIG (bad JSON or types) or E_NOT_PORTABLE (not LoRA). */
export function parsePeftAdapterConfig(text: string, file = 'adapter_config.json'): PeftAdapterConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const pos = jsonErrorPosition(text);
    throw new KolmError('E_BAD_ADAPTER_CONFIG', `${file} is not valid JSON${pos ? ` (line ${pos.line}, column ${pos.column})` : ''}: ${(err as Error).message}`, {
      hint: 'use the adapter_config.json that PEFT wrote next to the adapter weights',
      place: { file, ...(pos ?? {}) },
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KolmError('E_BAD_ADAPTER_CONFIG', `${file} must hold a JSON object`, { place: { file } });
  }
  const o = raw as Record<string, unknown>;
  const bad = (key: string, want: string): KolmError =>
    new KolmError('E_BAD_ADAPTER_CONFIG', `${file}: "${key}" must be ${want}, got ${JSON.stringify(o[key])}`, {
      hint: 'the file looks edited by hand; use the one PEFT wrote with the weights',
      place: { file, path: key },
    });
  const str = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw bad(key, 'a string or null');
    return v;
  };
  const num = (key: string, dflt: number, int = false): number => {
    const v = o[key];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (int && !Number.isInteger(v))) {
      throw bad(key, int ? 'a non-negative integer' : 'a non-negative number');
    }
    return v;
  };
  const bool = (key: string): boolean => {
    const v = o[key];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') throw bad(key, 'true or false');
    return v;
  };

  const warnings: string[] = [];
  let peftType = str('peft_type');
  if (peftType === undefined) {
    if (o.r === undefined && o.lora_alpha === undefined) throw bad('peft_type', 'a PEFT type such as "LORA"');
    peftType = 'LORA';
    warnings.push(`${file}: peft_type is missing; read as LORA because the file has LoRA keys`);
  }
  if (peftType.toUpperCase() !== 'LORA') {
    throw new KolmError(
      'E_NOT_PORTABLE',
      `${file}: peft_type is ${peftType}; kolm imports LoRA adapters only, so these weights cannot be carried`,
      { hint: NON_LORA_HINT, place: { file, path: 'peft_type' } },
    );
  }
  if (bool('use_dora')) {
    throw new KolmError(
      'E_NOT_PORTABLE',
      `${file}: use_dora is true; DoRA weights (lora_magnitude_vector) are not plain LoRA and cannot be carried`,
      { hint: NON_LORA_HINT, place: { file, path: 'use_dora' } },
    );
  }

  const r = num('r', 8, true);
  if (r === 0) throw bad('r', 'a positive integer');
  const base = str('base_model_name_or_path');
  const tm = o.target_modules;
  let targetModules: string[] | string | undefined;
  if (typeof tm === 'string') targetModules = tm;
  else if (Array.isArray(tm)) {
    if (!tm.every((x) => typeof x === 'string')) throw bad('target_modules', 'a list of module names, a regex or null');
    // PEFT saves a set, so the order is arbitrary: sort for a stable spec.
    targetModules = tm.length ? [...tm].sort() : undefined;
  } else if (tm !== undefined && tm !== null) throw bad('target_modules', 'a list of module names, a regex or null');

  const bias = str('bias') ?? 'none';
  const taskType = str('task_type');
  if (taskType && taskType !== 'CAUSAL_LM') {
    warnings.push(`${file}: task_type is ${taskType}; kolm serves causal-LM adapters (Ludwig always writes CAUSAL_LM)`);
  }
  const mts = o.modules_to_save;
  if (Array.isArray(mts) && mts.length) {
    warnings.push(`${file}: modules_to_save (${mts.join(', ')}) are whole modules trained with the adapter; an import must load them too`);
  }
  for (const key of ['rank_pattern', 'alpha_pattern'] as const) {
    const v = o[key];
    if (v && typeof v === 'object' && Object.keys(v).length) {
      warnings.push(`${file}: ${key} sets per-module values (${Object.keys(v).join(', ')}); the spec carries one rank and alpha`);
    }
  }
  if (o.layers_to_transform !== undefined && o.layers_to_transform !== null) {
    warnings.push(`${file}: layers_to_transform limits the adapter to some layers; the spec does not carry that`);
  }
  const init = o.init_lora_weights;
  if (typeof init === 'string' && /^(pissa|olora|corda|loftq)/i.test(init)) {
    warnings.push(`${file}: init_lora_weights is "${init}", which changes the base weights; the adapter only matches that modified base`);
  }

  return {
    file,
    peftType: 'LORA',
    base,
    baseIsLocalPath: base !== undefined && looksLikeLocalPath(base),
    revision: str('revision'),
    r,
    alpha: num('lora_alpha', 8),
    dropout: num('lora_dropout', 0),
    bias,
    targetModules,
    useRslora: bool('use_rslora'),
    taskType,
    warnings,
  };
}

/** The LoRA settings a Ludwig config resolves to (defaults filled), and which of them the YAML set. */
export interface LudwigLoraSettings {
  r: number;
  alpha: number;
  dropout: number;
  bias: string;
  targetModules?: string[] | string;
  useRslora: boolean;
  /** Keys the YAML set explicitly (for "(default)" in messages). */
  explicit: ReadonlySet<'r' | 'alpha' | 'dropout' | 'bias_type' | 'target_modules' | 'use_rslora'>;
}

function sameModules(a: string[] | string, b: string[] | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v);
}

/**
 * Compare what config.yaml says with what adapter_config.json says. Every difference is a warning naming
 * both values; the adapter file wins, because it describes the weights that exist.
 */
export function crossCheckAdapter(ludwig: LudwigLoraSettings, peft: PeftAdapterConfig, configFile = 'config.yaml'): string[] {
  const out: string[] = [];
  const say = (ludwigKey: 'r' | 'alpha' | 'dropout' | 'bias_type' | 'target_modules' | 'use_rslora', peftKey: string, lv: unknown, pv: unknown) => {
    const dflt = ludwig.explicit.has(ludwigKey) ? '' : ' (Ludwig default)';
    out.push(
      `adapter ${ludwigKey} mismatch: ${configFile} adapter.${ludwigKey} is ${show(lv)}${dflt}, ` +
        `${peft.file} ${peftKey} is ${show(pv)}; using ${show(pv)} from the adapter (config and weights may be from different runs)`,
    );
  };
  if (ludwig.r !== peft.r) say('r', 'r', ludwig.r, peft.r);
  if (ludwig.alpha !== peft.alpha) say('alpha', 'lora_alpha', ludwig.alpha, peft.alpha);
  if (Math.abs(ludwig.dropout - peft.dropout) > 1e-9) say('dropout', 'lora_dropout', ludwig.dropout, peft.dropout);
  if (ludwig.bias !== peft.bias) say('bias_type', 'bias', ludwig.bias, peft.bias);
  if (ludwig.useRslora !== peft.useRslora) say('use_rslora', 'use_rslora', ludwig.useRslora, peft.useRslora);
  if (ludwig.targetModules !== undefined && peft.targetModules !== undefined && !sameModules(ludwig.targetModules, peft.targetModules)) {
    say('target_modules', 'target_modules', ludwig.targetModules, peft.targetModules);
  }
  return out;
}
