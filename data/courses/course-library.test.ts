import { beforeAll, describe, expect, it } from 'vitest';
import {
  PROFESSIONAL_QUALITY_AREA,
  validateCourseLibrary,
  type CourseLibrary,
} from '../../src/core/courses/course-library.js';
import type { TaxonomyBundle } from '../../src/core/taxonomy/taxonomy-bundle.js';
import { readCourseLibrary } from '../../src/interchange/courses/read-course-library.js';
import { readCuratedCatalogue } from '../../src/interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../../src/interchange/shared-data.js';

let library: CourseLibrary;
let bundle: TaxonomyBundle;

beforeAll(async () => {
  library = await readCourseLibrary();
  bundle = (await readCuratedCatalogue(curatedCatalogueDir())).bundle;
});

describe('the curated course library (data/courses)', () => {
  it('is sound against the curated catalogue: known competencies, 16–18 hours a credit, prerequisites in-area', () => {
    const problems = validateCourseLibrary(
      library,
      bundle.competencies.map((competency) => ({ id: competency.id, dimension: competency.dimension })),
    );
    expect(problems).toEqual([]);
  });

  it('has at least 150 bilingual courses of at most 4 credits, titled like college courses', () => {
    expect(library.courses.length).toBeGreaterThanOrEqual(150);
    for (const course of library.courses) {
      expect(course.titleZh, course.code).toMatch(/[\u4e00-\u9fff]/);
      expect(course.titleEn, course.code).toMatch(/^[A-Za-z0-9][\x20-\x7e]+$/);
      expect(course.titleZh, course.code).not.toMatch(/与.+等$/);
      expect(course.credits, course.code).toBeLessThanOrEqual(4);
      expect(course.practiceHours, course.code).toBeGreaterThan(0);
    }
  });

  it('teaches every competency of the catalogue somewhere, and every post’s requirements', () => {
    const taught = new Set(library.courses.flatMap((course) => course.competencies));
    const untaught = bundle.competencies.filter((competency) => !competency.isGroup && !taught.has(competency.id));
    expect(untaught.map((competency) => competency.id)).toEqual([]);
    for (const requirement of bundle.requirements) expect(taught.has(requirement.competencyId)).toBe(true);
  });

  it('covers every specialty of the catalogue with courses of its own area', () => {
    const used = new Set(library.courses.map((course) => course.area));
    for (const area of library.areas) expect(used.has(area.id), area.id).toBe(true);
    expect(used.has(PROFESSIONAL_QUALITY_AREA)).toBe(true);
  });
});
