// The prompt of an LLM config: which prompt wins (the input feature's own or the global one), the template
// checked the way Ludwig checks it, and the dataset columns it reads, which form the spec's input.
import { KolmError } from '../errors.ts';
import {
  CONTEXT_FIELD,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  parseTemplate,
  rebuildTemplate,
  SAMPLE_FIELD,
  TASK_FIELD,
  type ParsedTemplate,
} from '../prompt/index.ts';
import type { Feature } from './features.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import { formatPath, type YamlPath } from './yaml.ts';

export interface ResolvedPrompt {
  template?: string;
  templatePath?: YamlPath;
  task?: string;
  inputColumns: string[];
  sampleColumn?: string;
}

export function resolvePrompt(ctx: LocatedReader, root: Obj, input: Feature, output: Feature): ResolvedPrompt {
  const featurePre = isObj(input.raw.preprocessing) ? input.raw.preprocessing : undefined;
  const candidates: [YamlPath, unknown][] = [
    [[...input.path, 'preprocessing', 'prompt'], featurePre?.prompt],
    [['prompt'], root.prompt],
  ];
  let path: YamlPath = ['prompt'];
  let prompt: Obj | undefined;
  for (const [p, value] of candidates) {
    if (value === undefined || value === null) continue;
    if (!isObj(value)) throw ctx.error(p, 'must be a mapping with template and/or task', 'write prompt: {template: "…{column}…"}');
    if ((value.template ?? null) !== null || (value.task ?? null) !== null) {
      path = p;
      prompt = value;
      break;
    }
  }
  if (prompt && path !== candidates[1]![0] && isObj(root.prompt) && (root.prompt.template ?? root.prompt.task ?? null) !== null) {
    ctx.warn(['prompt'], `ignored: ${formatPath(path)} takes priority (Ludwig applies the feature's own prompt)`);
  }
  const templateRaw = prompt?.template ?? null;
  const taskRaw = prompt?.task ?? null;
  const task = taskRaw === null ? undefined : ctx.str([...path, 'task'], taskRaw);
  if (templateRaw === null && task === undefined) {
    // No prompt: the raw input column is the whole input.
    return { inputColumns: [input.column] };
  }
  const templatePath: YamlPath = [...path, 'template'];
  const source = templateRaw === null ? DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE : ctx.str(templatePath, templateRaw);
  if (templateRaw === null) ctx.warn([...path, 'task'], "no template: Ludwig's zero-shot default template is used");

  let parsed: ParsedTemplate;
  try {
    parsed = parseTemplate(source);
  } catch (err) {
    if (err instanceof KolmError && err.code === 'E_BAD_TEMPLATE') {
      const pos = ctx.y.locate(templatePath);
      throw new KolmError('E_BAD_TEMPLATE', `${ctx.y.file}: ${formatPath(templatePath)}: ${err.message}`, {
        hint: err.hint,
        place: { file: ctx.y.file, ...(pos ? { line: pos.line } : {}), path: formatPath(templatePath) },
        details: err.data,
      });
    }
    throw err;
  }
  const bad = (message: string, hint: string) => ctx.error(templatePath, message, hint, 'E_BAD_TEMPLATE');
  if (parsed.fields.length === 0) {
    throw bad('the template reads no column, so every example would get the same prompt', 'put the input column in braces, e.g. "Question: {question}"');
  }
  if (task !== undefined && !parsed.fields.includes(TASK_FIELD)) {
    throw bad('prompt.task is set but the template has no {__task__} (Ludwig requires it)', 'add {__task__} where the task goes, or remove prompt.task');
  }
  if (task === undefined && parsed.fields.includes(TASK_FIELD)) {
    throw bad('the template reads {__task__} but prompt.task is not set', 'set prompt.task, or remove {__task__}');
  }
  if (parsed.columns.includes(output.column)) {
    throw bad(`the template reads the output column {${output.column}}; Ludwig appends the output itself`, `remove {${output.column}} from the template`);
  }
  if (parsed.fields.includes(CONTEXT_FIELD)) {
    ctx.warn(templatePath, '{__context__} renders empty without retrieval, as in Ludwig');
  }
  const inputColumns = [...parsed.columns];
  let sampleColumn: string | undefined;
  if (parsed.fields.includes(SAMPLE_FIELD)) {
    sampleColumn = input.column;
    if (!inputColumns.includes(sampleColumn)) inputColumns.unshift(sampleColumn);
    if (inputColumns.length > 1) {
      ctx.warn(templatePath, `{__sample__} reads column ${sampleColumn} (the input feature) alongside other columns`);
    }
  }
  const template = rebuildTemplate(parsed, { [TASK_FIELD]: task ?? '', [CONTEXT_FIELD]: '' });
  return { template, templatePath, task, inputColumns, ...(sampleColumn && inputColumns.length > 1 ? { sampleColumn } : {}) };
}
