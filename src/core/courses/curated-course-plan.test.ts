import { beforeAll, describe, expect, it } from 'vitest';
import { readCuratedCatalogue } from '../../interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../../interchange/shared-data.js';
import { loadHighsSolver } from '../../solvers/highs-solver.js';
import { bundledCourseLibrary } from '../../interchange/courses/read-course-library.js';
import type { TaxonomyBundle } from '../taxonomy/taxonomy-bundle.js';
import type { CourseLibrary } from './course-library.js';
import { checkPlanInvariants } from './check-plan-invariants.js';
import { courseInputFromBundle } from './course-input-from-bundle.js';
import { allCourses } from './course-system.js';
import type { MipSolver } from './mip-solver.js';
import { planPathway } from './plan-pathway.js';
import { planSemesters } from './plan-semesters.js';
import { synthesizeCourseSystem } from './synthesize-course-system.js';

/** The scheme's example group (§3.1): industrial information-system development and maintenance. */
const EXAMPLE_GROUP = [
  'ito-cloud-operations',
  'ito-industrial-software-development',
  'ito-industrial-software-testing',
  'ito-information-system-operations',
  'ito-mobile-app-development',
];

let bundle: TaxonomyBundle;
let highs: MipSolver;
let library: CourseLibrary;
beforeAll(async () => {
  bundle = (await readCuratedCatalogue(curatedCatalogueDir())).bundle;
  library = await bundledCourseLibrary();
  highs = await loadHighsSolver();
});

describe('course plan of the curated catalogue (invariants on real data)', () => {
  it('builds the example group’s course system with bilingual titles and a solved semester plan', () => {
    const { posts, facts } = courseInputFromBundle(bundle, EXAMPLE_GROUP);
    const system = synthesizeCourseSystem(posts, { facts, library });
    const courses = allCourses(system);
    expect(system.platform.length).toBeGreaterThan(0);
    expect(system.modules.map((entry) => entry.post)).toEqual(EXAMPLE_GROUP);
    for (const course of courses) {
      expect(course.titleZh).toMatch(/[\u4e00-\u9fff]/);
      expect(course.titleEn).toMatch(/^[\x20-\x7e’]+$/);
      expect(course.objectivesZh).toHaveLength(course.competencies.length);
      // 16–18 学时 per 学分, split into theory and practice.
      expect(course.hours).toBeGreaterThanOrEqual(course.credits * 16);
      expect(course.hours).toBeLessThanOrEqual(course.credits * 18);
      expect(course.theoryHours! + course.practiceHours!).toBe(course.hours);
    }
    // Titles are unique; a module never comes before the platform (no prerequisite from a later tier).
    expect(new Set(courses.map((course) => course.titleZh)).size).toBe(courses.length);
    const tier = new Map(courses.map((course) => [course.id, course.kind]));
    for (const course of system.platform)
      for (const before of course.prerequisites) expect(tier.get(before)).toBe('platform');

    const plan = planSemesters(courses, { semesters: 6, maxCredits: 30, practical: [6] }, highs);
    expect(checkPlanInvariants(posts, system, plan.semesters, 30)).toEqual([]);
    expect(plan.method).toBe('mip');
    // With library courses the group's own courses fill ~95 % of 5 × 30 credits: HiGHS may stop at its time limit
    // with a feasible (not proven optimal) plan.
    expect(['optimal', 'feasible']).toContain(plan.status);
    expect(plan.semesters[5]).toEqual([]);
    expect(plan.busiest).toBeGreaterThanOrEqual(plan.average);

    // A student who already knows the platform's competencies only needs testing modules for the testing post.
    const testing = system.modules.find((entry) => entry.post === 'ito-industrial-software-testing')!;
    const have = system.platform.flatMap((course) => course.competencies);
    const pathway = planPathway({ courses, target: testing.essential, have }, highs);
    expect(pathway.uncovered).toEqual([]);
    expect(pathway.courses.some((id) => id.startsWith('P'))).toBe(false);
    for (const course of testing.courses) {
      if (course.competencies.some((id) => testing.essential.includes(id) && !have.includes(id))) {
        expect(pathway.courses).toContain(course.id);
      }
    }
  }, 120_000);

  it('plans every curated post as a group of its own', () => {
    for (const post of bundle.posts) {
      const { posts, facts } = courseInputFromBundle(bundle, [post.id]);
      const system = synthesizeCourseSystem(posts, { facts, library });
      expect(system.platform).toEqual([]);
      const plan = planSemesters(allCourses(system), { semesters: 6, maxCredits: 30 });
      expect(checkPlanInvariants(posts, system, plan.semesters, 30), post.id).toEqual([]);
    }
  }, 60_000);
});
