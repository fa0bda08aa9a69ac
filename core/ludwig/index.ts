// Ludwig / PEFT → spec.json translation: the public entry points.
export { translateLudwigConfig, translateLudwigYaml } from './translate.ts';
export type { TranslateResult } from './translate.ts';
export { specName } from './spec-draft.ts';
export type { TranslateOptions } from './spec-draft.ts';
export { RE_ARCHITECTURE } from './portability.ts';
export type { NotPortableItem } from './located.ts';
export { parseLudwigYaml, formatPath } from './yaml.ts';
export type { LudwigYaml, YamlPath, YamlPosition } from './yaml.ts';
export { parsePeftAdapterConfig, crossCheckAdapter } from './peft.ts';
export type { PeftAdapterConfig, LudwigLoraSettings } from './peft.ts';
export { MODEL_PRESETS, resolveBaseModel } from './presets.ts';
export { readLudwigConfig, readPeftAdapterConfig, translateLudwigFiles, specNameFromConfigPath } from './load.ts';
export type { TranslateFilesOptions } from './load.ts';
export type { InputMapping, SplitPlan, SamplingPlan } from './types.ts';
