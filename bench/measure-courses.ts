/**
 * Course-system bench (issue 6): synthesis, the semester plan (HiGHS integer programme, with its optimality gap,
 * beside our list-scheduling fallback in the same run) and a pathway, for the largest group of the curated
 * catalogue (the 18 posts grouped by the default method) and a generated group of 20 posts × 400 competencies.
 */
import { courseInputFromBundle } from '../src/core/courses/course-input-from-bundle.js';
import { allCourses } from '../src/core/courses/course-system.js';
import { checkPlanInvariants } from '../src/core/courses/check-plan-invariants.js';
import { planPathway } from '../src/core/courses/plan-pathway.js';
import { planSemesters, type SemesterPlan } from '../src/core/courses/plan-semesters.js';
import { synthesizeCourseSystem, type CoursePost } from '../src/core/courses/synthesize-course-system.js';
import type { CompetencyFacts } from '../src/core/courses/synthesize-course-system.js';
import { groupPosts } from '../src/core/groups/group-posts.js';
import { readCuratedCatalogue } from '../src/interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../src/interchange/shared-data.js';
import { loadHighsSolver } from '../src/solvers/highs-solver.js';
import { courseCoverage } from '../src/core/courses/course-coverage.js';
import { draftTrainingPlan } from '../src/core/courses/training-plan.js';
import type { CourseSystem } from '../src/core/courses/course-system.js';
import { writeTrainingPlanDocx } from '../src/interchange/training-plan/write-training-plan-docx.js';
import { findCjkFont, writeTrainingPlanPdf } from '../src/interchange/training-plan/write-training-plan-pdf.js';
import { writeTrainingPlanXlsx } from '../src/interchange/training-plan/write-training-plan-xlsx.js';

export interface CourseBenchCase {
  name: string;
  posts: number;
  competencies: number;
  courses: number;
  credits: number;
  semesters: number;
  maxCredits: number;
  synthesisMs: number;
  highs: { ms: number; status: string; gap: number | null; busiest: number } | { error: string };
  heuristic: { ms: number; busiest: number } | { error: string };
  average: number;
  pathwayMs: number;
  pathwayCredits: number;
  invariantsHold: boolean;
  /** Coverage of the posts by the group's own courses taken as an "existing course list". */
  coverageMs: number;
  /** The Talent Training Plan of the group drafted and written in each format. */
  exports: { format: string; ms: number; bytes: number }[] | { skipped: string };
}

async function measureExports(
  system: CourseSystem,
  plan: SemesterPlan,
  facts: Map<string, CompetencyFacts> | undefined,
): Promise<CourseBenchCase['exports']> {
  const semesterOf = new Map(plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
  const sections = draftTrainingPlan({
    specialty: null,
    group: { nameZh: '基准专业群', specialties: [] },
    catalogue: null,
    posts: system.modules.map((entry) => ({
      titleZh: entry.post,
      subSectorZh: '',
      category: 'ITO',
      occupations: [],
      sceneNames: [],
    })),
    certificates: [],
    competencies: { knowledge: [], skill: [], attitude: [] },
    courses: allCourses(system).map((course) => ({
      id: course.id,
      kind: course.kind,
      titleZh: course.titleZh,
      credits: course.credits,
      hours: course.hours,
      postZh: course.post,
      contentZh: course.competencies.map((id) => facts?.get(id)?.labelZh ?? id).join('、'),
      semester: semesterOf.get(course.id) ?? null,
      assessment: '考试',
    })),
    semesters: plan.semesters.length,
    practical: [plan.semesters.length],
    industries: ['软件和信息技术服务业（65）'],
  });
  const document = { titleZh: '基准专业群人才培养方案', college: 'Zerodock bench', versionLine: '第 1 版', sections };
  const writers: [string, () => Promise<Buffer>][] = [
    ['docx', () => writeTrainingPlanDocx(document)],
    ['xlsx', () => writeTrainingPlanXlsx(document)],
  ];
  if (findCjkFont()) writers.push(['pdf', () => writeTrainingPlanPdf(document)]);
  const figures: { format: string; ms: number; bytes: number }[] = [];
  for (const [format, write] of writers) {
    const start = performance.now();
    const bytes = (await write()).length;
    figures.push({ format, ms: performance.now() - start, bytes });
  }
  return figures;
}

/** A deterministic generated group: each post draws 60 competencies (skewed, so some are shared) from 400. */
export function generatedGroup(postCount = 20, competencyCount = 400): CoursePost[] {
  let seed = 20261204;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: postCount }, (_, p) => {
    const weights = new Map<string, number>();
    while (weights.size < 60)
      weights.set(`c${Math.floor(random() ** 1.5 * competencyCount)}`, random() < 0.5 ? 1 : 0.5);
    return {
      id: `post-${p + 1}`,
      label: `岗位${p + 1}`,
      competencies: [...weights].map(([id, weight]) => ({ id, weight })),
    };
  });
}

