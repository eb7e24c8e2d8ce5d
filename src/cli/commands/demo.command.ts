import path from 'node:path';
import type { Command } from 'commander';
import { readDemoDataset } from '../../services/demo-service.js';
import { loadFullDemo } from '../../services/load-full-demo.js';
import { demoDatasetPath } from '../../server/package-root.js';
import { createDemoReporter, demoPostingsCount, demoSourcesOf } from '../demo-loading.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

/** `zerodock demo`: the same full demo `npm start` loads into a fresh installation (one function for both). */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the full demo, as `npm start` does on a fresh installation: organisations and demo accounts (all or nothing), the curated catalogue, generated postings, the demo college’s specialty groups, course system and training plan',
    )
    .option('--file <file>', 'a dataset file in the same format (default: the bundled data/demo/demo-dataset.json)')
    .option('--postings <n>', 'postings to generate (env ZERODOCK_DEMO_POSTINGS; default 3000; 0 = none)')
    .option('--json', 'print the counts as JSON, no progress')
    .action((options: { file?: string; postings?: string; json?: boolean }) =>
      runCommand(async () => {
        const postings = demoPostingsCount(options.postings);
        const runtime = await openRuntime();
        try {
          const file = options.file ? path.resolve(options.file) : demoDatasetPath(runtime.packageRoot);
          const dataset = readDemoDataset(file);
          const outcome = await loadFullDemo(
            runtime.services,
            demoSourcesOf(runtime.packageRoot, dataset, postings),
            createDemoReporter({ silent: options.json === true }),
          );
          if (options.json) process.stdout.write(`${JSON.stringify(outcome)}\n`);
          else process.stdout.write(`Demo password (演示密码): ${dataset.password}\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
}
