import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledCourseLibrary } from '../../interchange/courses/read-course-library.js';
import { readCuratedCatalogue } from '../../interchange/curated/read-curated-catalogue.js';
import { mulberry32 } from '../../interchange/postings/generate-postings.js';
import { curatedCatalogueDir } from '../../interchange/shared-data.js';
import type { TaxonomyBundle } from '../taxonomy/taxonomy-bundle.js';
import { competencyAreas } from './course-areas.js';
import { courseInputFromBundle } from './course-input-from-bundle.js';
import { PROFESSIONAL_QUALITY_AREA, type CourseLibrary } from './course-library.js';
import { allCourses, ESSENTIAL_WEIGHT, type Course } from './course-system.js';
import { isKnowledgeFlow } from './prerequisite-graph.js';
import { synthesizeCourseSystem, type CoursePost } from './synthesize-course-system.js';

let bundle: TaxonomyBundle;
let library: CourseLibrary;
beforeAll(async () => {
  bundle = (await readCuratedCatalogue(curatedCatalogueDir())).bundle;
  library = await bundledCourseLibrary();
});

const ID_LIKE = /\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[a-z]\d+\b/;

/** The titles a teacher would not recognise: a list of competencies ("A与B等", "A, B and more") or an id. */
function badTitles(courses: readonly Course[], ids: readonly string[]): string[] {
  const bad: string[] = [];
  for (const course of courses) {
    const titles = [course.titleZh, course.titleEn];
    if (/与.+等/.test(course.titleZh) || /, .+ and more$/.test(course.titleEn)) bad.push(course.titleZh);
    if (titles.some((title) => ID_LIKE.test(title) || ids.some((id) => title.includes(id)))) bad.push(course.titleZh);
    if (!/[\u4e00-\u9fff]/.test(course.titleZh) || !/^[\x20-\x7e]+$/.test(course.titleEn)) bad.push(course.titleZh);
  }
  return bad;
}

/**
 * A course is coherent when all it teaches belongs to one knowledge area — a library course's own list (curated
 * as one course) plus competencies of its area; a synthesised course's competencies all of its area — and it
 * never mixes professional quality (职业素养) with technical competencies; a synthesised module course serves
 * one post, so all it teaches is co-required by that post.
 */
function incoherent(
  courses: readonly Course[],
  posts: readonly CoursePost[],
  facts: Parameters<typeof competencyAreas>[0],
) {
  const { areaOf } = competencyAreas(facts, library);
  const libraryCourses = new Map(library.courses.map((course) => [course.code, course]));
  const wants = new Map(posts.map((post) => [post.id, new Set(post.competencies.map(({ id }) => id))]));
  const problems: string[] = [];
  for (const course of courses) {
    const own = new Set(libraryCourses.get(course.libraryCode ?? '')?.competencies ?? []);
    for (const id of course.competencies) {
      if (!own.has(id) && areaOf(id)?.id !== course.area) problems.push(`${course.titleZh}: ${id} is of another area`);
    }
    const quality = course.competencies.map((id) => facts.get(id)?.dimension === 'quality');
    if (quality.some(Boolean) && !quality.every(Boolean)) problems.push(`${course.titleZh} mixes 职业素养 in`);
    if ((course.area === PROFESSIONAL_QUALITY_AREA) !== quality.every(Boolean))
      problems.push(`${course.titleZh}: area ${course.area} does not match what it teaches`);
    if (course.kind === 'module' && course.post) {
      for (const id of course.competencies)
        if (!wants.get(course.post)?.has(id)) problems.push(`${course.titleZh}: ${id} not wanted by ${course.post}`);
    }
  }
  return problems;
}

function wrongPrerequisites(courses: readonly Course[]): string[] {
  const byId = new Map(courses.map((course) => [course.id, course]));
  const problems: string[] = [];
  for (const course of courses) {
    for (const id of course.prerequisites) {
      const before = byId.get(id)!;
      const soft = (c: Course) => c.area === PROFESSIONAL_QUALITY_AREA;
      if (soft(before) !== soft(course)) problems.push(`${before.titleZh} → ${course.titleZh} crosses 职业素养`);
      if (!isKnowledgeFlow(before, course)) problems.push(`${before.titleZh} → ${course.titleZh} is no knowledge flow`);
    }
  }
  return problems;
}

