import {
  KolmCommand,
  MigrateConvertCommand,
  renderEvalReport,
  runCommandLine
} from "./chunks/chunk-7KAVKRD7.js";
import {
  compareReports,
  evaluateArtifactFile,
  loadArtifact,
  predictorFromContents,
  readEvalReport,
  renderComparisonMarkdown,
  renderComparisonText,
  verifyArtifactSignature
} from "./chunks/chunk-RGDHHPNS.js";
import {
  LineSplitter,
  PASSPHRASE_ENV,
  ambientIdentityProvider,
  buildAdapterFromFiles,
  buildFromFiles,
  checkShape,
  describeSigner,
  formatCandidateTable,
  formatShape,
  formatSigner,
  gateFailure,
  generateKeyPair,
  parseBundle,
  parseGates,
  parsePrivateKey,
  parsePublicKey,
  parseTrustedRoot,
  publicGoodTrustedRoot,
  saveBuilt,
  sidecarName,
  signArtifactFile,
  textGenerator,
  translateLudwigFiles,
  validateSeedsFile,
  validateSeedsStream,
  verifyArtifactContents,
  writeKeyPairFiles
} from "./chunks/chunk-26UZAA2T.js";
import {
  parseTemplate,
  templateMatcher
} from "./chunks/chunk-TSLRCPRA.js";
import {
  defaultModelsDir
} from "./chunks/chunk-4RNX3ROK.js";
import {
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  VERSION,
  readArtifact,
  readSpecFile,
  sha256Hex,
  specJsonSchema,
  writeFileAtomic
} from "./chunks/chunk-MJ5SRUD2.js";
import {
  KolmError,
  isKolmError
} from "./chunks/chunk-HCB5U3V4.js";

// tui/cli.ts
import { Builtins, Cli } from "clipanion";

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
  markdown = Option.String("--markdown", { description: "Write the comparison as GitHub Markdown to this file (- for stdout)" });
  async run() {
    const [a, b] = await Promise.all([readEvalReport(resolve(this.context.cwd, this.a)), readEvalReport(resolve(this.context.cwd, this.b))]);
    const comparison = compareReports(a, b);
    if (this.markdown === "-") this.out(renderComparisonMarkdown(comparison));
    else if (this.markdown) await writeFileAtomic(resolve(this.context.cwd, this.markdown), renderComparisonMarkdown(comparison));
    if (this.json) this.outJson(comparison);
    else if (this.markdown !== "-") this.out(renderComparisonText(comparison));
    return 0;
  }
};

// tui/commands/compile.ts
import { basename, relative, resolve as resolve4 } from "node:path";
import { Command as Command2, Option as Option4 } from "clipanion";
import * as t2 from "typanion";

// tui/sign-flags.ts
import { readFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
import { Option as Option2 } from "clipanion";
var signFlags = {
  key: (name = "--key") => Option2.String(name, { description: `Sign with this private key (from \`kolm keygen\`; passphrase from ${PASSPHRASE_ENV})` }),
  keyless: () => Option2.Boolean("--keyless", false, { description: "Sign keyless with the ambient OIDC identity (GitHub Actions, or SIGSTORE_ID_TOKEN) via Fulcio" }),
  fulcioUrl: () => Option2.String("--fulcio-url", { description: "Fulcio URL (default: public-good https://fulcio.sigstore.dev)" }),
  rekorUrl: () => Option2.String("--rekor-url", { description: "Rekor URL (default: public-good https://rekor.sigstore.dev)" }),
  tsaUrl: () => Option2.String("--tsa-url", { description: "RFC 3161 timestamp authority URL (none by default)" }),
  tlog: () => Option2.Boolean("--tlog", true, { description: "Record in the Rekor transparency log (--no-tlog for private deployments; needs --tsa-url)" })
};
var trustFlags = {
  key: () => Option2.String("--key", { description: "Verify with this public key (kolm.pub)" }),
  identity: () => Option2.String("--certificate-identity", { description: "Keyless: the exact signer identity (certificate SAN), e.g. a workflow URL @ ref" }),
  identityRegexp: () => Option2.String("--certificate-identity-regexp", { description: "Keyless: a regular expression the signer identity must match" }),
  issuer: () => Option2.String("--certificate-oidc-issuer", { description: "Keyless: the exact OIDC issuer (GitHub: https://token.actions.githubusercontent.com)" }),
  trustedRoot: () => Option2.String("--trusted-root", { description: "Keyless: trusted_root.json of the Sigstore deployment (default: public good, shipped with kolm)" })
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
import * as t from "typanion";
var adapterFlags = {
  baseGguf: () => Option3.String("--base-gguf", { description: "The base model GGUF for adapter artifacts (default: the models folder, KOLM_MODELS)" }),
  threads: () => Option3.String("--threads", { description: "llama.cpp threads for adapter artifacts (default: physical cores)", validator: t.cascade(t.isNumber(), t.isAtLeast(1)) })
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
      would help. \`created\` in the manifest comes from SOURCE_DATE_EPOCH or the inputs' file times, so the
      same inputs give the same bytes.
    `,
    examples: [
      ["Compile the converted export", "$0 compile --spec migrated/spec.json --examples migrated/train.jsonl --eval migrated/validation.jsonl --out my.kolm"],
      ["Only try the classifier", "$0 compile --spec spec.json --examples train.jsonl --recipe classifier --out my.kolm"],
      ["Import the Predibase adapter on a local base GGUF", "$0 compile --spec spec.json --adapter predibase-adapter/ --base-gguf llama-3.1-8b.Q8_0.gguf --out my.kolm"]
    ]
  });
  spec = Option4.String("--spec", { required: true, description: "spec.json (version 1)" });
  examples = Option4.String("--examples", { description: "Training examples (JSONL of {input, output}); required unless --adapter" });
  adapter = Option4.String("--adapter", { description: "Import a PEFT LoRA export (folder or zip with adapter_config.json + adapter_model.safetensors) as an adapter artifact" });
  baseGguf = adapterFlags.baseGguf();
  base = Option4.String("--base", { description: "Base model id (Hugging Face style); with --adapter it overrides the spec's base" });
  adapterDtype = Option4.String("--adapter-dtype", { description: "GGUF type of the adapter weights: f16 (default), q8_0 (default when the spec says int8) or f32" });
  evalFile = Option4.String("--eval", { description: "Held-out examples to score the winner on (never used to choose)" });
  output = Option4.String("--out", { required: true, description: "Where to write the .kolm file" });
  recipes = Option4.Array("--recipe", { description: `Only try these recipes (${RECIPES.join(", ")})` });
  seed = Option4.String("--seed", "42", { description: "Seed for folds and training", validator: t2.isNumber() });
  recordLatency = Option4.Boolean("--record-latency", false, {
    description: "Also write the measured p50 latency into the manifest (the bytes then differ run to run)"
  });
  name = Option4.String("--name", { description: "Artifact name (default: spec name, else the output file name)" });
  sign = Option4.Boolean("--sign", false, { description: "Sign the artifact as the last step (with --key FILE or --keyless; see `kolm sign`)" });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();
  async run() {
    const cwd = this.context.cwd;
    const specPath = resolve4(cwd, this.spec);
    if (this.base && !this.adapter) {
      throw new KolmError("E_NOT_AVAILABLE", `training a new LoRA on ${this.base} needs a GPU trainer, which kolm does not have yet`, {
        hint: "import the adapter you already trained instead: kolm compile --spec spec.json --adapter predibase-adapter/ --base-gguf base.gguf --out my.kolm (or drop --base to compile a recipe)"
      });
    }
    if (this.adapter) return this.compileAdapter(specPath);
    if (!this.examples) {
      throw new KolmError("E_USAGE", "kolm compile needs --examples (training examples) to compile a recipe", {
        hint: "pass --examples train.jsonl, or --adapter DIR to import a trained LoRA adapter"
      });
    }
    const only = this.recipes?.map((r) => {
      if (!RECIPES.includes(r)) {
        throw new KolmError("E_USAGE", `unknown recipe "${r}"`, { hint: `choose from ${RECIPES.join(", ")}` });
      }
      return r;
    });
    const signing = this.sign || this.key || this.keyless ? await signingMethodFrom(this, this.context) : void 0;
    const outPath = resolve4(cwd, this.output);
    const built = await buildFromFiles(
      {
        specPath,
        examplesPath: resolve4(cwd, this.examples),
        ...this.evalFile ? { evalPath: resolve4(cwd, this.evalFile) } : {},
        seed: this.seed,
        only,
        name: this.name,
        defaultName: basename(outPath).replace(/\.kolm$/, ""),
        sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH,
        recordLatency: this.recordLatency
      },
      this.reporter()
    );
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
      this.outJson(summary);
      return 0;
    }
    const v = outcome.validation;
    this.out(formatCandidateTable(outcome.table));
    this.out("");
    this.out(`winner: ${outcome.winner} (${outcome.kind} task) \xB7 validation K ${v.K.toFixed(3)} [${v.K_low.toFixed(3)}, ${v.K_high.toFixed(3)}] \xB7 pass ${(v.pass_rate * 100).toFixed(1)}% \xB7 p50 ${v.p50_ms.toFixed(3)} ms`);
    if (outcome.eval) {
      const e = outcome.eval;
      this.out(`eval:   K ${e.K.toFixed(3)} [${e.K_low.toFixed(3)}, ${e.K_high.toFixed(3)}] \xB7 pass ${(e.pass_rate * 100).toFixed(1)}% on ${e.n} cases`);
    }
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${(saved.bytes.length / 1024).toFixed(1)} KB)`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
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
      sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH
    });
    const saved = await saveBuilt(outPath, result.bytes, signing, this.output);
    const base = result.manifest.base;
    const types = {};
    for (const t6 of result.config.tensors) types[t6.type] = (types[t6.type] ?? 0) + 1;
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
      this.outJson(summary);
      return 0;
    }
    for (const w of result.converted.warnings) this.context.stderr.write(`warning: ${w}
