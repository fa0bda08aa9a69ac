import {
  formatConfidence
} from "./chunks/chunk-TZ2GOD5U.js";
import {
  defaultModelsDir
} from "./chunks/chunk-IMQARR2S.js";
import {
  KolmCommand,
  runCommandLine,
  value
} from "./chunks/chunk-3BNMR3I5.js";
import {
  formatBytes,
  formatCount,
  formatMs
} from "./chunks/chunk-7B5IITYI.js";
import {
  VERSION
} from "./chunks/chunk-NAXT4SUI.js";
import "./chunks/chunk-BLKCQOPR.js";
import {
  snakeKeys
} from "./chunks/chunk-2M3666GV.js";
import {
  KolmError,
  closestName,
  isKolmError
} from "./chunks/chunk-AYSNEYKG.js";

// tui/cli.ts
import { Cli } from "clipanion";

// tui/commands/compare.ts
import { resolve } from "node:path";
import { Command, Option } from "clipanion";
var CompareCommand = class extends KolmCommand {
  static paths = [["compare"]];
  static usage = Command.Usage({
    category: "Evaluate",
    description: "Compare two eval reports (kolm vs Predibase) side by side",
    details: `
      Reads two reports written by \`kolm eval --out\` (or by an A/B) and prints K, pass rate and latency
      side by side with the deltas, a verdict from the paired per-case differences (better / worse / on par
      at 95 %), the cases where they disagree and the gates. --markdown writes the GitHub-flavoured
      Markdown the Action posts on pull requests.
    `,
    examples: [
      ["Compare kolm with the Predibase run", "$0 compare kolm-eval.json predibase-eval.json"],
      ["Write the PR comment body", "$0 compare kolm-eval.json predibase-eval.json --markdown comment.md"]
    ]
  });
  a = Option.String({ required: true, name: "a.json" });
  b = Option.String({ required: true, name: "b.json" });
  markdown = value("file", Option.String("--markdown", { description: "Write the comparison as GitHub Markdown to this file (- for stdout)" }));
  async run() {
    const [{ compareReports, readEvalReport, renderComparisonMarkdown, renderComparisonText }, { writeFileAtomic }] = await Promise.all([
      import("./chunks/eval-72GEQBIQ.js"),
      import("./chunks/atomic-DFMHCSMW.js")
    ]);
    const [a, b] = await Promise.all([readEvalReport(resolve(this.context.cwd, this.a)), readEvalReport(resolve(this.context.cwd, this.b))]);
    const comparison = compareReports(a, b);
    if (this.markdown === "-") this.out(renderComparisonMarkdown(comparison));
    else if (this.markdown) await writeFileAtomic(resolve(this.context.cwd, this.markdown), renderComparisonMarkdown(comparison));
    if (this.json) this.outJson(snakeKeys(comparison));
    else if (this.markdown !== "-") this.out(renderComparisonText(comparison));
    return 0;
  }
};

// tui/commands/compile.ts
import { basename, join, relative, resolve as resolve4 } from "node:path";
import { Command as Command2, Option as Option5 } from "clipanion";

// tui/validators.ts
function fail(state, message) {
  state?.errors?.push(`${state.p ?? "."}: ${message}`);
  return false;
}
function number(rule = {}) {
  const check = (value2, state) => {
    const n = typeof value2 === "number" ? value2 : typeof value2 === "string" && value2.trim() !== "" ? Number(value2) : Number.NaN;
    if (!Number.isFinite(n)) return fail(state, `expected a number (got ${JSON.stringify(value2)})`);
    if (rule.integer && !Number.isInteger(n)) return fail(state, `expected a whole number (got ${value2})`);
    if (rule.min !== void 0 && rule.max !== void 0 && (n < rule.min || n > rule.max)) return fail(state, `expected ${rule.min} to ${rule.max} (got ${value2})`);
    if (rule.min !== void 0 && n < rule.min) return fail(state, `expected at least ${rule.min} (got ${value2})`);
    if (rule.max !== void 0 && n > rule.max) return fail(state, `expected at most ${rule.max} (got ${value2})`);
    if (typeof value2 === "string") {
      if (!state?.coercions || !state.coercion) return fail(state, "a number flag needs coercion");
      state.coercions.push([state.p ?? ".", state.coercion.bind(null, n)]);
    }
    return true;
  };
  return check;
}

