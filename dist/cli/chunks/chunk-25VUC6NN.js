import {
  readExamples
} from "./chunk-KIDQGF2E.js";
import {
  carveFolds,
  compileRecipe,
  createdFromInputs,
  recipeArtifactBytes
} from "./chunk-EJ7TQGZX.js";
import {
  timeSingleCalls
} from "./chunk-VXLLJYN6.js";
import {
  cascadeAt,
  chooseThreshold
} from "./chunk-PHOCAAMB.js";
import {
  checkGates,
  latencyStats,
  scoreCases
} from "./chunk-KQIU45A5.js";
import {
  artifactFallback,
  endpointFallback
} from "./chunk-KJEBBPXY.js";
import {
  resolveEndpoint
} from "./chunk-P6XBHVKH.js";
import {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  serializeCascadeConfig
} from "./chunk-OBWXLOW7.js";
import {
  loadArtifact
} from "./chunk-4K3U4TX7.js";
import {
  candidates
} from "./chunk-634HSXJB.js";
import {
  createScorer,
  labelSet,
  outputKindFor
} from "./chunk-TNBATMMU.js";
import {
  sidecarName,
  signArtifact,
  writeSignedFiles
} from "./chunk-62KDHQQ6.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  parsePredibaseAdapterId,
  readArtifact,
  saveArtifact,
  sha256Hex,
  writeArtifact
} from "./chunk-KACU67E6.js";
import {
  readSpecFile
} from "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/build/origin.ts
function originFromAdapterId(id) {
  if (id === void 0) return void 0;
  const predibase = parsePredibaseAdapterId(id);
  if (!predibase) {
    throw new KolmError("E_USAGE", `--adapter-id "${id}" is not a Predibase adapter id`, {
      hint: "give REPO or REPO/VERSION as Predibase names the adapter, e.g. --adapter-id trec-questions/1 (a checkpoint, @N, is not an adapter)"
    });
  }
  return { predibase };
}

// core/build/build.ts
async function buildFromFiles(input, reporter = silentReporter) {
  const spec = await readSpecFile(input.specPath, input.specShown ?? input.specPath);
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = await readExamples(input.examplesPath, shape);
  const held = input.evalPath ? await readExamples(input.evalPath, shape) : void 0;
  const origin = originFromAdapterId(input.adapterId);
  const recipeSpec = input.recipeGates ? { ...spec, gates: input.recipeGates } : spec;
  const outcome = await compileRecipe({ spec: recipeSpec, train: train.examples, eval: held?.examples, seed: input.seed, only: input.only, classifierRuntime: input.classifierRuntime }, reporter);
  const datasets = [{ role: "train", sha256: train.sha256, rows: train.examples.length }];
  if (held) datasets.push({ role: "eval", sha256: held.sha256, rows: held.examples.length });
  const name = input.name ?? spec.name ?? input.defaultName;
  let bytes;
  try {
    bytes = await recipeArtifactBytes(outcome, {
      spec,
      name,
      created: await createdFromInputs([input.specPath, train.file, ...held ? [held.file] : []], input.sourceDateEpoch),
      datasets,
      recordLatency: input.recordLatency,
      ...origin ? { origin } : {}
    });
  } finally {
    await outcome.predictor.close?.();
  }
  const { predictor: _p, saved: _s, evalReport, ...summary } = outcome;
  return {
    spec,
    name,
    bytes,
    outcome: summary,
    ...evalReport ? { evalReport } : {},
    datasets,
    files: { spec: input.specPath, train: train.file, ...held ? { eval: held.file } : {} }
  };
}

// core/build/save.ts
import { basename } from "node:path";
async function saveBuilt(path, bytes, signing, shown = path) {
  if (!signing) {
    await saveArtifact(path, bytes);
    return { path, bytes };
  }
  const signed = await signArtifact(bytes, signing.method, { fileName: basename(path), name: shown, secrets: signing.secrets });
  const bundlePath = sidecarName(path);
  await writeSignedFiles(path, signed, bundlePath, shown);
  return { path, bytes: signed.artifact, signed, bundlePath };
}