`);
    this.out(`adapter: rank ${result.config.rank}, ${result.config.modules.length} modules, ${Object.entries(types).map(([k, v]) => `${v} ${k}`).join(" + ")} tensors, scaling ${result.config.scaling === "baked" ? "baked into lora_b" : `alpha ${result.config.alpha}`}`);
    this.out(`base:    ${base.id}${base.revision ? `@${base.revision}` : ""} \xB7 ${base.file} \xB7 sha256 ${base.sha256}`);
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${(saved.bytes.length / 1024).toFixed(1)} KB; the base is not inside: kolm run/serve find it by --base-gguf or in KOLM_MODELS)`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath)}`);
    return 0;
  }
};
function signedSummary(saved) {
  return saved.signed ? { signed: { bundle: saved.bundlePath, signer: saved.signed.signer, root_digest: saved.signed.rootDigest } } : {};
}

// tui/commands/eval.ts
import { resolve as resolve5 } from "node:path";
import { Command as Command3, Option as Option5 } from "clipanion";
import * as t3 from "typanion";
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
    `,
    examples: [
      ["Score on the validation split", "$0 eval my.kolm --examples migrated/validation.jsonl"],
      ["Gate it in CI and keep the JSON", "$0 eval my.kolm --examples validation.jsonl --gates K_min=0.85,p50_ms_max=5 --out kolm-eval.json"],
      ["A/B against the Predibase deployment", "PREDIBASE_API_TOKEN=... $0 eval my.kolm --examples validation.jsonl --against https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT --adapter-id my-adapter/3 --out kolm-eval.json --markdown comment.md"]
    ]
  });
  artifact = Option5.String({ required: true, name: "artifact.kolm" });
  examples = Option5.String("--examples", { required: true, description: "Cases to score (JSONL of {input, output})" });
  gates = Option5.String("--gates", { description: "Override the spec gates, e.g. K_min=0.85,p50_ms_max=200" });
  output = Option5.String("--out", { description: "Also write the report as JSON to this file" });
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  against = Option5.String("--against", { description: "LoRAX or Predibase endpoint URL to A/B against" });
  adapterId = Option5.String("--adapter-id", { description: "parameters.adapter_id for the remote endpoint" });
  token = Option5.String("--token", { description: "Bearer token for the endpoint (default: $PREDIBASE_API_TOKEN)" });
  maxNewTokens = Option5.String("--max-new-tokens", { description: "Remote max_new_tokens (default: the spec)", validator: t3.isNumber() });
  temperature = Option5.String("--temperature", { description: "Remote temperature (default: the spec; 0 = greedy)", validator: t3.isNumber() });
  concurrency = Option5.String("--concurrency", "4", { description: "Remote requests in flight", validator: t3.isNumber() });
  timeout = Option5.String("--timeout", "60", { description: "Seconds per remote request", validator: t3.isNumber() });
  retries = Option5.String("--retries", "4", { description: "Retries per case on 429/5xx/dropped connections", validator: t3.isNumber() });
  cache = Option5.String("--cache", { description: "Resume cache for the remote results (JSONL)" });
  remoteOut = Option5.String("--remote-out", { description: "Write the remote side's report as JSON to this file" });
  markdown = Option5.String("--markdown", { description: "Write the kolm vs remote comparison as GitHub Markdown" });
  async run() {
    const cwd = this.context.cwd;
    const artifactPath = resolve5(cwd, this.artifact);
    const token2 = this.token ?? this.context.env.PREDIBASE_API_TOKEN;
    const cachePath = this.cache ? resolve5(cwd, this.cache) : this.output ? resolve5(cwd, `${this.output.replace(/\.json$/, "")}.remote-cache.jsonl`) : void 0;
    const result = await evaluateArtifactFile({
      artifactPath,
      load: { adapter: adapterOptionsFrom(this, this.context) },
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
          token: token2,
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
      if (this.json) this.outJson({ kolm: report, remote, comparison });
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
import { Command as Command4, Option as Option6 } from "clipanion";
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
  file = Option6.String({ name: "FILE" });
  async run() {
    const path = resolve6(this.context.cwd, this.file);
    const artifact = await readArtifact(path, { name: this.file });
    const whole = await hashFile(path, this.file);
    const summary = {
      file: this.file,
      bytes: whole.bytes,
      sha256: whole.sha256,
      root_digest: artifact.rootDigest,
      signature: artifact.signature ? "signed" : "unsigned",
      ...artifact.signature ? { signer: claimedSigner(artifact.signature) } : {}
    };
    if (this.json) {
      this.outJson({ ok: true, ...summary, manifest: artifact.manifest });
      return 0;
    }
    this.out(renderSummary(summary, artifact));
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
function claimedSigner(signature) {
  try {
    return describeSigner(parseBundle(signature, "kolm.sig"));
  } catch (err) {
    return { kind: "unreadable", problem: err.message };
  }
}
function renderSummary(s, artifact) {
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
  for (const d of m.datasets) rows.push([`${d.role} data`, `${d.rows.toLocaleString("en-US")} rows, sha256:${d.sha256}`]);
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
  const parts = [`K ${x.K.toFixed(3)}`, `pass ${(x.pass_rate * 100).toFixed(1)}%`, `n ${x.n}`];
  if (x.p50_ms !== void 0) parts.push(`p50 ${x.p50_ms} ms`);
  if (x.p95_ms !== void 0) parts.push(`p95 ${x.p95_ms} ms`);
  return parts.join(", ");
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

// tui/commands/keygen.ts
import { relative as relative2, resolve as resolve7 } from "node:path";
import { Command as Command5, Option as Option7 } from "clipanion";
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
  out_ = Option7.String("--out", "kolm", { description: "Path prefix of the two files (default: kolm \u2192 kolm.key, kolm.pub)" });
  force = Option7.Boolean("--force", false, { description: "Overwrite existing key files" });
  async run() {
    const cwd = this.context.cwd;
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

// tui/commands/migrate/spec.ts
import { resolve as resolve8 } from "node:path";
import { Command as Command6, Option as Option8 } from "clipanion";
var MigrateSpecCommand = class extends KolmCommand {
  static paths = [["migrate", "spec"]];
  static usage = Command6.Usage({
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
  config = Option8.String("--config", { required: true, description: "Ludwig config.yaml (or the folder holding it)" });
  adapter = Option8.String("--adapter", { description: "PEFT adapter folder or its adapter_config.json" });
  output = Option8.String("--out", { required: true, description: "Where to write spec.json" });
  name = Option8.String("--name", { description: "spec name (default: the export folder name)" });
  async run() {
    const cwd = this.context.cwd;
    const out = resolve8(cwd, this.output);
    const result = await translateLudwigFiles({
      config: resolve8(cwd, this.config),
      adapter: this.adapter ? resolve8(cwd, this.adapter) : void 0,
      name: this.name
    });
    await writeFileAtomic(out, `${JSON.stringify(result.spec, null, 2)}
`);
    if (this.json) {
      this.outJson({ spec: result.spec, mapping: result.mapping, warnings: result.warnings });
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
import { basename as basename2, resolve as resolve9 } from "node:path";
import { Command as Command7, Option as Option9 } from "clipanion";

// core/publish/github.ts
import { randomBytes } from "node:crypto";
var DEFAULT_GITHUB_API_URL = "https://api.github.com";
var REPO_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
async function publishRelease(options) {
  if (!REPO_PATTERN.test(options.repo)) throw new KolmError("E_USAGE", `--repo "${options.repo}" is not OWNER/NAME`, { hint: "e.g. --repo acme/models" });
  if (!options.token) throw new KolmError("E_USAGE", "publishing needs a GitHub token", { hint: "set GITHUB_TOKEN (in Actions: `permissions: contents: write`)" });
  const api = createClient(options);
  const repoPath = `/repos/${options.repo}`;
  const repo = await api.json("GET", repoPath, void 0, `repository ${options.repo}`);
  if (options.requirePrivate && repo.private !== true) {
    throw new KolmError("E_PUBLISH", `${options.repo} is ${repo.visibility ?? "public"}; --private refuses to publish to it`, {
      hint: "publish to a private repository, or drop --private to publish publicly"
    });
  }
  let created = false;
  let release = await api.maybe("GET", `${repoPath}/releases/tags/${encodeURIComponent(options.tag)}`, `the release for tag ${options.tag}`);
  if (!release) {
    if (!options.create) {
      throw new KolmError("E_PUBLISH", `${options.repo} has no release for tag ${options.tag}`, { hint: "create it on GitHub, or pass --create" });
    }
    release = await api.json("POST", `${repoPath}/releases`, { tag_name: options.tag, name: options.tag }, `a release for tag ${options.tag}`);
    created = true;
    options.reporter?.info(`created release ${options.tag} on ${options.repo}`);
  }
  const existing = await listAssets(api, `${repoPath}/releases/${release.id}/assets`);
  const uploadBase = release.upload_url.replace(/\{[^}]*\}$/, "");
  const published = [];
  for (const [i, asset] of options.assets.entries()) {
    options.reporter?.progress({ stage: "publish", done: i, total: options.assets.length, message: asset.name });
    const temporary = `uploading-${randomBytes(4).toString("hex")}-${asset.name}`;
    const uploaded = await api.upload(`${uploadBase}?name=${encodeURIComponent(temporary)}`, asset, temporary);
    const old = existing.find((a) => a.name === asset.name);
    if (old) await api.json("DELETE", `${repoPath}/releases/assets/${old.id}`, void 0, `the old asset ${asset.name}`);
    const renamed = await api.json("PATCH", `${repoPath}/releases/assets/${uploaded.id}`, { name: asset.name }, `the uploaded asset ${asset.name}`);
    published.push({ name: renamed.name, id: renamed.id, url: renamed.browser_download_url, size: renamed.size, replaced: Boolean(old) });
  }
  options.reporter?.progress({ stage: "publish", done: options.assets.length, total: options.assets.length });
  return { release: { id: release.id, url: release.html_url, created }, assets: published };
}
async function listAssets(api, path) {
  const all = [];
  for (let page = 1; page <= 50; page++) {
    const batch = await api.json("GET", `${path}?per_page=100&page=${page}`, void 0, "the release assets");
    all.push(...batch);
    if (batch.length < 100) break;
  }
  return all;
}
function createClient(options) {
  const doFetch = options.fetch ?? fetch;
  const base = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, "");
  const headers = {
    Authorization: `Bearer ${options.token}`,
    Accept: "application/vnd.github+json",
    "X-GitHub-Api-Version": "2022-11-28",
    "User-Agent": "kolm-migrate"
  };
  const send = async (method, url, init, what) => {
    try {
      return await doFetch(url, { method, headers: { ...headers, ...init.headers }, body: init.body });
    } catch (err) {
      throw new KolmError("E_PUBLISH", `could not reach GitHub (${new URL(url).origin}) for ${what}: ${err.message}`, {
        hint: "check the network, or GITHUB_API_URL for GitHub Enterprise",
        cause: err
      });
    }
  };
  const fail = async (response, method, what) => {
    const text = await response.text().catch(() => "");
    let message = text.slice(0, 300);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
    }
    const hint = response.status === 401 ? "GITHUB_TOKEN is missing or invalid" : response.status === 403 ? "the token lacks `contents: write` on this repository" : response.status === 404 ? "check --repo and that the token can see the repository" : "see the GitHub message above";
    throw new KolmError("E_PUBLISH", `GitHub refused ${method} ${what}: ${response.status} ${message}`.trim(), { hint });
  };
  return {
    async json(method, path, body, what) {
      const response = await send(method, `${base}${path}`, body === void 0 ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }, what);
      if (!response.ok) return fail(response, method, what);
      return response.status === 204 ? void 0 : await response.json();
    },
    async maybe(method, path, what) {
      const response = await send(method, `${base}${path}`, {}, what);
      if (response.status === 404) return void 0;
      if (!response.ok) return fail(response, method, what);
      return await response.json();
    },
    async upload(url, asset, name) {
      const body = Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength);
      const response = await send("POST", url, { body, headers: { "Content-Type": asset.contentType ?? "application/octet-stream", "Content-Length": String(body.length) } }, `the upload of ${asset.name}`);
      if (!response.ok) return fail(response, "POST", `the upload of ${asset.name} (as ${name})`);
      return await response.json();
    }
  };
}

// tui/commands/publish.ts
var PublishCommand = class extends KolmCommand {
  static paths = [["publish"]];
  static usage = Command7.Usage({
    category: "Artifacts",
    description: "Attach a signed .kolm and its bundle to a GitHub release",
    details: `
      Uploads FILE and FILE.sigstore.json (from \`kolm sign\`) to the release of --tag in --repo, replacing
      assets of the same name. The token comes from GITHUB_TOKEN (in Actions: \`permissions: contents:
      write\`); GITHUB_API_URL points at GitHub Enterprise. --create makes the release when the tag has none;
      --private refuses to publish unless the repository is private.
    `,
    examples: [
      ["Attach to an existing release", "$0 publish my.kolm --repo acme/models --tag v1.2.0"],
      ["Create the release, private repos only", "$0 publish my.kolm --repo acme/models --tag v1.2.0 --create --private"]
    ]
  });
  file = Option9.String({ name: "FILE" });
  repo = Option9.String("--repo", { required: true, description: "OWNER/NAME of the GitHub repository" });
  tag = Option9.String("--tag", { required: true, description: "The release tag, e.g. v1.2.0" });
  create = Option9.Boolean("--create", false, { description: "Create the release when the tag has none" });
  private_ = Option9.Boolean("--private", false, { description: "Refuse to publish to a public repository" });
  bundle = Option9.String("--bundle", { description: "The sidecar bundle (default: FILE.sigstore.json)" });
  unsigned = Option9.Boolean("--allow-unsigned", false, { description: "Publish without a bundle" });
  async run() {
    const cwd = this.context.cwd;
    const env = this.context.env;
    const path = resolve9(cwd, this.file);
    await readArtifact(path, { name: this.file });
    const assets = [{ name: basename2(path), bytes: await readFile2(path) }];
    const bundleShown = this.bundle ?? sidecarName(this.file);
    try {
      assets.push({ name: sidecarName(basename2(path)), bytes: await readFile2(resolve9(cwd, bundleShown)), contentType: "application/json" });
    } catch (err) {
      if (err.code !== "ENOENT" || this.bundle !== void 0 || !this.unsigned) {
        throw new KolmError("E_UNSIGNED", `${bundleShown} could not be read: ${err.message}`, {
          hint: `sign first: \`kolm sign ${this.file} --key kolm.key\` (or --keyless); --allow-unsigned publishes without a bundle`,
          place: { file: bundleShown }
        });
      }
    }
    const result = await publishRelease({
      repo: this.repo,
      tag: this.tag,
      token: env.GITHUB_TOKEN ?? "",
      assets,
      create: this.create,
      requirePrivate: this.private_,
      apiUrl: env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
      reporter: this.reporter()
    });
    if (this.json) {
      this.outJson({ ok: true, repo: this.repo, tag: this.tag, release: result.release, assets: result.assets });
      return 0;
    }
    this.out(`${result.release.created ? "created" : "updated"} release ${this.tag} of ${this.repo}: ${result.release.url}`);
    for (const a of result.assets) this.out(`  ${a.replaced ? "replaced" : "attached"} ${a.name} (${a.size} bytes)`);
    return 0;
  }
};

// tui/commands/run.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { resolve as resolve10 } from "node:path";
import { Command as Command8, Option as Option10 } from "clipanion";
var BATCH = 256;
var RunCommand = class extends KolmCommand {
  static paths = [["run"]];
  static usage = Command8.Usage({
    category: "Run",
    description: "Run a .kolm on one input or a JSONL stream",
    details: `
      With a JSON argument, prints one result. Otherwise reads JSON lines from --input or stdin, each
      \`{"input": ...}\` (other keys are ignored), and writes one line per input, in order:
      \`{"output": ..., "confidence": ...}\`. A line that cannot be run is answered with
      \`{"line": N, "error": {...}}\`, reported on stderr, and the stream goes on (exit 1 at the end).
      The artifact's digests are checked before anything runs, and its kolm.sig when it has one;
      --require-signature refuses unsigned artifacts, --key / --certificate-identity check the signer.
    `,
    examples: [
      ["One input", `$0 run my.kolm '{"input": "What is the capital of Peru ?"}'`],
      ["A file of cases", "$0 run my.kolm < cases.jsonl > predictions.jsonl"]
    ]
  });
  artifact = Option10.String({ required: true, name: "artifact.kolm" });
  inline = Option10.String({ required: false, name: "json" });
  inputFile = Option10.String("--input", { description: "JSONL file to read instead of stdin" });
  requireSignature = Option10.Boolean("--require-signature", false, { description: "Refuse an artifact without a valid kolm.sig" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  async run() {
    const trust = await trustFrom(this, this.context);
    const { contents, predictor } = await loadArtifact(resolve10(this.context.cwd, this.artifact), {
      requireSignature: this.requireSignature,
      ...trust ? { trust } : {},
      adapter: adapterOptionsFrom(this, this.context)
    });
    const shape = contents.manifest.spec.shape.input;
    try {
      if (this.inline !== void 0) {
        const input = parseCase(this.inline, shape, "argument");
        const [p] = await predictor.predictBatch([input]);
        this.out(JSON.stringify(p));
        return 0;
      }
      const source = this.inputFile ? createReadStream2(resolve10(this.context.cwd, this.inputFile)) : this.context.stdin;
      return await this.stream(source, shape, predictor.predictBatch.bind(predictor));
    } finally {
      await predictor.close?.();
    }
  }
  async stream(source, shape, predictBatch) {
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
        pending.push({ line: raw.line, input: parseCase(text, shape, `line ${raw.line}`) });
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
function parseCase(text, shape, where) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError("E_BAD_INPUT", `${where}: not JSON (${err.message})`, {
      hint: 'each case is one JSON object: {"input": ...}'
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value) || !("input" in value)) {
    throw new KolmError("E_BAD_INPUT", `${where}: expected an object with an "input" key`, { hint: 'each case is {"input": ...}' });
  }
  const input = value.input;
  const problems = checkShape("input", input, shape);
  if (problems.length) throw new KolmError("E_BAD_INPUT", `${where}: ${problems.join("; ")}`, { hint: "match the spec shape of the artifact (kolm inspect)" });
  return input;
}

// tui/commands/serve.ts
import { resolve as resolve12 } from "node:path";
import { Command as Command9, Option as Option11 } from "clipanion";
import * as t4 from "typanion";

// core/serve/errors.ts
var ServeError = class extends Error {
  status;
  /** LoRAX's `error_type` (also the `err` label in metrics). */
  errorType;
  /** Sent as text/plain rather than the JSON ErrorResponse (axum body rejections). */
  plain;
  constructor(status, errorType, message, plain = false) {
    super(message);
    this.name = "ServeError";
    this.status = status;
    this.errorType = errorType;
    this.plain = plain;
  }
  /** The response body: `{"error", "error_type"}`, or the bare message for plain errors. */
  body() {
    return this.plain ? this.message : JSON.stringify({ error: this.message, error_type: this.errorType });
  }
  contentType() {
    return this.plain ? "text/plain; charset=utf-8" : "application/json";
  }
};
var validationError = (message) => new ServeError(422, "validation", `Input validation error: ${message}`);
var overloadedError = () => new ServeError(429, "overloaded", "Model is overloaded");
var generationError = (message) => new ServeError(424, "generation", `Request failed during generation: ${message}`);
var templateError = (message) => new ServeError(422, "template_error", `Failed applying chat template to inputs: ${message}`);
var unhealthyError = () => new ServeError(503, "healthcheck", "unhealthy");
var deserializeError = (detail) => new ServeError(422, "deserialize", `Failed to deserialize the JSON body into the target type: ${detail}`, true);
var badJsonError = (detail) => new ServeError(400, "bad_json", `Failed to parse the request body as JSON: ${detail}`, true);
var mediaTypeError = () => new ServeError(415, "unsupported_media_type", "Expected request with `Content-Type: application/json`", true);
var tooLargeError = (limit) => new ServeError(413, "payload_too_large", `request body is larger than the limit of ${limit} bytes (--max-body-bytes)`);
var notFoundError = (path) => new ServeError(404, "not_found", `no route ${path}`);
var methodError = (method, path, allow) => new ServeError(405, "method_not_allowed", `${path} does not accept ${method}; it accepts ${allow.join(", ")}`);
var BY_CODE = {
  E_USAGE: validationError,
  E_BAD_INPUT: validationError,
  E_BAD_TEMPLATE: validationError,
  E_BAD_ARTIFACT: generationError,
  E_DIGEST_MISMATCH: generationError
};
function toServeError(err) {
  if (err instanceof ServeError) return err;
  if (isKolmError(err)) return (BY_CODE[err.code] ?? generationError)(err.message);
  return generationError(err instanceof Error ? err.message : String(err));
}

// core/serve/body.ts
var utf8 = new TextDecoder("utf-8", { fatal: true });
var JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
function refuseBody(headers, limit) {
  const type = headers["content-type"];
  if (!type || !JSON_MEDIA_TYPE.test(type)) return { error: mediaTypeError(), close: false };
  const declared = Number(headers["content-length"]);
  if (declared > limit) return { error: tooLargeError(limit), close: declared > limit * 16 };
  return null;
}
function readJsonBody(req, limit, onChunk, done) {
  const parts = [];
  let size = 0;
  let over = false;
  req.on("data", (chunk) => {
    if (over) return;
    size += chunk.length;
    onChunk(chunk.length);
    if (size > limit) {
      over = true;
      parts.length = 0;
      done({ kind: "too_large", error: tooLargeError(limit) });
      return;
    }
    parts.push(chunk);
  });
  req.on("error", () => {
  });
  req.on("end", () => {
    if (over) return;
    let body;
    try {
      const text = utf8.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      body = JSON.parse(text);
    } catch (err) {
      const detail = err instanceof SyntaxError ? err.message : "the body is not UTF-8";
      return done({ kind: "bad_json", error: badJsonError(detail) });
    }
    done({ kind: "json", body });
  });
}

// core/serve/params.ts
var DEFAULT_GENERATION_LIMITS = {
  maxBestOf: 2,
  maxStopSequences: 4,
  maxInputLength: 32768,
  maxTotalTokens: 65536
};
function defaultParams() {
  return {
    adapterId: null,
    adapterSource: null,
    mergedAdapters: null,
    bestOf: null,
    temperature: null,
    repetitionPenalty: null,
    frequencyPenalty: null,
    presencePenalty: null,
    topK: null,
    topP: null,
    typicalP: null,
    doSample: false,
    maxNewTokens: null,
    ignoreEosToken: false,
    returnFullText: null,
    stop: [],
    truncate: null,
    watermark: false,
    details: false,
    decoderInputDetails: false,
    returnKAlternatives: null,
    seed: null,
    responseFormat: null
  };
}
function describe(v) {
  if (v === null) return "null";
  if (typeof v === "boolean") return `boolean \`${v}\``;
  if (typeof v === "number") return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return "sequence";
  return "map";
}
function invalidType(path, v, expected) {
  throw deserializeError(`${path}: invalid type: ${describe(v)}, expected ${expected}`);
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function readString(path, v) {
  return typeof v === "string" ? v : invalidType(path, v, "a string");
}
function readOptString(path, v) {
  return v === void 0 || v === null ? null : readString(path, v);
}
function readBool(path, v, dflt) {
  if (v === void 0) return dflt;
  return typeof v === "boolean" ? v : invalidType(path, v, "a boolean");
}
function readOptBool(path, v) {
  return v === void 0 || v === null ? null : readBool(path, v, false);
}
function readOptFloat(path, v) {
  if (v === void 0 || v === null) return null;
  return typeof v === "number" ? v : invalidType(path, v, "f32");
}
var INT_MAX = {
  u32: [0, 4294967295],
  u64: [0, Number.MAX_SAFE_INTEGER],
  usize: [0, Number.MAX_SAFE_INTEGER],
  i32: [-2147483648, 2147483647]
};
function readOptInt(path, v, type) {
  if (v === void 0 || v === null) return null;
  if (typeof v !== "number" || !Number.isInteger(v)) return invalidType(path, v, type);
  const [lo, hi] = INT_MAX[type];
  if (v < lo || v > hi) throw deserializeError(`${path}: invalid value: integer \`${v}\`, expected ${type}`);
  return v;
}
function readStrings(path, v) {
  if (v === void 0) return [];
  if (!Array.isArray(v)) return invalidType(path, v, "a sequence");
  return v.map((s, i) => readString(`${path}[${i}]`, s));
}
function readFloats(path, v) {
  if (!Array.isArray(v)) return invalidType(path, v, "a sequence");
  return v.map((s, i) => typeof s === "number" ? s : invalidType(`${path}[${i}]`, s, "f32"));
}
var FORMAT_TYPES = ["text", "json_object", "json_schema"];
function readResponseFormat(path, v) {
  if (v === void 0 || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, "struct ResponseFormat");
  if (!("type" in v)) throw deserializeError(`${path}: missing field \`type\``);
  const type = readString(`${path}.type`, v.type);
  if (!FORMAT_TYPES.includes(type)) {
    throw deserializeError(`${path}.type: unknown variant \`${type}\`, expected one of ${FORMAT_TYPES.map((t6) => `\`${t6}\``).join(", ")}`);
  }
  return { type, ...v.schema !== void 0 ? { schema: v.schema } : {} };
}
function readMerged(path, v) {
  if (v === void 0 || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, "struct MergedAdapters");
  if (!("ids" in v)) throw deserializeError(`${path}: missing field \`ids\``);
  if (!("weights" in v)) throw deserializeError(`${path}: missing field \`weights\``);
  return { ids: readStrings(`${path}.ids`, v.ids), weights: readFloats(`${path}.weights`, v.weights) };
}
function readParams(v, path = "parameters") {
  const p = defaultParams();
  if (v === void 0 || v === null) return p;
  if (!isObject(v)) return invalidType(path, v, "struct GenerateParameters");
  const at = (k) => `${path}.${k}`;
  p.adapterId = readOptString(at("adapter_id"), v.adapter_id);
  p.adapterSource = readOptString(at("adapter_source"), v.adapter_source);
  p.mergedAdapters = readMerged(at("merged_adapters"), v.merged_adapters);
  readOptString(at("api_token"), v.api_token);
  p.bestOf = readOptInt(at("best_of"), v.best_of, "usize");
  p.temperature = readOptFloat(at("temperature"), v.temperature);
  p.repetitionPenalty = readOptFloat(at("repetition_penalty"), v.repetition_penalty);
  p.frequencyPenalty = readOptFloat(at("frequency_penalty"), v.frequency_penalty);
  p.presencePenalty = readOptFloat(at("presence_penalty"), v.presence_penalty);
  p.topK = readOptInt(at("top_k"), v.top_k, "i32");
  p.topP = readOptFloat(at("top_p"), v.top_p);
  p.typicalP = readOptFloat(at("typical_p"), v.typical_p);
  p.doSample = readBool(at("do_sample"), v.do_sample, false);
  p.maxNewTokens = readOptInt(at("max_new_tokens"), v.max_new_tokens, "u32");
  p.ignoreEosToken = readBool(at("ignore_eos_token"), v.ignore_eos_token, false);
  p.returnFullText = readOptBool(at("return_full_text"), v.return_full_text);
  p.stop = readStrings(at("stop"), v.stop);
  p.truncate = readOptInt(at("truncate"), v.truncate, "usize");
  p.watermark = readBool(at("watermark"), v.watermark, false);
  p.details = readBool(at("details"), v.details, false);
  p.decoderInputDetails = readBool(at("decoder_input_details"), v.decoder_input_details, false);
  p.returnKAlternatives = readOptInt(at("return_k_alternatives"), v.return_k_alternatives, "i32");
  p.seed = readOptInt(at("seed"), v.seed, "u64");
  p.responseFormat = readResponseFormat(at("response_format"), v.response_format);
  readBool(at("apply_chat_template"), v.apply_chat_template, false);
  return p;
}
function readGenerateRequest(body) {
  if (!isObject(body)) return invalidType("(root)", body, "struct GenerateRequest");
  if (!("inputs" in body)) throw deserializeError("missing field `inputs`");
  return {
    inputs: readString("inputs", body.inputs),
    parameters: readParams(body.parameters),
    stream: readBool("stream", body.stream, false)
  };
}
function isSampling(p) {
  return p.doSample || p.temperature !== null || p.topK !== null || p.topP !== null || p.typicalP !== null;
}
function validateParams(inputs, inputTokens, p, limits, stream) {
  if (stream && p.bestOf !== null && p.bestOf !== 1) throw validationError("`best_of` != 1 is not supported when streaming tokens");
  if (stream && p.decoderInputDetails) throw validationError("`decoder_input_details` == true is not supported when streaming tokens");
  const bestOf = p.bestOf ?? 1;
  if (bestOf === 0 || bestOf > limits.maxBestOf) throw validationError(`\`best_of\` must be > 0 and <= ${limits.maxBestOf}. Given: ${bestOf}`);
  if (bestOf > 1 && !isSampling(p)) throw validationError("you must use sampling when `best_of` is > 1");
  if (bestOf > 1 && p.seed !== null) throw validationError("`seed` must not be set when `best_of` > 1");
  if (p.temperature !== null && p.temperature < 0) throw validationError("`temperature` must be non-negative");
  if (p.repetitionPenalty !== null && p.repetitionPenalty <= 0) throw validationError("`repetition_penalty` must be strictly positive");
  for (const [key, v] of [["frequency_penalty", p.frequencyPenalty], ["presence_penalty", p.presencePenalty]]) {
    if (v !== null && (v < -2 || v > 2)) throw validationError(`\`${key}\` must be >= -2.0 and <= 2.0`);
  }
  if (p.topP !== null && (p.topP <= 0 || p.topP > 1)) throw validationError("`top_p` must be > 0.0 and < 1.0");
  if (p.typicalP !== null && (p.typicalP <= 0 || p.typicalP >= 1)) throw validationError("`typical_p` must be > 0.0 and < 1.0");
  if (p.topK !== null && p.topK <= 0) throw validationError("`top_k` must be strictly positive");
  if (p.maxNewTokens === 0) throw validationError("`max_new_tokens` must be strictly positive");
  if (p.stop.length > limits.maxStopSequences) {
    throw validationError(`\`stop\` supports up to ${limits.maxStopSequences} stop sequences. Given: ${p.stop.length}`);
  }
  if (p.truncate !== null && (p.truncate === 0 || p.truncate > limits.maxInputLength)) {
    throw validationError(`\`truncate\` must be strictly positive and less than ${limits.maxInputLength}. Given: ${p.truncate}`);
  }
  if (p.returnKAlternatives !== null && p.returnKAlternatives <= 0) throw validationError("`return_k_alternatives` must be strictly positive");
  if (p.mergedAdapters) {
    if (p.adapterId !== null && p.adapterId !== "") throw validationError("at most one of `adapter_id` or `adapters` may be provided");
    if (p.mergedAdapters.ids.length === 0) throw validationError("at least one adapter ID must be provided when setting `adapters`");
    if (p.mergedAdapters.ids.length !== p.mergedAdapters.weights.length) throw validationError("number of adapter IDs must match number of adapter weights");
    throw validationError("`merged_adapters` is not supported by kolm serve: each artifact is served whole; pick one with `adapter_id`");
  }
  if (inputs === "") throw validationError("`inputs` cannot be empty");
  if (inputTokens > limits.maxInputLength) {
    throw validationError(`\`inputs\` must have less than ${limits.maxInputLength} tokens. Given: ${inputTokens}`);
  }
  const maxNew = p.maxNewTokens ?? limits.maxTotalTokens - inputTokens;
  if (inputTokens + maxNew > limits.maxTotalTokens) {
    throw validationError(
      `\`inputs\` tokens + \`max_new_tokens\` must be <= ${limits.maxTotalTokens}. Given: ${inputTokens} \`inputs\` tokens and ${maxNew} \`max_new_tokens\``
    );
  }
  return maxNew;
}

// core/serve/exchange.ts
var DEFAULT_SERVE_LIMITS = {
  ...DEFAULT_GENERATION_LIMITS,
  maxConcurrency: 1024,
  // LoRAX's max_concurrent_requests default
  maxBodyBytes: 2 * 1024 * 1024
  // axum's default body limit
};
var JSON_TYPE = "application/json";
function createReply(res, ex, draining) {
  const send = (status, body, headers) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = status;
    if (draining?.()) res.shouldKeepAlive = false;
    headers["content-length"] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };
  const error = (err, headers = {}) => {
    ex.errorType = err.errorType;
    headers["content-type"] = err.contentType();
    send(err.status, err.body(), headers);
  };
  return {
    res,
    ex,
    send,
    json(status, value, headers = {}) {
      headers["content-type"] = JSON_TYPE;
      send(status, JSON.stringify(value), headers);
    },
    error,
    streamError(err) {
      if (err.plain) return error(err);
      ex.errorType = err.errorType;
      const body = `data: ${JSON.stringify({ error: err.message, error_type: err.errorType })}

`;
      send(200, body, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-accel-buffering": "no" });
    },
    open(headers) {
      if (res.headersSent || res.destroyed) return;
      ex.status = 200;
      if (draining?.()) res.shouldKeepAlive = false;
      res.writeHead(200, headers);
    },
    event(data) {
      if (!res.destroyed && !res.writableEnded) res.write(`data: ${data}

`);
    }
  };
}

// core/serve/inputs.ts
function typed(text, type) {
  if (type === "number" || type === "integer") {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) ? n : text;
  }
  if (type === "boolean") {
    if (/^(true|True)$/.test(text.trim())) return true;
    if (/^(false|False)$/.test(text.trim())) return false;
    return text;
  }
  if (type === "object" || type === "array") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
function inputMapper(name, shape, template) {
  const parsed = template ? parseTemplate(template) : void 0;
  const match = parsed ? templateMatcher(parsed) : void 0;
  const fields = typeof shape === "string" ? [] : Object.keys(shape);
  const head = parsed?.parts[0]?.kind === "literal" ? parsed.parts[0].text : "";
  if (typeof shape === "string") {
    const column = parsed?.columns.length === 1 ? parsed.columns[0] : void 0;
    return (inputs) => {
      if (match && column !== void 0) {
        const got = match(inputs);
        if (got && got[column] !== void 0) return got[column];
      }
      return inputs;
    };
  }
  return (inputs) => {
    if (match) {
      const got = match(inputs);
      if (got) {
        const value = {};
        for (const f of fields) if (got[f] !== void 0) value[f] = typed(got[f], shape[f]);
        if (checkShape("inputs", value, shape).length === 0) return value;
      }
    }
    const trimmed = inputs.trimStart();
    if (trimmed.startsWith("{")) {
      let value;
      try {
        value = JSON.parse(inputs);
      } catch (err) {
        throw validationError(`\`inputs\` looks like a JSON object but is not valid JSON (${err.message})`);
      }
      const problems = checkShape("inputs", value, shape);
      if (problems.length) throw validationError(`${problems.join("; ")} (artifact ${name})`);
      return value;
    }
    const rendered = parsed ? `the prompt rendered from its template (starting ${JSON.stringify(head.slice(0, 40))}) or ` : "";
    throw validationError(`artifact ${name} takes an object input; send ${rendered}a JSON object of its fields (${fields.join(", ")}) as \`inputs\``);
  };
}
function outputText(output) {
  if (typeof output === "string") return output;
  return JSON.stringify(output) ?? "null";
}

// core/serve/tokens.ts
var CHUNK = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]+|\s+/gu;
function chunks(text) {
  return text.match(CHUNK) ?? [];
}
function countChunks(text) {
  let n = 0;
  CHUNK.lastIndex = 0;
  while (CHUNK.exec(text) !== null) n++;
  return n;
}
var EOS_ID = 2;
var EOS_TEXT = "</s>";
function tokenId(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return 3 + (h >>> 0) % 31997;
}
function token(text, logprob) {
  return { id: tokenId(text), text, logprob, special: false, skipped: false };
}
function generate(output, p, maxNewTokens, confidence) {
  let text = output;
  let stopped = false;
  if (p.stop.length) {
    let cut = -1;
    for (const s of p.stop) {
      if (s === "") continue;
      const at = output.indexOf(s);
      if (at >= 0 && (cut < 0 || at + s.length < cut)) cut = at + s.length;
    }
    if (cut >= 0) {
      text = output.slice(0, cut);
      stopped = true;
    }
  }
  const parts = chunks(text);
  const lp = confidence !== void 0 && confidence > 0 && confidence <= 1 ? Math.log(confidence) / (parts.length + 1) : 0;
  const logprob = Math.round(lp * 1e4) / 1e4;
  if (parts.length > maxNewTokens || !stopped && parts.length === maxNewTokens) {
    const kept = parts.slice(0, maxNewTokens);
    return { text: kept.join(""), tokens: kept.map((t6) => token(t6, logprob)), finishReason: "length" };
  }
  const tokens = parts.map((t6) => token(t6, logprob));
  if (stopped) return { text, tokens, finishReason: "stop_sequence" };
  tokens.push({ id: EOS_ID, text: EOS_TEXT, logprob, special: true, skipped: false });
  return { text, tokens, finishReason: "eos_token" };
}
function prefill(inputs) {
  return chunks(inputs).map((t6, i) => ({ id: tokenId(t6), text: t6, logprob: i === 0 ? null : 0 }));
}

// core/serve/generation.ts
function resolveAdapter(artifacts, id) {
  return artifacts.resolve(id === artifacts.default.name ? null : id);
}
function pick(artifacts, id) {
  const a = resolveAdapter(artifacts, id);
  if (!a) {
    const modelId = artifacts.default.name;
    const names = artifacts.list().map((x) => x.name).join(", ");
    throw generationError(`adapter \`${id}\` is not loaded; this server serves ${names} (pick one with adapter_id, or leave it out for ${modelId})`);
  }
  return a;
}
function isLive(artifacts, id) {
  const a = resolveAdapter(artifacts, id);
  return a !== void 0 && textGenerator(a.predictor) !== void 0;
}
async function runGeneration(ctx, ex, inputs, p, stream, onToken) {
  const { artifacts, now } = ctx;
  const t0 = now();
  const promptTokens = countChunks(inputs);
  const maxNew = validateParams(inputs, promptTokens, p, ctx.limits, stream);
  const artifact = artifacts.acquire(pick(artifacts, p.adapterId));
  ex.artifact = artifact.name;
  try {
    const llm = textGenerator(artifact.predictor);
    if (llm) {
      const t12 = now();
      const prompt = llm.countTokens(inputs);
      const out = await llm.generate(inputs, {
        ...generateOptions(llm, p),
        ...onToken ? { onToken: (t6) => onToken(asToken(t6), prompt) } : {}
      });
      const gen2 = { text: out.text, tokens: out.tokens.map(asToken), finishReason: out.finishReason };
      ex.generatedTokens = gen2.tokens.length;
      return { artifact, gen: gen2, promptTokens: out.promptTokens, inferenceMs: now() - t12, validationMs: t12 - t0 };
    }
    const input = artifact.toInput(inputs);
    const t1 = now();
    const prediction = await artifact.predictor.predict(input);
    const t22 = now();
    const gen = generate(outputText(prediction.output), p, maxNew, prediction.confidence);
    ex.generatedTokens = gen.tokens.length;
    return { artifact, gen, promptTokens, inferenceMs: t22 - t1, validationMs: t1 - t0 };
  } finally {
    void artifacts.release(artifact);
  }
}
function asToken(t6) {
  return { id: t6.id, text: t6.text, logprob: t6.logprob === null ? null : Math.round(t6.logprob * 1e4) / 1e4, special: t6.special, skipped: false };
}
function generateOptions(llm, p) {
  const d = llm.defaults;
  const sampling = isSampling(p);
  return {
    maxNewTokens: p.maxNewTokens ?? d?.maxNewTokens ?? 256,
    stop: p.stop.length ? p.stop : d?.stop ?? [],
    ...sampling ? { temperature: p.temperature ?? 1, ...p.topK !== null ? { topK: p.topK } : {}, ...p.topP !== null ? { topP: p.topP } : {}, ...p.seed !== null ? { seed: p.seed } : {} } : {},
    ...p.repetitionPenalty !== null ? { repetitionPenalty: p.repetitionPenalty } : d?.repetitionPenalty ? { repetitionPenalty: d.repetitionPenalty } : {},
    ...p.ignoreEosToken ? { ignoreEos: true } : {},
    ...p.responseFormat && p.responseFormat.type !== "text" ? { responseFormat: { type: p.responseFormat.type, ...p.responseFormat.schema !== void 0 ? { schema: p.responseFormat.schema } : {} } } : {},
    logprobs: p.details || p.decoderInputDetails
  };
}

// core/serve/stream.ts
function adapterHeaders(p, h) {
  if (p.adapterId) {
    h["x-adapter-id"] = p.adapterId;
    h["x-adapter-source"] = p.adapterSource ?? "local";
  }
  return h;
}
function streamHeaders(a, p, inputs) {
  return adapterHeaders(p, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
    "x-compute-type": "cpu",
    "x-compute-characters": String(inputs.length),
    "x-model-id": a.name
  });
}
function sendEvents(reply, events, headers, done) {
  let body = "";
  for (const e of events) body += `data: ${JSON.stringify(e)}

`;
  if (done) body += `data: ${done}

`;
  reply.send(200, body, headers);
}
async function streamLive(ctx, reply, inputs, p, event, done) {
  const { res, ex } = reply;
  const a = resolveAdapter(ctx.artifacts, p.adapterId);
  let held = null;
  let i = 0;
  const o = await runGeneration(ctx, ex, inputs, p, true, (t6) => {
    if (!res.headersSent) reply.open(streamHeaders(a, p, inputs));
    if (held) reply.event(JSON.stringify(event(i++, held, null)));
    held = t6;
  });
  if (!res.headersSent) reply.open(streamHeaders(o.artifact, p, inputs));
  if (held) reply.event(JSON.stringify(event(i, held, o)));
  if (done) reply.event(done);
  if (!res.writableEnded) res.end();
}

// core/serve/lorax.ts
async function postGenerate(ctx, reply, kind, body) {
  const r = readGenerateRequest(body);
  const stream = kind === "compat" ? r.stream : kind === "generate_stream";
  reply.ex.stream = stream;
  const p = r.parameters;
  if (stream && isLive(ctx.artifacts, p.adapterId)) {
    await streamLive(ctx, reply, r.inputs, p, (_i, t6, o2) => streamEvent(t6, o2, p, r.inputs));
    return;
  }
  const o = await runGeneration(ctx, reply.ex, r.inputs, p, stream);
  if (stream) {
    const tokens = o.gen.tokens;
    const events = tokens.map((t6, i) => streamEvent(t6, i === tokens.length - 1 ? o : null, p, r.inputs));
    sendEvents(reply, events, streamHeaders(o.artifact, p, r.inputs));
  } else {
    const headers = generateHeaders(ctx, reply, o, p, r.inputs);
    const answer = generateBody(o, p, r.inputs);
    reply.json(200, kind === "compat" ? [answer] : answer, headers);
  }
}
function streamEvent(t6, last, p, inputs) {
  return {
    token: t6,
    generated_text: last ? (p.returnFullText ? inputs : "") + last.gen.text : null,
    details: last && p.details ? { finish_reason: last.gen.finishReason, prompt_tokens: last.promptTokens, generated_tokens: last.gen.tokens.length, seed: isSampling(p) ? p.seed : null } : null
  };
}
function details(o, p, inputs) {
  return {
    finish_reason: o.gen.finishReason,
    prompt_tokens: o.promptTokens,
    generated_tokens: o.gen.tokens.length,
    skipped_tokens: 0,
    seed: isSampling(p) ? p.seed : null,
    prefill: p.decoderInputDetails ? prefill(inputs) : [],
    tokens: o.gen.tokens
  };
}
function generateBody(o, p, inputs) {
  const text = (p.returnFullText ? inputs : "") + o.gen.text;
  if (!p.details && !p.decoderInputDetails) return { generated_text: text };
  const d = details(o, p, inputs);
  const bestOf = p.bestOf ?? 1;
  if (bestOf > 1) {
    d.best_of_sequences = Array.from({ length: bestOf - 1 }, () => ({
      generated_text: text,
      finish_reason: o.gen.finishReason,
      generated_tokens: o.gen.tokens.length,
      seed: d.seed,
      prefill: d.prefill,
      tokens: o.gen.tokens
    }));
  }
  return { generated_text: text, details: d };
}
function generateHeaders(ctx, reply, o, p, inputs) {
  const total = ctx.now() - reply.ex.start;
  const n = o.gen.tokens.length;
  return adapterHeaders(p, {
    "x-compute-type": "cpu",
    "x-compute-time": (total / 1e3).toFixed(6),
    "x-compute-characters": String(inputs.length),
    "x-total-time": total.toFixed(3),
    "x-validation-time": o.validationMs.toFixed(3),
    "x-queue-time": "0",
    "x-inference-time": o.inferenceMs.toFixed(3),
    "x-time-per-token": (o.inferenceMs / n).toFixed(3),
    "x-prompt-tokens": String(o.promptTokens),
    "x-generated-tokens": String(n),
    "x-skipped-tokens": "0",
    "x-total-tokens": String(o.promptTokens + n),
    "x-model-id": o.artifact.name
  });
}
function getHealth(ctx, reply) {
  if (ctx.draining?.()) return reply.error(unhealthyError());
  reply.send(200, "", {});
}
function info(ctx) {
  const { artifacts, limits } = ctx;
  const d = artifacts.default;
  return {
    model_id: d.name,
    model_sha: d.rootDigest,
    model_dtype: d.manifest.quantization,
    model_device_type: "cpu",
    model_pipeline_tag: null,
    max_concurrent_requests: limits.maxConcurrency,
    max_best_of: limits.maxBestOf,
    max_stop_sequences: limits.maxStopSequences,
    max_input_length: limits.maxInputLength,
    max_total_tokens: limits.maxTotalTokens,
    waiting_served_ratio: 0,
    max_batch_total_tokens: limits.maxTotalTokens,
    max_waiting_tokens: 0,
    validation_workers: 1,
    eager_prefill: false,
    version: ctx.version,
    sha: null,
    docker_label: null,
    request_logger_url: null,
    kolm: {
      artifacts: artifacts.list().map((a) => ({
        name: a.name,
        kind: a.manifest.kind,
        recipe: a.manifest.recipe?.type ?? null,
        output_kind: a.manifest.output_kind,
        root_digest: a.rootDigest,
        signature: a.signature
      }))
    }
  };
}
function getMetrics(ctx, reply, query, accept) {
  const wantsJson = /(?:^|&)format=json(?:&|$)/.test(query) || (accept ?? "").includes(JSON_TYPE);
  if (wantsJson) return reply.json(200, ctx.metrics.json());
  reply.send(200, ctx.metrics.text(), { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
}

// core/serve/metrics.ts
var BUCKETS = [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var Histogram = class {
  counts = new Array(BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(v) {
    for (let i = 0; i < BUCKETS.length; i++) if (v <= BUCKETS[i]) this.counts[i]++;
    this.sum += v;
    this.count++;
  }
};
function escapeLabel(v) {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
var NO_LABELS = {};
function labelText(labels) {
  if (labels === NO_LABELS) return "";
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k])}"`).join(",")}}`;
}
var Metrics = class {
  counters = /* @__PURE__ */ new Map();
  histograms = /* @__PURE__ */ new Map();
  gauges = /* @__PURE__ */ new Map();
  counter(name, help, labels, by = 1) {
    let f = this.counters.get(name);
    if (!f) this.counters.set(name, f = { help, type: "counter", series: /* @__PURE__ */ new Map() });
    const key = labelText(labels);
    const s = f.series.get(key);
    if (s) s.value += by;
    else f.series.set(key, { labels, value: by });
  }
  histogram(name, help, labels, v) {
    let f = this.histograms.get(name);
    if (!f) this.histograms.set(name, f = { help, type: "histogram", series: /* @__PURE__ */ new Map() });
    const key = labelText(labels);
    let s = f.series.get(key);
    if (!s) f.series.set(key, s = { labels, value: new Histogram() });
    if (!Number.isNaN(v)) s.value.observe(v);
  }
  /** A gauge read when scraped (in-flight requests, loaded artifacts). */
  gauge(name, help, labels, read) {
    let f = this.gauges.get(name);
    if (!f) this.gauges.set(name, f = { help, type: "gauge", series: /* @__PURE__ */ new Map() });
    f.series.set(labelText(labels), { labels, value: read });
  }
  removeGauges(name) {
    this.gauges.get(name)?.series.clear();
  }
  // The two series every request touches, found by one string key (building label text per request costs).
  hot = /* @__PURE__ */ new Map();
  observe(o) {
    const key = `${o.route}\0${o.artifact}\0${o.status}`;
    let hot = this.hot.get(key);
    if (!hot) {
      const status = String(o.status);
      this.counter("kolm_requests_total", "Requests answered, by route, artifact and status", { route: o.route, artifact: o.artifact, status }, 0);
      this.histogram("kolm_request_duration_seconds", "Time from request start to response end", { route: o.route, artifact: o.artifact }, NaN);
      hot = {
        count: this.counters.get("kolm_requests_total").series.get(labelText({ route: o.route, artifact: o.artifact, status })),
        duration: this.histograms.get("kolm_request_duration_seconds").series.get(labelText({ route: o.route, artifact: o.artifact })).value
      };
      this.hot.set(key, hot);
    }
    hot.count.value++;
    hot.duration.observe(o.seconds);
    if (o.errorType) {
      this.counter("kolm_request_errors_total", "Failed requests, by error type", { route: o.route, artifact: o.artifact, error_type: o.errorType });
    }
    if (!o.generate) return;
    this.counter("lorax_request_count", "Generate requests (LoRAX name)", NO_LABELS);
    if (o.errorType) this.counter("lorax_request_failure", "Failed generate requests (LoRAX name)", { err: o.errorType });
    else {
      this.counter("lorax_request_success", "Successful generate requests (LoRAX name)", NO_LABELS);
      this.histogram("lorax_request_duration", "Generate request duration in seconds (LoRAX name)", NO_LABELS, o.seconds);
      if (o.generatedTokens !== void 0) {
        this.counter("kolm_generated_tokens_total", "Pseudo-tokens generated", { artifact: o.artifact }, o.generatedTokens);
      }
    }
  }
  /** A reload of an artifact replaced on disk (`--watch`). */
  reload(artifact, ok) {
    this.counter("kolm_artifact_reloads_total", "Artifact reloads by result", { artifact, result: ok ? "ok" : "failed" });
  }
  /** Prometheus text format. */
  text() {
    const lines = [];
    for (const [name, f] of this.counters) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} counter`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value}`);
    }
    for (const [name, f] of this.gauges) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} gauge`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value()}`);
    }
    for (const [name, f] of this.histograms) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} histogram`);
      for (const s of f.series.values()) {
        BUCKETS.forEach((b, i) => lines.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.value.counts[i]}`));
        lines.push(`${name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.value.count}`);
        lines.push(`${name}_sum${labelText(s.labels)} ${s.value.sum}`);
        lines.push(`${name}_count${labelText(s.labels)} ${s.value.count}`);
      }
    }
    return `${lines.join("\n")}
`;
  }
  /** LoRAX's JSON form: `{"<metric>": {"type", "data": [{"key", "value"}]}}`. */
  json() {
    const out = {};
    for (const [name, f] of this.counters) out[name] = { type: "counter", data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value })) };
    for (const [name, f] of this.gauges) out[name] = { type: "gauge", data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value() })) };
    for (const [name, f] of this.histograms) {
      const data = [];
      for (const [k, s] of f.series) {
        data.push({ key: k ? `sum${k}` : "sum", value: s.value.sum }, { key: k ? `count${k}` : "count", value: s.value.count });
      }
      out[name] = { type: "histogram", data };
    }
    return out;
  }
};

