import { describe, expect, it } from 'vitest';
import { recheckPathway } from './recheck-pathway.js';

const course = (id: string, competencies: string[], credits = 2, prerequisites: string[] = []) => ({
  id,
  credits,
  competencies,
  prerequisites,
});

describe('recheckPathway', () => {
  const newCourses = [
    course('n1', ['a', 'b']),
    course('n2', ['c']),
    course('n3', ['k8s'], 3),
    course('n4', ['k8s', 'x'], 4),
  ];
  const successor = new Map([
    ['o1', 'n1'],
    ['o2', 'n2'],
  ]);

  it('carries a pathway that still covers the post without a notice', () => {
    const result = recheckPathway(
      { post: 'p', chosen: ['o1', 'o2'], have: [] },
      successor,
      newCourses,
      new Map([['p', ['a', 'c']]]),
    );
    expect(result).toEqual({ chosen: ['n1', 'n2'], notice: null, postKept: true });
  });

  it('names a new essential competency and the cheapest course that covers it', () => {
    const result = recheckPathway(
      { post: 'p', chosen: ['o1', 'o2'], have: [] },
      successor,
      newCourses,
      new Map([['p', ['a', 'c', 'k8s']]]),
    );
    expect(result.notice).toEqual({ missing: ['k8s'], add: ['n3'], retired: [] });
  });

  it('counts what the student already had, and reports retired courses', () => {
    const result = recheckPathway(
      { post: 'p', chosen: ['o1', 'o2', 'old-only'], have: ['k8s'] },
      successor,
      newCourses,
      new Map([['p', ['a', 'c', 'k8s']]]),
    );
    expect(result.chosen).toEqual(['n1', 'n2']);
    expect(result.notice).toEqual({ missing: [], add: [], retired: ['old-only'] });
  });

  it('does not carry a pathway whose post left the group', () => {
    const result = recheckPathway({ post: 'gone', chosen: ['o1'], have: [] }, successor, newCourses, new Map());
    expect(result.postKept).toBe(false);
  });
});
