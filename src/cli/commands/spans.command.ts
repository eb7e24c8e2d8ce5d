import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { tagTokens } from '../../core/spans/tag-tokens.js';
import { readSpanModel } from '../../interchange/models/read-span-model.js';
import { readJsonlFile, writeJsonlFile } from '../jsonl-files.js';
import { createProgress } from '../progress.js';
import { runCommand } from '../run-command.js';

const tokensLineSchema = z.object({ id: z.string(), tokens: z.array(z.string()).max(100_000) });

/**
 * `zerodock spans`: skill and knowledge spans (SkillSpan's B/I/O tags) for tokenised sentences, with the tagger
 * trained in this repository (`data/models/span-tagger.json.gz`). Needs no database.
 */
export function registerSpansCommand(program: Command): void {
  program
    .command('spans')
    .description('Tag skill and knowledge spans (B/I/O per token) with the shipped SkillSpan-trained tagger')
    .requiredOption('--in <file>', 'JSON Lines input: {"id": string, "tokens": string[]} per line')
    .requiredOption('--out <file>', 'JSON Lines output ("-" for stdout): {"id", "tags_skill", "tags_knowledge"}')
    .action((options: { in: string; out: string }) =>
      runCommand(async () => {
        const model = readSpanModel();
        const progress = createProgress('Tagging');
        let count = 0;
        await writeJsonlFile(options.out, async (write) => {
          for await (const { value } of readJsonlFile(path.resolve(options.in), tokensLineSchema, (done, total) =>
            progress.update(done, total, `${count} sentences`),
          )) {
            const tags = tagTokens(model, value.tokens);
            await write({ id: value.id, tags_skill: tags.tagsSkill, tags_knowledge: tags.tagsKnowledge });
            count += 1;
          }
        });
        progress.stop();
        process.stderr.write(`Tagged ${count} sentences.\n`);
      }),
    );
}
