import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; otherwise (CI, pipes) a plain line every 10 % and at each new
 * phase, so logs stay
 * readable. `--quiet`/`--json` callers pass `silent`.
 */
export function createProgress(title: string, options: { silent?: boolean } = {}): Progress {
  if (options.silent) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${title} [{bar}] {percentage}% {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, label) {
        if (!started) {
          bar.start(total, done, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastDecile = -1;
  let lastLabel = '';
  return {
    update(done, total, label) {
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile || label !== lastLabel) {
        lastDecile = decile;
        lastLabel = label;
        process.stderr.write(
          `${title}: ${Math.round((done / Math.max(total, 1)) * 100)}% (${done}/${total}) ${label}\n`,
        );
      }
    },
    stop: () => undefined,
  };
}
