import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { classifyPosting } from '../../core/demand/post-classifier.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { linkForOutput } from '../../services/link-output.js';
import { readJsonlFile, writeJsonlFile } from '../jsonl-files.js';
import { createProgress } from '../progress.js';
import { openRuntime } from '../runtime.js';
import { linkerOf } from '../linker-of.js';
import { runCommand } from '../run-command.js';

const textLineSchema = z.object({ id: z.string(), text: z.string().max(10_000_000) });
const classifyLineSchema = z.object({ id: z.string(), text: z.string().max(10_000_000), title: z.string().optional() });

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1000) {
    throw new DomainError('VALIDATION_FAILED', `--top must be an integer from 1 to 1000, not "${value}"`, {
      field: 'top',
    });
  }
  return number;
}

/**
 * `zerodock link` and `zerodock classify`: the linking engine over JSON Lines files, for batch work and evaluation.
 * Input is validated line by line (FILE:LINE:FIELD); output is written atomically (nothing on failure).
 */
export function registerLinkCommands(program: Command): void {
  program
    .command('link')
    .description('Link texts to competencies: exact mentions (and implicit ones with --mode full), with spans')
    .requiredOption('--in <file>', 'JSON Lines input: {"id": string, "text": string} per line')
    .requiredOption(
      '--out <file>',
      'JSON Lines output ("-" for stdout): {"id", "competencies": [{"id", "esco", "label", "score", "spans", "linked"}]}',
    )
    .option(
      '--top <k>',
      'at most K ranked competencies per text, best first; "linked": true marks those the linker decides are asked for',
      positiveInteger,
      10,
    )
    .option('--mode <mode>', 'exact (fast path: exact mentions only) or full (adds implicit mentions)', 'full')
    .action((options: { in: string; out: string; top: number; mode: string }) =>
      runCommand(async () => {
        if (options.mode !== 'exact' && options.mode !== 'full') {
          throw new DomainError('VALIDATION_FAILED', `--mode must be exact or full, not "${options.mode}"`, {
            field: 'mode',
          });
        }
        const mode = options.mode;
        const runtime = await openRuntime();
        try {
          const loaded = await linkerOf(runtime);
          const progress = createProgress('Linking');
          let count = 0;
          await writeJsonlFile(options.out, async (write) => {
            for await (const { value } of readJsonlFile(path.resolve(options.in), textLineSchema, (done, total) =>
              progress.update(done, total, `${count} texts`),
            )) {
              const competencies = linkForOutput(loaded, value.text, { mode, top: options.top }).map(
                ({ key: _key, ...competency }) => competency,
              );
              await write({ id: value.id, competencies });
              count += 1;
            }
          });
          progress.stop();
          process.stderr.write(`Linked ${count} texts (${mode}).\n`);
        } finally {
          await runtime.close();
        }
      }),
    );

  program
    .command('classify')
    .description('Classify postings into the curated posts, with confidence and the competencies that decided it')
    .requiredOption('--in <file>', 'JSON Lines input: {"id": string, "text": string, "title"?: string} per line')
    .requiredOption('--out <file>', 'JSON Lines output ("-" for stdout)')
    .action((options: { in: string; out: string }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const loaded = await linkerOf(runtime);
          if (loaded.posts.size === 0) {
            throw new DomainError(
              'FRAMEWORK_NOT_FOUND',
              'The data directory has no curated posts to classify into.',
              {},
            );
          }
          const progress = createProgress('Classifying');
          let count = 0;
          await writeJsonlFile(options.out, async (write) => {
            for await (const { value } of readJsonlFile(path.resolve(options.in), classifyLineSchema, (done, total) =>
              progress.update(done, total, `${count} postings`),
            )) {
              const title = value.title ?? value.text.split('\n', 1)[0] ?? '';
              const text = value.title === undefined ? value.text : `${value.title}\n${value.text}`;
              const linked = linkForOutput(loaded, text, { mode: 'full', top: 30 });
              const guess = classifyPosting(
                loaded.classifier,
                title,
                linked.filter((competency) => competency.linked),
              );
              const post = guess ? loaded.posts.get(guess.postId) : undefined;
              const byKey = new Map(linked.map((competency) => [competency.key, competency]));
              await write({
                id: value.id,
                post: guess?.postId ?? null,
                label: post ? { zh: post.titleZh, en: post.titleEn } : null,
                confidence: guess ? Math.round(guess.confidence * 1e4) / 1e4 : 0,
                titleMatched: guess?.titleMatched ?? false,
                competencies: (guess?.decidedBy ?? []).map((key) => {
                  const competency = byKey.get(key);
                  return { id: competency?.id ?? key, label: competency?.label ?? key, score: competency?.score ?? 0 };
                }),
              });
              count += 1;
            }
          });
          progress.stop();
          process.stderr.write(`Classified ${count} postings.\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
}