// core/build/adapter.ts
async function buildAdapterFromFiles(input) {
  const origin = originFromAdapterId(input.adapterId);
  const read = await readSpecFile(input.specPath);
  const spec = input.baseId ? { ...read, base: input.baseId } : read;
  const train = input.examplesPath ? await readExamples(input.examplesPath, { input: spec.shape.input, output: spec.shape.output }) : void 0;
  const held = input.evalPath ? await readExamples(input.evalPath, { input: spec.shape.input, output: spec.shape.output }) : void 0;
  const { compileAdapterArtifact } = await import("./artifact-FIEL3SEN.js");
  const result = await compileAdapterArtifact({
    spec,
    specFile: input.specPath,
    adapterPath: input.adapterPath,
    base: input.base,
    ...input.dtype ? { dtype: input.dtype } : {},
    name: input.name ?? spec.name ?? input.defaultName,
    created: await createdFromInputs([input.specPath, input.adapterPath, ...train ? [train.file] : []], input.sourceDateEpoch),
    datasets: [
      ...train ? [{ role: "train", sha256: train.sha256, rows: train.examples.length }] : [],
      ...held ? [{ role: "eval", sha256: held.sha256, rows: held.examples.length }] : []
    ],
    outputKind: outputKindFor(spec, train?.examples.map((e) => e.output)),
    ...origin ? { origin } : {},
    ...input.training ? { training: input.training } : {}
  });
  return { ...result, spec };
}

// core/build/cascade.ts
import { readFile } from "node:fs/promises";
import { basename as basename2 } from "node:path";

// core/cascade/held-out.ts
var LATENCY_SAMPLE = 300;
async function outOfFold(input) {
  const seed = input.seed ?? 42;
  const candidate = candidates.find((c) => c.type === input.type);
  const stratum = (i) => input.kind === "label" ? input.scorer.normalize(String(input.train[i].output ?? "")) : "";
  const folds = carveFolds(input.train.map((_, i) => i), stratum, { seed });
  const out = [];
  let done = 0;
  for (const fold of folds) {
    input.reporter.progress({ stage: "cascade:folds", done, total: folds.length, message: `refitting ${input.type} on fold ${done + 1} of ${folds.length}` });
    const fitted = await candidate.fit(fold.train.map((i) => input.train[i]), {
      kind: input.kind,
      quantization: input.spec.quantization ?? "int8",
      seed,
      reporter: input.reporter,
      prefix: "recipe/",
      ...input.classifierRuntime ? { classifierRuntime: input.classifierRuntime } : {}
    });
    try {
      const inputs = fold.validation.map((i) => input.train[i].input);
      const predictions = await fitted.predictor.predictBatch(inputs);
      const ms = await timeSingleCalls(fitted.predictor, inputs.slice(0, LATENCY_SAMPLE));
      const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
      predictions.forEach(
        (p, k) => out.push({ index: fold.validation[k], output: p.output, ...p.confidence !== void 0 ? { confidence: p.confidence } : {}, ms: ms[k] ?? median })
      );
    } finally {
      await fitted.predictor.close?.();
    }
    done++;
  }
  input.reporter.progress({ stage: "cascade:folds", done, total: folds.length });
  return out.sort((a, b) => a.index - b.index);
}
function cascadeCases(examples, recipe, fallback, scorer) {
  const r = scoreCases(recipe.map((a) => ({ input: examples[a.index].input, reference: examples[a.index].output, prediction: a.output })), scorer).cases;
  const f = scoreCases(recipe.map((a, k) => ({ input: examples[a.index].input, reference: examples[a.index].output, prediction: fallback[k].output })), scorer).cases;
  return recipe.map((a, k) => ({
    confidence: Math.min(1, Math.max(0, a.confidence ?? 0)),
    sRecipe: r[k].s,
    sFallback: f[k].s,
    passRecipe: r[k].pass,
    passFallback: f[k].pass,
    ...a.ms !== void 0 && fallback[k].latency_ms !== void 0 ? { msRecipe: a.ms, msFallback: fallback[k].latency_ms } : {}
  }));
}

