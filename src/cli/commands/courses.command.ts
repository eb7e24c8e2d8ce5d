import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors/domain-error.js';
import { readCourseList } from '../../interchange/courses/read-course-list.js';
import { courseSystemCoverage, importCourseList } from '../../services/college-course-service.js';
import type { ServiceContext } from '../../services/service-context.js';
import { listCourseSystems } from '../../services/course-system-service.js';
import { exportTrainingPlan, listTrainingPlans } from '../../services/training-plan-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The college named by id or by its Chinese name. */
async function collegeId(services: ServiceContext, college: string): Promise<string> {
  const organisations = services.store.repositories.organisations;
  const found = UUID.test(college) ? await organisations.findById(college) : await organisations.findByNameZh(college);
  if (!found)
    throw new DomainError('ORGANISATION_NOT_FOUND', `No organisation is called or has the id "${college}".`, {});
  return found.id;
}

/**
 * `zerodock courses`: a college's course list and training plans in the data directory — import a course list
 * (all or nothing), print how it covers a course system's posts, write a training-plan version as DOCX/XLSX/PDF.
 */
export function registerCoursesCommand(program: Command): void {
  const courses = program.command('courses').description("A college's course list, coverage and training plans");

  courses
    .command('list')
    .description("The college's course systems and training plans, with their ids")
    .requiredOption('--college <name|id>', 'the college (its Chinese name or id)')
    .action((options: { college: string }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const id = await collegeId(runtime.services, options.college);
          const out = (line: string) => process.stdout.write(`${line}\n`);
          for (const system of (await listCourseSystems(runtime.services, id)).items)
            out(
              `course system ${system.id}  ${system.titleZh} (${system.semesters} semesters, cap ${system.maxCredits})`,
            );
          for (const plan of (await listTrainingPlans(runtime.services, id)).items)
            out(`training plan ${plan.id}  ${plan.titleZh} (version ${plan.latest.number}, ${plan.latest.status})`);
          out(`course list: ${await runtime.services.store.repositories.collegeCourses.count(id)} courses`);
        } finally {
          await runtime.close();
        }
      }),
    );

  courses
    .command('import <file>')
    .description("Replace a college's course list from XLSX or CSV (code, name, credits, hours, type, description)")
    .requiredOption('--college <name|id>', 'the college (its Chinese name or id)')
    .action((file: string, options: { college: string }) =>
      runCommand(async () => {
        const list = await readCourseList(path.resolve(file), { file: path.basename(file) });
        const runtime = await openRuntime();
        try {
          const id = await collegeId(runtime.services, options.college);
          const result = await importCourseList(runtime.services, null, id, list, path.basename(file));
          process.stdout.write(
            `${result.courses} courses imported from ${result.file}; ${result.suggestedLinks} competency links suggested, ${result.keptDecisions} teacher decisions kept.\n`,
          );
        } finally {
          await runtime.close();
        }
      }),
    );

  courses
    .command('coverage')
    .description("How the college's courses cover a course system's posts: gaps, courses to retire, overlaps")
    .requiredOption('--college <name|id>', 'the college (its Chinese name or id)')
    .requiredOption('--system <id>', 'the course system id')
    .option('--confirmed', 'count only links teachers confirmed')
    .option('--json', 'print the report as JSON')
    .action((options: { college: string; system: string; confirmed?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const id = await collegeId(runtime.services, options.college);
          const report = await courseSystemCoverage(
            runtime.services,
            id,
            options.system,
            options.confirmed ? 'confirmed' : 'suggested',
          );
          if (options.json) {
            process.stdout.write(`${JSON.stringify(report)}\n`);
            return;
          }
          const out = (line = '') => process.stdout.write(`${line}\n`);
          out(`${report.courses} courses; essential requirements covered: ${(report.coverage * 100).toFixed(1)} %`);
          for (const post of report.posts) {
            out(`  ${post.label}: ${post.covered}/${post.essential}`);
            if (post.gaps.length > 0) out(`    gaps: ${post.gaps.map((gap) => gap.labelZh).join('、')}`);
          }
          out(`retire: ${report.retire.map((course) => `${course.code} ${course.name}`).join('; ') || 'none'}`);
          out(`overlaps: ${report.overlaps.length}`);
        } finally {
          await runtime.close();
        }
      }),
    );

  courses
    .command('export-plan')
    .description('Write one version of a Talent Training Plan as DOCX, XLSX or PDF')
    .requiredOption('--college <name|id>', 'the college (its Chinese name or id)')
    .requiredOption('--plan <id>', 'the training plan id')
    .requiredOption('--version <n>', 'the version number')
    .requiredOption('--format <docx|xlsx|pdf>', 'the file format')
    .requiredOption('--out <file>', 'where to write it')
    .action((options: { college: string; plan: string; version: string; format: string; out: string }) =>
      runCommand(async () => {
        if (!['docx', 'xlsx', 'pdf'].includes(options.format)) {
          throw new DomainError('VALIDATION_FAILED', `--format must be docx, xlsx or pdf, not "${options.format}"`, {
            field: 'format',
          });
        }
        const version = Number(options.version);
        if (!Number.isInteger(version) || version < 1) {
          throw new DomainError('VALIDATION_FAILED', `--version must be a whole number ≥ 1, not "${options.version}"`, {
            field: 'version',
          });
        }
        const runtime = await openRuntime();
        try {
          const id = await collegeId(runtime.services, options.college);
          const file = await exportTrainingPlan(
            runtime.services,
            id,
            options.plan,
            version,
            options.format as 'docx' | 'xlsx' | 'pdf',
          );
          await writeFile(path.resolve(options.out), file.body);
          process.stdout.write(`${file.fileName}: ${file.body.length} bytes → ${options.out}\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
}
