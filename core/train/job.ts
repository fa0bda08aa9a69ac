// The job folder a trainer runs (DESIGN §11): the examples rendered to prompt/completion with the spec's
// template exactly as serving renders it (the same compileTemplate the adapter predictor uses), and a trainer
// config with every hyperparameter explicit. Pure: spec + examples in, file bytes out.
import { createHash } from 'node:crypto';
import { KolmError } from '../errors.ts';
import { compileTemplate } from '../prompt/index.ts';
import type { Example, Input } from '../runtime/types.ts';
import type { Spec } from '../spec/index.ts';
import { TRAINER_ENTRY } from './venv.ts';

/** What the trainer loads: a folder on the machine that trains, or a hub id at a pinned revision. */
export type BaseWeights = { path: string } | { id: string; revision: string };

export interface TrainerConfig {
  kolm_train: 1;
  base: BaseWeights;
  lora: { r: number; alpha: number; dropout: number; target_modules: string[] | string; use_rslora: boolean };
  train: {
    epochs: number;
    learning_rate: number;
    batch_size: number;
    gradient_accumulation_steps: number;
    lr_scheduler: string;
    warmup_ratio: number;
    weight_decay: number;
    optimizer: string;
    max_grad_norm: number;
    seed: number;
    gradient_checkpointing: boolean;
    logging_steps: number;
    precision: 'auto' | 'fp32' | 'bf16' | 'fp16';
    cpu_threads?: number;
  };
}

// Where the spec is silent, kolm picks and writes the value down (TRL's, PEFT's and Ludwig's defaults all
// differ; ludwig-peft.md §1.4, training-and-cascade.md §1.2). Dropout and targets follow Ludwig's LoRA
// (0.05; PEFT's q_proj/v_proj for Llama-family models), the schedule follows Predibase's current SFT
// defaults (cosine, 3 % warmup, adamw, effective batch 16).
export const TRAIN_DEFAULTS = {
  dropout: 0.05,
  target_modules: ['q_proj', 'v_proj'],
  batch_size: 4,
  effective_batch: 16,
  lr_scheduler: 'cosine',
  warmup_ratio: 0.03,
  weight_decay: 0,
  optimizer: 'adamw_torch',
  max_grad_norm: 1,
} as const;

export interface JobInput {
  spec: Spec;
  train: readonly Example[];
  eval?: readonly Example[];
  /** Weights on the training machine (`--base-weights`); else the spec's base at its base_revision. */
  baseWeights?: string;
  seed: number;
  cpuThreads?: number;
  specFile?: string;
}

export interface Job {
  /** First 16 hex of the SHA-256 over every file: names the remote folder, so a re-run finds its own. */
  id: string;
  config: TrainerConfig;
  files: Map<string, Uint8Array>;
  /** Optimizer steps the trainer will take (the Trainer's own formula). */
  steps: number;
}

/** Optimizer steps for rows examples (transformers' Trainer: ceil per epoch, at least one). */
export function plannedSteps(rows: number, t: Pick<TrainerConfig['train'], 'batch_size' | 'gradient_accumulation_steps' | 'epochs'>): number {
  const batches = Math.ceil(rows / t.batch_size);
  const perEpoch = Math.max(Math.ceil(batches / t.gradient_accumulation_steps), 1);
  return Math.ceil(t.epochs * perEpoch);
}

export function trainerConfigFor(input: JobInput): TrainerConfig {
  const { spec } = input;
  const file = input.specFile ?? 'spec.json';
  const tr = spec.train;
  if (!tr || !spec.base) {
    throw new KolmError('E_BAD_SPEC', `${file} has no "train" section (or no "base"): nothing says how to train the LoRA`, {
      hint: 'add "base": "<org>/<model>", "base_revision" and "train": {"adapter": "lora", "rank": 16, "alpha": 32, "epochs": 3, "learning_rate": 0.0002}',
      place: { file, path: 'train' },
    });
  }
  let base: BaseWeights;
  if (input.baseWeights) base = { path: input.baseWeights };
  else if (spec.base_revision) base = { id: spec.base, revision: spec.base_revision };
  else {
    throw new KolmError('E_BAD_SPEC', `${file} names the base ${spec.base} without "base_revision": training would not be reproducible`, {
      hint: 'pin it with "base_revision": "<commit sha>" in the spec, or pass --base-weights DIR (a local Hugging Face model folder)',
      place: { file, path: 'base_revision' },
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
      use_rslora: tr.use_rslora ?? false,
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
      precision: 'auto',
      ...(input.cpuThreads ? { cpu_threads: input.cpuThreads } : {}),
    },
  };
}

/** The prompt the adapter is served with for this input (core/llm/predictor.ts renders the same way). */
export function promptRenderer(spec: Spec): (input: Input) => string {
  const t = spec.prompt?.template;
  if (t) {
    const render = compileTemplate(t);
    return (input) => render(input as never);
  }
  return (input) => (typeof input === 'string' ? input : JSON.stringify(input));
}

/** The completion the adapter learns: the output's text (JSON outputs as compact JSON, as K-score parses them). */
export function completionText(output: unknown): string {
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function jsonl(examples: readonly Example[], render: (i: Input) => string): Uint8Array {
  return Buffer.from(examples.map((e) => `${JSON.stringify({ prompt: render(e.input), completion: completionText(e.output) })}\n`).join(''), 'utf8');
}

export function buildJob(input: JobInput, trainer: ReadonlyMap<string, Uint8Array>): Job {
  const config = trainerConfigFor(input);
  const render = promptRenderer(input.spec);
  const files = new Map<string, Uint8Array>();
  files.set('config.json', Buffer.from(`${JSON.stringify(config, null, 2)}\n`, 'utf8'));
  files.set('train.jsonl', jsonl(input.train, render));
  if (input.eval?.length) files.set('eval.jsonl', jsonl(input.eval, render));
  for (const [name, bytes] of trainer) files.set(name, bytes);
  if (!files.has(TRAINER_ENTRY)) throw new KolmError('E_INTERNAL', `the trainer files lack ${TRAINER_ENTRY}`);
  const h = createHash('sha256');
  for (const name of [...files.keys()].sort()) h.update(name).update('\0').update(files.get(name)!).update('\0');
  return { id: h.digest('hex').slice(0, 16), config, files, steps: plannedSteps(input.train.length, config.train) };
}
