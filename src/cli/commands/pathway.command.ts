import path from 'node:path';
import type { Command } from 'commander';
import { haveFileSchema, planFileSchema, type PathwayOutput } from '../../contracts/courses.js';
import { planPathway } from '../../core/courses/plan-pathway.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { readJsonFile } from '../../interchange/read-json-file.js';
import { loadHighsSolver } from '../../solvers/highs-solver.js';
import { runCommand } from '../run-command.js';
import { writeJsonOutput } from '../write-json-output.js';

/**
 * `zerodock pathway`: the fewest credits of a plan that cover a target post's essential competencies a student
 * does not have yet, prerequisites included, in teaching order. Output `{"courses", "credits", "uncovered"}`.
 */
export function registerPathwayCommand(program: Command): void {
  program
    .command('pathway')
    .description("A student's minimum-credit pathway to a target post through a plan; no database needed")
    .requiredOption('--plan <file>', 'a plan written by `zerodock plan`')
    .requiredOption('--post <id>', "the target post (one of the plan's modules)")
    .requiredOption('--have <file>', 'JSON list of the competency ids the student already has')
    .requiredOption('--out <file>', 'JSON output ("-" for stdout): {"courses", "credits", "uncovered"}')
    .option('--heuristic', 'greedy cover instead of the integer programme')
    .action((raw: { plan: string; post: string; have: string; out: string; heuristic?: boolean }) =>
      runCommand(async () => {
        const plan = await readJsonFile(path.resolve(raw.plan), planFileSchema, raw.plan);
        const have = await readJsonFile(path.resolve(raw.have), haveFileSchema, raw.have);
        const entry = plan.modules.find((module) => module.post === raw.post);
        if (!entry) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `post ${raw.post} is not in ${raw.plan} (its posts: ${plan.modules.map((m) => m.post).join(', ')})`,
            { field: 'post' },
          );
        }
        const unique = new Map(
          [...plan.platform, ...plan.modules.flatMap((m) => m.courses), ...plan.electives].map((c) => [c.id, c]),
        );
        const target = entry.essential ?? [
          ...new Set([...plan.platform, ...entry.courses].flatMap((course) => course.competencies)),
        ];
        const semesterOf = new Map(plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
        const solver = raw.heuristic ? undefined : await loadHighsSolver();
        const pathway = planPathway({ courses: [...unique.values()], target, have, semesterOf }, solver);
        const output: PathwayOutput = {
          courses: pathway.courses,
          credits: pathway.credits,
          uncovered: pathway.uncovered,
        };
        await writeJsonOutput(raw.out, output);
        process.stderr.write(
          `${raw.post}: ${pathway.courses.length} courses, ${pathway.credits} credits (${pathway.method === 'mip' ? 'minimum, by HiGHS' : 'greedy'})` +
            `${pathway.waived.length > 0 ? `; prerequisites waived (already known): ${pathway.waived.join(', ')}` : ''}` +
            `${pathway.uncovered.length > 0 ? `; the plan teaches none of: ${pathway.uncovered.join(', ')}` : ''}.\n`,
        );
      }),
    );
}