// core/serve/openai.ts
function readStop(path, v) {
  return typeof v === "string" ? [v] : v === null ? [] : readStrings(path, v);
}
function common(body, p) {
  p.maxNewTokens = readOptInt("max_tokens", body.max_tokens, "u32");
  p.temperature = readOptFloat("temperature", body.temperature);
  p.topP = readOptFloat("top_p", body.top_p);
  p.topK = readOptInt("top_k", body.top_k, "i32");
  p.repetitionPenalty = readOptFloat("repetition_penalty", body.repetition_penalty);
  p.frequencyPenalty = readOptFloat("frequency_penalty", body.frequency_penalty);
  p.presencePenalty = readOptFloat("presence_penalty", body.presence_penalty);
  p.seed = readOptInt("seed", body.seed, "u64");
  p.stop = readStop("stop", body.stop);
  p.adapterSource = readOptString("adapter_source", body.adapter_source);
  readOptString("api_token", body.api_token);
  p.ignoreEosToken = readBool("ignore_eos_token", body.ignore_eos_token, false);
  p.details = true;
}
function model(body) {
  if (!("model" in body)) throw deserializeError("missing field `model`");
  return readString("model", body.model);
}
function readCompletionRequest(body) {
  if (!isObject(body)) throw deserializeError("invalid type: expected struct CompletionRequest");
  const m = model(body);
  if (!("prompt" in body)) throw deserializeError("missing field `prompt`");
  const prompt = readString("prompt", body.prompt);
  const p = defaultParams();
  common(body, p);
  const n = readOptInt("n", body.n, "i32");
  p.doSample = n !== null;
  p.bestOf = readOptInt("best_of", body.best_of, "usize");
  p.returnFullText = readOptBool("echo", body.echo);
  return { model: m, prompt, stream: readOptBool("stream", body.stream) ?? false, parameters: p };
}
function messageText(content, path) {
  if (typeof content === "string") return content;
  if (content === null || content === void 0) return "";
  if (!Array.isArray(content)) throw deserializeError(`${path}: invalid type: expected a string or a sequence of content parts`);
  let text = "";
  content.forEach((part, i) => {
    if (!isObject(part)) throw deserializeError(`${path}[${i}]: invalid type: expected a content part`);
    const type = readString(`${path}[${i}].type`, part.type);
    if (type === "text") text += (text ? "\n" : "") + readString(`${path}[${i}].text`, part.text);
  });
  return text;
}
function readChatRequest(body) {
  if (!isObject(body)) throw deserializeError("invalid type: expected struct ChatCompletionRequest");
  const m = model(body);
  if (!("messages" in body)) throw deserializeError("missing field `messages`");
  if (!Array.isArray(body.messages)) throw deserializeError("messages: invalid type: expected a sequence");
  let prompt;
  body.messages.forEach((msg, i) => {
    if (!isObject(msg)) throw deserializeError(`messages[${i}]: invalid type: expected struct Message`);
    const role = readString(`messages[${i}].role`, msg.role);
    const text = messageText(msg.content, `messages[${i}].content`);
    if (role === "user") prompt = text;
  });
  if (prompt === void 0) throw templateError("the chat has no user message; a recipe artifact answers the last user message");
  const p = defaultParams();
  common(body, p);
  const temperature = p.temperature;
  p.doSample = temperature !== 0;
  p.bestOf = readOptInt("n", body.n, "usize");
  p.responseFormat = readResponseFormat("response_format", normalizeChatFormat(body.response_format));
  return { model: m, prompt, stream: readOptBool("stream", body.stream) ?? false, parameters: p };
}
function normalizeChatFormat(v) {
  if (isObject(v) && v.type === "json_schema" && isObject(v.json_schema)) return { type: "json_schema", schema: v.json_schema.schema };
  return v;
}
function openAiFinishReason(reason, loraxCompat) {
  if (reason === "eos_token") return "stop";
  if (reason === "length") return "length";
  return loraxCompat ? "content_filter" : "stop";
}
function usage(ctx, completion) {
  return { prompt_tokens: ctx.promptTokens, total_tokens: ctx.promptTokens + completion, completion_tokens: completion };
}
function completionReply(ctx, gen, text) {
  return {
    id: ctx.loraxCompat ? "null" : ctx.id,
    object: "text_completion",
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? "null" : ctx.artifact,
    choices: [{ index: 0, text, logprobs: null, finish_reason: openAiFinishReason(gen.finishReason, ctx.loraxCompat) }],
    usage: usage(ctx, gen.tokens.length)
  };
}
function chatReply(ctx, gen, text) {
  return {
    id: ctx.loraxCompat ? "null" : ctx.id,
    object: ctx.loraxCompat ? "text_completion" : "chat.completion",
    created: ctx.created,
    model: ctx.loraxCompat ? ctx.modelId : ctx.artifact,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: openAiFinishReason(gen.finishReason, ctx.loraxCompat) }],
    usage: usage(ctx, gen.tokens.length)
  };
}
function completionChunk(ctx, gen, i, t6) {
  const last = i === gen.tokens.length - 1;
  return {
    id: ctx.loraxCompat ? "null" : ctx.id,
    object: "text_completion",
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? "null" : ctx.artifact,
    choices: [{ index: 0, text: t6.special ? "" : t6.text, logprobs: null, finish_reason: last ? openAiFinishReason(gen.finishReason, ctx.loraxCompat) : null }],
    usage: usage(ctx, i + 1)
  };
}
function chatChunk(ctx, gen, i, t6) {
  const last = i === gen.tokens.length - 1;
  const reason = last ? openAiFinishReason(gen.finishReason, ctx.loraxCompat) : null;
  return {
    id: ctx.loraxCompat ? "null" : ctx.id,
    object: "chat.completion.chunk",
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? ctx.modelId : ctx.artifact,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, delta: last && t6.special ? {} : { role: "assistant", content: t6.text }, finish_reason: reason }],
    usage: last ? usage(ctx, gen.tokens.length) : null
  };
}
async function postOpenAi(ctx, reply, kind, body) {
  const r = kind === "chat" ? readChatRequest(body) : readCompletionRequest(body);
  const stream = reply.ex.stream = r.stream;
  const prefix = kind === "chat" ? "chatcmpl" : "cmpl";
  const chunk = kind === "chat" ? chatChunk : completionChunk;
  if (stream && isLive(ctx.artifacts, r.model)) {
    const params = { ...r.parameters, adapterId: r.model };
    let rc2;
    await streamLive(ctx, reply, r.prompt, params, (i, t6, o2) => {
      rc2 ??= replyContext(ctx, reply.ex, prefix, resolveAdapter(ctx.artifacts, params.adapterId)?.name ?? ctx.artifacts.default.name, 0);
      const gen = o2 ? o2.gen : pendingGen(i);
      if (o2) rc2.promptTokens = o2.promptTokens;
      return chunk(rc2, gen, i, t6);
    }, "[DONE]");
    return;
  }
  const o = await runGeneration(ctx, reply.ex, r.prompt, { ...r.parameters, adapterId: r.model }, stream);
  const rc = replyContext(ctx, reply.ex, prefix, o.artifact.name, o.promptTokens);
  const text = (r.parameters.returnFullText ? r.prompt : "") + o.gen.text;
  if (stream) {
    sendEvents(reply, o.gen.tokens.map((t6, i) => chunk(rc, o.gen, i, t6)), streamHeaders(o.artifact, r.parameters, r.prompt), "[DONE]");
  } else {
    reply.json(200, kind === "chat" ? chatReply(rc, o.gen, text) : completionReply(rc, o.gen, text));
  }
}
function replyContext(ctx, ex, prefix, artifact, promptTokens) {
  return {
    loraxCompat: ctx.loraxCompat,
    artifact,
    modelId: ctx.artifacts.default.name,
    version: ctx.version,
    created: Math.floor(ctx.wallClock() / 1e3),
    id: `${prefix}-${ex.id.toString(16).padStart(8, "0")}`,
    promptTokens
  };
}
function pendingGen(i) {
  return { text: "", tokens: new Array(i + 2), finishReason: "length" };
}
function getModels(ctx, reply) {
  reply.json(200, {
    object: "list",
    data: ctx.artifacts.list().map((a) => ({ id: a.name, object: "model", created: Math.floor(Date.parse(a.manifest.created) / 1e3), owned_by: "kolm" }))
  });
}

