import path from 'node:path';
import type { Command } from 'commander';
import { loadDemoDataset, readDemoDataset } from '../../services/demo-service.js';
import { createProgress } from '../progress.js';
import { demoDatasetPath } from '../../server/package-root.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo dataset (one city office, two colleges, four enterprises, demo accounts) — all or nothing',
    )
    .option('--file <file>', 'a dataset file in the same format (default: the bundled data/demo/demo-dataset.json)')
    .option('--json', 'print the counts as JSON, no progress bar')
    .action((options: { file?: string; json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const file = options.file ? path.resolve(options.file) : demoDatasetPath(runtime.packageRoot);
          const dataset = readDemoDataset(file);
          const progress = createProgress('Loading demo dataset', { silent: options.json === true });
          const counts = await loadDemoDataset(runtime.services, dataset, (done, total, label) =>
            progress.update(done, total, label),
          );
          progress.stop();
          if (options.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
          else
            process.stdout.write(
              `Loaded ${counts.organisations} organisations and ${counts.people} people. Demo password: ${dataset.password}\n`,
            );
        } finally {
          await runtime.close();
        }
      }),
    );
}
