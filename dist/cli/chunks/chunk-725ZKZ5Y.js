import {
  SUPPORTED_EXTENSIONS,
  checkGates,
  compileRecipe,
  convertExport,
  createScorer,
  createdFromInputs,
  evaluatePredictor,
  formatOf,
  labelSet,
  openIngestDb,
  readExamples,
  recipeArtifactBytes,
  silentReporter,
  translateLudwigFiles
} from "./chunk-45PXXHI4.js";
import {
  saveArtifact,
  writeFileAtomic
} from "./chunk-XGNBGGWJ.js";
import {
  KolmError
} from "./chunk-HCB5U3V4.js";

// core/migrate/find.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var isDir = (p) => existsSync(p) && statSync(p).isDirectory();
var CONFIG_NAMES = ["config.yaml", "config.yml", "model_hyperparameters.yaml"];
function dataFilesIn(dir) {
  return readdirSync(dir).filter((n) => formatOf(n) !== void 0).sort().map((n) => join(dir, n));
}
function tryExportAt(dir) {
  if (!isDir(dir)) return null;
  const config = CONFIG_NAMES.map((n) => join(dir, n)).find(existsSync);
  const dataFiles = dataFilesIn(dir);
  if (!config || dataFiles.length === 0) return null;
  const adapterDir = [join(dirname(dir), "predibase-adapter"), join(dir, "predibase-adapter"), join(dir, "adapter")].find(
    (d) => existsSync(join(d, "adapter_config.json"))
  );
  return { exportDir: dir, config, dataFiles, ...adapterDir ? { adapterDir } : {} };
}
function findExports(root) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (dir, depth) => {
    const hit = tryExportAt(dir);
    if (hit && !seen.has(hit.exportDir)) {
      seen.add(hit.exportDir);
      found.push(hit);
    }
    if (depth === 0) return;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const child = join(dir, name);
      if (isDir(child)) visit(child, depth - 1);
    }
  };
  if (isDir(root)) visit(root, 2);
  return found;
}
function getExport(path) {
  if (!existsSync(path)) {
    throw new KolmError("E_PATH_NOT_FOUND", `${path} does not exist`, {
      hint: "pass the folder Predibase gave you, e.g. --export predibase-export/",
      place: { file: path }
    });
  }
  const found = tryExportAt(path) ?? (() => {
    const all = findExports(path);
    if (all.length > 1) {
      throw new KolmError("E_USAGE", `${path} holds ${all.length} exports: ${all.map((e) => e.exportDir).join(", ")}`, {
        hint: "pass one of them with --export"
      });
    }
    return all[0] ?? null;
  })();
  if (!found) {
    throw new KolmError("E_NO_DATA_FILES", `no Predibase export in ${path}: it needs a config.yaml and data files (${SUPPORTED_EXTENSIONS})`, {
      hint: `put the Ludwig config.yaml beside the CSV/Parquet files (folder: ${basename(path)})`,
      place: { file: path }
    });
  }
  return found;
}