// tui/sign-flags.ts
import { readFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
import { Option as Option2 } from "clipanion";
var PASSPHRASE_ENV = "KOLM_KEY_PASSPHRASE";
var signFlags = {
  key: (name = "--key") => value("file", Option2.String(name, { description: `Sign with this private key (from \`kolm keygen\`; passphrase from ${PASSPHRASE_ENV})` })),
  keyless: () => Option2.Boolean("--keyless", false, { description: "Sign keyless with the ambient OIDC identity (GitHub Actions, or SIGSTORE_ID_TOKEN) via Fulcio" }),
  fulcioUrl: () => value("url", Option2.String("--fulcio-url", { description: "Fulcio URL (default: public-good https://fulcio.sigstore.dev)" })),
  rekorUrl: () => value("url", Option2.String("--rekor-url", { description: "Rekor URL (default: public-good https://rekor.sigstore.dev)" })),
  tsaUrl: () => value("url", Option2.String("--tsa-url", { description: "RFC 3161 timestamp authority URL (none by default)" })),
  tlog: () => Option2.Boolean("--tlog", true, { description: "Record in the Rekor transparency log (--no-tlog for private deployments; needs --tsa-url)" })
};
var trustFlags = {
  key: () => value("file", Option2.String("--key", { description: "Verify with this public key (kolm.pub)" })),
  identity: () => value("identity", Option2.String("--certificate-identity", { description: "Keyless: the exact signer identity (certificate SAN), e.g. a workflow URL @ ref" })),
  identityRegexp: () => value("regexp", Option2.String("--certificate-identity-regexp", { description: "Keyless: a regular expression the signer identity must match" })),
  issuer: () => value("url", Option2.String("--certificate-oidc-issuer", { description: "Keyless: the exact OIDC issuer (GitHub: https://token.actions.githubusercontent.com)" })),
  trustedRoot: () => value("file", Option2.String("--trusted-root", { description: "Keyless: trusted_root.json of the Sigstore deployment (default: public good, shipped with kolm)" }))
};
async function readUserFile(ctx, path, what) {
  try {
    return await readFile(resolve2(ctx.cwd, path));
  } catch (err) {
    const missing = err.code === "ENOENT";
    throw new KolmError(missing ? "E_PATH_NOT_FOUND" : "E_PATH_UNREADABLE", `${path} (${what}) ${missing ? "does not exist" : `could not be read: ${err.message}`}`, {
      hint: what.includes("key") ? "make a key pair with `kolm keygen`" : "check the path",
      place: { file: path }
    });
  }
}
async function signingMethodFrom(flags, ctx) {
  if (flags.key && flags.keyless) throw new KolmError("E_USAGE", "--key and --keyless are two ways to sign: give one", { hint: "--key kolm.key offline, --keyless in CI" });
  const { ambientIdentityProvider, parsePrivateKey } = await import("./chunks/sign-BBX3QAEI.js");
  if (flags.key) {
    const pem = await readUserFile(ctx, flags.key, "private key");
    return { method: { mode: "key", privateKey: parsePrivateKey(pem, flags.key, ctx.env[PASSPHRASE_ENV] || void 0) }, secrets: [] };
  }
  if (flags.keyless) {
    return {
      method: {
        mode: "keyless",
        identityProvider: ambientIdentityProvider({ env: ctx.env }),
        fulcioURL: flags.fulcioUrl,
        rekorURL: flags.rekorUrl,
        tsaURL: flags.tsaUrl,
        tlog: flags.tlog
      },
      secrets: [ctx.env.SIGSTORE_ID_TOKEN ?? "", ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ""].filter(Boolean)
    };
  }
  throw new KolmError("E_USAGE", "say how to sign: --key FILE or --keyless", { hint: "make a key pair with `kolm keygen`, or use --keyless in GitHub Actions" });
}
async function trustFrom(flags, ctx) {
  const keyless = flags.identity || flags.identityRegexp || flags.issuer;
  if (flags.key && keyless) throw new KolmError("E_USAGE", "--key and --certificate-identity are two ways to verify: give one", { hint: "--key for key-pair signatures, --certificate-* for keyless ones" });
  const { parsePublicKey, parseTrustedRoot, publicGoodTrustedRoot } = await import("./chunks/sign-BBX3QAEI.js");
  if (flags.key) return { mode: "key", publicKey: parsePublicKey(await readUserFile(ctx, flags.key, "public key"), flags.key), name: flags.key };
  if (!keyless) {
    if (flags.trustedRoot) throw new KolmError("E_USAGE", "--trusted-root needs --certificate-identity (and --certificate-oidc-issuer)", { hint: "say which signer you trust" });
    return void 0;
  }
  if (!flags.identity && !flags.identityRegexp) {
    throw new KolmError("E_USAGE", "--certificate-oidc-issuer needs --certificate-identity or --certificate-identity-regexp", { hint: "name the workflow (or user) that must have signed" });
  }
  if (flags.identity && flags.identityRegexp) throw new KolmError("E_USAGE", "give --certificate-identity or --certificate-identity-regexp, not both");
  if (flags.identityRegexp) {
    try {
      new RegExp(flags.identityRegexp);
    } catch (err) {
      throw new KolmError("E_USAGE", `--certificate-identity-regexp is not a regular expression: ${err.message}`);
    }
  }
  if (!flags.issuer) throw new KolmError("E_USAGE", "keyless verification needs --certificate-oidc-issuer", { hint: "GitHub Actions: https://token.actions.githubusercontent.com" });
  const trustedRoot = flags.trustedRoot ? parseTrustedRoot(await readUserFile(ctx, flags.trustedRoot, "trusted root"), flags.trustedRoot) : publicGoodTrustedRoot();
  return { mode: "keyless", trustedRoot, identity: flags.identity, identityRegExp: flags.identityRegexp, issuer: flags.issuer };
}

// tui/adapter-flags.ts
import { homedir, tmpdir } from "node:os";
import { resolve as resolve3 } from "node:path";
import { Option as Option3 } from "clipanion";
var adapterFlags = {
  baseGguf: () => value("file", Option3.String("--base-gguf", { description: "The base model GGUF for adapter artifacts (default: the models folder, KOLM_MODELS)" })),
  threads: () => value("n", Option3.String("--threads", { description: "llama.cpp threads for adapter artifacts (default: physical cores)", validator: number({ min: 1 }) }))
};
function adapterOptionsFrom(flags, context) {
  const envThreads = Number(context.env.KOLM_THREADS);
  const threads = flags.threads ?? (Number.isInteger(envThreads) && envThreads > 0 ? envThreads : void 0);
  return {
    ...flags.baseGguf ? { baseGguf: resolve3(context.cwd, flags.baseGguf) } : {},
    modelsDir: resolve3(context.cwd, defaultModelsDir(context.env, context.env.HOME || homedir())),
    tmpDir: context.env.TMPDIR || tmpdir(),
    runtime: {
      ...threads ? { threads } : {},
      ...context.env.KOLM_GPU === "0" ? { gpu: false } : {}
    }
  };
}

// tui/runtime-flags.ts
import { Option as Option4 } from "clipanion";
var runtimeFlags = {
  classifierRuntime: () => value("ts|onnx", Option4.String("--classifier-runtime", "ts", {
    description: "What scores classifier recipes: ts (built in) or onnx (onnxruntime-node, when installed); the answers are the same"
  })),
  abstainBelow: () => value("confidence", Option4.String("--abstain-below", {
    description: "Answer --abstain-output instead when the confidence is under this (read it off the coverage curve of kolm eval)",
    validator: number({ min: 0, max: 1 })
  })),
  abstainOutput: () => value("output", Option4.String("--abstain-output", { description: "The answer given instead, as written (e.g. oos, unknown)" })),
  fallbackUrl: () => value("url", Option4.String("--fallback-url", {
    description: "Cascade artifacts: the fallback endpoint to use instead of the URL inside the artifact; PREDIBASE_API_TOKEN is sent only to a URL named here"
  })),
  fallbackTimeout: () => value("seconds", Option4.String("--fallback-timeout", {
    description: "Cascade artifacts: seconds per fallback endpoint request (default 10)",
    validator: number({ min: 1e-3 })
  })),
  fallbackRetries: () => value("n", Option4.String("--fallback-retries", {
    description: "Cascade artifacts: retries per case on 429/5xx/dropped connections (default 1)",
    validator: number({ integer: true, min: 0 })
  })),
  onFallbackError: () => value("error|local", Option4.String("--on-fallback-error", {
    description: "Cascade artifacts: when the fallback fails a case, error (the artifact's default) or answer with the recipe, flagged low_confidence"
  }))
};
async function classifierRuntimeFrom(flag) {
  const { CLASSIFIER_RUNTIMES, DEFAULT_CLASSIFIER_RUNTIME } = await import("./chunks/runtime-NCY2ZWPF.js");
  if (flag === void 0) return DEFAULT_CLASSIFIER_RUNTIME;
  if (!CLASSIFIER_RUNTIMES.includes(flag)) {
    throw new KolmError("E_USAGE", `unknown --classifier-runtime "${flag}"`, { hint: `choose from ${CLASSIFIER_RUNTIMES.join(", ")} (default ${DEFAULT_CLASSIFIER_RUNTIME})` });
  }
  return flag;
}
async function fallbackErrorPolicyFrom(flag) {
  if (flag === void 0) return void 0;
  const { FALLBACK_ERROR_POLICIES } = await import("./chunks/config-G3GL666E.js");
  if (!FALLBACK_ERROR_POLICIES.includes(flag)) {
    throw new KolmError("E_USAGE", `unknown --on-fallback-error "${flag}"`, { hint: `choose from ${FALLBACK_ERROR_POLICIES.join(", ")}` });
  }
  return flag;
}
async function runtimeOptionsFrom(flags, context) {
  const onFallbackError = await fallbackErrorPolicyFrom(flags.onFallbackError);
  const token = context.env.PREDIBASE_API_TOKEN;
  return {
    classifierRuntime: await classifierRuntimeFrom(flags.classifierRuntime),
    cascade: {
      ...token ? { token } : {},
      ...flags.fallbackUrl ? { fallbackUrl: flags.fallbackUrl } : {},
      ...flags.fallbackTimeout !== void 0 ? { timeoutMs: flags.fallbackTimeout * 1e3 } : {},
      ...flags.fallbackRetries !== void 0 ? { retries: flags.fallbackRetries } : {},
      ...onFallbackError ? { onFallbackError } : {}
    }
  };
}
async function abstainPolicyFrom(flags) {
  if (flags.abstainBelow === void 0 && flags.abstainOutput === void 0) return void 0;
  if (flags.abstainBelow === void 0) {
    throw new KolmError("E_USAGE", "--abstain-output without --abstain-below: say under which confidence to answer it", { hint: "e.g. --abstain-below 0.5 --abstain-output oos (the coverage curve of kolm eval shows what a threshold keeps)" });
  }
  if (flags.abstainOutput === void 0) {
    throw new KolmError("E_USAGE", `--abstain-below ${flags.abstainBelow} without --abstain-output: say what to answer instead`, { hint: `e.g. --abstain-below ${flags.abstainBelow} --abstain-output oos` });
  }
  const { checkAbstainPolicy } = await import("./chunks/runtime-NCY2ZWPF.js");
  return checkAbstainPolicy({ below: flags.abstainBelow, output: flags.abstainOutput });
}
async function withAbstain(predictor, policy) {
  if (!policy) return predictor;
  const { abstaining } = await import("./chunks/runtime-NCY2ZWPF.js");
  return abstaining(predictor, policy);
}

// tui/commands/compile.ts
var RECIPES = ["lookup", "extract", "classifier", "composite"];
var CompileCommand = class extends KolmCommand {
  static paths = [["compile"]];
  static usage = Command2.Usage({
    category: "Build",
    description: "Compile spec + examples into a .kolm artifact",
    details: `
      Tries each recipe cheapest first (lookup, extract, classifier, composite), each fitted on the
      training examples and scored on validation folds carved from them (never on --eval). The best one
      that passes the spec's gates wins, is refit on all the examples and written as one .kolm file. With
      --eval, the winner is scored once on that file and the figures go into the manifest.

      When no recipe passes, nothing is written and the table of what each reached is printed with what
      would help. For a recipe that gives confidences, the winner's ECE and a few points of its coverage
      curve are printed (the share of cases answered at a confidence threshold, and K on them).

      --cascade puts the recipe in front of a fallback (--fallback an adapter .kolm, or --fallback-url a
      LoRAX/Predibase endpoint, token from PREDIBASE_API_TOKEN): the fallback answers the validation
      folds' cases once (an endpoint's answers are kept in OUT.cascade-cache.jsonl, so a rerun sends none
      again), and the lowest confidence threshold whose whole meets the gates is chosen from that curve:
      cases at or above it are answered by the recipe, the rest by the fallback. With --eval the whole is
      scored on it beside each side alone; a missed gate exits 3 and nothing is written. At run time the
      token goes only to an endpoint named again: kolm run/eval/serve --fallback-url URL. \`created\` in the manifest comes from SOURCE_DATE_EPOCH or the inputs' file times, so the
      same inputs give the same bytes.
    `,
    examples: [
      ["Compile the converted export", "$0 compile --spec migrated/spec.json --examples migrated/train.jsonl --eval migrated/validation.jsonl --out my.kolm"],
      ["Only try the classifier", "$0 compile --spec spec.json --examples train.jsonl --recipe classifier --out my.kolm"],
      ["Import the Predibase adapter on a local base GGUF", "$0 compile --spec spec.json --adapter predibase-adapter/ --base-gguf llama-3.1-8b.Q8_0.gguf --out my.kolm"],
      ["Train the LoRA on a rented H100 (SkyPilot), then eval, gate and write", "$0 compile --spec spec.json --examples train.jsonl --eval validation.jsonl --runtime cloud --gpus H100:1 --spot --base-gguf llama-3.1-8b.Q8_0.gguf --out my.kolm"],
      ["A cascade: the recipe where it is sure, the Predibase deployment for the rest", "PREDIBASE_API_TOKEN=... $0 compile --spec spec.json --examples train.jsonl --eval validation.jsonl --cascade --fallback-url https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT --adapter-id my-adapter/3 --out my.kolm"],
      ["Train on your own GPU box over SSH; show the plan first", "$0 compile --spec spec.json --examples train.jsonl --runtime ssh://me@gpu-box --dry-run --out my.kolm"]
    ]
  });
  spec = value("file", Option5.String("--spec", { required: true, description: "spec.json (version 1)" }));
  examples = value("file", Option5.String("--examples", { description: "Training examples (JSONL of {input, output}); required unless --adapter" }));
  adapter = value("path", Option5.String("--adapter", { description: "Import a PEFT LoRA export (folder or zip with adapter_config.json + adapter_model.safetensors) as an adapter artifact" }));
  baseGguf = adapterFlags.baseGguf();
  base = value("model", Option5.String("--base", { description: "Base model id (Hugging Face style); with --adapter it overrides the spec's base" }));
  adapterDtype = value("type", Option5.String("--adapter-dtype", { description: "GGUF type of the adapter weights: f16 (default), q8_0 (default when the spec says int8) or f32" }));
  evalFile = value("file", Option5.String("--eval", { description: "Held-out examples to score the winner on (never used to choose)" }));
  output = value("file", Option5.String("--out", { required: true, description: "Where to write the .kolm file" }));
  recipes = value("recipe", Option5.Array("--recipe", { description: `Only try these recipes: ${RECIPES.join(", ")} (a comma list, or the flag repeated)` }));
  seed = value("n", Option5.String("--seed", "42", { description: "Seed for folds and training", validator: number() }));
  recordLatency = Option5.Boolean("--record-latency", false, {
    description: "Also write the measured p50 latency into the manifest (the bytes then differ run to run)"
  });
  adapterId = value("id", Option5.String("--adapter-id", { description: "The Predibase adapter this replaces (REPO or REPO/VERSION, e.g. trec-questions/1): kolm serve answers to it; with --fallback-url, also the adapter the fallback is asked for" }));
  classifierRuntime = runtimeFlags.classifierRuntime();
  cascade = Option5.Boolean("--cascade", false, { description: "Build a cascade: the recipe answers where it is confident, --fallback or --fallback-url the rest" });
  fallback = value("file", Option5.String("--fallback", { description: "With --cascade: the adapter .kolm that answers the unsure cases (ship it beside the cascade)" }));
  fallbackUrl = value("url", Option5.String("--fallback-url", { description: "With --cascade: the LoRAX or Predibase endpoint that answers the unsure cases" }));
  maxFallbackShare = value("share", Option5.String("--max-fallback-share", {
    description: "With --cascade: send at most this share of cases to the fallback, 0 to 1 (without gates: the best K within it)",
    validator: number({ min: 0, max: 1 })
  }));
  onFallbackError = value("error|local", Option5.String("--on-fallback-error", { description: "With --cascade: when the fallback fails a case at run time, error (default) or answer with the recipe, flagged low_confidence" }));
  runtime = value("where", Option5.String("--runtime", { description: "Train the spec's LoRA with TRL + PEFT on: local (this machine), ssh://user@host[:port] or cloud (SkyPilot; alias skypilot)" }));
  gpus = value("gpu", Option5.String("--gpus", { description: "With --runtime cloud: accelerators as NAME[:COUNT] (default H100:1)" }));
  spot = Option5.Boolean("--spot", false, { description: "With --runtime cloud: rent spot (preemptible) GPUs" });
  python = value("path", Option5.String("--python", { description: "With --runtime: a Python that has the trainer's packages (on the host for ssh://), instead of the cached venv" }));
  baseWeights = value("dir", Option5.String("--base-weights", { description: "With --runtime: a Hugging Face model folder on the training machine (default: the spec's base at base_revision, HF_TOKEN from the environment)" }));
  dryRun = Option5.Boolean("--dry-run", false, { description: "With --runtime: write the job folder, print what would run, start nothing" });
  name = value("name", Option5.String("--name", { description: "Artifact name (default: spec name, else the output file name)" }));
  sign = Option5.Boolean("--sign", false, { description: "Sign the artifact as the last step (with --key FILE or --keyless; see `kolm sign`)" });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();
  async run() {
    const cwd = this.context.cwd;
    const specPath = resolve4(cwd, this.spec);
    if (this.cascade || this.fallback || this.fallbackUrl) this.checkCascadeFlags();
    if (this.runtime) return this.compileTrained(specPath);
    if (this.base && !this.adapter) {
      throw new KolmError("E_USAGE", `--base ${this.base} without --adapter: say where to train the LoRA, or which adapter to import`, {
        hint: "train it: kolm compile --spec spec.json --examples train.jsonl --runtime local|ssh://user@host|cloud --out my.kolm; or import one: --adapter predibase-adapter/ --base-gguf base.gguf"
      });
    }
    if (this.adapter) return this.compileAdapter(specPath);
    if (!this.examples) {
      throw new KolmError("E_USAGE", "kolm compile needs --examples (training examples) to compile a recipe", {
        hint: "pass --examples train.jsonl, or --adapter DIR to import a trained LoRA adapter"
      });
    }
    const only = this.recipes?.flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean).map((r) => {
      if (!RECIPES.includes(r)) {
        const near = closestName(r, RECIPES);
        throw new KolmError("E_USAGE", `unknown recipe "${r}"${near ? `; did you mean ${near}?` : ""}`, { hint: `choose from ${RECIPES.join(", ")} (--recipe lookup,classifier or the flag repeated)` });
      }
      return r;
    });
    const signing = this.sign || this.key || this.keyless ? await signingMethodFrom(this, this.context) : void 0;
    const outPath = resolve4(cwd, this.output);
    const [{ buildFromFiles, saveBuilt }, { formatCandidateTable }, { formatSigner }] = await Promise.all([
      import("./chunks/build-PPYLLV7W.js"),
      import("./chunks/compile-2CYL5OOU.js"),
      import("./chunks/sign-BBX3QAEI.js")
    ]);
    const input = {
      specPath,
      examplesPath: resolve4(cwd, this.examples),
      ...this.evalFile ? { evalPath: resolve4(cwd, this.evalFile) } : {},
      seed: this.seed,
      only,
      name: this.name,
      defaultName: basename(outPath).replace(/\.kolm$/, ""),
      sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH,
      recordLatency: this.recordLatency,
      adapterId: this.adapterId,
      classifierRuntime: await classifierRuntimeFrom(this.classifierRuntime)
    };
    if (this.cascade) return this.compileCascade(input, outPath, signing);
    const built = await buildFromFiles(input, this.reporter());
    const saved = await saveBuilt(outPath, built.bytes, signing, this.output);
    const { outcome } = built;
    const summary = {
      ok: true,
      artifact: outPath,
      bytes: saved.bytes.length,
      ...signedSummary(saved),
      kind: outcome.kind,
      winner: outcome.winner,
      folds: outcome.folds,
      validation: outcome.validation,
      ...outcome.eval ? { eval: outcome.eval } : {},
      table: outcome.table.map(({ metrics: _m, ...row }) => row)
    };
    if (this.json) {
      this.outJson(snakeKeys(summary));
      return 0;
    }
    const v = outcome.validation;
    this.out(formatCandidateTable(outcome.table));
    this.out("");
    this.out(`winner: ${outcome.winner} (${outcome.kind} task) \xB7 validation K ${v.K.toFixed(3)} [${v.K_low.toFixed(3)}, ${v.K_high.toFixed(3)}] \xB7 pass ${(v.pass_rate * 100).toFixed(1)}% \xB7 p50 ${v.p50_ms.toFixed(3)} ms`);
    const confidence = formatConfidence(v.ece, v.coverage, "validation");
    if (confidence) this.out(confidence);
    if (outcome.eval) {
      const e = outcome.eval;
      this.out(`eval:   K ${e.K.toFixed(3)} [${e.K_low.toFixed(3)}, ${e.K_high.toFixed(3)}] \xB7 pass ${(e.pass_rate * 100).toFixed(1)}% on ${e.n} cases`);
      const onEval = formatConfidence(e.ece, e.coverage, "eval");
      if (onEval) this.out(onEval);
    }
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)})`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
    return 0;
  }
  /** The cascade flags go together: --cascade with exactly one fallback, and not with --adapter or --runtime. */
  checkCascadeFlags() {
    const example = "kolm compile --spec spec.json --examples train.jsonl --cascade --fallback-url http://lorax:8080 --out my.kolm";
    if (!this.cascade) {
      throw new KolmError("E_USAGE", `${this.fallback ? "--fallback" : "--fallback-url"} is for a cascade: add --cascade`, { hint: example });
    }
    if (this.runtime) throw new KolmError("E_USAGE", "--cascade puts a recipe in front of a trained fallback; --runtime trains one: do it first", { hint: "kolm compile --runtime ... --out fallback.kolm, then kolm compile --cascade --fallback fallback.kolm ..." });
    if (this.adapter) throw new KolmError("E_USAGE", "--cascade builds a recipe in front of a fallback; --adapter imports an adapter: choose one", { hint: "import the adapter first (kolm compile --adapter ... --out fallback.kolm), then --cascade --fallback fallback.kolm" });
    if (this.fallback && this.fallbackUrl) throw new KolmError("E_USAGE", "--cascade takes one fallback: --fallback FILE.kolm or --fallback-url URL, not both", { hint: example });
    if (!this.fallback && !this.fallbackUrl) throw new KolmError("E_USAGE", "--cascade needs a fallback for the cases the recipe is unsure of", { hint: `${example} (or --fallback adapter.kolm)` });
  }
  /** `--cascade`: the recipe, a fallback and the threshold between them (core/build/cascade.ts), gated on the whole. */
  async compileCascade(input, outPath, signing) {
    const cwd = this.context.cwd;
    const [{ buildCascadeFromFiles, saveBuilt }, { formatCandidateTable }, { renderCascadeSummary }, { gateFailure }, { formatSigner }] = await Promise.all([
      import("./chunks/build-PPYLLV7W.js"),
      import("./chunks/compile-2CYL5OOU.js"),
      import("./chunks/cascade-2EIDRTCC.js"),
      import("./chunks/eval-72GEQBIQ.js"),
      import("./chunks/sign-BBX3QAEI.js")
    ]);
    const onFallbackError = await fallbackErrorPolicyFrom(this.onFallbackError);
    const token = this.context.env.PREDIBASE_API_TOKEN;
    const { recipeGates: _g, ...rest } = input;
    const built = await buildCascadeFromFiles(
      {
        ...rest,
        fallback: this.fallback ? { type: "artifact", path: resolve4(cwd, this.fallback), load: { adapter: adapterOptionsFrom(this, this.context), ...input.classifierRuntime ? { classifierRuntime: input.classifierRuntime } : {} } } : { type: "endpoint", url: this.fallbackUrl, ...this.adapterId ? { adapterId: this.adapterId } : {}, ...token ? { token } : {}, cachePath: `${outPath}.cascade-cache.jsonl` },
        ...this.maxFallbackShare !== void 0 ? { maxFallbackShare: this.maxFallbackShare } : {},
        ...onFallbackError ? { onFallbackError } : {}
      },
      this.reporter()
    );
    const failure = built.cascadeEval ? gateFailure(built.cascadeEval.gates) : null;
    const saved = failure ? void 0 : await saveBuilt(outPath, built.bytes, signing, this.output);
    const { outcome, config, choice } = built;
    if (this.json) {
      this.outJson(snakeKeys({
        ok: !failure,
        ...saved ? { artifact: outPath, bytes: saved.bytes.length, ...signedSummary(saved) } : {},
        kind: "cascade",
        winner: outcome.winner,
        folds: outcome.folds,
        validation: outcome.validation,
        cascade: {
          threshold: config.threshold,
          chosen: choice.chosen,
          recipe_only: choice.recipeOnly,
          fallback_only: choice.fallbackOnly,
          curve: choice.curve,
          held_out: config.held_out,
          fallback: config.fallback,
          on_fallback_error: config.on_fallback_error,
          fallback_cases: built.fallbackCases,
          ...built.cascadeEval ? { eval: built.cascadeEval } : {}
        },
        table: outcome.table.map(({ metrics: _m, ...row }) => row)
      }));
    } else {
      this.out(formatCandidateTable(outcome.table));
      this.out("");
      this.out(renderCascadeSummary(built));
      if (saved) this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)})`);
      if (saved?.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
    }
    if (failure) {
      this.context.stderr.write(`${failure.message}
nothing written
`);
      return 3;
    }
    return 0;
  }
  /** `--runtime`: train the LoRA (core/train), then the adapter route, --eval and the gates, sign, write. */
  async compileTrained(specPath) {
    const cwd = this.context.cwd;
    if (!this.examples) throw new KolmError("E_USAGE", "--runtime trains on --examples: pass --examples train.jsonl", { hint: "kolm compile --spec spec.json --examples train.jsonl --runtime local --out my.kolm" });
    const [train, { saveBuilt }, { gateFailure }, { formatSigner }, { homedir: homedir2 }] = await Promise.all([
      import("./chunks/train-RXF4H2GU.js"),
      import("./chunks/build-PPYLLV7W.js"),
      import("./chunks/eval-72GEQBIQ.js"),
      import("./chunks/sign-BBX3QAEI.js"),
      import("node:os")
    ]);
    const runtime = train.parseRuntime(this.runtime);
    if (this.gpus) train.parseGpus(this.gpus);
    const signing = !this.dryRun && (this.sign || this.key || this.keyless) ? await signingMethodFrom(this, this.context) : void 0;
    const outPath = resolve4(cwd, this.output);
    const opts = adapterOptionsFrom(this, this.context);
    const env = this.context.env;
    const result = await train.trainAndBuild(
      {
        specPath,
        examplesPath: resolve4(cwd, this.examples),
        ...this.evalFile ? { evalPath: resolve4(cwd, this.evalFile) } : {},
        ...this.baseWeights ? { baseWeights: runtime.kind === "local" ? resolve4(cwd, this.baseWeights) : this.baseWeights } : {},
        seed: this.seed,
        runtime,
        workDir: `${outPath}.train`,
        ...this.python ? { python: runtime.kind === "local" ? resolve4(cwd, this.python) : this.python } : {},
        ...this.gpus ? { gpus: this.gpus } : {},
        spot: this.spot,
        dryRun: this.dryRun,
        ...env.KOLM_SSH_CONFIG ? { sshConfigFile: env.KOLM_SSH_CONFIG } : {},
        build: {
          base: { ...opts.baseGguf ? { baseGguf: opts.baseGguf } : {}, ...opts.modelsDir ? { modelsDir: opts.modelsDir } : {} },
          name: this.name,
          defaultName: basename(outPath).replace(/\.kolm$/, ""),
          sourceDateEpoch: env.SOURCE_DATE_EPOCH,
          adapterId: this.adapterId
        },
        load: { adapter: opts }
      },
      {
        spawn: train.nodeSpawner,
        env,
        home: env.HOME || homedir2(),
        reporter: this.reporter(),
        now: () => Date.now(),
        // Ctrl-C ends the run through core (which tears a rented cluster down) instead of killing us outright.
        onInterrupt: (h) => (process.on("SIGINT", h), () => void process.off("SIGINT", h))
      }
    );
    if (result.dryRun) {
      const { plan } = result;
      if (this.json) return this.outJson(snakeKeys({ ok: true, dry_run: true, runtime: train.formatRuntime(runtime), job: plan.jobDir, config: plan.config, commands: plan.commands, ...plan.skyYaml ? { sky_task: plan.skyYaml } : {} })), 0;
      this.out(`job folder: ${relative(cwd, plan.jobDir) || plan.jobDir} (nothing was started)
trainer config:
${JSON.stringify(plan.config, null, 2)}`);
      if (plan.skyYaml) this.out(`SkyPilot task (${relative(cwd, join(plan.jobDir, "..", "sky-task.yaml"))}):
${plan.skyYaml}`);
      this.out(`would run:
${plan.commands.map((c) => `  # ${c.what}
  ${c.line}`).join("\n")}`);
      return 0;
    }
    const { trained, built } = result;
    const rec = trained.record;
    const report = result.eval?.kolm;
    const failure = report ? gateFailure(report.gates ?? []) : null;
    const saved = failure ? void 0 : await saveBuilt(outPath, result.bytes, signing, this.output);
    const curve = rec.loss_curve.map((c) => c.loss).filter((l) => l !== null);
    if (this.json) {
      this.outJson(snakeKeys({ ok: !failure, ...saved ? { artifact: outPath, bytes: saved.bytes.length, ...signedSummary(saved) } : {}, kind: "adapter", runtime: trained.runtime, training: built.manifest.training, wall_seconds: trained.wallSeconds, ...report ? { eval: { K: report.K, pass_rate: report.pass_rate, n: report.cases, gates: report.gates } } : {} }));
    } else {
      this.out(`trained: ${rec.steps} steps in ${train.formatDuration(rec.seconds)} on ${rec.device.name} (${rec.device.type}) via ${trained.runtime} \xB7 loss ${curve[0]?.toFixed(4)} \u2192 ${curve.at(-1)?.toFixed(4)}${rec.eval_loss !== null ? ` \xB7 eval loss ${rec.eval_loss_start?.toFixed(4)} \u2192 ${rec.eval_loss.toFixed(4)}` : ""}`);
      this.out(`adapter: rank ${built.config.rank}, ${built.config.modules.length} modules on ${built.manifest.base.id} (${built.manifest.base.file})`);
      if (report) this.out(`eval:    K ${report.K.toFixed(3)} \xB7 pass ${(report.pass_rate * 100).toFixed(1)}% on ${report.cases} cases`);
      if (saved) this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)}); the job and the PEFT adapter are in ${relative(cwd, trained.outDir)}`);
      if (saved?.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
    }
    if (failure) {
      this.context.stderr.write(`${failure.message}
