// The trainer's stdout protocol (kolm_train.py): one JSON object a line, each {"kolm_train": 1, "event": ...}.
// Anything else on stdout (a library's print) is not ours and is passed on as a log line.
import type { Reporter } from '../progress.ts';

export interface StartEvent { event: 'start'; total: number; rows: number; eval_rows: number; max_length: number; device: TrainDevice; versions: Record<string, string>; trainable_params: number }
export interface ProgressLine { event: 'progress'; step: number; total: number; loss: number | null; lr: number | null; epoch: number | null; tokens_per_s: number | null; elapsed_s: number; eta_s: number | null }
export interface EvalLine { event: 'eval'; step: number; epoch: number | null; eval_loss: number | null }
export interface DoneLine { event: 'done'; seconds: number; steps: number; train_loss: number | null; eval_loss: number | null }
export interface ErrorLine { event: 'error'; type: string; message: string }
export type TrainerEvent = StartEvent | ProgressLine | EvalLine | DoneLine | ErrorLine;

export interface TrainDevice { type: string; name: string; count: number }

/** result.json: the trainer's final record. */
export interface TrainRecord {
  kolm_train: 1;
  steps: number;
  epochs: number | null;
  train_loss: number | null;
  loss_curve: { step: number; loss: number | null; lr: number | null; epoch: number | null }[];
  eval_loss: number | null;
  eval_loss_start: number | null;
  eval_curve: { step: number; epoch: number | null; eval_loss: number | null }[];
  seconds: number;
  steps_per_s: number | null;
  device: TrainDevice;
  peak_memory: { gpu_bytes: number | null; host_rss_bytes: number };
  versions: Record<string, string>;
  max_length: number;
  rows: { train: number; eval: number };
  config: { lora: unknown; train: unknown };
}

/** One stdout line → our event, or null when the line is not ours. */
export function parseTrainerLine(line: string): TrainerEvent | null {
  if (!line.startsWith('{"kolm_train"')) return null;
  try {
    const v = JSON.parse(line) as { kolm_train?: unknown; event?: unknown };
    return v.kolm_train === 1 && typeof v.event === 'string' ? (v as TrainerEvent) : null;
  } catch {
    return null;
  }
}

function duration(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '?';
  const t = Math.round(s);
  return t >= 3600 ? `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m` : t >= 60 ? `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s` : `${t}s`;
}

/** Hand an event to the one progress interface: a bar of steps, the figures in the message. */
export function reportTrainerEvent(e: TrainerEvent, reporter: Reporter): void {
  switch (e.event) {
    case 'start':
      reporter.info(`training on ${e.device.name} (${e.device.type}): ${e.rows} examples, ${e.total} steps, max length ${e.max_length} tokens, ${e.trainable_params} trainable parameters; trl ${e.versions.trl}, peft ${e.versions.peft}, torch ${e.versions.torch}`);
      reporter.progress({ stage: 'train', done: 0, total: e.total, message: 'starting' });
      break;
    case 'progress':
      reporter.progress({
        stage: 'train',
        done: e.step,
        total: e.total,
        message: `loss ${e.loss?.toFixed(4) ?? '?'} · lr ${e.lr?.toExponential(2) ?? '?'} · epoch ${e.epoch?.toFixed(2) ?? '?'} · ${Math.round(e.tokens_per_s ?? 0)} tok/s · eta ${duration(e.eta_s)}`,
      });
      break;
    case 'eval':
      reporter.info(`eval loss ${e.eval_loss?.toFixed(4) ?? '?'} at step ${e.step}`);
      break;
    case 'done':
      reporter.info(`trained ${e.steps} steps in ${duration(e.seconds)}; train loss ${e.train_loss?.toFixed(4) ?? '?'}${e.eval_loss !== null ? `, eval loss ${e.eval_loss.toFixed(4)}` : ''}`);
      break;
    case 'error':
      break;
  }
}

export { duration as formatDuration };