// core/serve/handler.ts
var ROUTES = {
  "/": { POST: "compat", GET: "health" },
  "/invocations": { POST: "compat" },
  "/generate": { POST: "generate" },
  "/generate_stream": { POST: "generate_stream" },
  "/health": { GET: "health" },
  "/ping": { GET: "health" },
  "/info": { GET: "info" },
  "/metrics": { GET: "metrics" },
  "/v1/completions": { POST: "completions" },
  "/v1/chat/completions": { POST: "chat" },
  "/v1/models": { GET: "models" }
};
var GENERATE_KINDS = /* @__PURE__ */ new Set(["generate", "generate_stream", "compat", "completions", "chat"]);
function onError(reply, err, stream) {
  const { res, ex } = reply;
  const e = toServeError(err);
  if (stream && res.headersSent && !res.writableEnded) {
    ex.errorType = e.errorType;
    reply.event(JSON.stringify({ error: e.message, error_type: e.errorType }));
    res.end();
  } else if (stream) reply.streamError(e);
  else reply.error(e);
}
function createHandler(deps) {
  const ctx = {
    artifacts: deps.artifacts,
    limits: { ...DEFAULT_SERVE_LIMITS, ...deps.limits },
    metrics: deps.metrics ?? new Metrics(),
    now: deps.now,
    wallClock: deps.wallClock,
    version: deps.version,
    loraxCompat: deps.loraxCompat ?? false,
    ...deps.draining ? { draining: deps.draining } : {}
  };
  const { limits, metrics, now, wallClock } = ctx;
  const log = deps.log;
  let nextId = 1;
  let active = 0;
  metrics.gauge("kolm_requests_in_flight", "Generate requests in flight", {}, () => active);
  metrics.gauge("kolm_max_concurrency", "Generate requests allowed in flight (--max-concurrency)", {}, () => limits.maxConcurrency);
  const finish = (ex, method, aborted) => {
    if (ex.counted) active--;
    const ms = now() - ex.start;
    const status = aborted && ex.status === 0 ? 499 : ex.status;
    metrics.observe({
      route: ex.route,
      artifact: ex.artifact,
      status,
      ...ex.errorType ? { errorType: ex.errorType } : aborted ? { errorType: "aborted" } : {},
      seconds: ms / 1e3,
      generate: ex.kind !== void 0 && GENERATE_KINDS.has(ex.kind),
      ...ex.generatedTokens !== void 0 ? { generatedTokens: ex.generatedTokens } : {}
    });
    if (!log) return;
    log({
      time: new Date(wallClock()).toISOString(),
      id: ex.id,
      method,
      path: ex.route,
      status,
      ms: Math.round(ms * 1e3) / 1e3,
      ...ex.artifact ? { artifact: ex.artifact } : {},
      ...ex.errorType ? { error_type: ex.errorType } : {},
      bytes_in: ex.bytesIn,
      ...ex.stream ? { stream: true } : {},
      ...aborted ? { aborted: true } : {}
    });
  };
  const get = (req, reply, kind, query) => {
    if (kind === "health") return getHealth(ctx, reply);
    if (kind === "info") return reply.json(200, info(ctx));
    if (kind === "models") return getModels(ctx, reply);
    getMetrics(ctx, reply, query, req.headers.accept);
  };
  const post = (reply, kind, body) => {
    if (kind === "completions" || kind === "chat") return postOpenAi(ctx, reply, kind, body);
    return postGenerate(ctx, reply, kind === "compat" || kind === "generate_stream" ? kind : "generate", body);
  };
  const handler = ((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const methods = ROUTES[path];
    const method = req.method ?? "GET";
    const kind = methods?.[method === "HEAD" ? "GET" : method];
    const ex = {
      id: nextId++,
      start: now(),
      route: methods ? path : "unknown",
      kind,
      status: 0,
      artifact: "",
      bytesIn: 0,
      stream: false,
      counted: false
    };
    res.once("close", () => finish(ex, method, !res.writableFinished));
    const reply = createReply(res, ex, ctx.draining);
    if (!methods) return reply.error(notFoundError(path));
    if (method === "OPTIONS") {
      return reply.send(204, "", {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": "content-type"
      });
    }
    if (!kind) {
      const allow = Object.keys(methods);
      return reply.error(methodError(method, path, allow), { allow: allow.join(", ") });
    }
    if (method === "GET" || method === "HEAD") return get(req, reply, kind, q < 0 ? "" : url.slice(q + 1));
    if (active >= limits.maxConcurrency) {
      if (kind === "generate_stream") return reply.streamError(overloadedError());
      return reply.error(overloadedError());
    }
    active++;
    ex.counted = true;
    const refused = refuseBody(req.headers, limits.maxBodyBytes);
    if (refused) {
      if (refused.close) res.shouldKeepAlive = false;
      return reply.error(refused.error);
    }
    readJsonBody(req, limits.maxBodyBytes, (bytes) => ex.bytesIn += bytes, (read) => {
      if (read.kind === "too_large") return reply.error(read.error);
      if (res.headersSent) return;
      if (read.kind === "bad_json") return reply.error(read.error);
      void post(reply, kind, read.body).catch((err) => onError(reply, err, ex.stream || kind === "generate_stream"));
    });
  });
  Object.defineProperty(handler, "metrics", { value: metrics });
  Object.defineProperty(handler, "inFlight", { get: () => active });
  return handler;
}

