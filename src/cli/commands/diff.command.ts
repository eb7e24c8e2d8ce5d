import type { Command } from 'commander';
import { diffVersions } from '../../services/taxonomy-diff-service.js';
import { resolveVersionRef } from '../../services/taxonomy-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

const label = (item: { labelZh: string | null; labelEn: string | null }) =>
  [item.labelZh, item.labelEn].filter(Boolean).join(' / ');

/** `zerodock diff framework A B`: what changed from version A to version B, with counts. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('Compare versions')
    .command('framework <from> <to>')
    .description(
      'List added, removed, relabelled and re-linked items between two framework versions (key, key@label or id)',
    )
    .option('--json', 'print the whole diff as JSON')
    .option('--limit <n>', 'items to list per kind of change (text output)', '20')
    .action((fromRef: string, toRef: string, options: { json?: boolean; limit: string }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const from = await resolveVersionRef(runtime.services, fromRef);
          const to = await resolveVersionRef(runtime.services, toRef);
          const { diff } = await diffVersions(runtime.services, from.id, to.id);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(diff)}\n`);
            return;
          }
          const out = (line: string) => process.stdout.write(`${line}\n`);
          out(`${from.key}@${from.label} → ${to.key}@${to.label}`);
          for (const [name, count] of Object.entries(diff.counts)) out(`  ${name.padEnd(24)} ${count}`);
          const limit = Math.max(0, Number.parseInt(options.limit, 10) || 0);
          for (const change of ['added', 'removed', 'relabelled', 'reidentified', 'relinked'] as const) {
            const items = diff.competencies.filter((item) => item.changes.includes(change));
            if (items.length === 0) continue;
            out(`\n${change} (${items.length})`);
            for (const item of items.slice(0, limit)) {
              const before = change === 'relabelled' && item.before ? `  ← ${label(item.before)}` : '';
              const previous = item.previousId ? `  (was ${item.previousId})` : '';
              const notes = change === 'relinked' ? `  ${item.notes.join('; ')}` : '';
              out(`  ${item.id}  ${label(item)}${before}${previous}${notes}`);
            }
            if (items.length > limit) out(`  … ${items.length - limit} more (--limit, --json)`);
          }
          if (diff.posts.length > 0) {
            out(`\nposts (${diff.posts.length})`);
            for (const post of diff.posts.slice(0, limit)) {
              out(
                `  ${post.change.padEnd(8)} ${post.id}  ${post.titleZh} / ${post.titleEn}  requirements changed: ${post.requirements.length}`,
              );
            }
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
