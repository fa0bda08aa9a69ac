import {
  buildAdapterFromFiles
} from "./chunk-25VUC6NN.js";
import {
  readExamples
} from "./chunk-KIDQGF2E.js";
import "./chunk-EJ7TQGZX.js";
import "./chunk-VXLLJYN6.js";
import "./chunk-PHOCAAMB.js";
import "./chunk-KQIU45A5.js";
import "./chunk-5PASBJYA.js";
import "./chunk-KJEBBPXY.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import {
  compileTemplate
} from "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-OBWXLOW7.js";
import "./chunk-4K3U4TX7.js";
import "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import {
  readSpecFile
} from "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/train/job.ts
import { createHash as createHash2 } from "node:crypto";

// core/train/venv.ts
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// core/train/process.ts
async function runCommand(spawn2, spec, onStdout, onStderr) {
  const proc = spawn2(spec);
  const stdout = [];
  const stderrTail = [];
  proc.onLine((stream, line2) => {
    if (stream === "stdout") {
      stdout.push(line2);
      onStdout?.(line2);
    } else {
      stderrTail.push(line2);
      if (stderrTail.length > 40) stderrTail.shift();
      onStderr?.(line2);
    }
  });
  const status = await proc.exit;
  return { ...status, stdout, stderrTail };
}
function shellLine(cmd, args) {
  return [cmd, ...args].map(shellQuote).join(" ");
}
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// core/train/venv.ts
var TRAINER_ENTRY = "kolm_train.py";
var TRAINER_FILES = [TRAINER_ENTRY, "requirements.txt", "requirements-test.txt", "venv.sh"];
function trainerDir() {
  const candidates = ["./python/", "./train-python/", "../train-python/"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((d) => existsSync(join(d, TRAINER_ENTRY)));
  if (!found) {
    throw new KolmError("E_INTERNAL", `the trainer entry ${TRAINER_ENTRY} is missing from this install (looked in ${candidates.join(", ")})`, {
      hint: "reinstall kolm-migrate; a bundle must carry core/train/python as train-python/"
    });
  }
  return found;
}
function trainerFiles(dir = trainerDir()) {
  return new Map(TRAINER_FILES.map((name) => [name, readFileSync(join(dir, name))]));
}
function requirementsHash(files, withTests = false) {
  const h = createHash("sha256");
  h.update(files.get("requirements.txt"));
  if (withTests) h.update(files.get("requirements-test.txt"));
  return h.digest("hex").slice(0, 16);
}
function kolmCacheDir(env, home) {
  return env.KOLM_CACHE || join(env.XDG_CACHE_HOME || join(home, ".cache"), "kolm");
}
function venvPython(cacheDir, hash) {
  return join(cacheDir, `venv-trainer-${hash}`, "bin", "python");
}
function tryVenvPython(cacheDir, hash) {
  const py = venvPython(cacheDir, hash);
  return existsSync(py) && existsSync(join(cacheDir, `venv-trainer-${hash}`, ".kolm-ready")) ? py : null;
}
async function ensureTrainerVenv(o) {
  const dir = trainerDir();
  const files = trainerFiles(dir);
  const cache = kolmCacheDir(o.env, o.home);
  const hash = requirementsHash(files, o.withTests);
  const ready = tryVenvPython(cache, hash);
  if (ready) return ready;
  const args = [join(dir, "venv.sh"), ...o.withTests ? ["--test"] : [], ...o.basePython ? ["--python", o.basePython] : []];
  const ran = await runCommand(o.spawn, { cmd: "bash", args, env: o.env }, void 0, o.onLine);
  const py = ran.code === 0 ? ran.stdout.at(-1)?.trim() : void 0;
  if (!py) {
    throw new KolmError("E_RUNTIME_MISSING", `could not build the trainer's Python venv in ${cache} (exit ${ran.code ?? ran.signal})`, {
      hint: `${ran.stderrTail.slice(-3).join(" / ") || "see above"}; or pass --python PATH to a Python that has the packages in ${join(dir, "requirements.txt")}`
    });
  }
  return py;
}

// core/train/job.ts
var TRAIN_DEFAULTS = {
  dropout: 0.05,
  target_modules: ["q_proj", "v_proj"],
  batch_size: 4,
  effective_batch: 16,
  lr_scheduler: "cosine",
  warmup_ratio: 0.03,
  weight_decay: 0,
  optimizer: "adamw_torch",
  max_grad_norm: 1
};
function plannedSteps(rows, t) {
  const batches = Math.ceil(rows / t.batch_size);
  const perEpoch = Math.max(Math.ceil(batches / t.gradient_accumulation_steps), 1);
  return Math.ceil(t.epochs * perEpoch);
}
function trainerConfigFor(input) {
  const { spec } = input;
  const file = input.specFile ?? "spec.json";
  const tr = spec.train;
  if (!tr || !spec.base) {
    throw new KolmError("E_BAD_SPEC", `${file} has no "train" section (or no "base"): nothing says how to train the LoRA`, {
      hint: 'add "base": "<org>/<model>", "base_revision" and "train": {"adapter": "lora", "rank": 16, "alpha": 32, "epochs": 3, "learning_rate": 0.0002}',
      place: { file, path: "train" }
    });
  }
  let base;
  if (input.baseWeights) base = { path: input.baseWeights };
  else if (spec.base_revision) base = { id: spec.base, revision: spec.base_revision };
  else {
    throw new KolmError("E_BAD_SPEC", `${file} names the base ${spec.base} without "base_revision": training would not be reproducible`, {
      hint: 'pin it with "base_revision": "<commit sha>" in the spec, or pass --base-weights DIR (a local Hugging Face model folder)',
      place: { file, path: "base_revision" }
    });
  }
  const batch = tr.batch_size ?? TRAIN_DEFAULTS.batch_size;
  const accum = tr.gradient_accumulation_steps ?? Math.max(1, Math.round(TRAIN_DEFAULTS.effective_batch / batch));
  const t = { epochs: tr.epochs, batch_size: batch, gradient_accumulation_steps: accum };
  const steps = plannedSteps(input.train.length, t);
  return {
    kolm_train: 1,
    base,
    lora: {
      r: tr.rank,
      alpha: tr.alpha,
      dropout: tr.dropout ?? TRAIN_DEFAULTS.dropout,
      target_modules: tr.target_modules ?? [...TRAIN_DEFAULTS.target_modules],
      use_rslora: tr.use_rslora ?? false
    },
    train: {
      ...t,
      learning_rate: tr.learning_rate,
      lr_scheduler: TRAIN_DEFAULTS.lr_scheduler,
      warmup_ratio: TRAIN_DEFAULTS.warmup_ratio,
      weight_decay: TRAIN_DEFAULTS.weight_decay,
      optimizer: TRAIN_DEFAULTS.optimizer,
      max_grad_norm: TRAIN_DEFAULTS.max_grad_norm,
      seed: input.seed,
      gradient_checkpointing: false,
      // About a hundred progress lines whatever the length of the run.
      logging_steps: Math.max(1, Math.floor(steps / 100)),
      precision: "auto",
      ...input.cpuThreads ? { cpu_threads: input.cpuThreads } : {}
    }
  };
}
function promptRenderer(spec) {
  const t = spec.prompt?.template;
  if (t) {
    const render = compileTemplate(t);
    return (input) => render(input);
  }
  return (input) => typeof input === "string" ? input : JSON.stringify(input);
}
function completionText(output) {
  return typeof output === "string" ? output : JSON.stringify(output);
}
function jsonl(examples, render) {
  return Buffer.from(examples.map((e) => `${JSON.stringify({ prompt: render(e.input), completion: completionText(e.output) })}
`).join(""), "utf8");
}
function buildJob(input, trainer) {
  const config = trainerConfigFor(input);
  const render = promptRenderer(input.spec);
  const files = /* @__PURE__ */ new Map();
  files.set("config.json", Buffer.from(`${JSON.stringify(config, null, 2)}
`, "utf8"));
  files.set("train.jsonl", jsonl(input.train, render));
  if (input.eval?.length) files.set("eval.jsonl", jsonl(input.eval, render));
  for (const [name, bytes] of trainer) files.set(name, bytes);
  if (!files.has(TRAINER_ENTRY)) throw new KolmError("E_INTERNAL", `the trainer files lack ${TRAINER_ENTRY}`);
  const h = createHash2("sha256");
  for (const name of [...files.keys()].sort()) h.update(name).update("\0").update(files.get(name)).update("\0");
  return { id: h.digest("hex").slice(0, 16), config, files, steps: plannedSteps(input.train.length, config.train) };
}

// core/train/train.ts
import { mkdirSync, readFileSync as readFileSync2, rmSync, writeFileSync, existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";

// core/train/cloud.ts
import { stringify } from "yaml";
function remoteJob(cluster) {
  return `~/.kolm/sky/${cluster}`;
}
function clusterName(jobId) {
  return `kolm-${jobId.slice(0, 10)}`;
}
function skyTask(o) {
  return {
    name: `kolm-train-${o.cluster.replace(/^kolm-/, "")}`,
    resources: {
      accelerators: `${o.gpus.name}:${o.gpus.count}`,
      use_spot: o.spot,
      disk_size: o.diskGb ?? 100,
      autostop: { idle_minutes: o.idleMinutes, down: true }
    },
    ...o.python ? { envs: { KOLM_PYTHON: o.python } } : {},
    ...o.hubToken ? { secrets: { HF_TOKEN: null } } : {},
    file_mounts: { [remoteJob(o.cluster)]: o.jobDir },
    // The pinned venv is built once per cluster (venv.sh caches it), unless the image's Python is named.
    setup: `cd ${remoteJob(o.cluster)} && if [ -z "\${KOLM_PYTHON:-}" ]; then bash venv.sh >/dev/null; fi
`,
    run: `cd ${remoteJob(o.cluster)} && rm -rf out && exec "\${KOLM_PYTHON:-$(bash venv.sh)}" kolm_train.py --job . --out out
`
  };
}
function skyTaskYaml(o) {
  return `# kolm's SkyPilot task: train a LoRA adapter on a rented GPU (sky launch runs it; kolm tears it down)
${stringify(skyTask(o), { lineWidth: 0 })}`;
}
function cloudPlan(o, yamlPath, localOut, sshConfigFile) {
  const ssh = { host: o.cluster, port: 22, ...sshConfigFile ? { configFile: sshConfigFile } : {} };
  const scp = [...ssh.configFile ? ["-F", ssh.configFile] : [], "-o", "BatchMode=yes", "-q", "-r"];
  const remote = remoteJob(o.cluster).replace(/^~\//, "");
  return {
    launch: {
      what: `rent ${o.gpus.name}:${o.gpus.count}${o.spot ? " (spot)" : ""} and train`,
      cmd: "sky",
      args: ["launch", "-y", "-c", o.cluster, "-i", String(o.idleMinutes), ...o.hubToken ? ["--secret", "HF_TOKEN"] : [], yamlPath]
    },
    fetch: { what: "bring the adapter and the record back", cmd: "scp", args: [...scp, `${o.cluster}:${remote}/out/adapter`, `${o.cluster}:${remote}/out/result.json`, `${localOut}/`] },
    down: { what: "tear the cluster down", cmd: "sky", args: ["down", "-y", o.cluster] },
    status: { what: "check nothing is left running", cmd: "sky", args: ["status", o.cluster] }
  };
}

// core/train/events.ts
function parseTrainerLine(line2) {
  if (!line2.startsWith('{"kolm_train"')) return null;
  try {
    const v = JSON.parse(line2);
    return v.kolm_train === 1 && typeof v.event === "string" ? v : null;
  } catch {
    return null;
  }
}
function duration(s) {
  if (s === null || !Number.isFinite(s)) return "?";
  const t = Math.round(s);
  return t >= 3600 ? `${Math.floor(t / 3600)}h${String(Math.floor(t % 3600 / 60)).padStart(2, "0")}m` : t >= 60 ? `${Math.floor(t / 60)}m${String(t % 60).padStart(2, "0")}s` : `${t}s`;
}
function reportTrainerEvent(e, reporter) {
  switch (e.event) {
    case "start":
      reporter.info(`training on ${e.device.name} (${e.device.type}): ${e.rows} examples, ${e.total} steps, max length ${e.max_length} tokens, ${e.trainable_params} trainable parameters; trl ${e.versions.trl}, peft ${e.versions.peft}, torch ${e.versions.torch}`);
      reporter.progress({ stage: "train", done: 0, total: e.total, message: "starting" });
      break;
    case "progress":
      reporter.progress({
        stage: "train",
        done: e.step,
        total: e.total,
        message: `loss ${e.loss?.toFixed(4) ?? "?"} \xB7 lr ${e.lr?.toExponential(2) ?? "?"} \xB7 epoch ${e.epoch?.toFixed(2) ?? "?"} \xB7 ${Math.round(e.tokens_per_s ?? 0)} tok/s \xB7 eta ${duration(e.eta_s)}`
      });
      break;
    case "eval":
      reporter.info(`eval loss ${e.eval_loss?.toFixed(4) ?? "?"} at step ${e.step}`);
      break;
    case "done":
      reporter.info(`trained ${e.steps} steps in ${duration(e.seconds)}; train loss ${e.train_loss?.toFixed(4) ?? "?"}${e.eval_loss !== null ? `, eval loss ${e.eval_loss.toFixed(4)}` : ""}`);
      break;
    case "error":
      break;
  }
}

// core/train/runtime.ts
function parseRuntime(text) {
  if (text === "local") return { kind: "local" };
  if (text === "cloud" || text === "skypilot") return { kind: "cloud" };
  const m = /^ssh:\/\/(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(text);
  if (m) {
    const port = m[3] ? Number(m[3]) : 22;
    if (port < 1 || port > 65535) throw new KolmError("E_USAGE", `--runtime ${text}: port ${port} is out of range`, { hint: "use ssh://user@host:PORT with 1-65535" });
    return { kind: "ssh", ...m[1] ? { user: m[1] } : {}, host: m[2].replace(/^\[|\]$/g, ""), port };
  }
  throw new KolmError("E_USAGE", `unknown --runtime "${text}"`, {
    hint: "use local, ssh://user@host[:port] or cloud (alias skypilot)"
  });
}
function formatRuntime(r) {
  return r.kind === "ssh" ? `ssh://${r.user ? `${r.user}@` : ""}${r.host.includes(":") ? `[${r.host}]` : r.host}${r.port !== 22 ? `:${r.port}` : ""}` : r.kind;
}
function parseGpus(text) {
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]*)(?::(\d+))?$/.exec(text);
  const count = m?.[2] ? Number(m[2]) : 1;
  if (!m || count < 1) throw new KolmError("E_USAGE", `--gpus "${text}" is not NAME[:COUNT]`, { hint: "e.g. --gpus H100:1, --gpus A100-80GB:2, --gpus L4" });
  return { name: m[1], count };
}

// core/train/ssh.ts
var REMOTE_LAUNCHER = "run-remote.sh";
var remoteLauncher = `#!/bin/sh
# kolm's launcher on a training host: one kolm trainer per host at a time. A re-run of the same job stops
# the trainer it left (a dropped connection) and starts clean; another job's live trainer is refused.
set -eu
cd "$(dirname "$0")"
job=$(basename "$PWD")
lock="$HOME/.kolm/train.lock"
if [ -f "$lock" ]; then
  pid=""; other=""
  read -r pid other < "$lock" || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    if [ "$other" != "$job" ]; then
      echo "{\\"kolm_train\\": 1, \\"event\\": \\"error\\", \\"type\\": \\"Busy\\", \\"message\\": \\"another kolm trainer (pid $pid, job $other) is running on this host\\"}"
      exit 75
    fi
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    echo "kolm: stopped the trainer a previous run left (pid $pid)" >&2
  fi
fi
rm -rf out
py="\${KOLM_PYTHON:-}"
if [ -z "$py" ]; then py=$(bash venv.sh); fi
echo "$$ $job" > "$lock"
exec "$py" kolm_train.py --job . --out out
`;
function sshTarget(r, configFile) {
  return { ...r.user ? { user: r.user } : {}, host: r.host, port: r.port, ...configFile ? { configFile } : {} };
}
function dest(t) {
  const host = t.host.includes(":") ? `[${t.host}]` : t.host;
  return t.user ? `${t.user}@${host}` : host;
}
function common(t) {
  return [...t.configFile ? ["-F", t.configFile] : [], "-o", "BatchMode=yes", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"];
}
function sshArgs(t, remoteCommand) {
  return [...common(t), "-p", String(t.port), dest(t), remoteCommand];
}
function remoteJobDir(jobId) {
  return `.kolm/jobs/${jobId}`;
}
function sshPlan(t, jobId, localJobDir, files, localOut, python) {
  const dir = remoteJobDir(jobId);
  const host = dest(t);
  const scp = [...common(t), "-P", String(t.port), "-q"];
  const env = python ? `KOLM_PYTHON=${shq(python)} ` : "";
  return [
    { what: "prepare the job folder on the host", cmd: "ssh", args: sshArgs(t, `mkdir -p ${dir}`) },
    { what: "copy the job (data, config, trainer)", cmd: "scp", args: [...scp, ...files.map((f) => `${localJobDir}/${f}`), `${host}:${dir}/`] },
    { what: "train (progress streams back)", cmd: "ssh", args: sshArgs(t, `${env}sh ${dir}/${REMOTE_LAUNCHER}`) },
    { what: "bring the adapter and the record back", cmd: "scp", args: [...scp, "-r", `${host}:${dir}/out/adapter`, `${host}:${dir}/out/result.json`, `${localOut}/`] }
  ];
}
function shq(s) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// core/train/train.ts
function writeJob(job, jobDir, extra) {
  rmSync(jobDir, { recursive: true, force: true });
  mkdirSync(jobDir, { recursive: true });
  const names = [];
  for (const [name, bytes] of job.files) {
    writeFileSync(join2(jobDir, name), bytes);
    names.push(name);
  }
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(join2(jobDir, name), text, { mode: 493 });
    names.push(name);
  }
  return names.sort();
}
function line(c) {
  return { what: c.what, line: shellLine(c.cmd, c.args) };
}
async function trainAdapter(o, deps) {
  const started = deps.now();
  const jobDir = join2(o.workDir, "job");
  const outDir = join2(o.workDir, "out");
  const r = o.runtime;
  const files = writeJob(o.job, jobDir, r.kind === "ssh" ? { [REMOTE_LAUNCHER]: remoteLauncher } : {});
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const plan = { jobDir, outDir, config: o.job.config, commands: [] };
  let events;
  if (r.kind === "local") {
    const python = o.python ?? (o.dryRun ? null : await ensureTrainerVenv({ spawn: deps.spawn, env: deps.env, home: deps.home, onLine: (l) => deps.reporter.info(l) }));
    const cmd = { what: "train", cmd: python ?? "PYTHON", args: [join2(jobDir, TRAINER_ENTRY), "--job", jobDir, "--out", outDir] };
    plan.commands = [python ? line(cmd) : { what: "train (in the cached venv venv.sh builds once per machine)", line: `"$(bash ${shellQuote(join2(jobDir, "venv.sh"))})" ${shellLine(cmd.args[0], cmd.args.slice(1))}` }];
    if (o.dryRun) return plan;
    events = await streamTrainer(deps, cmd, "this machine");
  } else if (r.kind === "ssh") {
    const target = sshTarget(r, o.sshConfigFile);
    const cmds = sshPlan(target, o.job.id, jobDir, files, outDir, o.python);
    plan.commands = cmds.map(line);
    if (o.dryRun) return plan;
    const where = formatRuntime(r);
    for (const c of cmds) {
      if (c.what.startsWith("train")) {
        events = await streamTrainer(deps, c, where);
      } else {
        const ran = await runCommand(deps.spawn, { cmd: c.cmd, args: c.args, env: deps.env });
        if (ran.code !== 0) throw connectionError(where, c, ran);
      }
    }
  } else {
    const gpus = parseGpus(o.gpus ?? "H100:1");
    const cluster = clusterName(o.job.id);
    const hubToken = "id" in o.job.config.base && Boolean(deps.env.HF_TOKEN);
    const copt = { cluster, gpus, spot: o.spot ?? false, idleMinutes: o.idleMinutes ?? 10, jobDir, hubToken, ...o.python ? { python: o.python } : {} };
    const yaml = skyTaskYaml(copt);
    const yamlPath = join2(o.workDir, "sky-task.yaml");
    writeFileSync(yamlPath, yaml);
    const c = cloudPlan(copt, yamlPath, outDir, o.sshConfigFile);
    Object.assign(plan, { skyYaml: yaml, cluster, commands: [c.launch, c.fetch, c.down, c.status].map(line) });
    if (o.dryRun) return plan;
    deps.reporter.info(`launching SkyPilot cluster ${cluster} (${gpus.name}:${gpus.count}${copt.spot ? ", spot" : ""}, autostop ${copt.idleMinutes} min); check it any time with: sky status ${cluster}`);
    let downing;
    const down = () => downing ??= (async () => {
      deps.reporter.info(`tearing down ${cluster}: ${shellLine(c.down.cmd, c.down.args)}`);
      const ran = await runCommand(deps.spawn, { cmd: c.down.cmd, args: c.down.args, env: deps.env });
      if (ran.code !== 0) deps.reporter.warn(`sky down ${cluster} failed (exit ${ran.code}): ${ran.stderrTail.slice(-2).join(" / ")}; run \`sky down -y ${cluster}\` yourself (autostop takes it down after ${copt.idleMinutes} idle minutes)`);
    })();
    try {
      events = await streamTrainer(deps, c.launch, `SkyPilot cluster ${cluster}`, down);
      const ran = await runCommand(deps.spawn, { cmd: c.fetch.cmd, args: c.fetch.args, env: deps.env });
      if (ran.code !== 0) throw connectionError(`SkyPilot cluster ${cluster}`, c.fetch, ran);
    } finally {
      await down();
      const st = await runCommand(deps.spawn, { cmd: c.status.cmd, args: c.status.args, env: deps.env });
      for (const l of st.stdout) deps.reporter.info(`sky status: ${l}`);
    }
  }
  const resultPath = join2(outDir, "result.json");
  const adapterDir = join2(outDir, "adapter");
  if (!events.done || !existsSync2(resultPath) || !existsSync2(join2(adapterDir, "adapter_config.json"))) {
    throw new KolmError("E_TRAIN_FAILED", `the trainer on ${formatRuntime(r)} finished without an adapter in ${outDir}`, {
      hint: `look at the job in ${jobDir}; the trainer's last words: ${events.stderrTail.slice(-3).join(" / ") || "none"}`
    });
  }
  const record = JSON.parse(readFileSync2(resultPath, "utf8"));
  return { ...plan, adapterDir, record, wallSeconds: (deps.now() - started) / 1e3, runtime: formatRuntime(r) };
}
async function streamTrainer(deps, c, where, onInterrupt) {
  const proc = deps.spawn({ cmd: c.cmd, args: c.args, env: deps.env });
  let interrupted = false;
  const off = deps.onInterrupt?.(() => {
    interrupted = true;
    proc.kill("SIGINT");
    void onInterrupt?.();
  });
  let error;
  let done = false;
  const stderrTail = [];
  proc.onLine((stream, text) => {
    const at = text.indexOf('{"kolm_train"');
    const e = at >= 0 ? parseTrainerLine(text.slice(at)) : null;
    if (e) {
      if (e.event === "error") error = e;
      if (e.event === "done") done = true;
      reportTrainerEvent(e, deps.reporter);
      return;
    }
    if (stream === "stderr") {
      stderrTail.push(text);
      if (stderrTail.length > 40) stderrTail.shift();
    }
  });
  const status = await proc.exit.finally(() => off?.());
  if (interrupted) throw new KolmError("E_TRAIN_FAILED", `training on ${where} was interrupted`, { hint: "run the same command again to start over" });
  if (error) {
    throw new KolmError("E_TRAIN_FAILED", `the trainer on ${where} failed: ${error.type}: ${error.message}`, {
      hint: error.type === "Busy" ? "wait for it to finish, or stop it on the host" : `its traceback: ${stderrTail.slice(-3).join(" / ") || "none"}`
    });
  }
  if (!done) {
    if (c.cmd === "ssh" && status.code === 255) throw connectionError(where, c, { ...status, stdout: [], stderrTail });
    throw new KolmError("E_TRAIN_FAILED", `the trainer on ${where} stopped without finishing (exit ${status.code ?? status.signal})`, {
      hint: stderrTail.slice(-3).join(" / ") || `rerun with the same flags; the job is in the folder it names`
    });
  }
  return { done, stderrTail };
}
function connectionError(where, c, ran) {
  const dropped = ran.code === 255;
  return new KolmError("E_REMOTE", `${dropped ? "the SSH connection to" : "could not"} ${dropped ? `${where} failed or dropped` : `${c.what} on ${where}`} (${c.cmd} exit ${ran.code ?? ran.signal}): ${ran.stderrTail.slice(-2).join(" / ") || "no message"}`, {
    hint: `check \`${c.cmd === "scp" ? "ssh" : c.cmd} ${where.replace(/^ssh:\/\//, "")}\` works without a password prompt, then run the same command again: a re-run stops any trainer the last one left on the host and starts clean`
  });
}

// core/train/node-process.ts
import { spawn } from "node:child_process";
var nodeSpawner = (spec) => {
  const child = spawn(spec.cmd, [...spec.args], {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const listeners = [];
  const split = (stream) => {
    let rest = "";
    return {
      data(chunk) {
        rest += chunk.toString("utf8");
        let nl;
        while ((nl = rest.indexOf("\n")) >= 0) {
          const line2 = rest.slice(0, nl).replace(/\r$/, "");
          rest = rest.slice(nl + 1);
          for (const l of listeners) l(stream, line2);
        }
      },
      end() {
        if (rest) for (const l of listeners) l(stream, rest);
        rest = "";
      }
    };
  };
  const out = split("stdout");
  const err = split("stderr");
  child.stdout.on("data", out.data);
  child.stderr.on("data", err.data);
  const exit = new Promise((resolve) => {
    child.on("error", (e) => {
      for (const l of listeners) l("stderr", `${spec.cmd}: ${e.code === "ENOENT" ? "command not found" : e.message}`);
      resolve({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => {
      out.end();
      err.end();
      resolve({ code, signal });
    });
  });
  return {
    onLine: (l) => void listeners.push(l),
    exit,
    kill: (signal = "SIGTERM") => void child.kill(signal)
  };
};

// core/train/compile.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
function trainingRecord(t) {
  const r = t.record;
  return {
    engine: r.versions,
    runtime: t.runtime,
    device: r.device,
    config: { lora: { ...t.config.lora }, train: { ...t.config.train } },
    base: { ...t.config.base },
    steps: r.steps,
    seconds: r.seconds,
    max_length: r.max_length,
    train_loss: r.train_loss,
    eval_loss: r.eval_loss,
    eval_loss_start: r.eval_loss_start,
    loss_curve: r.loss_curve.map((c) => [c.step, c.loss]),
    peak_memory: r.peak_memory
  };
}
async function trainAndBuild(input, deps) {
  const spec = await readSpecFile(input.specPath);
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = await readExamples(input.examplesPath, shape);
  const held = input.evalPath ? await readExamples(input.evalPath, shape) : void 0;
  const job = buildJob(
    {
      spec,
      specFile: input.specPath,
      train: train.examples,
      ...held ? { eval: held.examples } : {},
      ...input.baseWeights ? { baseWeights: input.baseWeights } : {},
      seed: input.seed,
      ...input.cpuThreads ? { cpuThreads: input.cpuThreads } : {}
    },
    trainerFiles()
  );
  const { specPath: _s, examplesPath: _e, evalPath: _v, baseWeights: _b, seed: _seed, cpuThreads: _c, build, load, ...options } = input;
  if (input.dryRun) return { dryRun: true, plan: await trainAdapter({ ...options, job, dryRun: true }, deps) };
  const trained = await trainAdapter({ ...options, job }, deps);
  deps.reporter.progress({ stage: "convert", message: "PEFT adapter \u2192 GGUF LoRA on the pinned base" });
  const built = await buildAdapterFromFiles({
    ...build,
    specPath: input.specPath,
    adapterPath: trained.adapterDir,
    examplesPath: input.examplesPath,
    ...input.evalPath ? { evalPath: input.evalPath } : {},
    training: trainingRecord(trained)
  });
  if (!input.evalPath) return { dryRun: false, trained, bytes: built.bytes, built };
  const candidate = join3(input.workDir, "candidate.kolm");
  writeFileSync2(candidate, built.bytes);
  const { evaluateArtifactFile } = await import("./eval-72GEQBIQ.js");
  const evaluated = await evaluateArtifactFile({ artifactPath: candidate, shown: "trained adapter", load, examplesPath: input.evalPath, reporter: deps.reporter });
  return { dryRun: false, trained, bytes: built.bytes, built, eval: evaluated };
}
export {
  TRAIN_DEFAULTS,
  buildJob,
  clusterName,
  completionText,
  ensureTrainerVenv,
  duration as formatDuration,
  formatRuntime,
  kolmCacheDir,
  nodeSpawner,
  parseGpus,
  parseRuntime,
  parseTrainerLine,
  plannedSteps,
  promptRenderer,
  remoteJob,
  remoteLauncher,
  reportTrainerEvent,
  requirementsHash,
  runCommand,
  shellLine,
  skyTask,
  skyTaskYaml,
  sshPlan,
  trainAdapter,
  trainAndBuild,
  trainerConfigFor,
  trainerDir,
  trainerFiles,
  trainingRecord,
  tryVenvPython
};
