// The one process interface of training: runtimes start programs (python, ssh, scp, sky) through a
// Spawner passed in by the face, so core never reaches for child_process itself and tests can hand in a
// real spawner with a PATH of their own. Lines come back as they are printed (progress is streamed).

export interface SpawnSpec {
  cmd: string;
  args: readonly string[];
  cwd?: string;
  /** The full environment of the child (not merged with ours: the caller decides what it sees). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ExitStatus {
  code: number | null;
  signal: string | null;
}

export interface Proc {
  /** Called once per complete line, stdout and stderr kept apart. */
  onLine(listener: (stream: 'stdout' | 'stderr', line: string) => void): void;
  exit: Promise<ExitStatus>;
  kill(signal?: NodeJS.Signals): void;
}

export type Spawner = (spec: SpawnSpec) => Proc;

export interface Ran extends ExitStatus {
  stdout: string[];
  /** The last lines of stderr, for the error message when the command failed. */
  stderrTail: string[];
}

/** Run one command to its end, handing each stdout line to `onStdout` as it comes. */
export async function runCommand(spawn: Spawner, spec: SpawnSpec, onStdout?: (line: string) => void, onStderr?: (line: string) => void): Promise<Ran> {
  const proc = spawn(spec);
  const stdout: string[] = [];
  const stderrTail: string[] = [];
  proc.onLine((stream, line) => {
    if (stream === 'stdout') {
      stdout.push(line);
      onStdout?.(line);
    } else {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
      onStderr?.(line);
    }
  });
  const status = await proc.exit;
  return { ...status, stdout, stderrTail };
}

/** A command line as a person would paste it into a POSIX shell (for --dry-run and error messages). */
export function shellLine(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].map(shellQuote).join(' ');
}

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
