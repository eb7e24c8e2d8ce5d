import type { Command } from 'commander';
import { collectStats } from '../../services/stats-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('Counts of the main tables')
    .option('--json', 'print a JSON object')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const stats = await collectStats(runtime.services.store.repositories);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(stats)}\n`);
          } else {
            for (const [table, count] of Object.entries(stats)) process.stdout.write(`${table.padEnd(16)} ${count}\n`);
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