// core/build/cascade.ts
async function openFallback(input, spec) {
  const f = input.fallback;
  if (f.type === "endpoint") {
    const endpoint = resolveEndpoint(f.url);
    if (endpoint.kind === "predibase" && !f.token) {
      throw new KolmError("E_USAGE", "a Predibase fallback needs a token", { hint: "set PREDIBASE_API_TOKEN (the token is used at compile and run time, never stored)" });
    }
    const fallback = endpointFallback({
      endpoint,
      spec,
      ...f.adapterId ? { adapterId: f.adapterId } : {},
      ...f.token ? { token: f.token } : {},
      // Compile time: the A/B client's own bounds (a long fetch of every held-out case), resumable.
      timeoutMs: f.timeoutMs ?? 6e4,
      retries: f.retries ?? 4,
      ...f.concurrency ? { concurrency: f.concurrency } : {},
      ...f.cachePath ? { cachePath: f.cachePath } : {}
    });
    return { fallback, ref: { type: "endpoint", url: endpoint.url, kind: endpoint.kind, ...f.adapterId ? { adapter_id: f.adapterId } : {} } };
  }
  const bytes = new Uint8Array(await readFile(f.path).catch((err) => {
    throw new KolmError(err.code === "ENOENT" ? "E_PATH_NOT_FOUND" : "E_PATH_UNREADABLE", `cannot read the fallback ${f.path}: ${err.message}`, { hint: "give the adapter .kolm to fall back on", place: { file: f.path } });
  }));
  const loaded = await loadArtifact(bytes, { ...f.load ?? {}, name: f.path });
  if (loaded.contents.manifest.kind === "cascade") {
    await loaded.predictor.close?.();
    throw new KolmError("E_USAGE", `the fallback ${f.path} is itself a cascade`, { hint: "fall back on an adapter (or recipe) artifact" });
  }
  const name = basename2(f.path).replace(/\.kolm$/, "");
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    await loaded.predictor.close?.();
    throw new KolmError("E_USAGE", `the fallback file name "${name}" is not a plain artifact name`, { hint: 'rename it to letters, digits, ".", "_" and "-", ending in .kolm' });
  }
  return { fallback: artifactFallback(loaded.predictor, name), ref: { type: "artifact", name, sha256: sha256Hex(bytes) } };
}
function refuseErrors(answers, what, input) {
  const failed = answers.filter((a) => a.error);
  if (failed.length === 0) return;
  const first = failed[0].error;
  const cache = input.fallback.type === "endpoint" && input.fallback.cachePath;
  throw new KolmError("E_REMOTE", `the fallback failed ${failed.length} of ${answers.length} ${what}: ${first.message}`, {
    hint: cache ? `${first.hint ?? "check the fallback"}; then run again: answered cases are kept in ${cache}` : first.hint ?? "check the fallback and run again",
    cause: first
  });
}
function p50(xs) {
  const stats = latencyStats(xs.flatMap((x) => x === void 0 ? [] : [x]));
  return stats ? { p50_ms: stats.p50 } : {};
}
var summed = (xs) => xs.reduce((s, x) => s + (x ?? 0), 0);
async function buildCascadeFromFiles(input, reporter = silentReporter) {
  const built = await buildFromFiles({ ...input, recipeGates: {} }, reporter);
  const { spec } = built;
  const gates = input.gates ?? spec.gates;
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = (await readExamples(built.files.train, shape)).examples;
  const kind = built.outcome.kind;
  const scorer = createScorer(kind, { labels: kind === "label" ? labelSet(train.map((e) => e.output)) : void 0 });
  const recipe = await outOfFold({ train, type: built.outcome.winner, kind, scorer, spec, seed: input.seed, reporter });
  if (!recipe.some((a) => a.confidence !== void 0)) {
    throw new KolmError("E_NO_CANDIDATE", `the ${built.outcome.winner} recipe gives no confidence, so a cascade cannot tell which cases to send to the fallback`, {
      hint: "a cascade needs a recipe with calibrated confidence: try --recipe classifier (labels) or extract (spans)"
    });
  }
  const { fallback, ref } = await openFallback(input, spec);
  let fallbackCases = 0;
  let choice;
  let cascadeEval;
  try {
    reporter.progress({ stage: "cascade:fallback", message: `the fallback ${fallback.name} answers ${recipe.length} held-out cases` });
    const answers = await fallback.answer(recipe.map((a) => train[a.index].input), recipe.map((a) => `train:${a.index}`));
    refuseErrors(answers, "held-out cases", input);
    fallbackCases = recipe.length;
    choice = chooseThreshold(cascadeCases(train, recipe, answers, scorer), gates, { maxFallbackShare: input.maxFallbackShare });
    if (input.evalPath && built.evalReport) {
      const held = (await readExamples(input.evalPath, shape)).examples;
      cascadeEval = await evaluateWhole(held, built, fallback, choice.threshold, gates, input, createScorer(kind, { labels: kind === "label" ? labelSet(held.map((e) => e.output)) : void 0 }));
    }
  } finally {
    await fallback.close?.();
  }
  const config = {
    format: CASCADE_FORMAT,
    threshold: choice.threshold,
    chosen: choice.chosen,
    curve: choice.curve,
    recipe_only: choice.recipeOnly,
    fallback_only: choice.fallbackOnly,
    held_out: { source: "validation", n: recipe.length },
    fallback: ref,
    on_fallback_error: input.onFallbackError ?? "error"
  };
  const contents = await readArtifact(built.bytes, { name: built.name });
  const { files: _f, sizes: _s, ...manifest } = contents.manifest;
  const entries = new Map(contents.entries);
  entries.set(CASCADE_ENTRY, serializeCascadeConfig(config));
  const metric = (p, n) => ({ K: p.K, pass_rate: p.pass_rate, n });
  const bytes = await writeArtifact({
    manifest: {
      ...manifest,
      kind: "cascade",
      metrics: { validation: metric(choice.chosen, recipe.length), ...cascadeEval ? { eval: metric(cascadeEval.whole, built.evalReport.cases) } : {} }
    },
    entries
  });
  return { ...built, bytes, choice, config, fallbackCases, ...cascadeEval ? { cascadeEval } : {} };
}
async function evaluateWhole(held, built, fallback, threshold, gates, input, scorer) {
  const results = built.evalReport.results;
  const typical = latencyStats(results.flatMap((r) => r.latency_ms === void 0 ? [] : [r.latency_ms]))?.p50;
  const recipe = results.map((r) => {
    const ms = r.latency_ms ?? typical;
    return { index: r.index, output: r.prediction, ...r.confidence !== void 0 ? { confidence: r.confidence } : {}, ...ms !== void 0 ? { ms } : {} };
  });
  const answers = await fallback.answer(recipe.map((a) => held[a.index].input), recipe.map((a) => `eval:${a.index}`));
  refuseErrors(answers, "eval cases", input);
  const cases = cascadeCases(held, recipe, answers, scorer);
  const whole = cascadeAt(cases, threshold);
  const local = cases.map((c, k) => c.confidence >= threshold ? k : -1).filter((k) => k >= 0);
  const deferred = cases.map((c, k) => c.confidence < threshold ? k : -1).filter((k) => k >= 0);
  const n = cases.length;
  const r4 = (x) => Number(x.toFixed(4));
  return {
    whole,
    recipeOnly: { K: r4(summed(cases.map((c) => c.sRecipe)) / n), pass_rate: r4(cases.filter((c) => c.passRecipe).length / n), ...p50(recipe.map((a) => a.ms)) },
    fallbackOnly: { K: r4(summed(cases.map((c) => c.sFallback)) / n), pass_rate: r4(cases.filter((c) => c.passFallback).length / n), ...p50(answers.map((a) => a.latency_ms)) },
    gates: checkGates({ K: whole.K, pass_rate: whole.pass_rate, latency_ms: whole.p50_ms === void 0 ? null : { p50: whole.p50_ms, p95: whole.p95_ms } }, gates),
    latency_ms: {
      local: latencyStats(local.flatMap((k) => recipe[k].ms === void 0 ? [] : [recipe[k].ms])),
      fallback: latencyStats(deferred.flatMap((k) => answers[k].latency_ms === void 0 ? [] : [answers[k].latency_ms + (recipe[k].ms ?? 0)]))
    },
    requests_saved: local.length,
    fallback_ms_saved: r4(summed(local.map((k) => answers[k].latency_ms)))
  };
}

export {
  buildFromFiles,
  saveBuilt,
  buildAdapterFromFiles,
  buildCascadeFromFiles
};