// core/serve/batcher.ts
var MAX_BATCH = 256;
function batchingPredictor(inner, schedule = setImmediate) {
  let queue = [];
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const out = await inner.predictBatch(batch.map((q) => q.input));
        batch.forEach((q, i) => q.resolve(out[i]));
      } catch (err) {
        batch.forEach((q) => q.reject(err));
      }
    }
  };
  return {
    predict(input) {
      return new Promise((resolve16, reject) => {
        queue.push({ input, resolve: resolve16, reject });
        if (!scheduled) {
          scheduled = true;
          schedule(() => void flush());
        }
      });
    },
    predictBatch: (inputs) => inner.predictBatch(inputs),
    ...inner.close ? { close: () => inner.close() } : {},
    ...inner.generator ? { generator: inner.generator } : {}
  };
}

// core/serve/artifacts.ts
async function loadServedArtifact(source, options = {}) {
  const file = typeof source === "string" ? source : "<artifact bytes>";
  const contents = await readArtifact(source);
  const checked = verifyArtifactSignature(contents, { file, requireSignature: options.requireSignature, trust: options.trust });
  const signature = checked.state;
  const signer = checked.signer ? formatSigner(checked.signer) : void 0;
  const m = contents.manifest;
  return {
    name: m.name,
    path: typeof source === "string" ? source : "",
    manifest: m,
    rootDigest: contents.rootDigest,
    signature,
    ...signer ? { signer } : {},
    predictor: await servingPredictor(contents, file, options),
    toInput: inputMapper(m.name, m.spec.shape.input, m.spec.prompt?.template),
    inFlight: 0,
    retired: false
  };
}
var ArtifactSet = class {
  byName = /* @__PURE__ */ new Map();
  order = [];
  constructor(artifacts) {
    if (artifacts.length === 0) throw new KolmError("E_USAGE", "no artifacts to serve", { hint: "pass one or more .kolm files" });
    for (const a of artifacts) {
      const twin = this.byName.get(a.name);
      if (twin) {
        throw new KolmError("E_USAGE", `two artifacts are named "${a.name}" (${twin.path || "bytes"} and ${a.path || "bytes"})`, {
          hint: "adapter_id picks artifacts by name: recompile one with kolm compile --name"
        });
      }
      this.byName.set(a.name, a);
      this.order.push(a);
    }
  }
  /** The first artifact: what a request without adapter_id gets. */
  get default() {
    return this.order[0];
  }
  list() {
    return this.order;
  }
  /** By adapter_id: null or "" (or the default's name) → the default; unknown → undefined. */
  resolve(id) {
    if (id === null || id === void 0 || id === "") return this.order[0];
    return this.byName.get(id);
  }
  /** Take a version for one request; give it back with `release`. */
  acquire(a) {
    a.inFlight++;
    return a;
  }
  async release(a) {
    a.inFlight--;
    if (a.retired && a.inFlight === 0) await a.predictor.close?.();
  }
  /**
   * Put `next` in the place of the artifact loaded from the same path. Requests that hold the old version
   * finish on it; it is closed after the last one. A name taken by another artifact is refused.
   */
  async replace(next) {
    const i = this.order.findIndex((a) => a.path === next.path);
    if (i < 0) throw new KolmError("E_USAGE", `${next.path} is not served here`);
    const old = this.order[i];
    const twin = this.byName.get(next.name);
    if (twin && twin !== old) {
      throw new KolmError("E_USAGE", `${next.path} is now named "${next.name}", which another served artifact already uses`, {
        hint: "give each artifact its own name (kolm compile --name)"
      });
    }
    this.order[i] = next;
    this.byName.delete(old.name);
    this.byName.set(next.name, next);
    old.retired = true;
    if (old.inFlight === 0) await old.predictor.close?.();
    return old;
  }
  async closeAll() {
    for (const a of this.order) {
      a.retired = true;
      if (a.inFlight === 0) await a.predictor.close?.();
    }
  }
};
async function servingPredictor(contents, file, options) {
  const p = await predictorFromContents(contents, file, options.adapter);
  return contents.manifest.kind === "recipe" ? batchingPredictor(p) : p;
}

