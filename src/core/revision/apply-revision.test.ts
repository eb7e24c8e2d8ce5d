import { describe, expect, it } from 'vitest';
import { synthesizeCourseSystem } from '../courses/synthesize-course-system.js';
import { diffCourseSystems } from '../courses/diff-course-systems.js';
import { applyRevision } from './apply-revision.js';
import type { RevisionProposal } from './derive-revision-proposals.js';

const posts = [
  {
    id: 'tester',
    label: '测试工程师',
    competencies: [
      { id: 'test-design', weight: 1, level: 4 },
      { id: 'defects', weight: 0.9, level: 3 },
      { id: 'loadrunner', weight: 0.8, level: 3 },
      { id: 'sql', weight: 0.6, level: 3 },
    ],
  },
  {
    id: 'ops',
    label: '运维工程师',
    competencies: [
      { id: 'linux', weight: 1, level: 3 },
      { id: 'sql', weight: 0.8, level: 3 },
    ],
  },
];

function proposal(rank: number, partial: Partial<RevisionProposal>): RevisionProposal {
  return {
    rank,
    kind: 'new-requirement',
    action: 'add',
    post: 'tester',
    course: null,
    competencies: [],
    score: 1,
    evidence: { changes: [] },
    impact: { courses: [], posts: [], semesters: [] },
    ...partial,
  };
}

const proposals = [
  proposal(1, {
    kind: 'new-requirement',
    competencies: ['model-evaluation'],
    evidence: { changes: [], suggestedWeight: 0.7 },
  }),
  proposal(2, {
    kind: 'requirement-dropped',
    action: 'drop',
    competencies: ['loadrunner'],
    evidence: { changes: [], suggestedWeight: null },
  }),
  proposal(3, {
    kind: 'weight-change',
    action: 'lower',
    post: 'ops',
    competencies: ['sql'],
    evidence: { changes: [], currentWeight: 0.8, suggestedWeight: 0.5 },
  }),
  proposal(4, { kind: 'course-retired', action: 'retire', course: 'c-perf', competencies: ['loadrunner'] }),
  proposal(5, { kind: 'new-requirement', post: null, competencies: ['prompt-engineering'] }),
];

describe('applyRevision', () => {
  it('applies accepted and amended requirement proposals, ignores rejected and undecided ones', () => {
    const result = applyRevision(posts, proposals, [
      { rank: 1, decision: 'amended', amendedWeight: 0.9 },
      { rank: 2, decision: 'accepted' },
      { rank: 3, decision: 'rejected' },
      { rank: 4, decision: 'accepted' },
      { rank: 5, decision: 'accepted' },
    ]);
    const tester = result.posts.find((p) => p.id === 'tester')!;
    expect(tester.competencies.map((c) => `${c.id}:${c.weight}`)).toEqual([
      'test-design:1',
      'defects:0.9',
      'sql:0.6',
      'model-evaluation:0.9',
    ]);
    expect(result.posts.find((p) => p.id === 'ops')!.competencies.find((c) => c.id === 'sql')!.weight).toBe(0.8);
    expect(result.applied).toEqual([1, 2]);
    expect(result.carried).toEqual([4, 5]);
    // the input is untouched
    expect(posts[0]!.competencies).toHaveLength(4);
  });

  it('re-builds a course system whose diff shows the new and the retired teaching', () => {
    const before = synthesizeCourseSystem(posts);
    const { posts: revised } = applyRevision(posts, proposals, [
      { rank: 1, decision: 'accepted' },
      { rank: 2, decision: 'accepted' },
    ]);
    const after = synthesizeCourseSystem(revised.map((post) => ({ ...post, label: post.label })));
    const diff = diffCourseSystems(before, after);
    const taughtBefore = (id: string) =>
      diff.removed.some((c) => c.competencies.includes(id)) ||
      diff.changed.some((c) => c.competenciesRemoved.includes(id));
    const taughtNow = (id: string) =>
      diff.added.some((c) => c.competencies.includes(id)) || diff.changed.some((c) => c.competenciesAdded.includes(id));
    expect(taughtBefore('loadrunner')).toBe(true);
    expect(taughtNow('model-evaluation')).toBe(true);
    expect(diffCourseSystems(before, before)).toMatchObject({ added: [], removed: [], changed: [] });
  });
});