describe('course synthesis on the curated catalogue with the course library', () => {
  it('gives every group of curated posts coherent, recognisable courses and knowledge-flow prerequisites', () => {
    const postIds = bundle.posts.map((post) => post.id);
    const competencyIds = bundle.competencies.map((competency) => competency.id);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...postIds), { minLength: 1, maxLength: 8 }), (group) => {
        const { posts, facts } = courseInputFromBundle(bundle, group);
        const system = synthesizeCourseSystem(posts, { facts, library });
        const courses = allCourses(system);
        expect(badTitles(courses, [...competencyIds, ...postIds])).toEqual([]);
        expect(new Set(courses.map((course) => course.titleZh)).size).toBe(courses.length);
        expect(incoherent(courses, posts, facts)).toEqual([]);
        expect(wrongPrerequisites(courses)).toEqual([]);
        // Still: every essential competency covered by the platform plus the post's own modules.
        const platform = new Set(system.platform.flatMap((course) => course.competencies));
        for (const post of posts) {
          const own = system.modules.find((entry) => entry.post === post.id)!.courses.flatMap((c) => c.competencies);
          for (const { id, weight } of post.competencies)
            if (weight >= ESSENTIAL_WEIGHT) expect(platform.has(id) || own.includes(id), id).toBe(true);
        }
        for (const course of courses) {
          expect(course.credits).toBeLessThanOrEqual(4);
          expect(course.theoryHours! + course.practiceHours!).toBe(course.hours);
          expect(course.hours / course.credits).toBeGreaterThanOrEqual(16);
          expect(course.hours / course.credits).toBeLessThanOrEqual(18);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('matches the library first and keeps 职业素养 in quality courses of its own', () => {
    const { posts, facts } = courseInputFromBundle(bundle, [
      'ito-industrial-software-testing',
      'ito-information-system-operations',
      'ito-cloud-operations',
    ]);
    const courses = allCourses(synthesizeCourseSystem(posts, { facts, library }));
    const fromLibrary = courses.filter((course) => course.libraryCode);
    expect(fromLibrary.length / courses.length).toBeGreaterThan(0.6);
    const titles = courses.map((course) => course.titleZh);
    expect(titles).toContain('软件测试基础');
    expect(titles).toContain('职业素养与沟通');
    const quality = courses.filter((course) => course.area === PROFESSIONAL_QUALITY_AREA);
    expect(quality.every((course) => course.kind === 'platform' && course.prerequisites.length === 0)).toBe(true);
    for (const course of courses.filter((c) => c.area !== PROFESSIONAL_QUALITY_AREA)) {
      expect(
        course.competencies.some((id) => facts.get(id)?.dimension === 'quality'),
        course.titleZh,
      ).toBe(false);
    }
  });
});

describe('course synthesis does not depend on the order its input comes in', () => {
  function shuffled<T>(items: readonly T[], random: () => number): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  it('gives the same courses, ids and titles whatever the order of the posts’ competencies and of the facts', () => {
    // The demo's develop–test–operate group: its competencies reach the synthesis in database row order.
    const group = [
      'ito-mobile-app-development',
      'ito-industrial-software-development',
      'ito-industrial-software-testing',
      'ito-information-system-operations',
      'ito-cloud-operations',
    ];
    const { posts, facts } = courseInputFromBundle(bundle, group);
    const expected = synthesizeCourseSystem(posts, { facts, library });
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const reordered = posts.map((post) => ({ ...post, competencies: shuffled(post.competencies, random) }));
      const system = synthesizeCourseSystem(reordered, { facts: new Map(shuffled([...facts], random)), library });
      expect(system).toEqual(expected);
    }
  });
});

describe('course synthesis without a catalogue (ids only)', () => {
  it('names courses after the post or the group, never after an id or a list', () => {
    const posts: CoursePost[] = [
      { id: 'p1', label: '软件测试工程师', labelEn: 'Software tester', competencies: [{ id: 'c1', weight: 1 }] },
      {
        id: 'p2',
        label: '运维工程师',
        labelEn: 'Operations engineer',
        competencies: [
          { id: 'c1', weight: 1 },
          { id: 'c2', weight: 0.8 },
          { id: 'c3', weight: 0.4 },
        ],
      },
    ];
    const courses = allCourses(synthesizeCourseSystem(posts));
    expect(badTitles(courses, ['c1', 'c2', 'c3', 'p1', 'p2'])).toEqual([]);
    expect(courses.map((course) => course.titleZh)).toEqual([
      '专业群平台课程',
      '运维工程师岗位课程',
      '运维工程师拓展课程',
    ]);
  });
});
