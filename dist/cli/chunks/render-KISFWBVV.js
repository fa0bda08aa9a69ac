import {
  evaluateArtifactFile
} from "./chunk-BE6LTV4K.js";
import {
  defaultModelsDir
} from "./chunk-IMQARR2S.js";
import {
  formatBytes
} from "./chunk-7B5IITYI.js";
import {
  compileInWorker
} from "./chunk-VKSZNNFK.js";
import {
  WORKFLOW_PATH,
  findExports,
  specFileText,
  translateAndConvert,
  tryExportAt,
  workflowYaml
} from "./chunk-53BTHMP7.js";
import {
  readLudwigConfig,
  specNameFromConfigPath
} from "./chunk-ZVLIYQQP.js";
import "./chunk-25VUC6NN.js";
import "./chunk-KIDQGF2E.js";
import "./chunk-EJ7TQGZX.js";
import "./chunk-VXLLJYN6.js";
import "./chunk-PHOCAAMB.js";
import "./chunk-KQIU45A5.js";
import "./chunk-WTY55LNG.js";
import "./chunk-5PASBJYA.js";
import "./chunk-WP33B6NK.js";
import "./chunk-KJEBBPXY.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-OBWXLOW7.js";
import "./chunk-4K3U4TX7.js";
import "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-BLKCQOPR.js";
import {
  writeFileAtomic
} from "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import {
  parseSpec
} from "./chunk-LIGPPG57.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// tui/wizard/render.tsx
import { render } from "ink";

