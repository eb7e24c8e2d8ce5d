import { DomainError } from '../core/errors/domain-error.js';
import type { DemoDataset } from '../contracts/demo-dataset.js';
import { DEFAULT_DEMO_POSTINGS } from '../services/demo-postings.js';
import type { FullDemoReporter, FullDemoSources } from '../services/load-full-demo.js';
import { curatedCatalogueDirOf, demoCourseListPath } from '../server/package-root.js';
import { startIdleHeartbeat } from './heartbeat.js';
import { createProgress, type Progress } from './progress.js';

/**
 * How many demo postings to generate: `--postings`, else `ZERODOCK_DEMO_POSTINGS`, else the default (the same for
 * `npm start` and `zerodock demo`).
 */
export function demoPostingsCount(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = option ?? env.ZERODOCK_DEMO_POSTINGS;
  if (raw === undefined || raw === '') return DEFAULT_DEMO_POSTINGS;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
    const field = option === undefined ? 'ZERODOCK_DEMO_POSTINGS' : '--postings';
    throw new DomainError('VALIDATION_FAILED', `${field} must be a whole number from 0 to 1000000, not "${raw}"`, {
      field,
    });
  }
  return count;
}

/** The bundled parts of the full demo in the installed package. */
export function demoSourcesOf(packageRoot: string, dataset: DemoDataset, postings: number): FullDemoSources {
  return {
    dataset,
    catalogueDir: curatedCatalogueDirOf(packageRoot),
    courseListFile: demoCourseListPath(packageRoot),
    postings,
  };
}

/**
 * Phase lines on stdout (each result line too), progress within a phase on stderr (a bar on a terminal, a line
 * every 10 % otherwise); `silent` for `--json`.
 */
export function createDemoReporter(options: { silent?: boolean } = {}): FullDemoReporter {
  if (options.silent) return { phase: () => undefined, progress: () => undefined, done: () => undefined };
  let progress: Progress | null = null;
  let heartbeat: ReturnType<typeof startIdleHeartbeat> | null = null;
  let title = '';
  const stop = () => {
    progress?.stop();
    progress = null;
    void heartbeat?.stop();
    heartbeat = null;
  };
  return {
    phase(text) {
      stop();
      title = text.replace(/ \(.*\)…$|…$/, '');
      process.stdout.write(`${text}\n`);
      // No silent stretch: a step that prints nothing for 5 s (a solver, a blocking database write) says it still runs.
      heartbeat = startIdleHeartbeat(title.charAt(0).toLowerCase() + title.slice(1));
    },
    progress(done, total, label) {
      progress ??= createProgress(`  ${title}`);
      progress.update(done, total, label);
      heartbeat?.touch();
    },
    done(text) {
      stop();
      process.stdout.write(`${text}\n`);
    },
  };
}
