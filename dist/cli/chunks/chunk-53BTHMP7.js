import {
  translateLudwigFiles
} from "./chunk-ZVLIYQQP.js";
import {
  buildFromFiles,
  saveBuilt
} from "./chunk-25VUC6NN.js";
import {
  SUPPORTED_EXTENSIONS,
  convertExport,
  formatOf,
  openIngestDb
} from "./chunk-WTY55LNG.js";
import {
  sanitizeColumnName
} from "./chunk-3BN23YBG.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  writeFileAtomic
} from "./chunk-WBWVS4MC.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

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

// core/migrate/mapping.ts
function fixMapping(mapping, spec, missing, column) {
  const name = sanitizeColumnName(column);
  const swap = (c) => c === missing ? name : c;
  const retemplate = (t) => t?.split(`{${missing}}`).join(`{${name}}`);
  const m = {
    ...mapping,
    inputColumns: mapping.inputColumns.map(swap),
    outputColumn: swap(mapping.outputColumn),
    ...mapping.sampleColumn ? { sampleColumn: swap(mapping.sampleColumn) } : {},
    ...mapping.template ? { template: retemplate(mapping.template) } : {},
    ...mapping.split?.type === "fixed" ? { split: { ...mapping.split, column: swap(mapping.split.column) } } : {}
  };
  const s = spec.prompt && mapping.inputColumns.length > 1 ? { ...spec, prompt: { template: retemplate(spec.prompt.template) } } : spec;
  return { mapping: m, spec: s };
}
function applyColumnFixes(mapping, spec, fixes) {
  let out = { mapping, spec };
  for (const [missing, column] of Object.entries(fixes)) out = fixMapping(out.mapping, out.spec, missing, column);
  return out;
}

// core/migrate/pipeline.ts
function specFileText(spec) {
  return `${JSON.stringify(spec, null, 2)}
`;
}
async function translateAndConvert(opts, reporter = silentReporter) {
  const { found, outDir } = opts;
  reporter.progress({ stage: "spec", message: `translating ${found.config}` });
  const translated = await translateLudwigFiles({ config: found.config, adapter: found.adapterDir, name: opts.name });
  for (const w of translated.warnings) reporter.warn(w);
  const { mapping, spec } = applyColumnFixes(translated.mapping, translated.spec, opts.columnFixes ?? {});
  reporter.progress({ stage: "convert", message: `converting ${found.dataFiles.length} data file(s)` });
  const db = await openIngestDb({ tmpDir: opts.tmpDir });
  try {
    const report = await convertExport({ db, exportPaths: [found.exportDir], mapping, outDir }, reporter);
    return { spec, mapping, warnings: translated.warnings, report };
  } finally {
    db.close();
  }
}
async function migrateExport(opts, reporter = silentReporter) {
  const { spec, warnings, report } = await translateAndConvert(opts, reporter);
  const specPath = join2(opts.outDir, "spec.json");
  await writeFileAtomic(specPath, specFileText(spec));
  return { outDir: opts.outDir, specPath, spec, warnings, report };
}
async function buildArtifact(migrated, reporter = silentReporter) {
  const { outDir } = migrated;
  const heldFile = ["validation.jsonl", "test.jsonl"].map((f) => join2(outDir, f)).find((f) => existsSync2(f));
  const built = await buildFromFiles({ specPath: migrated.specPath, examplesPath: join2(outDir, "train.jsonl"), evalPath: heldFile, defaultName: "model" }, reporter);
  let evaluation;
  if (built.evalReport && built.files.eval) {
    const reportPath = join2(outDir, "eval.json");
    await writeFileAtomic(reportPath, `${JSON.stringify(built.evalReport, null, 2)}
`);
    evaluation = { file: built.files.eval, report: built.evalReport, reportPath };
  }
  const saved = await saveBuilt(join2(outDir, `${built.name}.kolm`), built.bytes);
  return { artifactPath: saved.path, bytes: saved.bytes.length, outcome: built.outcome, ...evaluation ? { evaluation } : {} };
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
  fixMapping,
  applyColumnFixes,
  specFileText,
  translateAndConvert,
  migrateExport,
  buildArtifact,
  WORKFLOW_PATH,
  DEFAULT_ACTION_REF,
  gatesInput,
  workflowYaml
};