// tui/wizard/ui/kit.tsx
import { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Box, Text, useInput, useStdout } from "ink";
import Spinner from "ink-spinner";
import { jsx, jsxs } from "react/jsx-runtime";
var ColorContext = createContext(true);
function useColor() {
  const on = useContext(ColorContext);
  return (c) => on ? c : void 0;
}
function useWidth() {
  const { stdout } = useStdout();
  return Math.max(40, Math.min(stdout.columns || 80, 160));
}
var clip = (s, n) => s.length > n ? `${s.slice(0, Math.max(0, n - 1))}\u2026` : s;
var oneLine = (v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "").replace(/\s+/g, " ");
function Keys({ items }) {
  return /* @__PURE__ */ jsx(Box, { marginTop: 1, children: /* @__PURE__ */ jsx(Text, { dimColor: true, children: items.join(" \xB7 ") }) });
}
function Busy({ label }) {
  const color = useColor();
  return /* @__PURE__ */ jsxs(Text, { children: [
    /* @__PURE__ */ jsx(Text, { color: color("cyan"), children: /* @__PURE__ */ jsx(Spinner, { type: "dots" }) }),
    " ",
    label
  ] });
}
function ProgressBar({ done, total, width = 30 }) {
  const color = useColor();
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const full = Math.round(ratio * width);
  return /* @__PURE__ */ jsxs(Text, { children: [
    /* @__PURE__ */ jsx(Text, { color: color("green"), children: "\u2588".repeat(full) }),
    /* @__PURE__ */ jsx(Text, { dimColor: true, children: "\u2591".repeat(width - full) }),
    " ",
    done,
    "/",
    total
  ] });
}
function useElapsed(since, running) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, [running]);
  return ((running ? now : Math.max(now, since)) - since) / 1e3;
}
function TextTable({ rows, align = [], width }) {
  if (!rows.length) return null;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r) => r.map((c, i) => (align[i] ?? "l") === "r" ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ").trimEnd();
  return /* @__PURE__ */ jsx(Box, { flexDirection: "column", children: rows.map((r, i) => /* @__PURE__ */ jsx(Text, { bold: i === 0, children: clip(line(r), width) }, i)) });
}
function LineInput({ value, onChange, onSubmit, onTab, mask, placeholder, isActive = true }) {
  const latest = useRef(value);
  latest.current = value;
  const change = (v) => {
    latest.current = v;
    onChange(v);
  };
  useInput(
    (input, key) => {
      if (key.return) return onSubmit(latest.current);
      if (key.tab) return onTab?.();
      if (key.backspace || key.delete) return change(latest.current.slice(0, -1));
      if (key.ctrl && input === "u") return change("");
      if (key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      const submit = /[\r\n]/.test(input);
      const text = input.split(/[\r\n]/)[0].replace(/\t/g, "");
      if (text) change(latest.current + text);
      if (submit) onSubmit(latest.current);
    },
    { isActive }
  );
  const shown = mask ? mask.repeat(value.length) : value;
  return /* @__PURE__ */ jsxs(Text, { children: [
    shown === "" && placeholder ? /* @__PURE__ */ jsx(Text, { dimColor: true, children: placeholder }) : shown,
    /* @__PURE__ */ jsx(Text, { inverse: true, children: " " })
  ] });
}
function Select({ items, onSelect, onHighlight, isActive = true, initialIndex = 0 }) {
  const color = useColor();
  const [index, setIndex] = useState(Math.min(initialIndex, Math.max(0, items.length - 1)));
  const at = useRef(index);
  at.current = Math.min(at.current, Math.max(0, items.length - 1));
  const move = (d) => {
    const i = (at.current + d + items.length) % items.length;
    at.current = i;
    setIndex(i);
    onHighlight?.(items[i].value);
  };
  useInput(
    (input, key) => {
      if (key.upArrow || input === "k") move(-1);
      else if (key.downArrow || input === "j") move(1);
      else if (key.return && items[at.current]) onSelect(items[at.current].value);
    },
    { isActive }
  );
  return /* @__PURE__ */ jsx(Box, { flexDirection: "column", children: items.map((it, i) => /* @__PURE__ */ jsxs(Text, { color: i === index ? color("cyan") : void 0, bold: i === index, children: [
    i === index ? "\u276F " : "  ",
    it.label
  ] }, i)) });
}
function ErrorBox({ error }) {
  const color = useColor();
  const width = useWidth();
  const code = isKolmError(error) ? error.code : "E_INTERNAL";
  const message = error instanceof Error ? error.message : String(error);
  const hint = isKolmError(error) ? error.hint : void 0;
  return /* @__PURE__ */ jsxs(Box, { flexDirection: "column", children: [
    /* @__PURE__ */ jsxs(Text, { color: color("red"), children: [
      "\u2717 ",
      code,
      ": ",
      clip(message.split("\n")[0], width * 3)
    ] }),
    hint ? /* @__PURE__ */ jsxs(Text, { color: color("yellow"), children: [
      "  hint: ",
      clip(hint, width * 2)
    ] }) : null
  ] });
}
function useReporter() {
  const empty = { stages: [], infos: [], warnings: [] };
  const [progress, setProgress] = useState(empty);
  const reporter = useMemo(
    () => ({
      progress: (event) => setProgress((p) => {
        const i = p.stages.findIndex((s) => s.stage === event.stage);
        const stages = i < 0 ? [...p.stages, { stage: event.stage, event }] : p.stages.map((s, j) => j === i ? { stage: s.stage, event: { ...s.event, ...event } } : s);
        return { ...p, stages };
      }),
      info: (m) => setProgress((p) => ({ ...p, infos: [...p.infos, m] })),
      warn: (m) => setProgress((p) => ({ ...p, warnings: [...p.warnings, m] }))
    }),
    []
  );
  return { reporter, progress, reset: () => setProgress(empty) };
}

// tui/wizard/state.ts
var STEPS = ["find", "features", "spec", "compile", "evaluate", "ship"];
var STEP_TITLES = {
  find: "find",
  features: "features",
  spec: "spec",
  compile: "compile",
  evaluate: "eval",
  ship: "ship"
};
var initialState = () => ({ step: "find" });
var previous = (step) => STEPS[Math.max(STEPS.indexOf(step) - 1, 0)];
function without(state, from) {
  const order = STEPS.indexOf(from);
  const s = { ...state };
  if (order <= STEPS.indexOf("features")) delete s.converted;
  if (order <= STEPS.indexOf("spec")) {
    delete s.spec;
    delete s.specPath;
  }
  if (order <= STEPS.indexOf("compile")) delete s.built;
  if (order <= STEPS.indexOf("evaluate")) delete s.ab;
  return s;
}
function wizardReducer(state, action) {
  if (state.outcome) return state;
  switch (action.type) {
    case "found": {
      const same = state.found?.exportDir === action.found.exportDir && state.found.config === action.found.config;
      return { ...same ? state : without(state, "features"), found: action.found, step: "features" };
    }
    case "converted":
      return { ...without(state, "spec"), converted: action.converted, step: "spec" };
    case "specWritten": {
      const same = state.spec !== void 0 && JSON.stringify(state.spec) === JSON.stringify(action.spec);
      return { ...same ? state : without(state, "compile"), spec: action.spec, specPath: action.specPath, step: "compile" };
    }
    case "built":
      return { ...without(state, "evaluate"), built: action.built, step: "evaluate" };
    case "abDone":
      return { ...state, ab: action.ab };
    case "evaluated":
      return { ...state, step: "ship" };
    case "workflowWritten":
      return { ...state, workflowPath: action.path };
    case "back":
      return { ...state, step: previous(state.step) };
    case "goto":
      return STEPS.indexOf(action.step) <= reachable(state) ? { ...state, step: action.step } : state;
    case "finish":
      return { ...state, outcome: "finished" };
    case "stop":
      return { ...state, outcome: "stopped" };
    case "cancel":
      return { ...state, outcome: "cancelled" };
  }
}
function reachable(state) {
  const have = [true, !!state.found, !!state.converted, !!state.spec, !!state.built, !!state.built];
  let i = 0;
  while (i + 1 < have.length && have[i + 1]) i++;
  return i;
}
function exitCodeOf(state) {
  return state.outcome === "finished" ? 0 : state.outcome === "cancelled" ? 130 : 1;
}

// tui/wizard/Wizard.tsx
import { join as join3, relative as relative7 } from "node:path";
import { useEffect as useEffect4, useReducer, useState as useState8 } from "react";
import { Box as Box8, Text as Text8, useApp, useInput as useInput8 } from "ink";

// tui/wizard/steps/CompileStep.tsx
import { relative as relative2 } from "node:path";
import { useEffect as useEffect2, useState as useState3 } from "react";
import { Box as Box3, Text as Text3, useInput as useInput3 } from "ink";

// tui/wizard/services.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { homedir, tmpdir } from "node:os";
var PREVIEW_ROWS = 3;
function checkExportPath(text, cwd) {
  if (text.trim() === "") return { ok: false, message: "type the folder that holds config.yaml and the data files" };
  const path = resolve(cwd, text.trim());
  if (!existsSync(path)) return { ok: false, message: `${text.trim()} does not exist` };
  if (!statSync(path).isDirectory()) return { ok: false, message: `${text.trim()} is a file: give its folder` };
  const found = tryExportAt(path);
  if (found) return { ok: true, found };
  const names = readdirSync(path);
  const hasConfig = names.some((n) => /^(config\.ya?ml|model_hyperparameters\.yaml)$/.test(n));
  return { ok: false, message: hasConfig ? "config.yaml but no CSV/Parquet/JSONL data files here" : "no config.yaml here (Tab completes folder names)" };
}
function completePath(text, cwd) {
  const endsWithSep = text === "" || text.endsWith("/") || text.endsWith(sep);
  const dirPart = endsWithSep ? text : dirname(text) === "." && !text.startsWith(".") ? "" : `${dirname(text)}/`;
  const stem = endsWithSep ? "" : basename(text);
  const dir = resolve(cwd, dirPart || ".");
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { text, matches: [] };
  const matches = readdirSync(dir).filter((n) => n.startsWith(stem) && !(n.startsWith(".") && !stem.startsWith("."))).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
  if (matches.length === 0) return { text, matches };
  let common = matches[0];
  for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
  return { text: `${dirPart}${common}${matches.length === 1 ? "/" : ""}`, matches };
}
async function firstLines(file, n) {
  const fh = await open(file, "r");
  try {
    const lines = [];
    for await (const line of fh.readLines()) {
      if (line.trim() === "") continue;
      lines.push(line);
      if (lines.length >= n) break;
    }
    return lines;
  } finally {
    await fh.close();
  }
}
function featureList(value) {
  if (!Array.isArray(value)) return [];
  return value.map((f) => ({ name: String(f?.name ?? "?"), type: String(f?.type ?? "?") }));
}
async function convertStep(opts, reporter = silentReporter) {
  const columnFixes = opts.columnFixes ?? {};
  const { spec, mapping, warnings, report } = await translateAndConvert({ ...opts, columnFixes, tmpDir: tmpdir() }, reporter);
  const cfg = (await readLudwigConfig(opts.found.config)).value ?? {};
  const trainFile = join(opts.outDir, "train.jsonl");
  const preview = existsSync(trainFile) ? (await firstLines(trainFile, PREVIEW_ROWS)).map((l) => JSON.parse(l)) : [];
  return {
    spec,
    mapping,
    warnings,
    report,
    preview,
    features: { inputs: featureList(cfg.input_features), outputs: featureList(cfg.output_features) },
    columnFixes
  };
}
function editSpec(spec, field, text) {
  const value = text.trim();
  if (field === "name") {
    if (value === "") throw new KolmError("E_BAD_SPEC", "the name is empty", { hint: 'letters, digits, ".", "_" and "-"' });
    return parseSpec({ ...spec, name: value });
  }
  const gates = { ...spec.gates ?? {} };
  if (value === "") delete gates[field];
  else {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new KolmError("E_BAD_SPEC", `${field} must be a number, not "${value}"`, { hint: field === "K_min" ? "a K-score between 0 and 1, e.g. 0.85" : "milliseconds, e.g. 200" });
    gates[field] = n;
  }
  const { gates: _old, ...rest } = spec;
  return parseSpec(Object.keys(gates).length ? { ...rest, gates } : rest);
}
async function writeSpec(outDir, spec) {
  const specPath = join(outDir, "spec.json");
  await writeFileAtomic(specPath, specFileText(parseSpec(spec)));
  return specPath;
}
function compileStep(opts, reporter) {
  return compileInWorker({ outDir: opts.outDir, specPath: opts.specPath, spec: opts.spec, warnings: opts.converted.warnings, report: opts.converted.report }, reporter);
}
function relaxGates(spec, table) {
  const scored = table.filter((r) => r.K !== void 0);
  if (!scored.length || !spec.gates) return spec;
  const best = scored.reduce((a, b) => b.K > a.K ? b : a);
  const floor3 = (x) => Math.floor(x * 1e3) / 1e3;
  const g = { ...spec.gates };
  if (g.K_min !== void 0 && best.K < g.K_min) g.K_min = floor3(best.K);
  if (g.pass_min !== void 0 && best.pass_rate !== void 0 && best.pass_rate < g.pass_min) g.pass_min = floor3(best.pass_rate);
  if (g.p50_ms_max !== void 0 && best.p50_ms !== void 0 && best.p50_ms > g.p50_ms_max) g.p50_ms_max = Math.ceil(best.p50_ms * 10) / 10;
  return parseSpec({ ...spec, gates: g });
}
async function abStep(opts, reporter) {
  const evaluation = opts.built.evaluation;
  if (!evaluation) throw new KolmError("E_USAGE", "there is no held-out split to A/B on", { hint: "export a validation or test split from Predibase" });
  const result = await evaluateArtifactFile({
    artifactPath: opts.built.artifactPath,
    examplesPath: evaluation.file,
    load: { adapter: { modelsDir: defaultModelsDir(process.env, homedir()), tmpDir: tmpdir() } },
    reporter,
    remote: {
      url: opts.url,
      ...opts.adapterId ? { adapterId: opts.adapterId } : {},
      ...opts.token ? { token: opts.token } : {},
      // The resume cache holds outputs and latencies only, never the token (core/remote/cache.ts).
      cachePath: join(opts.outDir, "remote-cache.jsonl")
    }
  });
  const remotePath = join(opts.outDir, "remote-eval.json");
  await writeFileAtomic(remotePath, `${JSON.stringify(result.remote, null, 2)}
`);
  return { remote: result.remote, comparison: result.comparison, remotePath };
}
async function writeWorkflow(opts) {
  const rel = (p) => relative(opts.root, p).split(sep).join("/");
  const text = workflowYaml({
    spec: rel(opts.specPath),
    examples: rel(join(opts.outDir, "train.jsonl")),
    ...opts.built.evaluation ? { eval: rel(opts.built.evaluation.file) } : {},
    ...opts.spec.gates ? { gates: opts.spec.gates } : {},
    ...opts.endpoint ? { predibaseEndpoint: opts.endpoint } : {},
    ...opts.adapterId ? { predibaseAdapterId: opts.adapterId } : {}
  });
  const path = join(opts.root, WORKFLOW_PATH);
  await writeFileAtomic(path, text);
  return path;
}

// tui/wizard/steps/SpecStep.tsx
import { useState as useState2 } from "react";
import { Box as Box2, Text as Text2, useInput as useInput2 } from "ink";
import { Fragment, jsx as jsx2, jsxs as jsxs2 } from "react/jsx-runtime";
function gatesText(spec) {
  const g = spec.gates ?? {};
  const parts = [
    g.K_min !== void 0 ? `K \u2265 ${g.K_min}` : "",
    g.pass_min !== void 0 ? `pass \u2265 ${g.pass_min}` : "",
    g.p50_ms_max !== void 0 ? `p50 \u2264 ${g.p50_ms_max} ms` : "",
    g.p95_ms_max !== void 0 ? `p95 \u2264 ${g.p95_ms_max} ms` : ""
  ].filter(Boolean);
  return parts.join(" \xB7 ") || "none";
}
function SpecStep({ spec: initial, warnings, outDir, onWritten, onBack }) {
  const color = useColor();
  const width = useWidth();
  const [spec, setSpec] = useState2(initial);
  const [editing, setEditing] = useState2(null);
  const [text, setText] = useState2("");
  const [error, setError] = useState2(null);
  const [writing, setWriting] = useState2(false);
  useInput2(
    (_input, key) => {
      if (!key.escape) return;
      if (editing) {
        setEditing(null);
        setError(null);
      } else onBack();
    },
    { isActive: !writing }
  );
  const shape = (s) => typeof s === "string" ? s : `{${Object.keys(s).join(", ")}}`;
  const t = spec.train;
  const rows = [
    ["name", spec.name ?? "(none)"],
    ["task", spec.task],
    ["shape", `${shape(spec.shape.input)} \u2192 ${shape(spec.shape.output)}`],
    ["base", spec.base ? `${spec.base}${spec.base_revision ? `@${spec.base_revision}` : ""}` : "(none: recipes only)"],
    ["adapter", t ? `${t.adapter} r${t.rank} \u03B1${t.alpha}${t.dropout !== void 0 ? ` dropout ${t.dropout}` : ""} \xB7 ${t.epochs} epochs \xB7 lr ${t.learning_rate}` : "(none)"],
    ["prompt", spec.prompt ? oneLineTemplate(spec.prompt.template) : "(none)"],
    ["quantize", spec.quantization ?? "int8"],
    ["gates", gatesText(spec)]
  ];
  const now = (f) => f === "name" ? spec.name ?? "" : spec.gates?.[f] !== void 0 ? String(spec.gates[f]) : "";
  const items = [
    { label: "Write spec.json and compile", value: "write" },
    { label: `Edit the name (${spec.name ?? "none"})`, value: "name" },
    { label: `Edit gate K_min (${spec.gates?.K_min ?? "none"})`, value: "K_min" },
    { label: `Edit gate p50_ms_max (${spec.gates?.p50_ms_max ?? "none"})`, value: "p50_ms_max" }
  ];
  return /* @__PURE__ */ jsxs2(Box2, { flexDirection: "column", children: [
    /* @__PURE__ */ jsx2(Text2, { bold: true, children: "spec.json, translated from config.yaml" }),
    rows.map(([k, v]) => /* @__PURE__ */ jsxs2(Text2, { children: [
      /* @__PURE__ */ jsx2(Text2, { dimColor: true, children: k.padEnd(9) }),
      clip(v, width - 10)
    ] }, k)),
    warnings.slice(0, 3).map((w, i) => /* @__PURE__ */ jsx2(Text2, { color: color("yellow"), children: clip(`! ${w}`, width) }, i)),
    warnings.length > 3 ? /* @__PURE__ */ jsxs2(Text2, { dimColor: true, children: [
      "  \u2026 ",
      warnings.length - 3,
      " more warnings"
    ] }) : null,
    /* @__PURE__ */ jsx2(Box2, { marginTop: 1, flexDirection: "column", children: editing ? /* @__PURE__ */ jsxs2(Fragment, { children: [
      /* @__PURE__ */ jsxs2(Box2, { children: [
        /* @__PURE__ */ jsxs2(Text2, { children: [
          editing === "name" ? "Name" : `${editing} (empty: no gate)`,
          ": "
        ] }),
        /* @__PURE__ */ jsx2(
          LineInput,
          {
            value: text,
            onChange: (v) => {
              setText(v);
              setError(null);
            },
            onSubmit: (v) => {
              try {
                setSpec(editSpec(spec, editing, v));
                setEditing(null);
              } catch (err) {
                setError(err);
              }
            }
          }
        )
      ] }),
      error ? /* @__PURE__ */ jsx2(ErrorBox, { error }) : null,
      /* @__PURE__ */ jsx2(Keys, { items: ["enter set", "esc cancel the edit"] })
    ] }) : writing ? /* @__PURE__ */ jsx2(Text2, { children: "writing spec.json\u2026" }) : /* @__PURE__ */ jsxs2(Fragment, { children: [
      /* @__PURE__ */ jsx2(
        Select,
        {
          items,
          onSelect: (choice) => {
            if (choice !== "write") {
              setText(now(choice));
              setEditing(choice);
              return;
            }
            setWriting(true);
            writeSpec(outDir, spec).then(
              (path) => onWritten(spec, path),
              (err) => {
                setWriting(false);
                setError(err);
              }
            );
          }
        }
      ),
      error ? /* @__PURE__ */ jsx2(ErrorBox, { error }) : null,
      /* @__PURE__ */ jsx2(Keys, { items: ["\u2191\u2193 choose", "enter pick", "esc back", "ctrl-c quit"] })
    ] }) })
  ] });
}
var oneLineTemplate = (t) => t.replace(/\s+/g, " ");

// tui/wizard/steps/CompileStep.tsx
import { Fragment as Fragment2, jsx as jsx3, jsxs as jsxs3 } from "react/jsx-runtime";
var f3 = (x) => x === void 0 ? "\u2013" : x.toFixed(3);
function candidateRows(table, width) {
  const reasonWidth = Math.max(10, width - 44);
  return [
    ["candidate", "K", "pass", "p50 ms", "status"],
    ...table.map((r) => [
      r.type,
      f3(r.K),
      r.pass_rate === void 0 ? "\u2013" : `${(r.pass_rate * 100).toFixed(1)}%`,
      r.p50_ms === void 0 ? "\u2013" : r.p50_ms.toFixed(3),
      clip(r.reason ? `${r.status}: ${r.reason}` : r.status, reasonWidth)
    ])
  ];
}
function CompileStep(props) {
  const { outDir, spec, specPath, converted, built, cwd } = props;
  const color = useColor();
  const width = useWidth();
  const { reporter, progress } = useReporter();
  const [phase, setPhase] = useState3(built ? { kind: "done", built } : { kind: "running" });
  const [started] = useState3(() => Date.now());
  const [finished, setFinished] = useState3(built ? Date.now() : null);
  const elapsed = useElapsed(started, phase.kind === "running");
  useEffect2(() => {
    if (phase.kind !== "running") return;
    let live = true;
    const job = compileStep({ outDir, spec, specPath, converted }, reporter);
    job.result.then(
      (b) => {
        if (!live) return;
        setFinished(Date.now());
        setPhase({ kind: "done", built: b });
      },
      (error) => {
        if (!live) return;
        setFinished(Date.now());
        const table2 = isKolmError(error) && error.code === "E_NO_CANDIDATE" ? error.data?.table : void 0;
        setPhase(table2 ? { kind: "none", table: table2, hint: error.hint } : { kind: "error", error });
      }
    );
    return () => {
      live = false;
      void job.cancel();
    };
  }, []);
  useInput3(
    (_input, key) => {
      if (phase.kind === "base") {
        if (phase.written && (key.return || key.escape)) props.onStop();
        else if (!phase.written && key.escape) setPhase({ kind: "none", table: phase.table });
      } else if (key.escape) props.onBack();
      else if (key.return && phase.kind === "done") props.onBuilt(phase.built);
      else if (key.return && phase.kind === "error") props.onBack();
    },
    { isActive: phase.kind !== "running" }
  );
  const show = (p) => relative2(cwd, p) || ".";
  const title = /* @__PURE__ */ jsxs3(Text3, { bold: true, children: [
    "Compile ",
    spec.name ?? "",
    " \xB7 gates ",
    gatesText(spec)
  ] });
  if (phase.kind === "running") {
    const candidates = progress.stages.filter((s) => s.stage.startsWith("compile:") && s.stage !== "compile:refit" && s.stage !== "compile:eval");
    const bar = candidates[candidates.length - 1]?.event;
    const tail = progress.stages.filter((s) => !s.stage.startsWith("compile:") || s.stage === "compile:refit");
    return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsxs3(Text3, { dimColor: true, children: [
        "elapsed ",
        elapsed.toFixed(1),
        " s"
      ] }),
      candidates.map(({ stage, event }) => {
        const name = stage.slice("compile:".length);
        const busy = !/scored|unsuitable/.test(event.message ?? "");
        return busy ? /* @__PURE__ */ jsx3(Busy, { label: `${name.padEnd(11)} ${event.message ?? ""}` }, stage) : /* @__PURE__ */ jsxs3(Text3, { children: [
          /* @__PURE__ */ jsx3(Text3, { color: color("green"), children: "\u2713" }),
          " ",
          name.padEnd(11),
          " ",
          (event.message ?? "").replace(new RegExp(`^${name}:? `), "")
        ] }, stage);
      }),
      bar?.total ? /* @__PURE__ */ jsx3(ProgressBar, { done: bar.done ?? 0, total: bar.total }) : null,
      tail.map(({ stage, event }) => /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
        /* @__PURE__ */ jsx3(Busy, { label: clip(event.message ?? stage, width - 4) }),
        event.total ? /* @__PURE__ */ jsx3(ProgressBar, { done: event.done ?? 0, total: event.total }) : null
      ] }, stage))
    ] });
  }
  const took = `${(((finished ?? Date.now()) - started) / 1e3).toFixed(1)} s`;
  if (phase.kind === "done") {
    const b = phase.built;
    return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx3(TextTable, { rows: candidateRows(b.outcome.table, width), align: ["l", "r", "r", "r", "l"], width }),
      /* @__PURE__ */ jsxs3(Box3, { marginTop: 1, flexDirection: "column", children: [
        /* @__PURE__ */ jsxs3(Text3, { color: color("green"), children: [
          "\u2713 winner: ",
          b.outcome.winner,
          " \xB7 K ",
          f3(b.outcome.validation.K),
          " on ",
          b.outcome.folds > 1 ? `${b.outcome.folds}-fold validation` : "validation",
          " \xB7 ",
          took
        ] }),
        /* @__PURE__ */ jsx3(Text3, { children: clip(`wrote ${show(b.artifactPath)} (${formatBytes(b.bytes)})`, width) })
      ] }),
      /* @__PURE__ */ jsx3(Keys, { items: ["enter evaluate", "esc back to the spec", "ctrl-c quit"] })
    ] });
  }
  if (phase.kind === "error") {
    return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx3(ErrorBox, { error: phase.error }),
      /* @__PURE__ */ jsx3(Keys, { items: ["enter/esc back to the spec", "ctrl-c quit"] })
    ] });
  }
  const table = /* @__PURE__ */ jsx3(TextTable, { rows: candidateRows(phase.table, width), align: ["l", "r", "r", "r", "l"], width });
  if (phase.kind === "base") {
    const command = `kolm compile --spec ${show(specPath)}${props.adapterDir ? ` --adapter ${show(props.adapterDir)}` : " --adapter ADAPTER_DIR"} --base-gguf BASE.gguf --out ${show(outDir)}/${spec.name ?? "model"}.kolm`;
    return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
      title,
      table,
      /* @__PURE__ */ jsx3(Box3, { marginTop: 1, flexDirection: "column", children: phase.written ? /* @__PURE__ */ jsxs3(Fragment2, { children: [
        /* @__PURE__ */ jsxs3(Text3, { color: color("green"), children: [
          "\u2713 wrote ",
          show(phase.written),
          " with base ",
          phase.text
        ] }),
        /* @__PURE__ */ jsx3(Text3, { children: "The adapter route runs the LoRA on that base (llama.cpp). With the base weights as GGUF:" }),
        /* @__PURE__ */ jsxs3(Text3, { color: color("cyan"), children: [
          "  ",
          command
        ] }),
        /* @__PURE__ */ jsx3(Keys, { items: ["enter/esc stop here", "ctrl-c quit"] })
      ] }) : /* @__PURE__ */ jsxs3(Fragment2, { children: [
        /* @__PURE__ */ jsxs3(Box3, { children: [
          /* @__PURE__ */ jsx3(Text3, { children: "Base model id: " }),
          /* @__PURE__ */ jsx3(
            LineInput,
            {
              value: phase.text,
              placeholder: "meta-llama/Llama-3.1-8B-Instruct",
              onChange: (text) => setPhase({ ...phase, text }),
              onSubmit: (text) => {
                if (!text.trim()) return;
                const next = parseSpec({ ...spec, base: text.trim() });
                writeSpec(outDir, next).then(
                  (path) => setPhase({ ...phase, text: text.trim(), written: path }),
                  (error) => setPhase({ kind: "error", error })
                );
              }
            }
          )
        ] }),
        /* @__PURE__ */ jsx3(Keys, { items: ["enter write it to spec.json", "esc back to the choices"] })
      ] }) })
    ] });
  }
  const relaxed = relaxGates(spec, phase.table);
  const canRelax = JSON.stringify(relaxed.gates) !== JSON.stringify(spec.gates);
  return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", children: [
    title,
    /* @__PURE__ */ jsxs3(Text3, { color: color("red"), children: [
      "\u2717 no recipe passes the gates (",
      took,
      ")"
    ] }),
    table,
    /* @__PURE__ */ jsx3(Box3, { marginTop: 1, children: /* @__PURE__ */ jsx3(
      Select,
      {
        items: [
          ...canRelax ? [{ label: `Lower the gates to what the best candidate reached (${gatesText(relaxed)})`, value: "lower" }] : [],
          { label: spec.base ? `Use the base model (${clip(spec.base, 30)}): the adapter route` : "Add a base model: the adapter route (a LoRA on an LLM)", value: "base" },
          { label: "Stop here", value: "stop" }
        ],
        onSelect: (choice) => {
          if (choice === "stop") return props.onStop();
          if (choice === "base") return setPhase({ kind: "base", table: phase.table, text: spec.base ?? "" });
          writeSpec(outDir, relaxed).then(
            (path) => props.onSpecChanged(relaxed, path),
            (error) => setPhase({ kind: "error", error })
          );
        }
      }
    ) }),
    /* @__PURE__ */ jsx3(Keys, { items: ["\u2191\u2193 choose", "enter pick", "esc back to the spec", "ctrl-c quit"] })
  ] });
}

