import path from 'node:path';
import type { Command } from 'commander';
import { planInputFileSchema, type PlanCourse, type PlanFile } from '../../contracts/courses.js';
import { allCourses, type Course } from '../../core/courses/course-system.js';
import { checkPlanInvariants } from '../../core/courses/check-plan-invariants.js';
import { PLAN_NODE_LIMIT, planSemesters } from '../../core/courses/plan-semesters.js';
import { synthesizeCourseSystem } from '../../core/courses/synthesize-course-system.js';
import { bundledCourseLibrary } from '../../interchange/courses/read-course-library.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { readJsonFile } from '../../interchange/read-json-file.js';
import { loadHighsSolver } from '../../solvers/highs-solver.js';
import { runCommand } from '../run-command.js';
import { planCompetencyFacts } from './plan-competency-facts.js';
import { writeJsonOutput } from '../write-json-output.js';

export function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new DomainError('VALIDATION_FAILED', `${flag} must be a whole number from ${min} to ${max}, not "${value}"`, {
      field: flag.replace(/^--/, ''),
    });
  }
  return number;
}

function positiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new DomainError('VALIDATION_FAILED', `${flag} must be a number > 0, not "${value}"`, {
      field: flag.replace(/^--/, ''),
    });
  }
  return number;
}

/**
 * `zerodock plan`: one group's course system and semester plan, on any file. Input as for `zerodock groups`, each
 * competency optionally with a `label` (string or `{"zh", "en"}`) course titles are built from; ids without one
 * are looked up in the data directory's frameworks when it exists (no database needed otherwise). Output
 * `{"platform", "modules": [{"post", "courses", "essential"}], "electives", "semesters"}`. `--max-credits` bounds
 * each student's load per semester: platform + electives + the module courses of their own post (the posts'
 * module tracks run in parallel). Solved exactly with HiGHS (fallback: list scheduling); the figures, the
 * per-student loads and the binding constraints go to stderr.
 */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description("A group's course system (platform, modules, electives) and its semester plan; no database needed")
    .requiredOption(
      '--posts <file>',
      'JSON input: {"posts": [{"id", "label", "competencies": [{"id", "weight", "label"?: string | {"zh", "en"}}]}]}',
    )
    .requiredOption('--out <file>', 'JSON output ("-" for stdout)')
    .option('--semesters <n>', 'number of semesters', '6')
    .option(
      '--max-credits <c>',
      "credit cap per semester on one student's load (platform + electives + own modules)",
      '30',
    )
    .option('--max-hours <h>', "teaching-hour cap per semester on one student's load (default: none)")
    .option('--practical <list>', 'semesters kept for placements, e.g. "6" or "5,6" (default: none)')
    .option('--lang <zh|en>', 'language of course titles', 'zh')
    .option('--heuristic', 'skip the integer programme and use list scheduling')
    .option('--time-limit <s>', 'seconds HiGHS may spend (split over its two stages)', '10')
    .option(
      '--node-limit <n>',
      'branch-and-bound nodes HiGHS may explore per stage: unlike the time limit, the same plan on every machine',
      String(PLAN_NODE_LIMIT),
    )
    .action(
      (raw: {
        posts: string;
        out: string;
        semesters: string;
        maxCredits: string;
        maxHours?: string;
        practical?: string;
        lang: string;
        heuristic?: boolean;
        timeLimit: string;
        nodeLimit: string;
      }) =>
        runCommand(async () => {
          const semesters = wholeNumber(raw.semesters, '--semesters', 1, 20);
          const maxCredits = positiveNumber(raw.maxCredits, '--max-credits');
          const maxHours = raw.maxHours === undefined ? undefined : positiveNumber(raw.maxHours, '--max-hours');
          const practical = (raw.practical ?? '')
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '')
            .map((part) => wholeNumber(part, '--practical', 1, semesters));
          if (raw.lang !== 'zh' && raw.lang !== 'en') {
            throw new DomainError('VALIDATION_FAILED', `--lang must be zh or en, not "${raw.lang}"`, { field: 'lang' });
          }
          const timeLimitSeconds = positiveNumber(raw.timeLimit, '--time-limit');
          const nodeLimit = wholeNumber(raw.nodeLimit, '--node-limit', 1, 100_000_000);
          const input = await readJsonFile(path.resolve(raw.posts), planInputFileSchema, raw.posts);
          const known = await planCompetencyFacts(input.posts);
          if (known.frameworks.length > 0)
            process.stderr.write(`Competency names from the data directory: ${known.frameworks.join(', ')}.\n`);
          if (known.unresolved.length > 0)
            process.stderr.write(
              `${known.unresolved.length} competencies have no label and no framework entry; their ids name them (e.g. ${known.unresolved.slice(0, 3).join(', ')}).\n`,
            );
          const started = performance.now();
          const synthesized = synthesizeCourseSystem(input.posts, {
            facts: known.facts,
            library: await bundledCourseLibrary(),
          });
          // The contract of this command's output: every elective is in every student's room (its output names no
          // elective's post, so that is what a reader can check). The platform's course systems count a post's
          // extension electives for that post's students only.
          const system = {
            ...synthesized,
            electives: synthesized.electives.map((elective) => ({ ...elective, post: null })),
          };
          const courses = allCourses(system);
          const solver = raw.heuristic ? undefined : await loadHighsSolver();
          const plan = planSemesters(
            courses,
            { semesters, maxCredits, maxHours, practical, timeLimitSeconds, nodeLimit },
            solver,
          );
          const seconds = (performance.now() - started) / 1000;
          const violations = checkPlanInvariants(input.posts, system, plan.semesters, maxCredits);
          if (violations.length > 0)
            throw new Error(`internal: the plan breaks its invariants: ${violations.join('; ')}`);
          const course = (value: Course): PlanCourse => ({
            id: value.id,
            title: raw.lang === 'en' ? value.titleEn : value.titleZh,
            credits: value.credits,
            competencies: value.competencies,
            prerequisites: value.prerequisites,
          });
          const output: PlanFile = {
            platform: system.platform.map(course),
            modules: system.modules.map((entry) => ({
              post: entry.post,
              courses: entry.courses.map(course),
              essential: entry.essential,
            })),
            electives: system.electives.map(course),
            semesters: plan.semesters,
          };
          await writeJsonOutput(raw.out, output);
          const total = courses.reduce((sum, value) => sum + value.credits, 0);
          const how =
            plan.method === 'mip'
              ? `${plan.solver} ${plan.status}, gap ${((plan.gap ?? 0) * 100).toFixed(2)}%`
              : 'list-scheduling heuristic';
          process.stderr.write(
            `${input.posts.length} posts → ${system.platform.length} platform, ${system.modules.reduce((n, m) => n + m.courses.length, 0)} module, ${system.electives.length} elective courses (${total} credits); ` +
              `semesters by ${how}: busiest student ${plan.busiest} credits (lower bound ${plan.average}), in ${seconds.toFixed(2)} s.\n`,
          );
          process.stderr.write(
            `Per student and semester (platform + electives + the busiest post's modules): ${plan.load.join(' | ')} of ${maxCredits}; offered in all: ${plan.credits.join(' | ')}.\n`,
          );
          for (const binding of plan.binding) {
            process.stderr.write(
              binding.kind === 'prerequisite-chain'
                ? `Binding: the prerequisite chain ${binding.chain.join(' → ')} spans every teaching semester.\n`
                : `Binding: the ${binding.kind === 'credit-cap' ? 'credit' : 'hour'} cap ${binding.limit} per student is reached in semester(s) ${binding.semesters.join(', ')}${binding.posts ? ` (students of ${binding.posts.join(', ')})` : ''}.\n`,
            );
          }
        }),
    );
}
