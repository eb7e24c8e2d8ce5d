import path from 'node:path';
import type { Command } from 'commander';
import { groupingFileSchema, type GroupingOutput } from '../../contracts/groups.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { groupPosts, GROUPING_METHODS, type GroupingMethod } from '../../core/groups/group-posts.js';
import { readJsonFile } from '../../interchange/read-json-file.js';
import { createProgress } from '../progress.js';
import { runCommand } from '../run-command.js';
import { writeJsonOutput } from '../write-json-output.js';

function groupCount(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(number) || number < 1) {
    throw new DomainError('VALIDATION_FAILED', `--k must be a whole number ≥ 1, not "${value}"`, { field: 'k' });
  }
  return number;
}

/**
 * `zerodock groups`: specialty groups from the knowledge correlation among posts, on any file, without a
 * database. Input `{"posts": [{"id", "label", "competencies": [{"id", "weight"}]}]}`; output
 * `{"groups": [{"id", "posts", "shared"}]}` written atomically; quality figures go to stderr.
 */
export function registerGroupsCommand(program: Command): void {
  program
    .command('groups')
    .description('Group posts by the competencies they share (knowledge correlation); no database needed')
    .requiredOption('--posts <file>', 'JSON input: {"posts": [{"id", "label", "competencies": [{"id", "weight"}]}]}')
    .requiredOption('--out <file>', 'JSON output ("-" for stdout): {"groups": [{"id", "posts", "shared"}]}')
    .option('--k <n>', 'exactly N groups (default: chosen by the best silhouette)')
    .option('--method <method>', `${GROUPING_METHODS.join(' | ')}`, 'consensus')
    .action((raw: { posts: string; out: string; k?: string; method: string }) =>
      runCommand(async () => {
        const options = { ...raw, k: raw.k === undefined ? undefined : groupCount(raw.k) };
        if (!(GROUPING_METHODS as readonly string[]).includes(options.method)) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `--method must be one of ${GROUPING_METHODS.join(', ')}, not "${options.method}"`,
            { field: 'method' },
          );
        }
        const input = await readJsonFile(path.resolve(options.posts), groupingFileSchema, options.posts);
        if (options.k !== undefined && options.k > input.posts.length) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `--k ${options.k} is larger than the number of posts in ${options.posts} (${input.posts.length})`,
            { field: 'k' },
          );
        }
        const progress = createProgress('Grouping');
        const grouping = groupPosts(input.posts, {
          k: options.k,
          method: options.method as GroupingMethod,
          onProgress: (done, total, step) => progress.update(done, total, step),
        });
        progress.stop();
        const output: GroupingOutput = {
          groups: grouping.groups.map((group) => ({
            id: group.id,
            posts: group.posts,
            shared: group.shared.map((competency) => competency.id),
          })),
        };
        await writeJsonOutput(options.out, output);
        const chosen = grouping.automatic ? 'chosen by silhouette' : 'as asked';
        process.stderr.write(
          `${input.posts.length} posts → ${grouping.k} groups (${chosen}, method ${grouping.method}); ` +
            `silhouette ${grouping.quality.silhouette.toFixed(3)}, within-group similarity ${grouping.quality.cohesion.toFixed(3)}.\n`,
        );
        if (input.posts.length === 1) process.stderr.write('Only one post: it forms a group of its own.\n');
      }),
    );
}