// core/serve/listen.ts
import { createServer } from "node:http";
var REASONS = { 400: "Bad Request", 408: "Request Timeout", 413: "Payload Too Large", 431: "Request Header Fields Too Large" };
function clientErrorStatus(code) {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (code === "HPE_CHUNK_EXTENSIONS_OVERFLOW") return 413;
  return 400;
}
function listen(handler, options) {
  const requestTimeout = options.requestTimeoutMs;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? requestTimeout, requestTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5e3,
      // Timeouts are only checked this often (node's default is every 30 s).
      connectionsCheckingInterval: Math.max(25, Math.min(1e3, Math.floor(requestTimeout / 4))),
      maxHeaderSize: 16 * 1024
    },
    handler
  );
  server.on("clientError", (err, socket) => {
    const code = err.code ?? "UNKNOWN";
    const current = socket._httpMessage;
    if (code === "ECONNRESET" || !socket.writable || current && current.headersSent) {
      options.onClientError?.(0, code);
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(code);
    const body = JSON.stringify({ error: `${REASONS[status]} (${code})`, error_type: status === 408 ? "timeout" : "bad_request" });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r
connection: close\r
content-type: application/json\r
content-length: ${Buffer.byteLength(body)}\r
\r
${body}`
    );
    options.onClientError?.(status, code);
  });
  const closed = new Promise((resolve16) => server.once("close", () => resolve16()));
  const shutdown = () => {
    server.close();
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 1e4);
    void closed.then(() => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
  };
  return new Promise((resolve16, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const { port } = server.address();
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      if (options.signal.aborted) shutdown();
      else options.signal.addEventListener("abort", shutdown, { once: true });
      resolve16({ server, url: `http://${host}:${port}`, port, closed });
    });
  });
}

