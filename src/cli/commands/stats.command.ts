import type { Command } from 'commander';
import { collectStats } from '../../services/stats-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description(
      'Counts of every aggregate: organisations, accounts, frameworks, postings, proposals, course systems, training plans…',
    )
    .option('--json', 'print a JSON object')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const stats = await collectStats(runtime.services.store.repositories);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(stats)}\n`);
          } else {
            for (const [table, count] of Object.entries(stats)) process.stdout.write(`${table.padEnd(26)} ${count}\n`);
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
