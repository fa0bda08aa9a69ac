// Training a LoRA adapter (DESIGN §11): the job folder (job.ts), the trainer's cached venv (venv.ts), the
// runtimes local / ssh:// / cloud (train.ts, ssh.ts, cloud.ts) and the trainer's progress protocol (events.ts).
export { buildJob, trainerConfigFor, plannedSteps, promptRenderer, completionText, TRAIN_DEFAULTS } from './job.ts';
export type { Job, JobInput, TrainerConfig, BaseWeights } from './job.ts';
export { trainAdapter } from './train.ts';
export type { TrainOptions, TrainDeps, TrainPlan, Trained } from './train.ts';
export { parseRuntime, formatRuntime, parseGpus } from './runtime.ts';
export type { Runtime } from './runtime.ts';
export { parseTrainerLine, reportTrainerEvent, formatDuration } from './events.ts';
export type { TrainRecord, TrainerEvent, TrainDevice } from './events.ts';
export { skyTask, skyTaskYaml, clusterName, remoteJob } from './cloud.ts';
export { sshPlan, remoteLauncher } from './ssh.ts';
export { trainerDir, trainerFiles, ensureTrainerVenv, requirementsHash, kolmCacheDir, tryVenvPython } from './venv.ts';
export { runCommand, shellLine } from './process.ts';
export type { Spawner, SpawnSpec, Proc } from './process.ts';
export { nodeSpawner } from './node-process.ts';
export { trainAndBuild, trainingRecord } from './compile.ts';
export type { TrainCompileInput, TrainCompiled } from './compile.ts';