// tui/wizard/steps/EvaluateStep.tsx
import { basename as basename3, relative as relative3 } from "node:path";
import { useState as useState4 } from "react";
import { Box as Box4, Text as Text4, useInput as useInput4 } from "ink";
import { jsx as jsx4, jsxs as jsxs4 } from "react/jsx-runtime";
var FIELDS = ["url", "adapterId", "token"];
var pct = (x) => `${(x * 100).toFixed(1)}%`;
var ms = (x) => x === void 0 ? "\u2013" : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;
function Headline({ r }) {
  return /* @__PURE__ */ jsxs4(Text4, { children: [
    r.system.name,
    ": K ",
    r.K.toFixed(3),
    " [",
    r.K_ci95[0].toFixed(3),
    ", ",
    r.K_ci95[1].toFixed(3),
    "] \xB7 pass ",
    r.passed,
    "/",
    r.cases,
    " ",
    pct(r.pass_rate),
    " \xB7 p50 ",
    ms(r.latency_ms?.p50),
    " \xB7 p95 ",
    ms(r.latency_ms?.p95),
    r.errors ? ` \xB7 ${r.errors} errors` : ""
  ] });
}
function EvaluateStep(props) {
  const { built, cwd, outDir, spec } = props;
  const color = useColor();
  const width = useWidth();
  const { reporter, progress, reset } = useReporter();
  const [phase, setPhase] = useState4({ kind: "report" });
  const [form, setForm] = useState4({ url: "", adapterId: "", token: "" });
  const show = (p) => relative3(cwd, p) || ".";
  const evaluation = built.evaluation;
  const run = (form2) => {
    setPhase({ kind: "running" });
    reset();
    const token = form2.token || props.envToken;
    abStep({ built, spec, outDir, url: form2.url.trim(), ...form2.adapterId.trim() ? { adapterId: form2.adapterId.trim() } : {}, ...token ? { token } : {} }, reporter).then(
      (ab2) => {
        setPhase({ kind: "report" });
        props.onAb(ab2, { url: form2.url.trim(), ...form2.adapterId.trim() ? { adapterId: form2.adapterId.trim() } : {} });
      },
      (error) => setPhase({ kind: "error", error })
    );
  };
  useInput4(
    (_input, key) => {
      if (phase.kind === "form" && key.escape) {
        const i = FIELDS.indexOf(phase.field);
        setPhase(i === 0 ? { kind: "report" } : { kind: "form", field: FIELDS[i - 1] });
      } else if (phase.kind === "report" && key.escape) props.onBack();
      else if (phase.kind === "error" && (key.escape || key.return)) setPhase({ kind: "form", field: "url" });
    },
    { isActive: phase.kind !== "running" }
  );
  const title = /* @__PURE__ */ jsxs4(Text4, { bold: true, children: [
    "Evaluate ",
    basename3(built.artifactPath)
  ] });
  if (!evaluation) {
    return /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx4(Text4, { color: color("yellow"), children: "The export has no validation or test split: there is nothing held out to score on." }),
      /* @__PURE__ */ jsx4(Select, { items: [{ label: "Continue to ship", value: "next" }], onSelect: props.onNext }),
      /* @__PURE__ */ jsx4(Keys, { items: ["enter continue", "esc back", "ctrl-c quit"] })
    ] });
  }
  const r = evaluation.report;
  const gates = r.gates ?? [];
  if (phase.kind === "form") {
    const labels = {
      url: "Endpoint URL (LoRAX base URL or Predibase deployment URL)",
      adapterId: "Adapter id (parameters.adapter_id; empty: none)",
      token: props.envToken ? "Token (empty: use $PREDIBASE_API_TOKEN)" : "Token (Bearer; empty for a LoRAX server without auth)"
    };
    return /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsxs4(Text4, { children: [
        "A/B against the old endpoint on the same ",
        r.cases,
        " cases"
      ] }),
      FIELDS.filter((f) => FIELDS.indexOf(f) < FIELDS.indexOf(phase.field)).map((f) => /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: clip(`${labels[f].split(" (")[0]}: ${f === "token" ? "\u2022".repeat(form.token.length) : form[f] || "(none)"}`, width) }, f)),
      /* @__PURE__ */ jsxs4(Text4, { children: [
        labels[phase.field],
        ":"
      ] }),
      /* @__PURE__ */ jsxs4(Box4, { children: [
        /* @__PURE__ */ jsx4(Text4, { children: "\u203A " }),
        /* @__PURE__ */ jsx4(
          LineInput,
          {
            value: form[phase.field],
            ...phase.field === "token" ? { mask: "\u2022" } : {},
            ...phase.field === "url" ? { placeholder: "https://serving.app.predibase.com/TENANT/deployments/v2/llms/NAME" } : {},
            onChange: (v) => setForm((f) => ({ ...f, [phase.field]: v })),
            onSubmit: (v) => {
              const now = { ...form, [phase.field]: v };
              if (phase.field === "url" && !now.url.trim()) return;
              const i = FIELDS.indexOf(phase.field);
              if (i < FIELDS.length - 1) setPhase({ kind: "form", field: FIELDS[i + 1] });
              else run(now);
            }
          }
        )
      ] }),
      /* @__PURE__ */ jsx4(Keys, { items: ["enter next", "esc previous field", "the token is never written to disk"] })
    ] });
  }
  if (phase.kind === "running") {
    const remote = progress.stages.filter((s) => !s.stage.startsWith("eval:"));
    const last = (remote.length ? remote : progress.stages)[(remote.length ? remote : progress.stages).length - 1];
    return /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx4(Busy, { label: remote.length ? `asking ${clip(last?.event.message ?? form.url, width - 20)}` : "scoring kolm on the held-out cases" }),
      last?.event.total ? /* @__PURE__ */ jsx4(ProgressBar, { done: last.event.done ?? 0, total: last.event.total, width: Math.min(40, width - 20) }) : null,
      progress.infos.slice(-1).map((m, i) => /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: clip(m, width) }, i))
    ] });
  }
  const ab = props.ab;
  const labelRows = (r.labels ?? []).slice(0, 6).map((l) => [l.label, String(l.support), l.precision.toFixed(3), l.recall.toFixed(3), l.f1.toFixed(3)]);
  return /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
    title,
    /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: clip(`${show(evaluation.file)} \xB7 ${r.cases} cases (${r.kind}) \xB7 report ${show(evaluation.reportPath)}`, width) }),
    /* @__PURE__ */ jsx4(Headline, { r }),
    gates.length ? gates.map((g) => /* @__PURE__ */ jsx4(Text4, { color: g.pass ? color("green") : color("red"), children: clip(`${g.pass ? "\u2713 pass" : "\u2717 FAIL"}  ${g.gate} ${g.limit} \xB7 ${g.detail}`, width) }, g.gate)) : /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: "no gates in the spec" }),
    !ab && labelRows.length ? /* @__PURE__ */ jsx4(Box4, { marginTop: 1, children: /* @__PURE__ */ jsx4(TextTable, { rows: [["label", "support", "precision", "recall", "f1"], ...labelRows], align: ["l", "r", "r", "r", "r"], width }) }) : null,
    ab ? /* @__PURE__ */ jsxs4(Box4, { marginTop: 1, flexDirection: "column", children: [
      /* @__PURE__ */ jsx4(Headline, { r: ab.remote }),
      /* @__PURE__ */ jsx4(TextTable, { rows: abRows(r, ab), align: ["l", "r", "r", "r"], width }),
      /* @__PURE__ */ jsx4(Text4, { children: clip(ab.comparison.verdict_line, width) }),
      /* @__PURE__ */ jsxs4(Text4, { dimColor: true, children: [
        ab.comparison.disagreements.total,
        " cases answered differently"
      ] }),
      /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: clip(`wrote ${show(ab.remotePath)}`, width) })
    ] }) : null,
    phase.kind === "error" ? /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", marginTop: 1, children: [
      /* @__PURE__ */ jsx4(ErrorBox, { error: phase.error }),
      /* @__PURE__ */ jsx4(Keys, { items: ["enter/esc edit the endpoint again"] })
    ] }) : /* @__PURE__ */ jsxs4(Box4, { marginTop: 1, flexDirection: "column", children: [
      /* @__PURE__ */ jsx4(
        Select,
        {
          items: [
            { label: "Continue to ship", value: "next" },
            { label: ab ? "Run the A/B again\u2026" : "A/B against the Predibase endpoint\u2026", value: "ab" }
          ],
          onSelect: (v) => v === "next" ? props.onNext() : setPhase({ kind: "form", field: "url" })
        }
      ),
      /* @__PURE__ */ jsx4(Keys, { items: ["\u2191\u2193 choose", "enter pick", "esc back", "ctrl-c quit"] })
    ] })
  ] });
}
function abRows(k, ab) {
  const o = ab.remote;
  const d = (a, b, f) => `${a - b >= 0 ? "+" : ""}${f(a - b)}`;
  return [
    ["", "kolm", o.system.name, "delta"],
    ["K", k.K.toFixed(3), o.K.toFixed(3), d(k.K, o.K, (x) => x.toFixed(3))],
    ["pass rate", pct(k.pass_rate), pct(o.pass_rate), d(k.pass_rate * 100, o.pass_rate * 100, (x) => `${x.toFixed(1)} pt`)],
    ["p50", ms(k.latency_ms?.p50), ms(o.latency_ms?.p50), ""]
  ];
}

