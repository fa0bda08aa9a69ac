// The one progress/report interface. Long work in core announces what it is doing through a Reporter;
// each face draws it its own way (wizard: spinners and bars; CLI: a bar on a TTY, plain lines otherwise;
// Action: log groups). Core never prints.

export interface ProgressEvent {
  /** A short stable name for the step, e.g. "ingest", "compile:classifier". */
  stage: string;
  /** Units finished so far; with `total` a face can draw a bar. */
  done?: number;
  total?: number;
  message?: string;
}

export interface Reporter {
  progress(event: ProgressEvent): void;
  info(message: string): void;
  warn(message: string): void;
}

/** A reporter that drops everything: the default for library calls and tests that do not care. */
export const silentReporter: Reporter = {
  progress() {},
  info() {},
  warn() {},
};

/** A reporter that records every event, for tests and for faces that render after the fact. */
export function recordingReporter(): Reporter & {
  events: ProgressEvent[];
  infos: string[];
  warnings: string[];
} {
  const events: ProgressEvent[] = [];
  const infos: string[] = [];
  const warnings: string[] = [];
  return {
    events,
    infos,
    warnings,
    progress: (e) => events.push(e),
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
  };
}