nothing written; the trained PEFT adapter is in ${trained.adapterDir}
`);
      return 3;
    }
    return 0;
  }
  /** `--adapter`: import a PEFT export as an adapter artifact on the pinned base. */
  async compileAdapter(specPath) {
    const cwd = this.context.cwd;
    const dtypes = ["f16", "q8_0", "f32"];
    if (this.adapterDtype && !dtypes.includes(this.adapterDtype)) {
      throw new KolmError("E_USAGE", `unknown --adapter-dtype "${this.adapterDtype}"`, { hint: `choose from ${dtypes.join(", ")}` });
    }
    const signing = this.sign || this.key || this.keyless ? await signingMethodFrom(this, this.context) : void 0;
    const outPath = resolve4(cwd, this.output);
    const [{ buildAdapterFromFiles, saveBuilt }, { formatSigner }] = await Promise.all([import("./chunks/build-PPYLLV7W.js"), import("./chunks/sign-BBX3QAEI.js")]);
    const opts = adapterOptionsFrom(this, this.context);
    const result = await buildAdapterFromFiles({
      specPath,
      ...this.base ? { baseId: this.base } : {},
      adapterPath: resolve4(cwd, this.adapter),
      ...this.examples ? { examplesPath: resolve4(cwd, this.examples) } : {},
      base: { ...opts.baseGguf ? { baseGguf: opts.baseGguf } : {}, ...opts.modelsDir ? { modelsDir: opts.modelsDir } : {} },
      ...this.adapterDtype ? { dtype: this.adapterDtype } : {},
      name: this.name,
      defaultName: basename(outPath).replace(/\.kolm$/, ""),
      sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH,
      adapterId: this.adapterId
    });
    const saved = await saveBuilt(outPath, result.bytes, signing, this.output);
    const base = result.manifest.base;
    const types = {};
    for (const t of result.config.tensors) types[t.type] = (types[t.type] ?? 0) + 1;
    const summary = {
      ok: true,
      artifact: outPath,
      bytes: saved.bytes.length,
      kind: "adapter",
      base,
      base_path: result.basePath,
      rank: result.config.rank,
      scaling: result.config.scaling,
      alpha: result.config.alpha,
      tensors: types,
      modules: result.config.modules.length,
      warnings: result.converted.warnings,
      ...signedSummary(saved)
    };
    if (this.json) {
      this.outJson(snakeKeys(summary));
      return 0;
    }
    for (const w of result.converted.warnings) this.context.stderr.write(`warning: ${w}