// tui/wizard/steps/FeaturesStep.tsx
import { relative as relative4 } from "node:path";
import { useEffect as useEffect3, useState as useState5 } from "react";
import { Box as Box5, Text as Text5, useInput as useInput5 } from "ink";
import { jsx as jsx5, jsxs as jsxs5 } from "react/jsx-runtime";
var num = (n) => n.toLocaleString("en-US");
function FeaturesStep({ cwd, found, outDir, name, converted, onDone, onBack }) {
  const color = useColor();
  const width = useWidth();
  const { reporter, progress, reset } = useReporter();
  const [fixes, setFixes] = useState5(converted?.columnFixes ?? {});
  const [phase, setPhase] = useState5(converted ? { kind: "done", converted } : { kind: "running" });
  const [attempt, setAttempt] = useState5(0);
  useEffect3(() => {
    if (phase.kind !== "running") return;
    let live = true;
    reset();
    convertStep({ found, outDir, name, columnFixes: fixes }, reporter).then(
      (c2) => live && setPhase({ kind: "done", converted: c2 }),
      (error) => {
        if (!live) return;
        const data = isKolmError(error) ? error.data : void 0;
        if (isKolmError(error) && error.code === "E_MISSING_COLUMN" && data?.columnsFound && typeof error.place?.column === "string") {
          setPhase({ kind: "missing", error, column: error.place.column, found: data.columnsFound, ...data.closest ? { closest: data.closest } : {} });
        } else setPhase({ kind: "error", error });
      }
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  useInput5((input, key) => {
    if (phase.kind === "running") return;
    if (key.escape) return onBack();
    if (key.return && phase.kind === "done") return onDone(phase.converted);
    if (phase.kind === "error" && (input === "r" || key.return)) {
      setPhase({ kind: "running" });
      setAttempt((a) => a + 1);
    }
  });
  const title = /* @__PURE__ */ jsxs5(Text5, { bold: true, children: [
    "Features and data \xB7 ",
    relative4(cwd, found.exportDir) || "."
  ] });
  if (phase.kind === "running") {
    const last = progress.stages[progress.stages.length - 1]?.event;
    return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx5(Busy, { label: clip(last?.message ?? "reading the export", width - 4) }),
      last?.total ? /* @__PURE__ */ jsx5(ProgressBar, { done: last.done ?? 0, total: last.total }) : null
    ] });
  }
  if (phase.kind === "error") {
    return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx5(ErrorBox, { error: phase.error }),
      /* @__PURE__ */ jsx5(Keys, { items: ["enter retry", "esc back", "ctrl-c quit"] })
    ] });
  }
  if (phase.kind === "missing") {
    const options = [...phase.closest ? [phase.closest] : [], ...phase.found.filter((c2) => c2 !== phase.closest)];
    return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
      title,
      /* @__PURE__ */ jsx5(Text5, { color: color("yellow"), children: clip(phase.error.message.split(". Columns found")[0], width * 2) }),
      /* @__PURE__ */ jsxs5(Text5, { children: [
        'Which column of the data holds "',
        phase.column,
        '"?'
      ] }),
      /* @__PURE__ */ jsx5(Box5, { marginTop: 1, children: /* @__PURE__ */ jsx5(
        Select,
        {
          items: options.map((c2) => ({ label: c2 === phase.closest ? `${c2}  (closest)` : c2, value: c2 })),
          onSelect: (c2) => {
            setFixes((f) => ({ ...f, [phase.column]: c2 }));
            setPhase({ kind: "running" });
            setAttempt((a) => a + 1);
          }
        }
      ) }),
      /* @__PURE__ */ jsx5(Keys, { items: ["\u2191\u2193 choose", "enter use this column", "esc back", "ctrl-c quit"] })
    ] });
  }
  const c = phase.converted;
  const r = c.report;
  const t = r.totals;
  const dropped = Object.values(t.dropped).reduce((a, b) => a + b, 0);
  const kept = t.rowsOut.train + t.rowsOut.validation + t.rowsOut.test;
  const feats = (fs) => fs.map((f) => `${f.name} (${f.type})`).join(", ") || "\u2013";
  const fixed = Object.entries(c.columnFixes).map(([a, b]) => `${a}\u2192${b}`);
  const half = Math.max(12, Math.floor((width - 4) / 2));
  const previewRows = [["input", "output"], ...c.preview.map((p) => [clip(oneLine(p.input), half + 8), clip(oneLine(p.output), half - 10)])];
  const splits = ["train", "validation", "test"].filter((s) => t.rowsOut[s] > 0).map((s) => `${s} ${num(t.rowsOut[s])}`);
  const warnings = [...c.warnings, ...r.warnings];
  return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
    title,
    /* @__PURE__ */ jsxs5(Text5, { children: [
      "Ludwig features  input: ",
      feats(c.features.inputs),
      " \u2192 output: ",
      feats(c.features.outputs)
    ] }),
    /* @__PURE__ */ jsx5(Text5, { children: clip(`Column mapping   input \u2190 ${c.mapping.inputColumns.join(", ")} (${r.input.kind}) \xB7 output \u2190 ${c.mapping.outputColumn}${fixed.length ? ` \xB7 you chose ${fixed.join(", ")}` : ""}`, width) }),
    /* @__PURE__ */ jsxs5(Box5, { marginTop: 1, flexDirection: "column", children: [
      /* @__PURE__ */ jsxs5(Text5, { dimColor: true, children: [
        "Preview: train.jsonl, first ",
        c.preview.length,
        " of ",
        num(t.rowsOut.train),
        " rows"
      ] }),
      /* @__PURE__ */ jsx5(TextTable, { rows: previewRows, width })
    ] }),
    /* @__PURE__ */ jsxs5(Box5, { marginTop: 1, flexDirection: "column", children: [
      /* @__PURE__ */ jsxs5(Text5, { children: [
        "Ingestion  ",
        num(t.rowsIn),
        " rows in \u2192 ",
        num(kept),
        " kept (",
        splits.join(" \xB7 "),
        ") \xB7 dropped ",
        num(dropped),
        t.sampledOut ? ` \xB7 sampled out ${num(t.sampledOut)}` : ""
      ] }),
      /* @__PURE__ */ jsx5(Text5, { children: clip(`           duplicates ${num(r.duplicates.exact)} \xB7 conflicting inputs ${num(r.duplicates.conflictingInputs)} (${num(r.duplicates.conflictingRows)} rows) \xB7 in several splits ${num(r.duplicates.inputsInSeveralSplits)} \xB7 ${num(r.output.distinct)} distinct outputs`, width) })
    ] }),
    warnings.slice(0, 2).map((w, i) => /* @__PURE__ */ jsx5(Text5, { color: color("yellow"), children: clip(`! ${w}`, width) }, i)),
    warnings.length > 2 ? /* @__PURE__ */ jsxs5(Text5, { dimColor: true, children: [
      "  \u2026 ",
      warnings.length - 2,
      " more in report.json"
    ] }) : null,
    /* @__PURE__ */ jsx5(Keys, { items: ["enter continue to the spec", "esc back", "ctrl-c quit"] })
  ] });
}

