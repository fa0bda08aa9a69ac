// Ludwig / PEFT → spec.json translation: the public entry points.
export { translateLudwigConfig, translateLudwigYaml, specName, RE_ARCHITECTURE } from './translate.ts';
export type { TranslateOptions, TranslateResult, NotPortableItem } from './translate.ts';
export { parseLudwigYaml, formatPath } from './yaml.ts';
export type { LudwigYaml, YamlPath, YamlPosition } from './yaml.ts';
export { parsePeftAdapterConfig, crossCheckAdapter } from './peft.ts';
export type { PeftAdapterConfig, LudwigLoraSettings } from './peft.ts';
export { MODEL_PRESETS, resolveBaseModel } from './presets.ts';
export { readLudwigConfig, readPeftAdapterConfig, translateLudwigFiles, specNameFromConfigPath } from './load.ts';
export type { TranslateFilesOptions } from './load.ts';
export type { InputMapping, SplitPlan, SamplingPlan } from './types.ts';
