import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { restoreDatabase } from '../../storage/backup/restore-database.js';
import { runCommand } from '../run-command.js';
import { formatBytes } from './backup.command.js';

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      'Restore a `zerodock backup` file into the configured database (ZERODOCK_DATA_DIR, or DATABASE_URL). The whole\n' +
        'file is checked first; the restore is all or nothing; a data directory a running server holds is refused',
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'replace a database that already holds data')
    .option('--json', 'print the restored backup header as JSON')
    .action((file: string, options: { force?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const config = loadConfig(process.env, process.cwd());
        const log = (line: string) => process.stderr.write(`${line}\n`);
        const manifest = await restoreDatabase(config.database, file, { force: options.force === true, log });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ file, ...manifest })}\n`);
        } else {
          process.stdout.write(
            `Restored ${file} (${manifest.backend}, ${formatBytes(manifest.bytes)}, taken ${manifest.createdAt}).\n`,
          );
        }
      }),
    );
}