// tui/wizard/steps/FindStep.tsx
import { existsSync as existsSync2 } from "node:fs";
import { basename as basename4, relative as relative5, resolve as resolve2 } from "node:path";
import { useMemo as useMemo2, useState as useState6 } from "react";
import { Box as Box6, Text as Text6, useInput as useInput6 } from "ink";
import { Fragment as Fragment3, jsx as jsx6, jsxs as jsxs6 } from "react/jsx-runtime";
var TYPE = /* @__PURE__ */ Symbol("type a path");
function describeExport(e) {
  const data = e.dataFiles.map((f) => basename4(f)).join(", ");
  return `${basename4(e.config)} \xB7 ${e.dataFiles.length} data file${e.dataFiles.length > 1 ? "s" : ""} (${data})${e.adapterDir ? ` \xB7 adapter: ${basename4(e.adapterDir)}` : ""}`;
}
function FindStep({ cwd, initialPath, current, onFound }) {
  const color = useColor();
  const width = useWidth();
  const root = resolve2(cwd, initialPath ?? ".");
  const exports = useMemo2(() => {
    if (!existsSync2(root)) return [];
    const here = tryExportAt(root);
    return here ? [here] : findExports(root);
  }, [root]);
  const show = (p) => relative5(cwd, p) || ".";
  const [mode, setMode] = useState6(exports.length ? "list" : "type");
  const [text, setText] = useState6(initialPath && !exports.length ? initialPath : "");
  const [matches, setMatches] = useState6([]);
  const [highlight, setHighlight] = useState6(current ?? exports[0] ?? TYPE);
  const check = checkExportPath(text, cwd);
  useInput6(
    (_input, key) => {
      if (key.escape && exports.length) {
        setMode("list");
        setMatches([]);
      }
    },
    { isActive: mode === "type" }
  );
  const items = [
    ...exports.map((e) => ({ label: clip(show(e.exportDir), width - 4), value: e })),
    { label: "Type a path\u2026", value: TYPE }
  ];
  const initialIndex = Math.max(0, exports.findIndex((e) => e.exportDir === current?.exportDir));
  return /* @__PURE__ */ jsxs6(Box6, { flexDirection: "column", children: [
    /* @__PURE__ */ jsx6(Text6, { bold: true, children: "Find the Predibase export" }),
    exports.length ? /* @__PURE__ */ jsxs6(Text6, { children: [
      "Found ",
      exports.length,
      " export",
      exports.length > 1 ? "s" : "",
      " under ",
      show(root),
      ":"
    ] }) : /* @__PURE__ */ jsxs6(Text6, { color: color("yellow"), children: [
      "No export under ",
      show(root),
      ": it needs config.yaml beside CSV/Parquet/JSONL files."
    ] }),
    mode === "list" ? /* @__PURE__ */ jsxs6(Fragment3, { children: [
      /* @__PURE__ */ jsx6(Box6, { marginTop: 1, children: /* @__PURE__ */ jsx6(
        Select,
        {
          items,
          initialIndex,
          onHighlight: setHighlight,
          onSelect: (v) => v === TYPE ? setMode("type") : onFound(v)
        }
      ) }),
      /* @__PURE__ */ jsx6(Box6, { marginTop: 1, children: /* @__PURE__ */ jsx6(Text6, { dimColor: true, children: highlight === TYPE ? "a folder with config.yaml and the data files" : clip(describeExport(highlight), width) }) }),
      /* @__PURE__ */ jsx6(Keys, { items: ["\u2191\u2193 choose", "enter pick", "ctrl-c quit"] })
    ] }) : /* @__PURE__ */ jsxs6(Fragment3, { children: [
      /* @__PURE__ */ jsxs6(Box6, { marginTop: 1, children: [
        /* @__PURE__ */ jsx6(Text6, { children: "Path: " }),
        /* @__PURE__ */ jsx6(
          LineInput,
          {
            value: text,
            placeholder: "predibase-export/",
            onChange: (v) => {
              setText(v);
              setMatches([]);
            },
            onTab: () => {
              const c = completePath(text, cwd);
              setText(c.text);
              setMatches(c.matches.length > 1 ? c.matches : []);
            },
            onSubmit: (v) => {
              const c = checkExportPath(v, cwd);
              if (c.ok) onFound(c.found);
            }
          }
        )
      ] }),
      matches.length ? /* @__PURE__ */ jsx6(Text6, { dimColor: true, children: clip(matches.join("  "), width) }) : null,
      /* @__PURE__ */ jsx6(Text6, { color: check.ok ? color("green") : color("yellow"), children: clip(check.ok ? `\u2713 ${describeExport(check.found)}` : `\u2717 ${check.message}`, width) }),
      /* @__PURE__ */ jsx6(Keys, { items: ["tab complete", "enter use this export", ...exports.length ? ["esc back to the list"] : [], "ctrl-c quit"] })
    ] })
  ] });
}