`);
    this.out(`adapter: rank ${result.config.rank}, ${result.config.modules.length} modules, ${Object.entries(types).map(([k, v]) => `${v} ${k}`).join(" + ")} tensors, scaling ${result.config.scaling === "baked" ? "baked into lora_b" : `alpha ${result.config.alpha}`}`);
    this.out(`base:    ${base.id}${base.revision ? `@${base.revision}` : ""} \xB7 ${base.file} \xB7 sha256 ${base.sha256}`);
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)}; the base is not inside: kolm run/serve find it by --base-gguf or in KOLM_MODELS)`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
    return 0;
  }
};
function signedSummary(saved) {
  return saved.signed ? { signed: { bundle: saved.bundlePath, signer: saved.signed.signer, root_digest: saved.signed.rootDigest } } : {};
}

// tui/commands/eval.ts
import { resolve as resolve5 } from "node:path";
import { Command as Command3, Option as Option6 } from "clipanion";
var EvalCommand = class extends KolmCommand {
  static paths = [["eval"]];
  static usage = Command3.Usage({
    category: "Evaluate",
    description: "Score a .kolm on held-out cases, check gates, A/B against Predibase",
    details: `
      Scores every case with K-score version 1 (the output kind comes from the artifact), and reports K
      with its 95 % interval, the pass rate, p50/p95/p99 latency of single in-process calls, a breakdown
      by label (precision, recall, the costliest confusions) or by JSON field, and the 10 worst cases.

      Gates default to the artifact's spec; --gates overrides them. A missed gate exits 3 and says which
      and by how much. --out writes the report as JSON (the input of \`kolm compare\`).

      --against URL sends the same cases to the old endpoint: a LoRAX server (http://host:8080) or a
      Predibase deployment URL. Inputs are rendered through the spec's prompt template; adapter id,
      max_new_tokens and temperature come from the flags or the spec. The token is read from
      PREDIBASE_API_TOKEN (or --token) and never printed, logged or cached. Requests are bounded
      (--concurrency), timed out (--timeout) and retried with backoff on 429/5xx/dropped connections.
      Results stream to a cache file (--cache, default next to --out), so an interrupted A/B resumes
      where it stopped. Both sides are scored the same way and printed side by side.

      When the artifact gives confidences, the report says how well they predict K (ECE) and a few points
      of the coverage curve: the share of cases answered at a confidence threshold, and K on them; that is
      what \`--abstain-below T\` keeps (given here, it is applied to the cases scored). A cascade artifact's
      report also splits the cases between the recipe and its fallback: K and latency on each path, and
      the requests the fallback no longer sees.
    `,
    examples: [
      ["Score on the validation split", "$0 eval my.kolm --examples migrated/validation.jsonl"],
      ["Gate it in CI and keep the JSON", "$0 eval my.kolm --examples validation.jsonl --gates K_min=0.85,p50_ms_max=5 --out kolm-eval.json"],
      ["A/B against the Predibase deployment", "PREDIBASE_API_TOKEN=... $0 eval my.kolm --examples validation.jsonl --against https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT --adapter-id my-adapter/3 --out kolm-eval.json --markdown comment.md"]
    ]
  });
  artifact = Option6.String({ required: true, name: "artifact.kolm" });
  examples = value("file", Option6.String("--examples", { required: true, description: "Cases to score (JSONL of {input, output})" }));
  gates = value("gates", Option6.String("--gates", { description: "Override the spec gates, e.g. K_min=0.85,p50_ms_max=200" }));
  output = value("file", Option6.String("--out", { description: "Also write the report as JSON to this file" }));
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();
  against = value("url", Option6.String("--against", { description: "LoRAX or Predibase endpoint URL to A/B against" }));
  adapterId = value("id", Option6.String("--adapter-id", { description: "parameters.adapter_id for the remote endpoint" }));
  token = value("token", Option6.String("--token", { description: "Bearer token for the endpoint (default: $PREDIBASE_API_TOKEN)" }));
  maxNewTokens = value("n", Option6.String("--max-new-tokens", { description: "Remote max_new_tokens (default: the spec)", validator: number() }));
  temperature = value("t", Option6.String("--temperature", { description: "Remote temperature (default: the spec; 0 = greedy)", validator: number() }));
  concurrency = value("n", Option6.String("--concurrency", "4", { description: "Remote requests in flight", validator: number() }));
  timeout = value("seconds", Option6.String("--timeout", "60", { description: "Seconds per remote request", validator: number() }));
  retries = value("n", Option6.String("--retries", "4", { description: "Retries per case on 429/5xx/dropped connections", validator: number() }));
  cache = value("file", Option6.String("--cache", { description: "Resume cache for the remote results (JSONL)" }));
  remoteOut = value("file", Option6.String("--remote-out", { description: "Write the remote side's report as JSON to this file" }));
  markdown = value("file", Option6.String("--markdown", { description: "Write the kolm vs remote comparison as GitHub Markdown" }));
  async run() {
    const cwd = this.context.cwd;
    const [{ writeFileAtomic }, { evaluateArtifactFile, gateFailure, parseGates, renderComparisonMarkdown, renderComparisonText }, { renderEvalReport }] = await Promise.all([
      import("./chunks/atomic-DFMHCSMW.js"),
      import("./chunks/eval-72GEQBIQ.js"),
      import("./chunks/eval-LXH5M5S6.js")
    ]);
    const artifactPath = resolve5(cwd, this.artifact);
    const abstain = await abstainPolicyFrom(this);
    const runtime = await runtimeOptionsFrom(this, this.context);
    const token = this.token ?? this.context.env.PREDIBASE_API_TOKEN;
    const cachePath = this.cache ? resolve5(cwd, this.cache) : this.output ? resolve5(cwd, `${this.output.replace(/\.json$/, "")}.remote-cache.jsonl`) : void 0;
    const result = await evaluateArtifactFile({
      artifactPath,
      load: { adapter: adapterOptionsFrom(this, this.context), ...runtime },
      ...abstain ? { abstain } : {},
      examplesPath: resolve5(cwd, this.examples),
      gates: this.gates ? parseGates(this.gates) : void 0,
      reporter: this.reporter(),
      // Saved before the A/B starts, so an interrupted A/B still leaves the local report.
      onLocalReport: async (report2) => {
        if (this.output) await writeFileAtomic(resolve5(cwd, this.output), `${JSON.stringify(report2, null, 2)}
`);
      },
      ...this.against ? {
        remote: {
          url: this.against,
          adapterId: this.adapterId,
          token,
          maxNewTokens: this.maxNewTokens,
          temperature: this.temperature,
          concurrency: this.concurrency,
          timeoutMs: this.timeout * 1e3,
          retries: this.retries,
          cachePath
        }
      } : {}
    });
    const { kolm: report, remote, comparison } = result;
    if (remote && comparison) {
      if (this.remoteOut) await writeFileAtomic(resolve5(cwd, this.remoteOut), `${JSON.stringify(remote, null, 2)}
`);
      if (this.markdown) await writeFileAtomic(resolve5(cwd, this.markdown), renderComparisonMarkdown(comparison));
      if (this.json) this.outJson({ kolm: report, remote, comparison: snakeKeys(comparison) });
      else this.out(`${renderEvalReport(report)}

${renderEvalReport(remote)}

${renderComparisonText(comparison)}`);
    } else if (this.json) this.outJson(report);
    else this.out(renderEvalReport(report));
    const failure = gateFailure(report.gates ?? []);
    if (failure) {
      this.context.stderr.write(`${failure.message}
`);
      return 3;
    }
    return 0;
  }
};

