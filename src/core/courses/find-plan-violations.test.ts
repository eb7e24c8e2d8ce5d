import { describe, expect, it } from 'vitest';
import type { Course, CourseSystem } from './course-system.js';
import { describePlanViolation, findPlanViolations } from './find-plan-violations.js';

function buildCourse(overrides: Partial<Course> & { id: string }): Course {
  return {
    kind: 'platform',
    post: null,
    electiveKind: null,
    titleZh: overrides.id,
    titleEn: overrides.id,
    credits: 4,
    hours: 64,
    competencies: [],
    prerequisites: [],
    objectivesZh: [],
    objectivesEn: [],
    ...overrides,
  };
}

const post = { id: 'ito-cloud-operations', label: '云运维', competencies: [{ id: 'linux', weight: 0.9 }] };

describe('plan violations', () => {
  it('are none on a plan that holds', () => {
    const system: CourseSystem = {
      platform: [
        buildCourse({ id: 'P01', competencies: ['linux'] }),
        buildCourse({ id: 'P02', prerequisites: ['P01'] }),
      ],
      modules: [],
      electives: [],
    };
    expect(findPlanViolations([post], system, [['P01'], ['P02']], 30)).toEqual([]);
  });

  it('name each broken invariant by a stable code with the ids and figures, and word it for the CLI as before', () => {
    const system: CourseSystem = {
      platform: [
        buildCourse({ id: 'P01', prerequisites: ['P02'] }),
        buildCourse({ id: 'P02', credits: 40 }),
        buildCourse({ id: 'P03' }),
      ],
      modules: [],
      electives: [],
    };
    const violations = findPlanViolations([post], system, [['P01', 'P02'], ['X9']], 30);
    expect(violations).toEqual([
      { code: 'essential-not-covered', params: { post: 'ito-cloud-operations', competency: 'linux' } },
      { code: 'unknown-course-in-semester', params: { semester: 2, course: 'X9' } },
      {
        code: 'post-student-over-cap',
        params: { semester: 1, post: 'ito-cloud-operations', credits: 44, maxCredits: 30 },
      },
      { code: 'prerequisite-not-before', params: { course: 'P01', prerequisite: 'P02' } },
      { code: 'course-in-no-semester', params: { course: 'P03' } },
    ]);
    expect(violations.map(describePlanViolation)).toEqual([
      'post ito-cloud-operations: essential linux is not covered',
      'semester 2 lists unknown course X9',
      'semester 1: a student of post ito-cloud-operations carries 44 credits > 30',
      'course P01 is not after P02',
      'course P03 is in no semester',
    ]);
  });
});