// tui/wizard/steps/ShipStep.tsx
import { existsSync as existsSync3 } from "node:fs";
import { join as join2, relative as relative6 } from "node:path";
import { useState as useState7 } from "react";
import { Box as Box7, Text as Text7, useInput as useInput7 } from "ink";
import { jsx as jsx7, jsxs as jsxs7 } from "react/jsx-runtime";
function ShipStep(props) {
  const { cwd, built } = props;
  const color = useColor();
  const width = useWidth();
  const [error, setError] = useState7(null);
  const show = (p) => relative6(cwd, p) || ".";
  const a = show(built.artifactPath);
  const cases = built.evaluation ? show(built.evaluation.file) : "cases.jsonl";
  const exists = existsSync3(join2(cwd, WORKFLOW_PATH));
  useInput7((_i, key) => {
    if (key.escape) props.onBack();
  });
  const commands = [
    ["Serve it (LoRAX API)", `kolm serve ${a} --port 8080`],
    ["Run it on JSONL", `kolm run ${a} < ${cases}`],
    ["Score it again", `kolm eval ${a} --examples ${cases}`],
    ["Sign and publish", `kolm sign ${a} --key kolm.key && kolm publish ${a} --repo OWNER/REPO --tag v1`]
  ];
  return /* @__PURE__ */ jsxs7(Box7, { flexDirection: "column", children: [
    /* @__PURE__ */ jsx7(Text7, { bold: true, children: "Ship" }),
    /* @__PURE__ */ jsx7(Text7, { color: color("green"), children: clip(`\u2713 ${a} \xB7 ${formatBytes(built.bytes)} \xB7 ${built.outcome.winner} recipe${built.evaluation ? ` \xB7 K ${built.evaluation.report.K.toFixed(3)}` : ""}`, width) }),
    /* @__PURE__ */ jsx7(Box7, { marginTop: 1, flexDirection: "column", children: commands.map(([what, cmd]) => /* @__PURE__ */ jsxs7(Box7, { flexDirection: "column", children: [
      /* @__PURE__ */ jsx7(Text7, { dimColor: true, children: what }),
      /* @__PURE__ */ jsx7(Text7, { color: color("cyan"), children: clip(`  ${cmd}`, width) })
    ] }, what)) }),
    /* @__PURE__ */ jsxs7(Box7, { marginTop: 1, flexDirection: "column", children: [
      props.workflowPath ? /* @__PURE__ */ jsxs7(Text7, { color: color("green"), children: [
        "\u2713 wrote ",
        show(props.workflowPath),
        ": pull requests are compiled, scored and gated by the Action"
      ] }) : null,
      error ? /* @__PURE__ */ jsx7(ErrorBox, { error }) : null,
      /* @__PURE__ */ jsx7(
        Select,
        {
          items: [
            ...props.workflowPath ? [] : [{ label: `${exists ? "Overwrite" : "Write"} ${WORKFLOW_PATH} (gate pull requests with the Action)`, value: "workflow" }],
            { label: "Finish", value: "finish" }
          ],
          onSelect: (v) => {
            if (v === "finish") return props.onFinish();
            writeWorkflow({ root: cwd, specPath: props.specPath, outDir: props.outDir, built, spec: props.spec, ...props.endpoint ? { endpoint: props.endpoint.url, ...props.endpoint.adapterId ? { adapterId: props.endpoint.adapterId } : {} } : {} }).then(props.onWorkflow, setError);
          }
        }
      )
    ] }),
    /* @__PURE__ */ jsx7(Keys, { items: ["\u2191\u2193 choose", "enter pick", "esc back", "ctrl-c quit"] })
  ] });
}