// tui/commands/inspect.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { resolve as resolve6 } from "node:path";
import { Command as Command4, Option as Option7 } from "clipanion";
var InspectCommand = class extends KolmCommand {
  static paths = [["inspect"]];
  static usage = Command4.Usage({
    category: "Artifacts",
    description: "Show what a .kolm artifact holds: kind, recipe, base model, metrics, sizes, digests, signature",
    details: `
      Reads the artifact with the same checks as \`kolm run\` and \`kolm serve\`: entry names, sizes, and the
      SHA-256 of every entry against kolm.json. A tampered or truncated file is refused (exit 1).
      The signature is reported as present or not; \`kolm verify\` checks it.
    `,
    examples: [
      ["Summarise an artifact", "$0 inspect out/model.kolm"],
      ["The manifest as JSON", "$0 inspect out/model.kolm --json"]
    ]
  });
  file = Option7.String({ name: "artifact.kolm" });
  async run() {
    const path = resolve6(this.context.cwd, this.file);
    const [artifacts, sign] = await Promise.all([import("./chunks/artifact-E5G5T6BA.js"), import("./chunks/sign-BBX3QAEI.js")]);
    const artifact = await artifacts.readArtifact(path, { name: this.file });
    const whole = await hashFile(path, this.file);
    const summary = {
      file: this.file,
      bytes: whole.bytes,
      sha256: whole.sha256,
      root_digest: artifact.rootDigest,
      signature: artifact.signature ? "signed" : "unsigned",
      ...artifact.signature ? { signer: claimedSigner(sign, artifact.signature) } : {}
    };
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, ...summary, manifest: artifact.manifest }));
      return 0;
    }
    const { printable } = await import("./chunks/printable-WFKZLR6I.js");
    this.out(printable(renderSummary(summary, artifact, artifacts, sign)));
    return 0;
  }
};
async function hashFile(path, shown) {
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (err) {
    throw new KolmError("E_PATH_UNREADABLE", `${shown} could not be read: ${err.message}`, { place: { file: shown }, cause: err });
  }
  return { bytes, sha256: hash.digest("hex") };
}
function claimedSigner({ describeSigner, parseBundle }, signature) {
  try {
    return describeSigner(parseBundle(signature, "kolm.sig"));
  } catch (err) {
    return { kind: "unreadable", problem: err.message };
  }
}
function renderSummary(s, artifact, { MANIFEST_ENTRY, SIGNATURE_ENTRY }, { formatSigner }) {
  const m = artifact.manifest;
  const rows = [
    ["name", m.name],
    ["kind", m.recipe ? `${m.kind} (${m.recipe.type}, entry ${m.recipe.entry})` : m.kind],
    ["task", m.spec.task],
    ["output kind", m.output_kind],
    ["created", m.created]
  ];
  if (m.base) {
    const rev = m.base.revision ? `@${m.base.revision}` : "";
    const file = m.base.file ? `, ${m.base.file}${m.base.sha256 ? ` sha256:${m.base.sha256}` : ""}` : "";
    rows.push(["base", `${m.base.id}${rev}${file}`]);
  }
  rows.push(["quantization", m.quantization]);
  rows.push(["compiler", `${m.compiler.name} ${m.compiler.version}`]);
  if (m.metrics?.validation) rows.push(["validation score", formatMetrics(m.metrics.validation)]);
  if (m.metrics?.eval) rows.push(["eval score", formatMetrics(m.metrics.eval)]);
  for (const d of m.datasets) rows.push([`${d.role} data`, `${formatCount(d.rows)} rows, sha256:${d.sha256}`]);
  rows.push(["size", `${formatBytes(s.bytes)} on disk, ${formatBytes(m.sizes.total_bytes)} of payload in ${Object.keys(m.files).length} entries`]);
  rows.push(["sha256", s.sha256]);
  rows.push(["root digest", s.root_digest]);
  rows.push(["signature", s.signature === "signed" ? "signed (not verified here: run kolm verify)" : "unsigned"]);
  if (s.signer) rows.push(["signer", s.signer.kind === "unreadable" ? `unknown: ${s.signer.problem}` : `${formatSigner(s.signer)} (claimed)`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [`${s.file}: .kolm format ${m.format}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), "", "entries"];
  const entryRows = [[MANIFEST_ENTRY, formatBytes(artifact.manifestBytes.length), "manifest"]];
  for (const [name, digest] of Object.entries(m.files)) entryRows.push([name, formatBytes(m.sizes.entries[name] ?? 0), digest]);
  if (artifact.signature) entryRows.push([SIGNATURE_ENTRY, formatBytes(artifact.signature.length), "signature"]);
  const nameWidth = Math.max(...entryRows.map(([n]) => n.length));
  const sizeWidth = Math.max(...entryRows.map(([, b]) => b.length));
  for (const [name, size, note] of entryRows) lines.push(`  ${name.padEnd(nameWidth)}  ${size.padStart(sizeWidth)}  ${note}`);
  return lines.join("\n");
}
function formatMetrics(x) {
  const parts = [`K ${x.K.toFixed(3)}`, `pass ${(x.pass_rate * 100).toFixed(1)}%`, `n ${formatCount(x.n)}`];
  if (x.p50_ms !== void 0) parts.push(`p50 ${formatMs(x.p50_ms)}`);
  if (x.p95_ms !== void 0) parts.push(`p95 ${formatMs(x.p95_ms)}`);
  return parts.join(", ");
}

// tui/commands/keygen.ts
import { relative as relative2, resolve as resolve7 } from "node:path";
import { Command as Command5, Option as Option8 } from "clipanion";
var KeygenCommand = class extends KolmCommand {
  static paths = [["keygen"]];
  static usage = Command5.Usage({
    category: "Artifacts",
    description: "Make an ECDSA P-256 key pair for `kolm sign --key` (offline signing)",
    details: `
      Writes PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub (SPKI PEM). When ${PASSPHRASE_ENV} is set, the
      private key is encrypted with it (AES-256-CBC), and signing needs it again. Existing files are kept
      unless --force. Share the .pub; keep the .key secret (in CI, a repository secret).
    `,
    examples: [
      ["Make kolm.key and kolm.pub", "$0 keygen"],
      ["An encrypted key under keys/", `${PASSPHRASE_ENV}=\u2026 $0 keygen --out keys/release`]
    ]
  });
  out_ = value("prefix", Option8.String("--out", "kolm", { description: "Path prefix of the two files (kolm \u2192 kolm.key, kolm.pub)" }));
  force = Option8.Boolean("--force", false, { description: "Overwrite existing key files" });
  async run() {
    const cwd = this.context.cwd;
    const { generateKeyPair, writeKeyPairFiles } = await import("./chunks/sign-BBX3QAEI.js");
    const passphrase = this.context.env[PASSPHRASE_ENV] || void 0;
    const pair = generateKeyPair({ passphrase });
    const paths = { privateKey: resolve7(cwd, `${this.out_}.key`), publicKey: resolve7(cwd, `${this.out_}.pub`) };
    await writeKeyPairFiles(pair, paths, { force: this.force });
    const shown = { private_key: relative2(cwd, paths.privateKey), public_key: relative2(cwd, paths.publicKey) };
    if (this.json) {
      this.outJson({ ok: true, ...shown, key_hint: pair.hint, encrypted: pair.encrypted });
      return 0;
    }
    this.out(`wrote ${shown.private_key} (private, mode 0600${pair.encrypted ? `, encrypted with ${PASSPHRASE_ENV}` : ", not encrypted"}) and ${shown.public_key}`);
    this.out(`key: ${pair.hint}`);
    this.out(`sign:   kolm sign my.kolm --key ${shown.private_key}`);
    this.out(`verify: kolm verify my.kolm --key ${shown.public_key}`);
    return 0;
  }
};

// tui/commands/migrate/convert.ts
import { tmpdir as tmpdir2 } from "node:os";
import { existsSync, statSync } from "node:fs";
import { dirname, join as join2, relative as relative3, resolve as resolve8 } from "node:path";
import { Command as Command6, Option as Option9 } from "clipanion";
var MigrateConvertCommand = class extends KolmCommand {
  static paths = [["migrate", "convert"]];
  static usage = Command6.Usage({
    category: "Migrate",
    description: "Convert a Predibase export (CSV, Parquet, JSON lines) into train/validation/test JSONL",
    details: `
      Reads the dataset files of an export (a folder such as \`predibase-export/\`, or files) and maps them to
      \`{"input": ..., "output": ...}\` lines the way the Ludwig config does: the columns the prompt template
      reads (or the input features' columns) form the input, a string for one column and an object keyed by
      column for several; the output feature's column is the output, kept as text.

      Splits: a Ludwig \`split\` column (0 train, 1 validation, 2 test), else file names (train.*,
      validation.*/val.*/eval.*/dev.*, test.*), else everything is train. \`preprocessing.sample_ratio\` and
      \`sample_size\` are applied here, seeded. Rows with a null or empty input or output are dropped and
      counted. The report lists rows per file, drops, duplicates, conflicting duplicates and lengths; it is
      also written as report.json. Nothing is written when the input is bad.
    `,
    examples: [
      ["Convert an export folder", "$0 migrate convert --export predibase-export/ --config predibase-export/config.yaml --out data/"],
      ["Convert files, print the report as JSON", "$0 migrate convert --export train.parquet --export test.parquet --config config.yaml --out data/ --json"]
    ]
  });
  exports = value("path", Option9.Array("--export", { required: true, description: "Export folder or data file" }));
  config = value("file", Option9.String("--config", { description: "Ludwig config.yaml (default: config.yaml in the first export folder)" }));
  output = value("dir", Option9.String("--out", { required: true, description: "Folder for train.jsonl, validation.jsonl, test.jsonl and report.json" }));
  async run() {
    const cwd = this.context.cwd;
    const exportPaths = this.exports.map((p) => resolve8(cwd, p));
    const outDir = resolve8(cwd, this.output);
    const [{ convertExport, openIngestDb }, { translateLudwigFiles }, { renderReport }, { onInterrupt }] = await Promise.all([
      import("./chunks/ingest-6KLQIZRF.js"),
      import("./chunks/ludwig-2PVYWFTI.js"),
      import("./chunks/convert-report-LVMOGXY5.js"),
      import("./chunks/cleanup-JWLIN4KO.js")
    ]);
    const reporter = this.reporter();
    const translated = await translateLudwigFiles({ config: this.configPath(exportPaths) });
    for (const w of translated.warnings) reporter.warn(w);
    const stopCleanup = onInterrupt(process);
    const db = await openIngestDb({ tmpDir: tmpdir2() });
    let report;
    try {
      report = await convertExport({ db, exportPaths, mapping: translated.mapping, outDir }, reporter);
    } finally {
      db.close();
      stopCleanup();
    }
    if (this.json) this.outJson(snakeKeys({ ...report, warnings: [...translated.warnings, ...report.warnings] }));
    else this.out(renderReport(report, (p) => relative3(cwd, p) || "."));
    return 0;
  }
  configPath(exportPaths) {
    if (this.config) return resolve8(this.context.cwd, this.config);
    const first = exportPaths[0];
    const folder = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
    const guess = join2(folder, "config.yaml");
    if (existsSync(guess)) return guess;
    throw new KolmError("E_USAGE", `no --config given and no config.yaml in ${folder}`, {
      hint: "pass the Ludwig config of the export: --config predibase-export/config.yaml"
    });
  }
};

// tui/commands/migrate/spec.ts
import { resolve as resolve9 } from "node:path";
import { Command as Command7, Option as Option10 } from "clipanion";
var MigrateSpecCommand = class extends KolmCommand {
  static paths = [["migrate", "spec"]];
  static usage = Command7.Usage({
    category: "Migrate",
    description: "Translate a Ludwig config.yaml (and the PEFT adapter export) into spec.json",
    details: `
      Reads the Ludwig config from a Predibase export (LLM fine-tunes and ECD text classifiers) and writes
      spec.json version 1: base model, LoRA settings, training hyperparameters, prompt template, generation
      settings, quantization. With \`--adapter\`, the PEFT \`adapter_config.json\` fills the base model, rank,
      alpha and target modules, and every value that disagrees with the config is reported.

      Items carried with loss (backend, hyperopt, encoder settings, \u2026) are printed as warnings. Items that
      cannot be carried (image/audio/timeseries/vector/h3/date/bag/set features, combiners, non-LoRA adapters,
      preference training, retrieval prompts) fail the run, all listed with their place in the YAML.

      The spec has no gates: add them (\`"gates": {"K_min": 0.85}\`) before \`kolm compile\`.
    `,
    examples: [
      ["Translate an export", "$0 migrate spec --config predibase-export/config.yaml --out spec.json"],
      [
        "Include the adapter export (fills base, rank, alpha; cross-checks the config)",
        "$0 migrate spec --config predibase-export/config.yaml --adapter predibase-adapter/ --out spec.json"
      ],
      ["Print spec, input mapping and warnings as JSON", "$0 migrate spec --config config.yaml --out spec.json --json"]
    ]
  });
  config = value("file", Option10.String("--config", { required: true, description: "Ludwig config.yaml (or the folder holding it)" }));
  adapter = value("path", Option10.String("--adapter", { description: "PEFT adapter folder or its adapter_config.json" }));
  output = value("file", Option10.String("--out", { required: true, description: "Where to write spec.json" }));
  name = value("name", Option10.String("--name", { description: "spec name (default: the export folder name)" }));
  async run() {
    const cwd = this.context.cwd;
    const out = resolve9(cwd, this.output);
    const [{ writeFileAtomic }, { translateLudwigFiles }] = await Promise.all([import("./chunks/atomic-DFMHCSMW.js"), import("./chunks/ludwig-2PVYWFTI.js")]);
    const result = await translateLudwigFiles({
      config: resolve9(cwd, this.config),
      adapter: this.adapter ? resolve9(cwd, this.adapter) : void 0,
      name: this.name
    });
    await writeFileAtomic(out, `${JSON.stringify(result.spec, null, 2)}
`);
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, spec: result.spec, mapping: result.mapping, warnings: result.warnings }));
      return 0;
    }
    for (const w of result.warnings) this.context.stderr.write(`warning: ${w}
`);
    const { spec, mapping } = result;
    const train = spec.train;
    const lines = [
      `wrote ${this.output}`,
      `  name:    ${spec.name ?? "(none)"}`,
      `  task:    ${spec.task}`,
      `  base:    ${spec.base ? `${spec.base}${spec.base_revision ? `@${spec.base_revision}` : ""}` : "(none: recipes only)"}`,
      `  adapter: ${train ? `LoRA r ${train.rank}, alpha ${train.alpha}${train.target_modules ? `, ${[train.target_modules].flat().join(",")}` : ""}; ${train.epochs} epochs, lr ${train.learning_rate}` : "(none)"}`,
      `  input:   ${mapping.inputColumns.length === 1 ? `column ${mapping.inputColumns[0]} (a string)` : `columns ${mapping.inputColumns.join(", ")} (an object)`}${mapping.template ? ", rendered with the prompt template" : ""}`,
      `  output:  column ${mapping.outputColumn}`,
      ...mapping.split ? [`  split:   ${mapping.split.type === "fixed" ? `fixed, column ${mapping.split.column}` : `random ${mapping.split.probabilities.join("/")}, seed ${mapping.split.seed}`}`] : [],
      ...result.warnings.length ? [`  ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"} (above)`] : [],
      "next: add gates to the spec, then `kolm migrate convert` the data and `kolm compile`"
    ];
    this.out(lines.join("\n"));
    return 0;
  }
};