// core/serve/watch.ts
import { watch } from "node:fs";
import { basename as basename3, dirname, resolve as resolve11 } from "node:path";
function watchFiles(paths, onChange, signal, debounceMs = 150) {
  const byDir = /* @__PURE__ */ new Map();
  for (const p of paths) {
    const full = resolve11(p);
    const dir = dirname(full);
    if (!byDir.has(dir)) byDir.set(dir, /* @__PURE__ */ new Map());
    byDir.get(dir).set(basename3(full), p);
  }
  const timers = /* @__PURE__ */ new Map();
  const watchers = [];
  for (const [dir, files] of byDir) {
    const w = watch(dir, { persistent: false }, (_event, name) => {
      const path = name ? files.get(name.toString()) : void 0;
      if (path === void 0) return;
      clearTimeout(timers.get(path));
      timers.set(path, setTimeout(() => onChange(path), debounceMs));
    });
    w.on("error", () => {
    });
    watchers.push(w);
  }
  signal.addEventListener(
    "abort",
    () => {
      for (const w of watchers) w.close();
      for (const t6 of timers.values()) clearTimeout(t6);
    },
    { once: true }
  );
}

// tui/commands/serve.ts
var ServeCommand = class extends KolmCommand {
  static paths = [["serve"]];
  static usage = Command9.Usage({
    category: "Run",
    description: "Serve .kolm artifacts over the LoRAX HTTP API",
    details: `
      Speaks LoRAX's API (POST /generate, /generate_stream, / and /invocations; GET /health, /info,
      /metrics) and OpenAI's (/v1/completions, /v1/chat/completions, /v1/models), so an unmodified LoRAX
      or Predibase client works. \`parameters.adapter_id\` (or the OpenAI \`model\`) picks an artifact by
      its name; without one the first artifact answers.

      \`inputs\` is the artifact's input: for a spec with a prompt template, send the prompt rendered with
      it (the fields are read back), or a JSON object of the input fields.

      Every artifact's digests are checked before the port opens. With --watch, an artifact replaced on
      disk is verified and swapped in while requests keep running. SIGINT/SIGTERM stop accepting,
      finish the requests in flight, then exit.
    `,
    examples: [
      ["Serve one artifact on port 8080", "$0 serve my.kolm"],
      ["Two artifacts, picked by adapter_id", "$0 serve intent.kolm slots.kolm --port 9000 --watch"]
    ]
  });
  artifacts = Option11.Rest({ required: 1, name: "artifact.kolm" });
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  port = Option11.String("--port", "8080", { description: "Port to listen on (0: any free port)", validator: t4.isNumber() });
  host = Option11.String("--host", "127.0.0.1", { description: "Address to bind" });
  loraxCompat = Option11.Boolean("--lorax-compat", false, {
    description: `Answer the /v1 routes with LoRAX's exact values (id "null", model "null", ...) instead of OpenAI's`
  });
  watch = Option11.Boolean("--watch", false, { description: "Reload an artifact when its file is replaced" });
  quiet = Option11.Boolean("--quiet", false, { description: "No per-request log lines" });
  requireSignature = Option11.Boolean("--require-signature", false, { description: "Refuse artifacts without kolm.sig" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  maxConcurrency = Option11.String("--max-concurrency", "1024", {
    description: "Generate requests in flight before answering 429 overloaded",
    validator: t4.cascade(t4.isNumber(), t4.isInteger(), t4.isAtLeast(1))
  });
  maxBodyBytes = Option11.String("--max-body-bytes", String(2 * 1024 * 1024), {
    description: "Largest request body accepted (413 above)",
    validator: t4.cascade(t4.isNumber(), t4.isInteger(), t4.isAtLeast(1))
  });
  timeout = Option11.String("--timeout", "30", {
    description: "Seconds a client has to send a whole request (408 after)",
    validator: t4.cascade(t4.isNumber(), t4.isAtLeast(0.01))
  });
  async run() {
    const out = this.context.stdout;
    const line = (value) => out.write(`${JSON.stringify(value)}
`);
    const event = (msg, extra = {}) => line({ time: (/* @__PURE__ */ new Date()).toISOString(), level: "info", msg, ...extra });
    const paths = this.artifacts.map((a) => resolve12(this.context.cwd, a));
    const trust = await trustFrom(this, this.context);
    const loadOptions = {
      requireSignature: this.requireSignature,
      ...trust ? { trust } : {},
      adapter: adapterOptionsFrom(this, this.context)
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
      limits: { maxConcurrency: this.maxConcurrency, maxBodyBytes: this.maxBodyBytes },
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
      watchFiles(paths, (path) => void this.reload(path, set, loadOptions, metrics, event), controller.signal);
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
  async reload(path, set, options, metrics, event) {
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
import { Command as Command10, Option as Option12 } from "clipanion";
import * as t5 from "typanion";
var SeedsValidateCommand = class extends KolmCommand {
  static paths = [["seeds", "validate"]];
  static usage = Command10.Usage({
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
  file = Option12.String({ name: "FILE" });
  spec = Option12.String("--spec", { description: "spec.json whose shape the rows must have" });
  limit = Option12.String("--limit", "50", {
    description: "How many bad lines to list (all are counted)",
    validator: t5.cascade(t5.isNumber(), [t5.isInteger(), t5.isAtLeast(0)])
  });
  async run() {
    const cwd = this.context.cwd;
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
        badCount: report.badCount,
        bad: report.bad,
        truncated: report.badCount > report.bad.length,
        warnings: report.warnings,
        shape: report.shape,
        shapeSource: report.shapeSource,
        bytes: report.bytes
      });
      return report.ok ? 0 : 1;
    }
    for (const w of report.warnings) this.context.stderr.write(`warning: ${this.file}:${w.line}: ${w.reason}
`);
    if (report.ok) {
      this.out(`ok. ${report.rows} row${report.rows === 1 ? "" : "s"}, shape ${describeShape(report)}`);
      return 0;
    }
    this.out(renderBad(this.file, report));
    return 1;
  }
};
function describeShape(report) {
  if (!report.shape) return "(none)";
  const text = `{input: ${formatShape(report.shape.input)}, output: ${formatShape(report.shape.output)}}`;
  return report.shapeSource === "inferred" ? `${text} (inferred from the first row)` : text;
}
function renderBad(file, report) {
  const lines = report.bad.map((b) => `${file}:${b.line}${b.column !== void 0 ? `:${b.column}` : ""}: ${b.reason}`);
  const hidden = report.badCount - report.bad.length;
  if (hidden > 0) lines.push(`and ${hidden} more`);
  lines.push(`${report.badCount} bad line${report.badCount === 1 ? "" : "s"} of ${report.rows} rows in ${file}; shape ${describeShape(report)}`);
  return lines.join("\n");
}

// tui/commands/sign.ts
import { relative as relative3, resolve as resolve14 } from "node:path";
import { Command as Command11, Option as Option13 } from "clipanion";
var SignCommand = class extends KolmCommand {
  static paths = [["sign"]];
  static usage = Command11.Usage({
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
  file = Option13.String({ name: "FILE" });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();
  bundle = Option13.String("--bundle", { description: "Where to write the sidecar bundle (default: FILE.sigstore.json)" });
  sidecar = Option13.Boolean("--sidecar", true, { description: "Write the sidecar bundle (--no-sidecar: only kolm.sig inside)" });
  async run() {
    const cwd = this.context.cwd;
    const { method, secrets } = await signingMethodFrom(this, this.context);
    const path = resolve14(cwd, this.file);
    const sidecarPath = this.sidecar ? this.bundle ? resolve14(cwd, this.bundle) : void 0 : false;
    const signed = await signArtifactFile(path, method, { shown: this.file, sidecarPath, secrets });
    const sidecarShown = signed.sidecarPath ? relative3(cwd, signed.sidecarPath) || signed.sidecarPath : void 0;
    if (this.json) {
      this.outJson({ ok: true, artifact: this.file, bundle: sidecarShown ?? null, root_digest: signed.rootDigest, sha256: signed.fileSha256, signer: signed.signer });
      return 0;
    }
    this.out(`signed ${this.file} by ${formatSigner(signed.signer)}`);
    this.out(`  kolm.sig    subject: root digest ${signed.rootDigest}`);
    if (sidecarShown) this.out(`  ${sidecarShown}  subject: sha256 ${signed.fileSha256}`);
    return 0;
  }
};

// tui/commands/spec/schema.ts
import { Command as Command12 } from "clipanion";
var SpecSchemaCommand = class extends KolmCommand {
  static paths = [["spec", "schema"]];
  static usage = Command12.Usage({
    category: "Spec",
    description: "Print the JSON Schema of spec.json (version 1)",
    details: 'Use it in your editor (`"$schema"`) or CI to validate a spec before `kolm compile`.',
    examples: [["Write the schema to a file", "$0 spec schema > spec.schema.json"]]
  });
  async run() {
    this.outJson(specJsonSchema());
    return 0;
  }
};

// tui/commands/verify.ts
import { readFile as readFile3 } from "node:fs/promises";
import { basename as basename4, resolve as resolve15 } from "node:path";
import { Command as Command13, Option as Option14 } from "clipanion";
var VerifyCommand = class extends KolmCommand {
  static paths = [["verify"]];
  static usage = Command13.Usage({
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
  file = Option14.String({ name: "FILE" });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  bundle = Option14.String("--bundle", { description: "The sidecar bundle (default: FILE.sigstore.json when it exists)" });
  async run() {
    const cwd = this.context.cwd;
    const trust = await trustFrom(this, this.context);
    if (!trust) {
      throw new KolmError("E_USAGE", "say whom to trust: --key PUBLIC_KEY, or --certificate-identity and --certificate-oidc-issuer", {
        hint: "`kolm inspect` shows who claims to have signed it"
      });
    }
    const path = resolve15(cwd, this.file);
    const contents = await readArtifact(path, { name: this.file });
    const bundleShown = this.bundle ?? sidecarName(this.file);
    const bundleBytes = await readOptional(resolve15(cwd, bundleShown), this.bundle !== void 0);
    const sidecar = bundleBytes ? { bytes: bundleBytes, where: bundleShown, fileSha256: sha256Hex(await readFile3(path)) } : void 0;
    const state = verifyArtifactContents(contents, { file: this.file, trust, sidecar, requireSignature: true });
    if (this.json) {
      this.outJson({ ok: true, file: this.file, verified: true, signer: state.signer, checked: state.checks.map((c) => ({ placement: c.placement, bundle: c.where })) });
      return 0;
    }
    this.out(`${basename4(this.file)}: verified, signed by ${formatSigner(state.signer)}`);
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
function buildCli(binaryName = "kolm") {
  const cli = new Cli({
    binaryLabel: "kolm: migrate Predibase fine-tunes to signed artifacts you own",
    binaryName,
    binaryVersion: VERSION
  });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
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
  return runCommandLine(cli, args, context);
}

// tui/cli-main.ts
process.exitCode = await runCli(process.argv.slice(2));