// tui/wizard/Wizard.tsx
import { jsx as jsx8, jsxs as jsxs8 } from "react/jsx-runtime";
function Header({ state }) {
  const color = useColor();
  const width = useWidth();
  const current = STEPS.indexOf(state.step);
  return /* @__PURE__ */ jsxs8(Box8, { flexDirection: "column", marginBottom: 1, children: [
    /* @__PURE__ */ jsxs8(Text8, { children: [
      /* @__PURE__ */ jsx8(Text8, { bold: true, color: color("magenta"), children: "kolm-migrate" }),
      "  ",
      STEPS.map((s, i) => /* @__PURE__ */ jsxs8(Text8, { bold: i === current, color: i === current ? color("cyan") : void 0, dimColor: i > current, children: [
        i === current ? `[${i + 1} ${STEP_TITLES[s]}]` : `${i + 1} ${STEP_TITLES[s]}`,
        i < STEPS.length - 1 ? " \u203A " : ""
      ] }, s))
    ] }),
    /* @__PURE__ */ jsx8(Text8, { dimColor: true, children: "\u2500".repeat(Math.min(width, 100)) })
  ] });
}
function Wizard(props) {
  const { cwd } = props;
  const [state, dispatch] = useReducer(wizardReducer, void 0, initialState);
  const [endpoint, setEndpoint] = useState8();
  const { exit } = useApp();
  const width = useWidth();
  useInput8((input, key) => {
    if (key.ctrl && input === "c") dispatch({ type: "cancel" });
  });
  useEffect4(() => {
    if (!state.outcome) return;
    props.onExit?.(state);
    const t = setTimeout(() => exit(), 20);
    return () => clearTimeout(t);
  }, [state.outcome]);
  const outDir = state.found ? props.outDir ?? join3(cwd, "kolm-out", props.name ?? specNameFromConfigPath(state.found.config) ?? "migration") : "";
  const back = () => dispatch({ type: "back" });
  if (state.outcome) {
    const show = (p) => relative7(cwd, p) || ".";
    const where = show(state.built?.artifactPath ?? state.specPath ?? outDir);
    const text = state.outcome === "finished" ? `Done: ${where}${state.workflowPath ? ` \xB7 ${show(state.workflowPath)}` : ""}` : state.outcome === "stopped" ? `Stopped. What was written is in ${show(outDir || cwd)}.` : `Cancelled. Nothing half-written${state.found ? `; what was finished is in ${show(outDir)}` : ""}.`;
    return /* @__PURE__ */ jsxs8(Box8, { flexDirection: "column", children: [
      /* @__PURE__ */ jsx8(Header, { state }),
      /* @__PURE__ */ jsx8(Text8, { children: clip(text, width * 2) })
    ] });
  }
  let body;
  switch (state.step) {
    case "find":
      body = /* @__PURE__ */ jsx8(FindStep, { cwd, ...props.exportPath ? { initialPath: props.exportPath } : {}, ...state.found ? { current: state.found } : {}, onFound: (found) => dispatch({ type: "found", found }) });
      break;
    case "features":
      body = /* @__PURE__ */ jsx8(
        FeaturesStep,
        {
          cwd,
          found: state.found,
          outDir,
          ...props.name ? { name: props.name } : {},
          ...state.converted ? { converted: state.converted } : {},
          onDone: (converted) => dispatch({ type: "converted", converted }),
          onBack: back
        },
        state.found.exportDir
      );
      break;
    case "spec":
      body = /* @__PURE__ */ jsx8(SpecStep, { spec: state.spec ?? state.converted.spec, warnings: state.converted.warnings, outDir, onWritten: (spec, specPath) => dispatch({ type: "specWritten", spec, specPath }), onBack: back });
      break;
    case "compile":
      body = /* @__PURE__ */ jsx8(
        CompileStep,
        {
          cwd,
          outDir,
          spec: state.spec,
          specPath: state.specPath,
          converted: state.converted,
          ...state.found?.adapterDir ? { adapterDir: state.found.adapterDir } : {},
          ...state.built ? { built: state.built } : {},
          onBuilt: (built) => dispatch({ type: "built", built }),
          onSpecChanged: (spec, specPath) => dispatch({ type: "specWritten", spec, specPath }),
          onStop: () => dispatch({ type: "stop" }),
          onBack: back
        },
        JSON.stringify(state.spec)
      );
      break;
    case "evaluate":
      body = /* @__PURE__ */ jsx8(
        EvaluateStep,
        {
          cwd,
          outDir,
          spec: state.spec,
          built: state.built,
          ...state.ab ? { ab: state.ab } : {},
          ...props.env.PREDIBASE_API_TOKEN ? { envToken: props.env.PREDIBASE_API_TOKEN } : {},
          onAb: (ab, ep) => {
            setEndpoint(ep);
            dispatch({ type: "abDone", ab });
          },
          onNext: () => dispatch({ type: "evaluated" }),
          onBack: back
        }
      );
      break;
    case "ship":
      body = /* @__PURE__ */ jsx8(
        ShipStep,
        {
          cwd,
          outDir,
          spec: state.spec,
          specPath: state.specPath,
          built: state.built,
          ...endpoint ? { endpoint } : {},
          ...state.workflowPath ? { workflowPath: state.workflowPath } : {},
          onWorkflow: (path) => dispatch({ type: "workflowWritten", path }),
          onFinish: () => dispatch({ type: "finish" }),
          onBack: back
        }
      );
      break;
  }
  return /* @__PURE__ */ jsxs8(Box8, { flexDirection: "column", width, children: [
    /* @__PURE__ */ jsx8(Header, { state }),
    body
  ] });
}

// tui/wizard/render.tsx
import { jsx as jsx9 } from "react/jsx-runtime";
var colorAllowed = (env) => env.NO_COLOR === void 0 || env.NO_COLOR === "";
async function runInkWizard(opts) {
  const { stdin, stdout, stderr, ...props } = opts;
  let final;
  const instance = render(
    /* @__PURE__ */ jsx9(ColorContext.Provider, { value: colorAllowed(props.env), children: /* @__PURE__ */ jsx9(Wizard, { ...props, onExit: (s) => final = s }) }),
    {
      stdin,
      stdout,
      stderr,
      exitOnCtrlC: false,
      patchConsole: false
    }
  );
  await instance.waitUntilExit();
  return final ? exitCodeOf(final) : 1;
}
export {
  colorAllowed,
  runInkWizard
};
