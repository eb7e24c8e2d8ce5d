import path from 'node:path';
import type { Command } from 'commander';
import { importTaxonomySource, type TaxonomySourceKind } from '../../services/taxonomy-source-import.js';
import { createProgress } from '../progress.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

const SOURCES: { kind: TaxonomySourceKind; argument: string; description: string; key?: boolean }[] = [
  { kind: 'esco', argument: 'DIR', description: 'the official ESCO v1.x CSV release (folder of *_en.csv files)' },
  { kind: 'onet', argument: 'DIR', description: 'one O*NET text release (folder of tab-separated .txt files)' },
  {
    kind: 'specialties',
    argument: 'FILE',
    description: 'the 2021 vocational specialty catalogue (职业教育专业目录) CSV',
  },
  { kind: 'occupations-cn', argument: 'FILE', description: '职业分类大典 2022 unit groups (small categories) CSV' },
  { kind: 'case', argument: 'FILE', description: 'a CASE 1.0 CFPackage JSON file', key: true },
  {
    kind: 'xlsx',
    argument: 'FILE',
    description: 'a Zerodock taxonomy workbook (framework, competencies, posts, requirements)',
    key: true,
  },
  { kind: 'catalogue', argument: 'DIR', description: 'a curated catalogue folder (default layout of data/catalogue)' },
];

/**
 * `zerodock import <source> PATH`: reads the whole source, checks it, and saves it as one framework version in one
 * transaction. Any problem stops with FILE:LINE:FIELD and leaves the database as it was.
 */
export function registerImportCommands(program: Command): void {
  const group = program
    .command('import')
    .description('Import a taxonomy release as a framework version (all or nothing; idempotent per version label)');
  for (const source of SOURCES) {
    const command = group
      .command(`${source.kind} <${source.argument.toLowerCase()}>`)
      .description(`Import ${source.description}`)
      .option('--label <label>', 'the version label to record (default: from the release or the folder name)')
      .option('--json', 'print the result as JSON, no progress bar');
    if (source.key) command.option('--key <key>', 'the framework key to import into (default: from the file)');
    command.action((target: string, options: { label?: string; json?: boolean; key?: string }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const progress = createProgress(`Importing ${source.kind}`, { silent: options.json === true });
          const result = await importTaxonomySource(runtime.services, source.kind, path.resolve(target), {
            label: options.label,
            key: options.key,
            onProgress: (event) => progress.update(event.done, event.total, event.phase),
          });
          progress.stop();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result)}\n`);
            return;
          }
          const verb = { created: 'Imported', replaced: 'Replaced', unchanged: 'Unchanged (same content):' }[
            result.status
          ];
          process.stdout.write(`${verb} ${result.key}@${result.label} (${result.versionId})\n`);
          for (const [name, count] of Object.entries(result.counts)) {
            if (count > 0) process.stdout.write(`  ${name.padEnd(26)} ${count}\n`);
          }
          if (result.carriedIds > 0) process.stdout.write(`  earlier ids carried over     ${result.carriedIds}\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
  }
}
