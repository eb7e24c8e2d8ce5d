import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { readPackageVersion } from '../../server/package-root.js';
import { backupDatabase } from '../../storage/backup/backup-database.js';
import { runCommand } from '../run-command.js';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'Write the whole database into one file, while the server keeps running: the embedded database (asked of the\n' +
        'running `zerodock serve`, or opened directly when none runs), or PostgreSQL with pg_dump (DATABASE_URL)',
    )
    .requiredOption('--out <file>', 'the backup file to write (replaced when it exists; written whole or not at all)')
    .option('--json', 'print the backup header as JSON')
    .action((options: { out: string; json?: boolean }) =>
      runCommand(async () => {
        const config = loadConfig(process.env, process.cwd());
        const log = (line: string) => process.stderr.write(`${line}\n`);
        const manifest = await backupDatabase(config.database, options.out, {
          zerodockVersion: readPackageVersion(),
          log,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ file: options.out, ...manifest })}\n`);
        } else {
          process.stdout.write(
            `Backup written to ${options.out}: ${manifest.backend} ${manifest.source}, ${formatBytes(manifest.bytes)}, sha256 ${manifest.sha256}\n`,
          );
        }
      }),
    );
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}