// tui/commands/publish.ts
import { readFile as readFile2 } from "node:fs/promises";
import { basename as basename2, resolve as resolve10 } from "node:path";
import { Command as Command8, Option as Option11 } from "clipanion";
var PublishCommand = class extends KolmCommand {
  static paths = [["publish"]];
  static usage = Command8.Usage({
    category: "Artifacts",
    description: "Attach a signed .kolm and its bundle to a GitHub release",
    details: `
      Uploads FILE and FILE.sigstore.json (from \`kolm sign\`) to the release of --tag in --repo, replacing
      assets of the same name. Without a sidecar bundle, a FILE signed inside (its kolm.sig entry) is
      published alone: \`kolm verify\` checks the signature it carries. An unsigned FILE is refused unless
      --allow-unsigned. The token comes from GH_TOKEN or GITHUB_TOKEN (as for gh; in Actions:
      \`permissions: contents: write\`); GITHUB_API_URL points at GitHub Enterprise. --create makes the
      release when the tag has none; --private refuses to publish unless the repository is private.
    `,
    examples: [
      ["Attach to an existing release", "$0 publish my.kolm --repo acme/models --tag v1.2.0"],
      ["Create the release, private repos only", "$0 publish my.kolm --repo acme/models --tag v1.2.0 --create --private"]
    ]
  });
  file = Option11.String({ name: "artifact.kolm" });
  repo = value("owner/name", Option11.String("--repo", { required: true, description: "The GitHub repository" }));
  tag = value("tag", Option11.String("--tag", { required: true, description: "The release tag, e.g. v1.2.0" }));
  create = Option11.Boolean("--create", false, { description: "Create the release when the tag has none" });
  private_ = Option11.Boolean("--private", false, { description: "Refuse to publish to a public repository" });
  bundle = value("file", Option11.String("--bundle", { description: "The sidecar bundle (default: FILE.sigstore.json when it exists)" }));
  unsigned = Option11.Boolean("--allow-unsigned", false, { description: "Publish an artifact that carries no signature" });
  async run() {
    const cwd = this.context.cwd;
    const env = this.context.env;
    const path = resolve10(cwd, this.file);
    const [{ readArtifact }, { DEFAULT_GITHUB_API_URL, publishRelease }, { sidecarName }] = await Promise.all([
      import("./chunks/artifact-E5G5T6BA.js"),
      import("./chunks/publish-K7UWUZP5.js"),
      import("./chunks/sign-BBX3QAEI.js")
    ]);
    const contents = await readArtifact(path, { name: this.file });
    const assets = [{ name: basename2(path), bytes: await readFile2(path) }];
    const bundleShown = this.bundle ?? sidecarName(this.file);
    let sidecar = false;
    try {
      assets.push({ name: sidecarName(basename2(path)), bytes: await readFile2(resolve10(cwd, bundleShown)), contentType: "application/json" });
      sidecar = true;
    } catch (err) {
      const missing = err.code === "ENOENT";
      if (!missing || this.bundle !== void 0) {
        throw new KolmError(missing ? "E_PATH_NOT_FOUND" : "E_PATH_UNREADABLE", `${bundleShown} could not be read: ${err.message}`, {
          hint: "check --bundle, or leave it out to publish the signature inside the artifact",
          place: { file: bundleShown }
        });
      }
      if (!contents.signature && !this.unsigned) {
        throw new KolmError("E_UNSIGNED", `${this.file} is not signed: it has no kolm.sig inside and no ${bundleShown} beside it`, {
          hint: `sign first: \`kolm sign ${this.file} --key kolm.key\` (or --keyless); --allow-unsigned publishes it unsigned`,
          place: { file: this.file }
        });
      }
    }
    const signature = sidecar ? contents.signature ? "embedded+sidecar" : "sidecar" : contents.signature ? "embedded" : "none";
    const result = await publishRelease({
      repo: this.repo,
      tag: this.tag,
      // gh's own order: GH_TOKEN, then GITHUB_TOKEN.
      token: env.GH_TOKEN || env.GITHUB_TOKEN || "",
      assets,
      create: this.create,
      requirePrivate: this.private_,
      apiUrl: env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
      reporter: this.reporter()
    });
    if (this.json) {
      this.outJson({ ok: true, repo: this.repo, tag: this.tag, signature, release: result.release, assets: result.assets });
      return 0;
    }
    this.out(`${result.release.created ? "created" : "updated"} release ${this.tag} of ${this.repo}: ${result.release.url}`);
    for (const a of result.assets) this.out(`  ${a.replaced ? "replaced" : "attached"} ${a.name} (${formatBytes(a.size)})`);
    this.out(`  signature: ${{ embedded: "kolm.sig inside the artifact", sidecar: "sidecar bundle", "embedded+sidecar": "kolm.sig inside and the sidecar bundle", none: "none (unsigned)" }[signature]}`);
    return 0;
  }
};