// core/migrate/pipeline.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
function specFileText(spec) {
  return `${JSON.stringify(spec, null, 2)}
`;
}
async function migrateExport(opts, reporter = silentReporter) {
  const { found, outDir } = opts;
  reporter.progress({ stage: "spec", message: `translating ${found.config}` });
  const translated = await translateLudwigFiles({ config: found.config, adapter: found.adapterDir, name: opts.name });
  for (const w of translated.warnings) reporter.warn(w);
  reporter.progress({ stage: "convert", message: `converting ${found.dataFiles.length} data file(s)` });
  const db = await openIngestDb();
  let report;
  try {
    report = await convertExport({ db, exportPaths: [found.exportDir], mapping: translated.mapping, outDir }, reporter);
  } finally {
    db.close();
  }
  const specPath = join2(outDir, "spec.json");
  await writeFileAtomic(specPath, specFileText(translated.spec));
  return { outDir, specPath, spec: translated.spec, warnings: translated.warnings, report };
}
async function buildArtifact(migrated, reporter = silentReporter) {
  const { spec, outDir } = migrated;
  const shape = spec.shape;
  const train = await readExamples(join2(outDir, "train.jsonl"), shape);
  const heldFile = ["validation.jsonl", "test.jsonl"].map((f) => join2(outDir, f)).find((f) => existsSync2(f));
  const held = heldFile ? await readExamples(heldFile, shape) : void 0;
  const outcome = await compileRecipe({ spec, train: train.examples }, reporter);
  const datasets = [{ role: "train", sha256: train.sha256, rows: train.examples.length }];
  if (held) datasets.push({ role: "eval", sha256: held.sha256, rows: held.examples.length });
  let evaluation;
  if (held) {
    reporter.progress({ stage: "eval", message: `scoring on ${held.examples.length} held-out cases` });
    const scorer = createScorer(outcome.kind, { labels: outcome.kind === "label" ? labelSet(train.examples.map((e) => e.output)) : void 0 });
    const report = await evaluatePredictor(outcome.predictor, held.examples, scorer, { system: { name: "kolm" }, reporter });
    report.gates = checkGates(report, spec.gates);
    outcome.eval = { K: report.K, K_low: report.K_ci95[0], K_high: report.K_ci95[1], pass_rate: report.pass_rate, n: report.cases, p50_ms: report.latency_ms?.p50 ?? 0, p99_ms: report.latency_ms?.p99 ?? 0 };
    const reportPath = join2(outDir, "eval.json");
    await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}
`);
    evaluation = { file: held.file, report, reportPath };
  }
  const name = spec.name ?? "model";
  const bytes = await recipeArtifactBytes(outcome, { spec, name, created: await createdFromInputs([migrated.specPath, train.file, ...held ? [held.file] : []]), datasets });
  await outcome.predictor.close?.();
  const artifactPath = join2(outDir, `${name}.kolm`);
  await saveArtifact(artifactPath, bytes);
  const { predictor: _p, saved: _s, ...rest } = outcome;
  return { artifactPath, bytes: bytes.length, outcome: rest, ...evaluation ? { evaluation } : {} };
}

// core/migrate/workflow.ts
var WORKFLOW_PATH = ".github/workflows/kolm.yml";
var DEFAULT_ACTION_REF = "kolm-dev/kolm-migrate@v1";
function gatesInput(gates) {
  return Object.entries(gates ?? {}).filter(([, v]) => v !== void 0).map(([k, v]) => `${k}=${v}`).join(",");
}
function scalar(value) {
  return /^[A-Za-z0-9_./@-][A-Za-z0-9_./@:=,+-]*$/.test(value) && !/: /.test(value) ? value : JSON.stringify(value);
}
function workflowYaml(opts) {
  const uses = opts.uses ?? DEFAULT_ACTION_REF;
  const gates = gatesInput(opts.gates);
  const inputs = (indent, release) => {
    const lines = [`spec: ${scalar(opts.spec)}`, `examples: ${scalar(opts.examples)}`];
    if (opts.eval) lines.push(`eval: ${scalar(opts.eval)}`);
    if (!release) {
      lines.push(gates ? `gates: ${scalar(gates)}` : `# gates: K_min=0.85,p50_ms_max=200   (default: the spec's gates)`);
      if (opts.predibaseEndpoint) {
        lines.push(`predibase-endpoint: ${scalar(opts.predibaseEndpoint)}`);
        if (opts.predibaseAdapterId) lines.push(`predibase-adapter-id: ${scalar(opts.predibaseAdapterId)}`);
        lines.push("predibase-token: ${{ secrets.PREDIBASE_API_TOKEN }}");
      } else {
        lines.push(
          "# A/B against the old deployment on the same cases:",
          "# predibase-endpoint: https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT",
          "# predibase-adapter-id: my-adapter/1",
          "# predibase-token: ${{ secrets.PREDIBASE_API_TOKEN }}"
        );
      }
    } else lines.push("sign: true");
    return lines.map((l) => `${indent}${l}`).join("\n");
  };
  return `# Written by kolm-migrate. On a pull request: compile the spec, score it on the held-out cases, post one
# sticky comment with the table, and fail the check when a gate is missed. On a release: sign the artifact
# keyless (the workflow's OIDC identity) and attach it and its Sigstore bundle to the release.
name: kolm

on:
  pull_request:
  release:
    types: [published]

permissions:
  contents: read

jobs:
  gate:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
      - uses: ${uses}
        with:
${inputs("          ", false)}

  release:
    if: github.event_name == 'release'
    runs-on: ubuntu-latest
    permissions:
      contents: write # attach the artifact to the release
      id-token: write # keyless signing
    steps:
      - uses: actions/checkout@v4
      - uses: ${uses}
        with:
${inputs("          ", true)}
`;
}

export {
  tryExportAt,
  findExports,
  getExport,
  specFileText,
  migrateExport,
  buildArtifact,
  WORKFLOW_PATH,
  workflowYaml
};
