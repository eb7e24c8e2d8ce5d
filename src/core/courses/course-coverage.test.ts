import { describe, expect, it } from 'vitest';
import { courseCoverage } from './course-coverage.js';

describe('courseCoverage', () => {
  const posts = [
    {
      id: 'tester',
      label: '测试工程师',
      competencies: [
        { id: 'testing', weight: 1 },
        { id: 'automation', weight: 0.8 },
        { id: 'sql', weight: 0.5 },
      ],
    },
    { id: 'ops', label: '运维工程师', competencies: [{ id: 'linux', weight: 0.9 }] },
  ];

  it('reports gaps per post, courses to retire and overlaps', () => {
    const report = courseCoverage(posts, [
      { code: 'C1', name: '软件测试', credits: 4, competencies: ['testing', 'sql'] },
      { code: 'C2', name: '数据库', credits: 3, competencies: ['sql'] },
      { code: 'C3', name: 'Flash 动画', credits: 2, competencies: ['flash'] },
      { code: 'C4', name: '未关联', credits: 2, competencies: [] },
    ]);
    expect(report.posts.map((post) => [post.post, post.covered, post.essential, post.gaps])).toEqual([
      ['tester', 1, 2, [{ competency: 'automation', weight: 0.8 }]],
      ['ops', 0, 1, [{ competency: 'linux', weight: 0.9 }]],
    ]);
    expect(report.coverage).toBeCloseTo(1 / 3);
    expect(report.retire.map((course) => course.code)).toEqual(['C3', 'C4']);
    expect(report.overlaps).toEqual([{ competency: 'sql', courses: ['C1', 'C2'] }]);
    expect(report.posts[0]!.courses).toEqual([
      { code: 'C1', teaches: 2 },
      { code: 'C2', teaches: 1 },
    ]);
  });

  it('counts full coverage when posts need nothing essential', () => {
    expect(courseCoverage([{ id: 'p', label: 'p', competencies: [{ id: 'x', weight: 0.3 }] }], []).coverage).toBe(1);
  });
});