// tui/commands/run.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve as resolve11 } from "node:path";
import { Command as Command9, Option as Option12 } from "clipanion";
var BATCH = 256;
var RunCommand = class extends KolmCommand {
  static paths = [["run"]];
  static usage = Command9.Usage({
    category: "Run",
    description: "Run a .kolm on one input or a JSONL stream",
    details: `
      With an input argument, prints one result. For an artifact whose input is a string, the argument is
      the text itself (\`'What is the capital of Peru ?'\`; JSON such as \`{"input": "..."}\` is read too); for an
      object input it is JSON: \`{"input": {"field": ...}}\`. Each call loads the artifact once: for many
      inputs, stream them, which runs at batch speed in one process.

      Without an argument, reads JSON lines from --input or stdin, each
      \`{"input": ...}\` (other keys are ignored), and writes one line per input, in order:
      \`{"output": ..., "confidence": ...}\` (a cascade adds \`"path": "local"|"fallback"\`). A line that
      cannot be run is answered with \`{"line": N, "error": {...}}\`, reported on stderr, and the stream
      goes on (exit 1 at the end).
      The artifact's digests are checked before anything runs, and its kolm.sig when it has one;
      --require-signature refuses unsigned artifacts, --key / --certificate-identity check the signer.

      --abstain-below T --abstain-output X answers X for a case whose confidence is under T; that line
      says \`"abstained": true\` and keeps the withheld answer as \`"withheld"\`. A cascade artifact sends
      its unsure cases to its fallback: NAME.kolm found beside it or in KOLM_MODELS, or an endpoint. The
      token (PREDIBASE_API_TOKEN) is sent only to an endpoint named with --fallback-url, never to the URL
      inside the artifact.
    `,
    examples: [
      ["One input", `$0 run my.kolm 'What is the capital of Peru ?'`],
      ["One object input", `$0 run slots.kolm '{"input": {"utterance": "book a table for two", "requested_slots": "party_size"}}'`],
      ["A file of cases, at batch speed (the fast way)", "$0 run my.kolm < cases.jsonl > predictions.jsonl"],
      ['Answer "oos" when unsure', "$0 run intents.kolm --abstain-below 0.5 --abstain-output oos < cases.jsonl"]
    ]
  });
  artifact = Option12.String({ required: true, name: "artifact.kolm" });
  inline = Option12.String({ required: false, name: "input" });
  inputFile = value("file", Option12.String("--input", { description: "JSONL file to read instead of stdin" }));
  requireSignature = Option12.Boolean("--require-signature", false, { description: "Refuse an artifact without a valid kolm.sig" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();
  async run() {
    const trust = await trustFrom(this, this.context);
    const abstain = await abstainPolicyFrom(this);
    const runtime = await runtimeOptionsFrom(this, this.context);
    const [{ loadArtifact }, seeds] = await Promise.all([import("./chunks/runtime-NCY2ZWPF.js"), import("./chunks/seeds-AQUMKPOW.js")]);
    const check = seeds.checkShape;
    const file = this.inline === void 0 && this.inputFile ? await openInput(resolve11(this.context.cwd, this.inputFile), this.inputFile) : void 0;
    const loaded = await loadArtifact(resolve11(this.context.cwd, this.artifact), {
      requireSignature: this.requireSignature,
      ...trust ? { trust } : {},
      adapter: adapterOptionsFrom(this, this.context),
      ...runtime
    });
    const { contents } = loaded;
    const predictor = await withAbstain(loaded.predictor, abstain);
    const shape = contents.manifest.spec.shape.input;
    try {
      if (this.inline !== void 0) {
        const input = parseArgument(this.inline, shape, check);
        const [p] = await predictor.predictBatch([input]);
        this.out(JSON.stringify(p));
        return 0;
      }
      const source = file ?? this.context.stdin;
      return await this.stream(source, shape, predictor.predictBatch.bind(predictor), seeds);
    } finally {
      await predictor.close?.();
    }
  }
  async stream(source, shape, predictBatch, { LineSplitter, checkShape }) {
    const out = this.context.stdout;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let pending = [];
    let failed = 0;
    const flush = async () => {
      const batch = pending;
      pending = [];
      const inputs = batch.flatMap((c) => "input" in c ? [c.input] : []);
      const predictions = inputs.length ? await predictBatch(inputs) : [];
      let k = 0;
      let text = "";
      for (const c of batch) {
        if ("input" in c) text += `${JSON.stringify(predictions[k++])}
`;
        else {
          failed++;
          this.context.stderr.write(`${c.error.message}
`);
          text += `${JSON.stringify({ line: c.line, error: { code: c.error.code, message: c.error.message } })}
`;
        }
      }
      if (!out.write(text)) await new Promise((r) => out.once("drain", r));
    };
    const splitter = new LineSplitter((raw) => {
      if (raw.tooLong) {
        pending.push({ line: raw.line, error: new KolmError("E_BAD_INPUT", `line ${raw.line}: ${raw.length} bytes, too long`) });
        return;
      }
      let text;
      try {
        text = decoder.decode(raw.bytes);
      } catch {
        pending.push({ line: raw.line, error: new KolmError("E_BAD_INPUT", `line ${raw.line}: not UTF-8`) });
        return;
      }
      if (text.trim() === "") return;
      try {
        pending.push({ line: raw.line, input: parseCase(text, shape, `line ${raw.line}`, checkShape) });
      } catch (err) {
        pending.push({ line: raw.line, error: err });
      }
    });
    for await (const chunk of source) {
      splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      if (pending.length >= BATCH) await flush();
    }
    splitter.end();
    await flush();
    return failed > 0 ? 1 : 0;
  }
};
async function openInput(path, shown) {
  const info = await stat(path).catch(() => void 0);
  if (info?.isDirectory()) {
    throw new KolmError("E_PATH_UNREADABLE", `${shown} (--input) is a folder, not a JSONL file`, { hint: "name the cases file, e.g. --input validation.jsonl", place: { file: shown } });
  }
  const stream = createReadStream2(path);
  await new Promise((ok, fail2) => {
    stream.once("open", () => ok());
    stream.once("error", (err) => {
      const missing = err.code === "ENOENT";
      fail2(new KolmError(missing ? "E_PATH_NOT_FOUND" : "E_PATH_UNREADABLE", `${shown} (--input) ${missing ? "does not exist" : `could not be read: ${err.message}`}`, {
        hint: missing ? "check the path, or pipe the cases on stdin" : "check that it is a readable file",
        place: { file: shown }
      }));
    });
  });
  return stream;
}
function parseArgument(text, shape, checkShape) {
  if (shape === "string") {
    let value2;
    try {
      value2 = JSON.parse(text);
    } catch {
      return text;
    }
    if (typeof value2 === "string") return value2;
    if (value2 !== null && typeof value2 === "object" && !Array.isArray(value2) && "input" in value2) return parseCase(text, shape, "argument", checkShape);
    return text;
  }
  const example = typeof shape === "object" ? `{"input": {${Object.keys(shape).map((k) => `"${k}": ...`).join(", ")}}}` : '{"input": ...}';
  try {
    JSON.parse(text);
  } catch {
    throw new KolmError("E_BAD_INPUT", `argument: this artifact takes ${typeof shape === "object" ? "an object" : `a ${shape}`} input, given as JSON; got text that is not JSON`, {
      hint: `pass ${example} (quoted for the shell), or stream JSON lines on stdin`
    });
  }
  return parseCase(text, shape, "argument", checkShape, example);
}
function parseCase(text, shape, where, checkShape, example = '{"input": ...}') {
  let value2;
  try {
    value2 = JSON.parse(text);
  } catch (err) {
    throw new KolmError("E_BAD_INPUT", `${where}: not JSON (${err.message})`, {
      hint: 'each case is one JSON object: {"input": ...}'
    });
  }
  if (value2 === null || typeof value2 !== "object" || Array.isArray(value2) || !("input" in value2)) {
    throw new KolmError("E_BAD_INPUT", `${where}: expected an object with an "input" key`, { hint: `each case is ${example}` });
  }
  const input = value2.input;
  const problems = checkShape("input", input, shape);
  if (problems.length) throw new KolmError("E_BAD_INPUT", `${where}: ${problems.join("; ")}`, { hint: "match the spec shape of the artifact (kolm inspect)" });
  return input;
}

// tui/commands/serve.ts
import { resolve as resolve12 } from "node:path";
import { Command as Command10, Option as Option13 } from "clipanion";
var ServeCommand = class extends KolmCommand {
  static paths = [["serve"]];
  static usage = Command10.Usage({
    category: "Run",
    description: "Serve .kolm artifacts over the LoRAX HTTP API",
    details: `
      Speaks LoRAX's API (POST /generate, /generate_stream, / and /invocations; GET /health, /info,
      /metrics) and OpenAI's (/v1/completions, /v1/chat/completions, /v1/models), so an unmodified LoRAX
      or Predibase client works. \`parameters.adapter_id\` (or the OpenAI \`model\`) picks an artifact by
      its name or by the Predibase id it replaces (REPO/VERSION or REPO, from kolm compile --adapter-id);
      without one the first artifact answers.

      \`inputs\` is the artifact's input: for a spec with a prompt template, send the prompt rendered with
      it (the fields are read back), or a JSON object of the input fields.

      Every artifact's digests are checked before the port opens. With --watch, an artifact replaced on
      disk is verified and swapped in while requests keep running. SIGINT/SIGTERM stop accepting,
      finish the requests in flight, then exit.

      With \`details: true\`, a recipe's answer also carries its \`confidence\` (and \`abstained\` under
      --abstain-below, \`path\` for a cascade: local or fallback). /metrics counts cascade answers by path,
      fallback errors and abstentions.
    `,
    examples: [
      ["Serve one artifact on port 8080", "$0 serve my.kolm"],
      ["Two artifacts, picked by adapter_id", "$0 serve intent.kolm slots.kolm --port 9000 --watch"]
    ]
  });
  artifacts = Option13.Rest({ required: 1, name: "artifact.kolm" });
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();
  port = value("port", Option13.String("--port", "8080", {
    description: "Port to listen on, 0 to 65535 (0: any free port)",
    validator: number({ integer: true, min: 0, max: 65535 })
  }));
  host = value("address", Option13.String("--host", "127.0.0.1", { description: "Address to bind (0.0.0.0: every interface)" }));
  loraxCompat = Option13.Boolean("--lorax-compat", false, {
    description: `Answer the /v1 routes with LoRAX's exact values (id "null", model "null", ...) instead of OpenAI's`
  });
  watch = Option13.Boolean("--watch", false, { description: "Reload an artifact when its file is replaced" });
  quiet = Option13.Boolean("--quiet", false, { description: "No per-request log lines" });
  requireSignature = Option13.Boolean("--require-signature", false, { description: "Refuse artifacts without kolm.sig" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  maxConcurrency = value("n", Option13.String("--max-concurrency", "1024", {
    description: "Generate requests in flight before answering 429 overloaded",
    validator: number({ integer: true, min: 1 })
  }));
  maxBodyBytes = value("bytes", Option13.String("--max-body-bytes", String(2 * 1024 * 1024), {
    description: "Largest request body accepted (413 above)",
    validator: number({ integer: true, min: 1 })
  }));
  timeout = value("seconds", Option13.String("--timeout", "30", {
    description: "Seconds a client has to send a whole request (408 after)",
    validator: number({ min: 0.01 })
  }));
  async run() {
    const out = this.context.stdout;
    const line = (value2) => out.write(`${JSON.stringify(value2)}
`);
    const event = (msg, extra = {}) => line({ time: (/* @__PURE__ */ new Date()).toISOString(), level: "info", msg, ...extra });
    const serve = await import("./chunks/serve-Z22GJM2B.js");
    const { ArtifactSet, createHandler, listen, Metrics, watchFiles } = serve;
    const paths = this.artifacts.map((a) => resolve12(this.context.cwd, a));
    const trust = await trustFrom(this, this.context);
    const abstain = await abstainPolicyFrom(this);
    const loadOptions = {
      requireSignature: this.requireSignature,
      ...trust ? { trust } : {},
      adapter: adapterOptionsFrom(this, this.context),
      ...await runtimeOptionsFrom(this, this.context)
    };
    const loadServedArtifact = async (path, options) => {
      const a = await serve.loadServedArtifact(path, options);
      return { ...a, predictor: await withAbstain(a.predictor, abstain) };
    };
    const loaded = [];
    for (const p of paths) loaded.push(await loadServedArtifact(p, loadOptions));
    const set = new ArtifactSet(loaded);
    for (const a of loaded) {
      event("artifact loaded", { artifact: a.name, path: a.path, root_digest: a.rootDigest, signature: a.signature });
      if (a.signature === "unverified") {
        event("signer not verified", { artifact: a.name, level: "warn", hint: "kolm.sig matches the artifact; pass --key or --certificate-identity to check who signed it" });
      }
    }
    const metrics = new Metrics();
    for (const a of loaded) metrics.gauge("kolm_artifact_loaded", "Artifacts served", { artifact: a.name }, () => 1);
    const controller = new AbortController();
    let draining = false;
    const handler = createHandler({
      artifacts: set,
      // --timeout is the time a client has to send the whole request, so it is also the body deadline.
      limits: { maxConcurrency: this.maxConcurrency, maxBodyBytes: this.maxBodyBytes, bodyTimeoutMs: this.timeout * 1e3 },
      now: () => performance.now(),
      wallClock: () => Date.now(),
      ...this.quiet ? {} : { log: (l) => line(l) },
      metrics,
      version: VERSION,
      loraxCompat: this.loraxCompat,
      draining: () => draining
    });
    const server = await listen(handler, {
      port: this.port,
      host: this.host,
      requestTimeoutMs: this.timeout * 1e3,
      signal: controller.signal,
      onClientError: (status, code) => {
        metrics.observe({ route: "unparsed", artifact: "", status, errorType: code, seconds: 0, generate: false });
        if (!this.quiet) line({ time: (/* @__PURE__ */ new Date()).toISOString(), method: "", path: "", status, error_type: code });
      }
    });
    if (this.watch) {
      watchFiles(paths, (path) => void this.reload(path, set, loadOptions, metrics, event, loadServedArtifact), controller.signal);
    }
    event("listening", { url: server.url, artifacts: loaded.map((a) => a.name), lorax_compat: this.loraxCompat });
    const onSignal = (name) => {
      if (draining) {
        event("second signal: closing every connection", { signal: name });
        server.server.closeAllConnections();
        return;
      }
      draining = true;
      event("shutting down", { signal: name, in_flight: handler.inFlight });
      controller.abort();
    };
    const onInt = () => onSignal("SIGINT");
    const onTerm = () => onSignal("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    try {
      await server.closed;
    } finally {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    }
    await set.closeAll();
    event("stopped");
    return 0;
  }
  async reload(path, set, options, metrics, event, loadServedArtifact) {
    const current = set.list().find((a) => a.path === path);
    try {
      const next = await loadServedArtifact(path, options);
      if (current && next.rootDigest === current.rootDigest) return;
      await set.replace(next);
      if (current && current.name !== next.name) metrics.removeGauges("kolm_artifact_loaded");
      for (const a of set.list()) metrics.gauge("kolm_artifact_loaded", "Artifacts served", { artifact: a.name }, () => 1);
      metrics.reload(next.name, true);
      event("artifact reloaded", { artifact: next.name, path, root_digest: next.rootDigest, signature: next.signature });
    } catch (err) {
      metrics.reload(current?.name ?? path, false);
      const error = isKolmError(err) ? err.toJSON() : { message: String(err?.message ?? err) };
      event("artifact reload refused; still serving the loaded version", { level: "error", path, error });
    }
  }
};

// tui/commands/seeds/validate.ts
import { resolve as resolve13 } from "node:path";
import { Command as Command11, Option as Option14 } from "clipanion";
var SeedsValidateCommand = class extends KolmCommand {
  static paths = [["seeds", "validate"]];
  static usage = Command11.Usage({
    category: "Seeds",
    description: "Check a seed JSONL file: shape, encoding, empty fields, with the line of every bad row",
    details: `
      Every line must be \`{"input": ..., "output": ...}\` of the spec's shape (\`--spec\`), or, without a spec,
      of the shape the first row implies. The file is streamed: any size validates in constant memory.

      Bad lines: empty lines (blank lines at the end of the file are fine), lines that are not JSON, not an
      object, missing "input" or "output", a value of the wrong type for the shape (the field is named), an
      empty or whitespace-only string, invalid UTF-8. Inside an object shape a single field may be null or
      empty, but not all of them. Keys other than input/output are warnings (ignored by compile). CRLF line
      ends and a leading BOM are fine. Every bad line is counted; the first \`--limit\` are listed.

      Exit 0 when every row is good, 1 otherwise. \`-\` reads standard input.
    `,
    examples: [
      ["Validate converted seeds", "$0 seeds validate out/train.jsonl"],
      ["Validate against a spec, as JSON", "$0 seeds validate out/train.jsonl --spec out/spec.json --json"]
    ]
  });
  file = Option14.String({ name: "file.jsonl" });
  spec = value("file", Option14.String("--spec", { description: "spec.json whose shape the rows must have" }));
  limit = value("n", Option14.String("--limit", "50", {
    description: "How many bad lines to list (all are counted)",
    validator: number({ integer: true, min: 0 })
  }));
  async run() {
    const cwd = this.context.cwd;
    const [{ formatShape, validateSeedsFile, validateSeedsStream }, { readSpecFile }] = await Promise.all([
      import("./chunks/seeds-AQUMKPOW.js"),
      import("./chunks/spec-AQLJON4F.js")
    ]);
    const describe = (report2) => describeShape(report2, formatShape);
    const shape = this.spec ? (await readSpecFile(resolve13(cwd, this.spec), this.spec)).shape : void 0;
    const limit = Number(this.limit);
    const options = { shape, limit, reporter: this.reporter() };
    const report = this.file === "-" ? await validateSeedsStream(this.context.stdin, "<stdin>", options) : await validateSeedsFile(resolve13(cwd, this.file), options);
    if (this.json) {
      this.outJson({
        ok: report.ok,
        file: this.file,
        rows: report.rows,
        valid: report.valid,
        bad_count: report.badCount,
        bad: report.bad,
        truncated: report.badCount > report.bad.length,
        warnings: report.warnings,
        shape: report.shape,
        shape_source: report.shapeSource,
        bytes: report.bytes
      });
      return report.ok ? 0 : 1;
    }
    for (const w of report.warnings) this.context.stderr.write(`warning: ${this.file}:${w.line}: ${w.reason}
`);
    if (report.ok) {
      this.out(`ok. ${formatCount(report.rows)} row${report.rows === 1 ? "" : "s"}, shape ${describe(report)}`);
      return 0;
    }
    this.out(renderBad(this.file, report, describe));
    return 1;
  }
};
function describeShape(report, formatShape) {
  if (!report.shape) return "(none)";
  const text = `{input: ${formatShape(report.shape.input)}, output: ${formatShape(report.shape.output)}}`;
  return report.shapeSource === "inferred" ? `${text} (inferred from the first row)` : text;
}
function renderBad(file, report, describeShape2) {
  const lines = report.bad.map((b) => `${file}:${b.line}${b.column !== void 0 ? `:${b.column}` : ""}: ${b.reason}`);
  const hidden = report.badCount - report.bad.length;
  if (hidden > 0) lines.push(`and ${hidden} more`);
  lines.push(`${report.badCount} bad line${report.badCount === 1 ? "" : "s"} of ${formatCount(report.rows)} rows in ${file}; shape ${describeShape2(report)}`);
  return lines.join("\n");
}

// tui/commands/sign.ts
import { relative as relative4, resolve as resolve14 } from "node:path";
import { Command as Command12, Option as Option15 } from "clipanion";
var SignCommand = class extends KolmCommand {
  static paths = [["sign"]];
  static usage = Command12.Usage({
    category: "Artifacts",
    description: "Sign a .kolm (Sigstore bundle inside as kolm.sig, and beside it as FILE.sigstore.json)",
    details: `
      Both bundles are DSSE envelopes (Sigstore bundle v0.3) carrying an in-toto statement that lists the
      SHA-256 of kolm.json and of every entry. kolm.sig names the artifact's root digest (so adding it changes
      nothing signed); the sidecar names the SHA-256 of the whole signed file, which \`gh attestation verify\`
      and \`cosign verify-blob-attestation\` check. An existing signature is replaced.

      --key signs offline with a \`kolm keygen\` key. --keyless takes the ambient OIDC token (GitHub Actions
      with \`permissions: id-token: write\`, or SIGSTORE_ID_TOKEN), gets a Fulcio certificate and records the
      signature in Rekor (public good by default; --fulcio-url/--rekor-url/--tsa-url for a private deployment).
    `,
    examples: [
      ["With a key pair", "$0 sign my.kolm --key kolm.key"],
      ["Keyless in GitHub Actions", "$0 sign my.kolm --keyless"],
      ["Keyless without the public log (private repos)", "$0 sign my.kolm --keyless --no-tlog --tsa-url https://timestamp.example.com"]
    ]
  });
  file = Option15.String({ name: "artifact.kolm" });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();
  bundle = value("file", Option15.String("--bundle", { description: "Where to write the sidecar bundle (default: FILE.sigstore.json)" }));
  sidecar = Option15.Boolean("--sidecar", true, { description: "Write the sidecar bundle (--no-sidecar: only kolm.sig inside)" });
  async run() {
    const cwd = this.context.cwd;
    const { method, secrets } = await signingMethodFrom(this, this.context);
    const { formatSigner, signArtifactFile } = await import("./chunks/sign-BBX3QAEI.js");
    const path = resolve14(cwd, this.file);
    const sidecarPath = this.sidecar ? this.bundle ? resolve14(cwd, this.bundle) : void 0 : false;
    const signed = await signArtifactFile(path, method, { shown: this.file, sidecarPath, secrets });
    const sidecarShown = signed.sidecarPath ? relative4(cwd, signed.sidecarPath) || signed.sidecarPath : void 0;
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, artifact: this.file, bundle: sidecarShown ?? null, root_digest: signed.rootDigest, sha256: signed.fileSha256, signer: signed.signer }));
      return 0;
    }
    this.out(`signed ${this.file} by ${formatSigner(signed.signer)}`);
    this.out(`  kolm.sig    subject: root digest ${signed.rootDigest}`);
    if (sidecarShown) this.out(`  ${sidecarShown}  subject: sha256 ${signed.fileSha256}`);
    return 0;
  }
};