async function measureCase(
  name: string,
  posts: CoursePost[],
  facts: Map<string, CompetencyFacts> | undefined,
  semesters: number,
  maxCredits: number,
): Promise<CourseBenchCase> {
  const solver = await loadHighsSolver();
  let start = performance.now();
  const system = synthesizeCourseSystem(posts, { facts });
  const synthesisMs = performance.now() - start;
  const courses = allCourses(system);
  const options = { semesters, maxCredits, practical: [semesters], timeLimitSeconds: 30 };
  const attempt = (exact: boolean): { plan: SemesterPlan; ms: number } | { error: string } => {
    const began = performance.now();
    try {
      return { plan: planSemesters(courses, options, exact ? solver : undefined), ms: performance.now() - began };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const exact = attempt(true);
  const heuristic = attempt(false);
  const plan = 'plan' in exact ? exact.plan : 'plan' in heuristic ? heuristic.plan : null;
  const target = system.modules[0]?.essential ?? [];
  start = performance.now();
  const semesterOf = new Map(plan?.semesters.flatMap((ids, index) => ids.map((id) => [id, index] as const)) ?? []);
  const pathway = planPathway({ courses, target, have: [], semesterOf }, solver);
  const pathwayMs = performance.now() - start;
  start = performance.now();
  courseCoverage(
    posts,
    courses.map((course) => ({
      code: course.id,
      name: course.titleZh,
      credits: course.credits,
      competencies: course.competencies,
    })),
  );
  const coverageMs = performance.now() - start;
  const exports = plan ? await measureExports(system, plan, facts) : { skipped: 'no plan' };
  return {
    name,
    posts: posts.length,
    competencies: new Set(posts.flatMap((post) => post.competencies.map((c) => c.id))).size,
    courses: courses.length,
    credits: courses.reduce((sum, course) => sum + course.credits, 0),
    semesters,
    maxCredits,
    synthesisMs,
    highs:
      'plan' in exact
        ? { ms: exact.ms, status: exact.plan.status, gap: exact.plan.gap, busiest: exact.plan.busiest }
        : { error: exact.error },
    heuristic: 'plan' in heuristic ? { ms: heuristic.ms, busiest: heuristic.plan.busiest } : { error: heuristic.error },
    average: plan?.average ?? 0,
    pathwayMs,
    pathwayCredits: pathway.credits,
    invariantsHold: plan !== null && checkPlanInvariants(posts, system, plan.semesters, maxCredits).length === 0,
    coverageMs,
    exports,
  };
}

export async function measureCoursesBench(): Promise<CourseBenchCase[]> {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  const all = courseInputFromBundle(
    bundle,
    bundle.posts.map((post) => post.id),
  );
  const grouping = groupPosts(all.posts.map((post) => ({ ...post, competencies: [...post.competencies] })));
  const largest = [...grouping.groups].sort((a, b) => b.posts.length - a.posts.length)[0]!;
  const curated = courseInputFromBundle(bundle, largest.posts);
  return [
    await measureCase(`curated: largest group (${largest.posts.length} posts)`, curated.posts, curated.facts, 6, 30),
    await measureCase('generated: 20 posts × 400 competencies', generatedGroup(), undefined, 14, 30),
  ];
}

export function formatCoursesBench(cases: readonly CourseBenchCase[]): string {
  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
  return cases
    .map((c) =>
      [
        `${c.name}: ${c.competencies} competencies → ${c.courses} courses, ${c.credits} credits; synthesis ${ms(c.synthesisMs)}`,
        `  semesters (${c.semesters}, the last practical; cap ${c.maxCredits}): ` +
          ('error' in c.highs
            ? `HiGHS: ${c.highs.error}`
            : `HiGHS ${ms(c.highs.ms)}, ${c.highs.status}, gap ${((c.highs.gap ?? 0) * 100).toFixed(2)}%, busiest ${c.highs.busiest}`) +
          ' | ' +
          ('error' in c.heuristic
            ? `heuristic: ${c.heuristic.error}`
            : `heuristic ${ms(c.heuristic.ms)}, busiest ${c.heuristic.busiest}`) +
          ` | average ${c.average}`,
        `  pathway to the first post (nothing known): ${c.pathwayCredits} credits in ${ms(c.pathwayMs)}; invariants ${c.invariantsHold ? 'hold' : 'BROKEN'}; coverage report ${ms(c.coverageMs)}`,
        `  training plan export: ${
          'skipped' in c.exports
            ? c.exports.skipped
            : c.exports.map((e) => `${e.format} ${ms(e.ms)} (${(e.bytes / 1024).toFixed(0)} KiB)`).join(', ') +
              (c.exports.some((e) => e.format === 'pdf') ? '' : ' (PDF skipped: no CJK font)')
        }`,
      ].join('\n'),
    )
    .join('\n');
}

/** The plan contract's hidden-style check, timed: a generated 12-post group of about 220 credits, 6 × 30. */
export interface PlanContractFigures {
  posts: number;
  credits: number;
  courses: number;
  /** `zerodock plan` as a child process (start-up, reading, synthesis, HiGHS, writing). */
  processMs: number;
  processExit: number | null;
  /** The same in process: synthesis + semester plan (HiGHS). */
  inProcessMs: number;
  status: string;
  gap: number | null;
  /** Per semester, the most loaded student's credits; and the credits offered in all (every post together). */
  load: number[];
  offered: number[];
  invariantsHold: boolean;
}

export async function measurePlanContract(): Promise<PlanContractFigures> {
  const { generatedGroupPosts } = await import('../src/core/courses/generate-course-group.js');
  const { planCompetencyFacts } = await import('../src/cli/commands/plan-competency-facts.js');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const posts = generatedGroupPosts({ posts: 12, credits: 220 });
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-plan-'));
  try {
    const input = path.join(directory, 'group.json');
    fs.writeFileSync(input, JSON.stringify({ posts }));
    const root = fileURLToPath(new URL('..', import.meta.url));
    const built = path.join(root, 'dist', 'src', 'cli', 'main.js');
    const entry = fs.existsSync(built) ? [built] : ['--import', 'tsx', path.join(root, 'src', 'cli', 'main.ts')];
    let began = performance.now();
    const child = spawnSync(
      process.execPath,
      [...entry, 'plan', '--posts', input, '--out', path.join(directory, 'plan.json')],
      // An empty data directory: labels come from the input, nothing is opened.
      { cwd: root, env: { ...process.env, ZERODOCK_DATA_DIR: path.join(directory, 'none') }, encoding: 'utf8' },
    );
    const processMs = performance.now() - began;
    const solver = await loadHighsSolver();
    began = performance.now();
    const { facts } = await planCompetencyFacts(posts, { ZERODOCK_DATA_DIR: path.join(directory, 'none') });
    const system = synthesizeCourseSystem(posts, { facts });
    const courses = allCourses(system);
    const plan = planSemesters(courses, { semesters: 6, maxCredits: 30 }, solver);
    const inProcessMs = performance.now() - began;
    return {
      posts: posts.length,
      credits: courses.reduce((sum, course) => sum + course.credits, 0),
      courses: courses.length,
      processMs,
      processExit: child.status,
      inProcessMs,
      status: plan.status,
      gap: plan.gap,
      load: plan.load,
      offered: plan.credits,
      invariantsHold: checkPlanInvariants(posts, system, plan.semesters, 30).length === 0,
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export function formatPlanContract(figures: PlanContractFigures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `generated ${figures.posts}-post group, ${figures.credits} credits in ${figures.courses} courses, 6 semesters × 30 credits per student:`,
    `  whole process (zerodock plan, exit ${figures.processExit}): ${s(figures.processMs)}; in process (synthesis + HiGHS): ${s(figures.inProcessMs)}, ${figures.status}, gap ${((figures.gap ?? 0) * 100).toFixed(2)}%`,
    `  per-student load per semester: ${figures.load.join(' | ')}; offered in all: ${figures.offered.join(' | ')}; invariants ${figures.invariantsHold ? 'hold' : 'BROKEN'}`,
  ].join('\n');
}
