/**
 * Progress on stderr for commands that can run longer than a second. Shown when stderr is a terminal, or when
 * `--progress` asks for it; `--no-progress` and `--quiet` turn it off. Never on stdout, so piped JSON stays clean.
 * Two forms: stage lines (`optimize-power: solving with HiGHS…`, then `optimize-power: done in 14.2 s`) for work
 * that cannot report inside itself, and a counter (`simulate: 40% (4,000/10,000 samples)`) for sample loops.
 */
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import { type Command, Option } from "commander";
import type { Io } from "./io.ts";

export interface ProgressFlags {
  /** true: --progress, false: --no-progress, undefined: when stderr is a terminal */
  progress?: boolean;
  quiet?: boolean;
}

/** Adds `--progress`, `--no-progress` and `--quiet` to a command. */
export function addProgressOptions(command: Command): Command {
  return command
    .addOption(new Option("--progress", "show progress on stderr even when it is not a terminal"))
    .addOption(new Option("--no-progress", "no progress on stderr"))
    .addOption(new Option("--quiet", "no progress and no estimates on stderr (errors and warnings still print)"));
}

/** Whether progress is shown: `--quiet` wins, then `--progress` / `--no-progress`, else stderr being a terminal. */
export function progressEnabled(o: ProgressFlags, io: Io): boolean {
  if (o.quiet) return false;
  return o.progress ?? io.stderrIsTty === true;
}

export interface Stages {
  /** a stage begins: `label: message…` */
  stage(message: string): void;
  /** the command finished its long work: `label: done in X s` */
  done(): void;
}

const silent: Stages = { stage: () => undefined, done: () => undefined };

/** Stage lines on stderr (nothing when progress is off). */
export function stageReporter(label: string, enabled: boolean, io: Io, now: () => number = () => performance.now()): Stages {
  if (!enabled) return silent;
  const t0 = now();
  return {
    stage: (message) => io.stderr(`${label}: ${message}…\n`),
    done: () => io.stderr(`${label}: done in ${((now() - t0) / 1000).toFixed(1)} s\n`),
  };
}

export interface Counter {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A sample counter: a redrawn bar when stderr is a terminal (the process's own stderr), else a line at every 10 %
 * through `io` (for `--progress` into a log file).
 */
export function progressCounter(label: string, unit: string, enabled: boolean, io: Io): Counter {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (io.stderrIsTty === true) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta}s`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let shownTenths = -1;
  return {
    update: (done, total) => {
      const tenths = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenths <= shownTenths) return;
      shownTenths = tenths;
      io.stderr(`${label}: ${tenths * 10}% (${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit})\n`);
    },
    stop: () => undefined,
  };
}