// tui/commands/spec/schema.ts
import { Command as Command13 } from "clipanion";
var SpecSchemaCommand = class extends KolmCommand {
  static paths = [["spec", "schema"]];
  static usage = Command13.Usage({
    category: "Spec",
    description: "Print the JSON Schema of spec.json (version 1)",
    details: 'Use it in your editor (`"$schema"`) or CI to validate a spec before `kolm compile`.',
    examples: [["Write the schema to a file", "$0 spec schema > spec.schema.json"]]
  });
  async run() {
    const { specJsonSchema } = await import("./chunks/spec-AQLJON4F.js");
    this.outJson(specJsonSchema());
    return 0;
  }
};

// tui/commands/verify.ts
import { readFile as readFile3 } from "node:fs/promises";
import { basename as basename3, resolve as resolve15 } from "node:path";
import { Command as Command14, Option as Option16 } from "clipanion";
var VerifyCommand = class extends KolmCommand {
  static paths = [["verify"]];
  static usage = Command14.Usage({
    category: "Artifacts",
    description: "Verify a .kolm: every entry digest, its signature(s) and who signed it",
    details: `
      Checks kolm.sig inside the artifact and, when present, the sidecar FILE.sigstore.json (or --bundle).
      Every signature present must verify and match the artifact; the error names the entry that does not.
      Give --key for key-pair signatures, or --certificate-identity and --certificate-oidc-issuer for keyless
      ones (checked against the public-good Sigstore root, or --trusted-root).
    `,
    examples: [
      ["With the signer's public key", "$0 verify my.kolm --key kolm.pub"],
      [
        "Signed in GitHub Actions",
        "$0 verify my.kolm --certificate-identity https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.2.0 --certificate-oidc-issuer https://token.actions.githubusercontent.com"
      ]
    ]
  });
  file = Option16.String({ name: "artifact.kolm" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  bundle = value("file", Option16.String("--bundle", { description: "The sidecar bundle (default: FILE.sigstore.json when it exists)" }));
  async run() {
    const cwd = this.context.cwd;
    const trust = await trustFrom(this, this.context);
    if (!trust) {
      throw new KolmError("E_USAGE", "say whom to trust: --key PUBLIC_KEY, or --certificate-identity and --certificate-oidc-issuer", {
        hint: "`kolm inspect` shows who claims to have signed it"
      });
    }
    const [{ readArtifact, sha256Hex }, { formatSigner, sidecarName, verifyArtifactContents }] = await Promise.all([
      import("./chunks/artifact-E5G5T6BA.js"),
      import("./chunks/sign-BBX3QAEI.js")
    ]);
    const path = resolve15(cwd, this.file);
    const contents = await readArtifact(path, { name: this.file });
    const bundleShown = this.bundle ?? sidecarName(this.file);
    const bundleBytes = await readOptional(resolve15(cwd, bundleShown), this.bundle !== void 0);
    const sidecar = bundleBytes ? { bytes: bundleBytes, where: bundleShown, fileSha256: sha256Hex(await readFile3(path)) } : void 0;
    const state = verifyArtifactContents(contents, { file: this.file, trust, sidecar, requireSignature: true });
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, file: this.file, verified: true, signer: state.signer, checked: state.checks.map((c) => ({ placement: c.placement, bundle: c.where })) }));
      return 0;
    }
    this.out(`${basename3(this.file)}: verified, signed by ${formatSigner(state.signer)}`);
    for (const c of state.checks) this.out(`  ${c.placement === "embedded" ? "kolm.sig (inside)" : `${c.where} (sidecar)`}: signature and every entry digest match`);
    return 0;
  }
};
async function readOptional(path, required) {
  try {
    return await readFile3(path);
  } catch (err) {
    if (err.code === "ENOENT" && !required) return void 0;
    throw new KolmError("E_PATH_NOT_FOUND", `${path} could not be read: ${err.message}`, { hint: "check --bundle", place: { file: path } });
  }
}

// tui/commands/index.ts
var commands = [
  CompileCommand,
  RunCommand,
  ServeCommand,
  EvalCommand,
  CompareCommand,
  InspectCommand,
  MigrateConvertCommand,
  MigrateSpecCommand,
  SeedsValidateCommand,
  SpecSchemaCommand,
  KeygenCommand,
  SignCommand,
  VerifyCommand,
  PublishCommand
];

// tui/cli.ts
var KOLM_INFO = {
  binaryName: "kolm",
  label: "kolm: migrate Predibase fine-tunes to signed artifacts you own",
  version: VERSION,
  footer: "The guided migration of a Predibase export, every step at once: `kolm-migrate` (`npx kolm-migrate`)."
};
function buildCli(binaryName = "kolm") {
  const cli = new Cli({ binaryLabel: KOLM_INFO.label, binaryName, binaryVersion: VERSION, enableColors: false });
  for (const c of commands) cli.register(c);
  return cli;
}
async function runCli(args, ctx = {}) {
  const cli = buildCli();
  const context = {
    stdin: ctx.stdin ?? process.stdin,
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env: ctx.env ?? process.env,
    cwd: ctx.cwd ?? process.cwd(),
    colorDepth: ctx.colorDepth ?? 1
  };
  return runCommandLine(cli, args, context, { info: KOLM_INFO, commands });
}

// tui/cli-main.ts
process.exitCode = await runCli(process.argv.slice(2));
