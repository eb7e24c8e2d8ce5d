import type { Command } from 'commander';
import { listFrameworkVersions } from '../../services/taxonomy-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

/** `zerodock frameworks`: every framework version with its counts. */
export function registerFrameworksCommand(program: Command): void {
  program
    .command('frameworks')
    .description('List framework versions (competency frameworks, occupation and specialty catalogues)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const { items } = await listFrameworkVersions(runtime.services);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(items)}\n`);
            return;
          }
          for (const version of items) {
            const state = version.released ? 'released' : 'draft';
            const counts = Object.entries(version.counts)
              .filter(([, count]) => count > 0)
              .map(([name, count]) => `${name}=${count}`)
              .join(' ');
            process.stdout.write(
              `${`${version.key}@${version.label}`.padEnd(32)} ${state.padEnd(9)} ${version.id}  ${counts}\n`,
            );
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
