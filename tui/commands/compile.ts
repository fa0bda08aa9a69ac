// `kolm compile`: spec + examples → one .kolm. Thin: parse flags, call core's build service, save, render.
import { basename, join, relative, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { number } from '../validators.ts';
import type { BuildInput, Saved } from '../../core/build/index.ts';
import { closestName, KolmError } from '../../core/errors.ts';
import type { RecipeType } from '../../core/recipes/index.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { snakeKeys } from '../render/json.ts';
import { formatBytes } from '../render/units.ts';
import { signFlags, signingMethodFrom } from '../sign-flags.ts';
import { adapterFlags, adapterOptionsFrom } from '../adapter-flags.ts';
import { classifierRuntimeFrom, fallbackErrorPolicyFrom, runtimeFlags } from '../runtime-flags.ts';
import { formatConfidence } from '../render/confidence.ts';

const RECIPES = ['lookup', 'extract', 'classifier', 'composite'] as const;

export class CompileCommand extends KolmCommand {
  static override paths = [['compile']];
  static override usage = Command.Usage({
    category: 'Build',
    description: 'Compile spec + examples into a .kolm artifact',
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
      ['Compile the converted export', '$0 compile --spec migrated/spec.json --examples migrated/train.jsonl --eval migrated/validation.jsonl --out my.kolm'],
      ['Only try the classifier', '$0 compile --spec spec.json --examples train.jsonl --recipe classifier --out my.kolm'],
      ['Import the Predibase adapter on a local base GGUF', '$0 compile --spec spec.json --adapter predibase-adapter/ --base-gguf llama-3.1-8b.Q8_0.gguf --out my.kolm'],
      ['Train the LoRA on a rented H100 (SkyPilot), then eval, gate and write', '$0 compile --spec spec.json --examples train.jsonl --eval validation.jsonl --runtime cloud --gpus H100:1 --spot --base-gguf llama-3.1-8b.Q8_0.gguf --out my.kolm'],
      ['A cascade: the recipe where it is sure, the Predibase deployment for the rest', 'PREDIBASE_API_TOKEN=... $0 compile --spec spec.json --examples train.jsonl --eval validation.jsonl --cascade --fallback-url https://serving.app.predibase.com/TENANT/deployments/v2/llms/DEPLOYMENT --adapter-id my-adapter/3 --out my.kolm'],
      ['Train on your own GPU box over SSH; show the plan first', '$0 compile --spec spec.json --examples train.jsonl --runtime ssh://me@gpu-box --dry-run --out my.kolm'],
    ],
  });

  spec = value('file', Option.String('--spec', { required: true, description: 'spec.json (version 1)' }));
  examples = value('file', Option.String('--examples', { description: 'Training examples (JSONL of {input, output}); required unless --adapter' }));
  adapter = value('path', Option.String('--adapter', { description: 'Import a PEFT LoRA export (folder or zip with adapter_config.json + adapter_model.safetensors) as an adapter artifact' }));
  baseGguf = adapterFlags.baseGguf();
  base = value('model', Option.String('--base', { description: 'Base model id (Hugging Face style); with --adapter it overrides the spec\'s base' }));
  adapterDtype = value('type', Option.String('--adapter-dtype', { description: 'GGUF type of the adapter weights: f16 (default), q8_0 (default when the spec says int8) or f32' }));
  evalFile = value('file', Option.String('--eval', { description: 'Held-out examples to score the winner on (never used to choose)' }));
  output = value('file', Option.String('--out', { required: true, description: 'Where to write the .kolm file' }));
  recipes = value('recipe', Option.Array('--recipe', { description: `Only try these recipes: ${RECIPES.join(', ')} (a comma list, or the flag repeated)` }));
  seed = value('n', Option.String('--seed', '42', { description: 'Seed for folds and training', validator: number() }));
  recordLatency = Option.Boolean('--record-latency', false, {
    description: 'Also write the measured p50 latency into the manifest (the bytes then differ run to run)',
  });
  adapterId = value('id', Option.String('--adapter-id', { description: 'The Predibase adapter this replaces (REPO or REPO/VERSION, e.g. trec-questions/1): kolm serve answers to it; with --fallback-url, also the adapter the fallback is asked for' }));
  classifierRuntime = runtimeFlags.classifierRuntime();
  cascade = Option.Boolean('--cascade', false, { description: 'Build a cascade: the recipe answers where it is confident, --fallback or --fallback-url the rest' });
  fallback = value('file', Option.String('--fallback', { description: 'With --cascade: the adapter .kolm that answers the unsure cases (ship it beside the cascade)' }));
  fallbackUrl = value('url', Option.String('--fallback-url', { description: 'With --cascade: the LoRAX or Predibase endpoint that answers the unsure cases' }));
  maxFallbackShare = value('share', Option.String('--max-fallback-share', {
    description: 'With --cascade: send at most this share of cases to the fallback, 0 to 1 (without gates: the best K within it)',
    validator: number({ min: 0, max: 1 }),
  }));
  onFallbackError = value('error|local', Option.String('--on-fallback-error', { description: 'With --cascade: when the fallback fails a case at run time, error (default) or answer with the recipe, flagged low_confidence' }));
  runtime = value('where', Option.String('--runtime', { description: 'Train the spec\'s LoRA with TRL + PEFT on: local (this machine), ssh://user@host[:port] or cloud (SkyPilot; alias skypilot)' }));
  gpus = value('gpu', Option.String('--gpus', { description: 'With --runtime cloud: accelerators as NAME[:COUNT] (default H100:1)' }));
  spot = Option.Boolean('--spot', false, { description: 'With --runtime cloud: rent spot (preemptible) GPUs' });
  python = value('path', Option.String('--python', { description: 'With --runtime: a Python that has the trainer\'s packages (on the host for ssh://), instead of the cached venv' }));
  baseWeights = value('dir', Option.String('--base-weights', { description: 'With --runtime: a Hugging Face model folder on the training machine (default: the spec\'s base at base_revision, HF_TOKEN from the environment)' }));
  dryRun = Option.Boolean('--dry-run', false, { description: 'With --runtime: write the job folder, print what would run, start nothing' });
  name = value('name', Option.String('--name', { description: 'Artifact name (default: spec name, else the output file name)' }));
  sign = Option.Boolean('--sign', false, { description: 'Sign the artifact as the last step (with --key FILE or --keyless; see `kolm sign`)' });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const specPath = resolve(cwd, this.spec);
    if (this.cascade || this.fallback || this.fallbackUrl) this.checkCascadeFlags();
    if (this.runtime) return this.compileTrained(specPath);
    if (this.base && !this.adapter) {
      throw new KolmError('E_USAGE', `--base ${this.base} without --adapter: say where to train the LoRA, or which adapter to import`, {
        hint: 'train it: kolm compile --spec spec.json --examples train.jsonl --runtime local|ssh://user@host|cloud --out my.kolm; or import one: --adapter predibase-adapter/ --base-gguf base.gguf',
      });
    }
    if (this.adapter) return this.compileAdapter(specPath);
    if (!this.examples) {
      throw new KolmError('E_USAGE', 'kolm compile needs --examples (training examples) to compile a recipe', {
        hint: 'pass --examples train.jsonl, or --adapter DIR to import a trained LoRA adapter',
      });
    }
    const only = this.recipes?.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean).map((r) => {
      if (!(RECIPES as readonly string[]).includes(r)) {
        const near = closestName(r, RECIPES);
        throw new KolmError('E_USAGE', `unknown recipe "${r}"${near ? `; did you mean ${near}?` : ''}`, { hint: `choose from ${RECIPES.join(', ')} (--recipe lookup,classifier or the flag repeated)` });
      }
      return r as RecipeType;
    });
    // Read the key (or check the OIDC setup is named) before compiling, so a bad key fails in a second.
    const signing = this.sign || this.key || this.keyless ? await signingMethodFrom(this, this.context) : undefined;
    const outPath = resolve(cwd, this.output);
    const [{ buildFromFiles, saveBuilt }, { formatCandidateTable }, { formatSigner }] = await Promise.all([
      import('../../core/build/index.ts'),
      import('../../core/compile/index.ts'),
      import('../../core/sign/index.ts'),
    ]);
    const input = {
      specPath,
      examplesPath: resolve(cwd, this.examples),
      ...(this.evalFile ? { evalPath: resolve(cwd, this.evalFile) } : {}),
      seed: this.seed,
      only,
      name: this.name,
      defaultName: basename(outPath).replace(/\.kolm$/, ''),
      sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH,
      recordLatency: this.recordLatency,
      adapterId: this.adapterId,
      classifierRuntime: await classifierRuntimeFrom(this.classifierRuntime),
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
      ...(outcome.eval ? { eval: outcome.eval } : {}),
      table: outcome.table.map(({ metrics: _m, ...row }) => row),
    };
    if (this.json) {
      this.outJson(snakeKeys(summary));
      return 0;
    }
    const v = outcome.validation;
    this.out(formatCandidateTable(outcome.table));
    this.out('');
    this.out(`winner: ${outcome.winner} (${outcome.kind} task) · validation K ${v.K.toFixed(3)} [${v.K_low.toFixed(3)}, ${v.K_high.toFixed(3)}] · pass ${(v.pass_rate * 100).toFixed(1)}% · p50 ${v.p50_ms.toFixed(3)} ms`);
    const confidence = formatConfidence(v.ece, v.coverage, 'validation');
    if (confidence) this.out(confidence);
    if (outcome.eval) {
      const e = outcome.eval;
      this.out(`eval:   K ${e.K.toFixed(3)} [${e.K_low.toFixed(3)}, ${e.K_high.toFixed(3)}] · pass ${(e.pass_rate * 100).toFixed(1)}% on ${e.n} cases`);
      const onEval = formatConfidence(e.ece, e.coverage, 'eval');
      if (onEval) this.out(onEval);
    }
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)})`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath!)}`);
    return 0;
  }

  /** The cascade flags go together: --cascade with exactly one fallback, and not with --adapter or --runtime. */
  private checkCascadeFlags(): void {
    const example = 'kolm compile --spec spec.json --examples train.jsonl --cascade --fallback-url http://lorax:8080 --out my.kolm';
    if (!this.cascade) {
      throw new KolmError('E_USAGE', `${this.fallback ? '--fallback' : '--fallback-url'} is for a cascade: add --cascade`, { hint: example });
    }
    if (this.runtime) throw new KolmError('E_USAGE', '--cascade puts a recipe in front of a trained fallback; --runtime trains one: do it first', { hint: 'kolm compile --runtime ... --out fallback.kolm, then kolm compile --cascade --fallback fallback.kolm ...' });
    if (this.adapter) throw new KolmError('E_USAGE', '--cascade builds a recipe in front of a fallback; --adapter imports an adapter: choose one', { hint: 'import the adapter first (kolm compile --adapter ... --out fallback.kolm), then --cascade --fallback fallback.kolm' });
    if (this.fallback && this.fallbackUrl) throw new KolmError('E_USAGE', '--cascade takes one fallback: --fallback FILE.kolm or --fallback-url URL, not both', { hint: example });
    if (!this.fallback && !this.fallbackUrl) throw new KolmError('E_USAGE', '--cascade needs a fallback for the cases the recipe is unsure of', { hint: `${example} (or --fallback adapter.kolm)` });
  }

  /** `--cascade`: the recipe, a fallback and the threshold between them (core/build/cascade.ts), gated on the whole. */
  private async compileCascade(input: BuildInput, outPath: string, signing: Awaited<ReturnType<typeof signingMethodFrom>> | undefined): Promise<number> {
    const cwd = this.context.cwd;
    const [{ buildCascadeFromFiles, saveBuilt }, { formatCandidateTable }, { renderCascadeSummary }, { gateFailure }, { formatSigner }] = await Promise.all([
      import('../../core/build/index.ts'),
      import('../../core/compile/index.ts'),
      import('../../core/cascade/index.ts'),
      import('../../core/eval/index.ts'),
      import('../../core/sign/index.ts'),
    ]);
    const onFallbackError = await fallbackErrorPolicyFrom(this.onFallbackError);
    const token = this.context.env.PREDIBASE_API_TOKEN;
    const { recipeGates: _g, ...rest } = input;
    const built = await buildCascadeFromFiles(
      {
        ...rest,
        fallback: this.fallback
          ? { type: 'artifact', path: resolve(cwd, this.fallback), load: { adapter: adapterOptionsFrom(this, this.context), ...(input.classifierRuntime ? { classifierRuntime: input.classifierRuntime } : {}) } }
          : { type: 'endpoint', url: this.fallbackUrl!, ...(this.adapterId ? { adapterId: this.adapterId } : {}), ...(token ? { token } : {}), cachePath: `${outPath}.cascade-cache.jsonl` },
        ...(this.maxFallbackShare !== undefined ? { maxFallbackShare: this.maxFallbackShare } : {}),
        ...(onFallbackError ? { onFallbackError } : {}),
      },
      this.reporter(),
    );
    // The gates hold for the whole on --eval (the threshold itself was chosen to meet them on the folds).
    const failure = built.cascadeEval ? gateFailure(built.cascadeEval.gates) : null;
    const saved = failure ? undefined : await saveBuilt(outPath, built.bytes, signing, this.output);
    const { outcome, config, choice } = built;
    if (this.json) {
      this.outJson(snakeKeys({
        ok: !failure,
        ...(saved ? { artifact: outPath, bytes: saved.bytes.length, ...signedSummary(saved) } : {}),
        kind: 'cascade',
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
          ...(built.cascadeEval ? { eval: built.cascadeEval } : {}),
        },
        table: outcome.table.map(({ metrics: _m, ...row }) => row),
      }));
    } else {
      this.out(formatCandidateTable(outcome.table));
      this.out('');
      this.out(renderCascadeSummary(built));
      if (saved) this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)})`);
      if (saved?.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath!)}`);
    }
    if (failure) {
      this.context.stderr.write(`${failure.message}\nnothing written\n`);
      return 3;
    }
    return 0;
  }

  /** `--runtime`: train the LoRA (core/train), then the adapter route, --eval and the gates, sign, write. */
  private async compileTrained(specPath: string): Promise<number> {
    const cwd = this.context.cwd;
    if (!this.examples) throw new KolmError('E_USAGE', '--runtime trains on --examples: pass --examples train.jsonl', { hint: 'kolm compile --spec spec.json --examples train.jsonl --runtime local --out my.kolm' });
    const [train, { saveBuilt }, { gateFailure }, { formatSigner }, { homedir }] = await Promise.all([
      import('../../core/train/index.ts'), import('../../core/build/index.ts'), import('../../core/eval/index.ts'), import('../../core/sign/index.ts'), import('node:os'),
    ]);
    const runtime = train.parseRuntime(this.runtime!);
    if (this.gpus) train.parseGpus(this.gpus);
    const signing = !this.dryRun && (this.sign || this.key || this.keyless) ? await signingMethodFrom(this, this.context) : undefined;
    const outPath = resolve(cwd, this.output);
    const opts = adapterOptionsFrom(this, this.context);
    const env = this.context.env;
    const result = await train.trainAndBuild(
      {
        specPath,
        examplesPath: resolve(cwd, this.examples),
        ...(this.evalFile ? { evalPath: resolve(cwd, this.evalFile) } : {}),
        ...(this.baseWeights ? { baseWeights: runtime.kind === 'local' ? resolve(cwd, this.baseWeights) : this.baseWeights } : {}),
        seed: this.seed,
        runtime,
        workDir: `${outPath}.train`,
        ...(this.python ? { python: runtime.kind === 'local' ? resolve(cwd, this.python) : this.python } : {}),
        ...(this.gpus ? { gpus: this.gpus } : {}),
        spot: this.spot,
        dryRun: this.dryRun,
        ...(env.KOLM_SSH_CONFIG ? { sshConfigFile: env.KOLM_SSH_CONFIG } : {}),
        build: {
          base: { ...(opts.baseGguf ? { baseGguf: opts.baseGguf } : {}), ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}) },
          name: this.name,
          defaultName: basename(outPath).replace(/\.kolm$/, ''),
          sourceDateEpoch: env.SOURCE_DATE_EPOCH,
          adapterId: this.adapterId,
        },
        load: { adapter: opts },
      },
      {
        spawn: train.nodeSpawner,
        env,
        home: env.HOME || homedir(),
        reporter: this.reporter(),
        now: () => Date.now(),
        // Ctrl-C ends the run through core (which tears a rented cluster down) instead of killing us outright.
        onInterrupt: (h) => (process.on('SIGINT', h), () => void process.off('SIGINT', h)),
      },
    );
    if (result.dryRun) {
      const { plan } = result;
      if (this.json) return this.outJson(snakeKeys({ ok: true, dry_run: true, runtime: train.formatRuntime(runtime), job: plan.jobDir, config: plan.config, commands: plan.commands, ...(plan.skyYaml ? { sky_task: plan.skyYaml } : {}) })), 0;
      this.out(`job folder: ${relative(cwd, plan.jobDir) || plan.jobDir} (nothing was started)\ntrainer config:\n${JSON.stringify(plan.config, null, 2)}`);
      if (plan.skyYaml) this.out(`SkyPilot task (${relative(cwd, join(plan.jobDir, '..', 'sky-task.yaml'))}):\n${plan.skyYaml}`);
      this.out(`would run:\n${plan.commands.map((c) => `  # ${c.what}\n  ${c.line}`).join('\n')}`);
      return 0;
    }
    const { trained, built } = result;
    const rec = trained.record;
    const report = result.eval?.kolm;
    const failure = report ? gateFailure(report.gates ?? []) : null;
    const saved = failure ? undefined : await saveBuilt(outPath, result.bytes, signing, this.output);
    const curve = rec.loss_curve.map((c) => c.loss).filter((l): l is number => l !== null);
    if (this.json) {
      this.outJson(snakeKeys({ ok: !failure, ...(saved ? { artifact: outPath, bytes: saved.bytes.length, ...signedSummary(saved) } : {}), kind: 'adapter', runtime: trained.runtime, training: built.manifest.training, wall_seconds: trained.wallSeconds, ...(report ? { eval: { K: report.K, pass_rate: report.pass_rate, n: report.cases, gates: report.gates } } : {}) }));
    } else {
      this.out(`trained: ${rec.steps} steps in ${train.formatDuration(rec.seconds)} on ${rec.device.name} (${rec.device.type}) via ${trained.runtime} · loss ${curve[0]?.toFixed(4)} → ${curve.at(-1)?.toFixed(4)}${rec.eval_loss !== null ? ` · eval loss ${rec.eval_loss_start?.toFixed(4)} → ${rec.eval_loss.toFixed(4)}` : ''}`);
      this.out(`adapter: rank ${built.config.rank}, ${built.config.modules.length} modules on ${built.manifest.base!.id} (${built.manifest.base!.file})`);
      if (report) this.out(`eval:    K ${report.K.toFixed(3)} · pass ${(report.pass_rate * 100).toFixed(1)}% on ${report.cases} cases`);
      if (saved) this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)}); the job and the PEFT adapter are in ${relative(cwd, trained.outDir)}`);
      if (saved?.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath!)}`);
    }
    if (failure) {
      this.context.stderr.write(`${failure.message}\nnothing written; the trained PEFT adapter is in ${trained.adapterDir}\n`);
      return 3;
    }
    return 0;
  }

  /** `--adapter`: import a PEFT export as an adapter artifact on the pinned base. */
  private async compileAdapter(specPath: string): Promise<number> {
    const cwd = this.context.cwd;
    const dtypes = ['f16', 'q8_0', 'f32'] as const;
    if (this.adapterDtype && !(dtypes as readonly string[]).includes(this.adapterDtype)) {
      throw new KolmError('E_USAGE', `unknown --adapter-dtype "${this.adapterDtype}"`, { hint: `choose from ${dtypes.join(', ')}` });
    }
    const signing = this.sign || this.key || this.keyless ? await signingMethodFrom(this, this.context) : undefined;
    const outPath = resolve(cwd, this.output);
    const [{ buildAdapterFromFiles, saveBuilt }, { formatSigner }] = await Promise.all([import('../../core/build/index.ts'), import('../../core/sign/index.ts')]);
    const opts = adapterOptionsFrom(this, this.context);
    const result = await buildAdapterFromFiles({
      specPath,
      ...(this.base ? { baseId: this.base } : {}),
      adapterPath: resolve(cwd, this.adapter!),
      ...(this.examples ? { examplesPath: resolve(cwd, this.examples) } : {}),
      base: { ...(opts.baseGguf ? { baseGguf: opts.baseGguf } : {}), ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}) },
      ...(this.adapterDtype ? { dtype: this.adapterDtype as (typeof dtypes)[number] } : {}),
      name: this.name,
      defaultName: basename(outPath).replace(/\.kolm$/, ''),
      sourceDateEpoch: this.context.env.SOURCE_DATE_EPOCH,
      adapterId: this.adapterId,
    });
    const saved = await saveBuilt(outPath, result.bytes, signing, this.output);
    const base = result.manifest.base!;
    const types: Record<string, number> = {};
    for (const t of result.config.tensors) types[t.type] = (types[t.type] ?? 0) + 1;
    const summary = {
      ok: true,
      artifact: outPath,
      bytes: saved.bytes.length,
      kind: 'adapter',
      base,
      base_path: result.basePath,
      rank: result.config.rank,
      scaling: result.config.scaling,
      alpha: result.config.alpha,
      tensors: types,
      modules: result.config.modules.length,
      warnings: result.converted.warnings,
      ...signedSummary(saved),
    };
    if (this.json) {
      this.outJson(snakeKeys(summary));
      return 0;
    }
    for (const w of result.converted.warnings) this.context.stderr.write(`warning: ${w}\n`);
    this.out(`adapter: rank ${result.config.rank}, ${result.config.modules.length} modules, ${Object.entries(types).map(([k, v]) => `${v} ${k}`).join(' + ')} tensors, scaling ${result.config.scaling === 'baked' ? 'baked into lora_b' : `alpha ${result.config.alpha}`}`);
    this.out(`base:    ${base.id}${base.revision ? `@${base.revision}` : ''} · ${base.file} · sha256 ${base.sha256}`);
    this.out(`wrote ${relative(cwd, outPath) || outPath} (${formatBytes(saved.bytes.length)}; the base is not inside: kolm run/serve find it by --base-gguf or in KOLM_MODELS)`);
    if (saved.signed) this.out(`signed by ${formatSigner(saved.signed.signer)}; bundle ${relative(cwd, saved.bundlePath!)}`);
    return 0;
  }
}

/** `signed` in the --json summary, when the artifact was signed. */
function signedSummary(saved: Saved) {
  return saved.signed ? { signed: { bundle: saved.bundlePath!, signer: saved.signed.signer, root_digest: saved.signed.rootDigest } } : {};
}
