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
        `  pathway to the first post (nothing known): ${c.pathwayCredits} credits in ${ms(c.pathwayMs)}; invariants ${c.invariantsHold ? 'hold' : 'BROKEN'}`,
      ].join('\n'),
    )
    .join('\n');
}
