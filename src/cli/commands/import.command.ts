import path from 'node:path';
import type { Command } from 'commander';
import { importTaxonomySource, type TaxonomySourceKind } from '../../services/taxonomy-source-import.js';
import { importPostingsFile } from '../../services/posting-import-service.js';
import { DomainError } from '../../core/errors/domain-error.js';
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
  registerPostingsImport(group);
}

const PHASES = {
  checksum: 'checksum (MB)',
  dictionary: 'building the linking dictionary',
  link: 'reading, linking and writing (MB)',
} as const;

/**
 * `zerodock import postings FILE`: validates the whole file first (nothing written on any problem), then links,
 * classifies and writes it in checkpointed chunks; running it again on the same file resumes an interrupted import.
 */
function registerPostingsImport(group: Command): void {
  group
    .command('postings <file>')
    .description('Import job postings (CSV, JSONL or XLSX; UTF-8 or GB18030): dedupe, link competencies, count demand')
    .option('--mode <mode>', 'exact (default, fast) or full (adds implicit mentions)', 'exact')
    .option('--json', 'print the result as JSON, no progress bar')
    .action((file: string, options: { mode: string; json?: boolean }) =>
      runCommand(async () => {
        if (options.mode !== 'exact' && options.mode !== 'full') {
          throw new DomainError('VALIDATION_FAILED', `--mode must be exact or full, not "${options.mode}"`, {
            field: 'mode',
          });
        }
        const mode = options.mode;
        const runtime = await openRuntime();
        try {
          const progress = createProgress('Importing postings', { silent: options.json === true });
          const outcome = await importPostingsFile(runtime.services, path.resolve(file), {
            mode,
            onProgress: (phase, done, total) =>
              progress.update(Math.round(done / 1e6), Math.round(total / 1e6), PHASES[phase]),
          });
          progress.stop();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(outcome)}\n`);
            return;
          }
          const row = outcome.import;
          const verb = {
            created: 'Imported',
            resumed: 'Resumed and finished',
            unchanged: 'Unchanged (already imported):',
            interrupted: 'Interrupted',
          }[outcome.status];
          process.stdout.write(`${verb} ${row.fileName} (${row.id})\n`);
          process.stdout.write(
            `  records      ${row.records}\n  stored       ${row.stored}\n  duplicates   ${row.duplicates}\n`,
          );
          process.stdout.write(`  linked with  ${row.dictionary} (${row.linkMode})\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
}
