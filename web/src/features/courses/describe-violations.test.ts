import { describe, expect, it } from 'vitest';
import type { CourseSystemDetail } from '../../api/contracts.js';
import { testTranslator } from '../../i18n/test-translator.js';
import { describeViolations } from './describe-violations.js';

const course = (id: string, titleZh: string, titleEn: string) =>
  ({ id, titleZh, titleEn }) as CourseSystemDetail['platform'][number];

const system = {
  posts: [{ id: 'ito-cloud-operations', titleZh: '云平台运维', titleEn: 'Cloud operations', competencies: [] }],
  competencies: [
    { id: 'linux', labelZh: 'Linux 系统管理', labelEn: 'Linux administration', type: null, dimension: null },
  ],
  platform: [course('P01', '操作系统基础', 'Operating systems'), course('P02', '网络基础', 'Networking')],
  modules: [],
  electives: [],
  violationDetails: [
    { code: 'essential-not-covered', params: { post: 'ito-cloud-operations', competency: 'linux' } },
    { code: 'prerequisite-not-before', params: { course: 'P01', prerequisite: 'P02' } },
    { code: 'prerequisite-cycle', params: { courses: ['P01', 'P02', 'P01'] } },
    { code: 'unknown-course-in-semester', params: { semester: 2, course: 'X9' } },
  ],
} as unknown as CourseSystemDetail;

describe('plan violations in the page’s language', () => {
  it('names posts, competencies and courses, never by their ids (a course the system lacks by its code)', () => {
    expect(describeViolations(testTranslator('en'), system, 'en')).toEqual([
      'Post “Cloud operations”: the essential competency “Linux administration” is taught by no course of the platform or its modules.',
      '“Operating systems” is not placed after its prerequisite “Networking”.',
      'The prerequisites go round in a circle: Operating systems → Networking → Operating systems.',
      'Semester 2 lists a course the system does not have (X9).',
    ]);
    const chinese = describeViolations(testTranslator('zh-CN'), system, 'zh-CN');
    expect(chinese[0]).toBe('岗位“云平台运维”：核心能力“Linux 系统管理”没有任何平台课或该岗位的模块课讲授。');
    expect(chinese.join('')).not.toMatch(/ito-cloud|P01|P02/);
  });
});
