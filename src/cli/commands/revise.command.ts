import path from 'node:path';
import type { Command } from 'commander';
import { planFileSchema, planInputFileSchema } from '../../contracts/courses.js';
import { revisionPostingLineSchema } from '../../contracts/revision.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { readJsonFile } from '../../interchange/read-json-file.js';
import { createZhSegmenter } from '../../interchange/zh/jieba-segmenter.js';
import type { LoadedLinker } from '../../services/linker-cache.js';
import { planBelongsToPostsSchema, revisePostingFiles } from '../../services/revision/revise-posting-files.js';
import { readJsonlFile } from '../jsonl-files.js';
import { linkerOf } from '../linker-of.js';
import { createProgress } from '../progress.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';
import { writeJsonOutput } from '../write-json-output.js';
import { planCompetencyFacts } from './plan-competency-facts.js';

/** jieba with the frameworks' Chinese terms as user words, as the linker segments. */
function segmenterOf(loaded: LoadedLinker): (text: string) => string[] {
  return createZhSegmenter(
    loaded.entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh').map((term) => term.text)),
  );
}

/**
 * `zerodock revise`: the yearly revision of one group over two periods of postings. Output
 * `{"changes": [Change], "proposals": [Proposal]}`: the significant changes of demand (q < 0.05 after
 * Benjamini–Hochberg, |Cohen's h| ≥ 0.05), per post and over all postings, and the ranked proposals they lead to
 * (new requirement, weight change, requirement dropped, course content update, new course, course retired,
 * enrolment signal), each with its evidence (shares, q, example postings with the mention) and impact (courses,
 * posts, semesters). Nothing is written when an input is wrong.
 */
export function registerReviseCommand(program: Command): void {
  program
    .command('revise')
    .description("The yearly revision: what changed in demand between two periods and what it means for a group's plan")
    .requiredOption('--posts <file>', "the group's posts, as for `zerodock plan`")
    .requiredOption('--plan <file>', 'the current plan (an output of `zerodock plan` for these posts)')
    .requiredOption('--before <file>', 'postings of the earlier period, JSON Lines: {"id", "text", "title"?, "post"?}')
    .requiredOption('--after <file>', 'postings of the later period, same format')
    .requiredOption('--out <file>', 'JSON output ("-" for stdout): {"changes", "proposals"}')
    .option('--mode <mode>', 'linking mode: exact (as demand imports) or full (adds implicit mentions)', 'exact')
    .option('--lang <zh|en>', 'language of competency labels', 'zh')
    .option(
      '--candidates <file>',
      'also write the rising terms the frameworks lack (candidate competencies) as JSON: [{"term", "post", "before", "after", "q"}]',
    )
    .action(
      (raw: {
        posts: string;
        plan: string;
        before: string;
        after: string;
        out: string;
        mode: string;
        lang: string;
        candidates?: string;
      }) =>
        runCommand(async () => {
          if (raw.mode !== 'exact' && raw.mode !== 'full') {
            throw new DomainError('VALIDATION_FAILED', `--mode must be exact or full, not "${raw.mode}"`, {
              field: 'mode',
            });
          }
          if (raw.lang !== 'zh' && raw.lang !== 'en') {
            throw new DomainError('VALIDATION_FAILED', `--lang must be zh or en, not "${raw.lang}"`, { field: 'lang' });
          }
          const mode = raw.mode;
          const lang = raw.lang;
          if (path.resolve(raw.before) === path.resolve(raw.after)) {
            throw new DomainError('VALIDATION_FAILED', '--before and --after are the same file: the periods overlap', {
              field: 'after',
            });
          }
          const input = await readJsonFile(path.resolve(raw.posts), planInputFileSchema, raw.posts);
          const postIds = new Set(input.posts.map((post) => post.id));
          const plan = await readJsonFile(
            path.resolve(raw.plan),
            planFileSchema.pipe(planBelongsToPostsSchema(postIds)),
            raw.plan,
          );
          const known = await planCompetencyFacts(input.posts);
          const labels = new Map(
            [...known.facts].map(([id, fact]) => [
              id,
              { zh: fact.labelZh ?? fact.labelEn ?? id, en: fact.labelEn ?? fact.labelZh ?? id },
            ]),
          );
          const runtime = await openRuntime();
          try {
            const loaded = await linkerOf(runtime);
            const started = performance.now();
            const period = (which: 'before' | 'after', file: string) => {
              const progress = createProgress(which === 'before' ? 'Earlier period' : 'Later period');
              return {
                file: path.basename(file),
                lines: (async function* () {
                  let count = 0;
                  for await (const line of readJsonlFile(path.resolve(file), revisionPostingLineSchema, (done, total) =>
                    progress.update(done, total, `${count} postings`),
                  )) {
                    count += 1;
                    yield line;
                  }
                  progress.stop();
                })(),
              };
            };
            const result = await revisePostingFiles({
              loaded,
              posts: input.posts,
              plan,
              before: period('before', raw.before),
              after: period('after', raw.after),
              mode,
              labels,
              lang,
              ...(raw.candidates === undefined ? {} : { segment: segmenterOf(loaded) }),
            });
            await writeJsonOutput(raw.out, result.output);
            if (raw.candidates !== undefined) {
              await writeJsonOutput(raw.candidates, result.candidates);
              const top = result.candidates
                .slice(0, 5)
                .map((c) => `${c.term} (${(c.before.share * 100).toFixed(1)}% → ${(c.after.share * 100).toFixed(1)}%)`);
              process.stderr.write(
                `${result.candidates.length} rising terms the frameworks lack${top.length > 0 ? `: ${top.join(', ')}` : ''}.\n`,
              );
            }
            const seconds = (performance.now() - started) / 1000;
            const rising = result.output.changes.filter((change) => change.direction === 'rising').length;
            process.stderr.write(
              `${result.postings.before} → ${result.postings.after} postings (${result.unassigned.before} / ${result.unassigned.after} matched no post); ` +
                `${result.tested} tests, ${result.output.changes.length} significant changes (${rising} rising, ${result.output.changes.length - rising} falling) → ` +
                `${result.output.proposals.length} proposals, in ${seconds.toFixed(1)} s.\n`,
            );
          } finally {
            await runtime.close();
          }
        }),
    );
}
