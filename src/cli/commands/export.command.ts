import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { exportFrameworkVersion } from '../../services/taxonomy-export-service.js';
import { resolveVersionRef } from '../../services/taxonomy-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

/** `zerodock export case|xlsx FRAMEWORK [--out FILE]`: FRAMEWORK is `key`, `key@label` or a version id. */
export function registerExportCommands(program: Command): void {
  const group = program.command('export').description('Export a framework version');
  for (const format of ['case', 'xlsx'] as const) {
    group
      .command(`${format} <framework>`)
      .description(
        format === 'case'
          ? 'Write a CASE 1.0 CFPackage (JSON) of a version (key, key@label or id)'
          : 'Write the editable XLSX workbook of a version (key, key@label or id)',
      )
      .option('--out <file>', 'where to write (default: <key>-<label>.<ext> in the current folder; "-" for stdout)')
      .option('--base-uri <uri>', 'CASE only: the public base URI of the exported objects')
      .action((framework: string, options: { out?: string; baseUri?: string }) =>
        runCommand(async () => {
          const runtime = await openRuntime();
          try {
            const version = await resolveVersionRef(runtime.services, framework);
            const file = await exportFrameworkVersion(runtime.services, version.id, format, {
              ...(options.baseUri ? { baseUri: options.baseUri } : {}),
            });
            if (options.out === '-') {
              process.stdout.write(file.body);
              return;
            }
            const target = path.resolve(options.out ?? file.filename);
            await writeFile(target, file.body);
            process.stdout.write(`Wrote ${target} (${file.body.length} bytes)\n`);
          } finally {
            await runtime.close();
          }
        }),
      );
  }
}
