import { describe, expect, it } from 'vitest';
import type { CourseDto, CourseSystemDetail } from '../../../api/contracts.js';
import { competencyLabels, coursesOf, courseTitle } from './course-helpers.js';

function course(id: string, titleZh: string, titleEn: string): CourseDto {
  return { id, titleZh, titleEn } as CourseDto;
}

const shared = course('testing-basics', '软件测试基础', 'Software testing basics');
const system = {
  platform: [shared],
  modules: [
    { post: 'tester', courses: [shared, course('automation', '自动化测试', 'Test automation')], essential: [] },
    { post: 'ops', courses: [course('linux', 'Linux 运维', '')], essential: [] },
  ],
  electives: [course('english', '职场英语', 'Workplace English')],
  competencies: [
    { id: 'selenium', labelZh: 'Selenium 自动化', labelEn: 'Selenium automation' },
    { id: 'linux', labelZh: 'Linux 系统管理', labelEn: '' },
  ],
} as unknown as CourseSystemDetail;

describe('course system helpers', () => {
  it('lists every course once, platform first, then modules, then electives', () => {
    expect(coursesOf(system).map((entry) => entry.id)).toEqual(['testing-basics', 'automation', 'linux', 'english']);
  });

  it('titles a course in the UI language, the other when missing', () => {
    expect(courseTitle(shared, 'en')).toBe('Software testing basics');
    expect(courseTitle(shared, 'zh-CN')).toBe('软件测试基础');
    expect(courseTitle({ titleZh: 'Linux 运维', titleEn: '' }, 'en')).toBe('Linux 运维');
  });

  it('labels competencies in the UI language and falls back to the id', () => {
    const label = competencyLabels(system, 'en');
    expect(label('selenium')).toBe('Selenium automation');
    expect(label('linux')).toBe('Linux 系统管理');
    expect(label('unknown')).toBe('unknown');
  });
});
