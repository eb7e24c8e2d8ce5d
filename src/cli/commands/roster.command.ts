import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ROSTER_KINDS, type RosterApplyResult, type RosterImport, type RosterKind } from '../../contracts/rosters.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { readRosterFile } from '../../interchange/rosters/read-roster-file.js';
import {
  applyRosterImport,
  getRosterImport,
  previewRosterImport,
  requireRosterKind,
  rosterTemplateBody,
} from '../../services/roster-service.js';
import type { ServiceContext } from '../../services/service-context.js';
import { createProgress } from '../progress.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Files above this size show their reading progress on stderr. */
const PROGRESS_BYTES = 1024 * 1024;
/** Lines of each diff section the summary prints (the rest are counted). */
const SHOWN = 10;
/** The command line acts as the operator of the installation, not as a person: audited with no actor. */
const OPERATOR = { personId: null, email: null };

async function organisationId(services: ServiceContext, organisation: string): Promise<string> {
  const organisations = services.store.repositories.organisations;
  const found = UUID.test(organisation)
    ? await organisations.findById(organisation)
    : await organisations.findByNameZh(organisation);
  if (!found) {
    throw new DomainError('ORGANISATION_NOT_FOUND', `No organisation is called or has the id "${organisation}".`, {});
  }
  return found.id;
}

function kindOf(kind: string): RosterKind {
  if (!(ROSTER_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('VALIDATION_FAILED', `--kind must be ${ROSTER_KINDS.join(', ')}, not "${kind}"`, {
      field: 'kind',
    });
  }
  return kind as RosterKind;
}

function summary(preview: RosterImport): string {
  const counts = preview.counts;
  return (
    `${preview.fileName}: ${preview.rows} ${preview.kind}s — ${counts.new} new, ${counts.changed} changed, ` +
    `${counts.unchanged} unchanged, ${counts.left} left (absent from the file), ${counts.returning} returning; ` +
    `${counts.newClasses} new classes, ${counts.newDepartments} new departments`
  );
}

/**
 * `zerodock roster`: a roster imported from the command line through the same service as the upload (preview as a
 * diff; applied only with --apply, all or nothing), and the import template written to a file.
 */
export function registerRosterCommand(program: Command): void {
  const roster = program
    .command('roster')
    .description('Rosters: students and teachers of a college, engineers of an enterprise');

  roster
    .command('import')
    .description('Preview a roster file (XLSX or CSV) as a diff against the roster; apply it with --apply')
    .requiredOption('--organisation <name|id>', 'the college or enterprise (its Chinese name or id)')
    .requiredOption('--kind <kind>', `who the file lists: ${ROSTER_KINDS.join(', ')}`)
    .requiredOption('--file <file>', 'the roster file (.xlsx or .csv, headers in Chinese or English)')
    .option('--apply', 'apply the import (otherwise only the preview is stored and printed)')
    .option('--mark-left', 'with --apply: mark the people absent from the file as left')
    .option('--json', 'print the preview (and the result) as JSON')
    .action(
      (options: {
        organisation: string;
        kind: string;
        file: string;
        apply?: boolean;
        markLeft?: boolean;
        json?: boolean;
      }) =>
        runCommand(async () => {
          const kind = kindOf(options.kind);
          if (options.markLeft && !options.apply) {
            throw new DomainError('VALIDATION_FAILED', '--mark-left needs --apply', { field: 'mark-left' });
          }
          const file = path.resolve(options.file);
          const runtime = await openRuntime();
          try {
            const services = runtime.services;
            const id = await organisationId(services, options.organisation);
            await requireRosterKind(services.store.repositories, id, kind);
            const size = await stat(file).then(
              (info) => info.size,
              () => 0,
            );
            const progress = createProgress('Reading', { silent: size < PROGRESS_BYTES });
            let validated;
            try {
              validated = await readRosterFile(file, kind, {
                file: path.basename(file),
                onProgress: (bytes) => progress.update(Math.min(bytes, size), size, 'bytes'),
              });
            } finally {
              progress.stop();
            }
            if (size >= PROGRESS_BYTES)
              process.stderr.write(`Comparing ${validated.rows.length} rows with the roster…\n`);
            const preview = await previewRosterImport(services, OPERATOR, id, kind, validated);
            let applied: RosterApplyResult | null = null;
            if (options.apply) {
              if (size >= PROGRESS_BYTES) process.stderr.write('Applying…\n');
              applied = await applyRosterImport(services, OPERATOR, id, preview.id, {
                markLeft: options.markLeft === true,
              });
            }
            if (options.json) {
              process.stdout.write(`${JSON.stringify({ preview, applied })}\n`);
              return;
            }
            const out = (line: string) => process.stdout.write(`${line}\n`);
            out(summary(preview));
            for (const section of ['new', 'changed', 'left', 'returning'] as const) {
              if (preview.counts[section] === 0) continue;
              const page = await getRosterImport(services, id, preview.id, { section, limit: SHOWN, offset: 0 });
              out(`${section}:`);
              for (const entry of page.entries.items) {
                const where = entry.line !== null ? ` (line ${entry.line})` : '';
                const changes = entry.changes
                  .map((change) => `${change.field}: ${change.before ?? '—'} → ${change.after ?? '—'}`)
                  .join('; ');
                out(`  ${entry.externalId} ${entry.name}${where}${changes ? `  ${changes}` : ''}`);
              }
              if (page.entries.total > SHOWN) out(`  … and ${page.entries.total - SHOWN} more`);
            }
            if (applied) {
              out(
                `Applied: ${applied.created} created, ${applied.updated} updated, ${applied.returned} returning, ${applied.left} marked as left.`,
              );
            } else {
              out(`Not applied (preview ${preview.id}). Run again with --apply to apply it.`);
            }
          } finally {
            await runtime.close();
          }
        }),
    );

  roster
    .command('template')
    .description('Write the import template (导入模板): the headers and one example row')
    .requiredOption('--kind <kind>', `${ROSTER_KINDS.join(', ')}`)
    .option('--lang <lang>', 'headers in zh-CN or en', 'zh-CN')
    .option('--format <format>', 'xlsx or csv', 'xlsx')
    .requiredOption('--out <file>', 'where to write it')
    .action((options: { kind: string; lang: string; format: string; out: string }) =>
      runCommand(async () => {
        const kind = kindOf(options.kind);
        if (options.lang !== 'zh-CN' && options.lang !== 'en') {
          throw new DomainError('VALIDATION_FAILED', `--lang must be zh-CN or en, not "${options.lang}"`, {
            field: 'lang',
          });
        }
        if (options.format !== 'xlsx' && options.format !== 'csv') {
          throw new DomainError('VALIDATION_FAILED', `--format must be xlsx or csv, not "${options.format}"`, {
            field: 'format',
          });
        }
        const file = await rosterTemplateBody(kind, options.lang, options.format);
        await writeFile(path.resolve(options.out), file.body);
        process.stdout.write(`Template for ${kind}s (${options.lang}, ${options.format}) written to ${options.out}\n`);
      }),
    );
}
