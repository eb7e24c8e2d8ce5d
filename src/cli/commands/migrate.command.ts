import type { Command } from 'commander';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .option('--json', 'print the result as JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const { applied, total } = runtime.migrations;
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ backend: runtime.database.backend, applied, total })}\n`);
          } else {
            process.stdout.write(
              `${runtime.database.backend} (${runtime.database.location}): applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}; ${total} in all, schema is current.\n`,
            );
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
