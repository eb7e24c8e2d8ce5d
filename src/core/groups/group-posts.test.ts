import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.js';
import { explainPostPair } from './explain-post-pair.js';
import { assertGroupable, groupPosts, GROUPING_METHODS } from './group-posts.js';
import { normalizedMutualInformation } from './normalized-mutual-information.js';
import type { GroupingPost } from './post-matrix.js';

/** Three families of posts: each family shares a core of 4 competencies; every post has 2 of its own. */
function families(perFamily = 5): { posts: GroupingPost[]; truth: string[] } {
  const posts: GroupingPost[] = [];
  const truth: string[] = [];
  for (const family of ['test', 'ops', 'hr']) {
    for (let i = 0; i < perFamily; i++) {
      posts.push({
        id: `${family}-${i}`,
        label: `${family} post ${i}`,
        competencies: [
          ...[0, 1, 2, 3].map((c) => ({ id: `${family}-core-${c}`, weight: c < 2 ? 1 : 0.5 })),
          { id: `${family}-${i}-own-a`, weight: 1 },
          { id: `${family}-${i}-own-b`, weight: 0.5 },
          { id: 'communication', weight: 0.5 },
        ],
      });
      truth.push(family);
    }
  }
  return { posts, truth };
}

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, field: error.details.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('groupPosts', () => {
  it.each(GROUPING_METHODS)('recovers three families with --k 3 (%s)', (method) => {
    const { posts, truth } = families();
    const grouping = groupPosts(posts, { k: 3, method });
    expect(grouping.groups).toHaveLength(3);
    expect(normalizedMutualInformation(truth, grouping.labels)).toBeCloseTo(1, 10);
    expect(grouping.groups.flatMap((group) => group.posts).sort()).toEqual(posts.map((post) => post.id).sort());
  });

  it('chooses k = 3 by silhouette when k is not given, and lists the candidates', () => {
    const grouping = groupPosts(families().posts);
    expect(grouping.automatic).toBe(true);
    expect(grouping.k).toBe(3);
    expect(grouping.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6]);
    expect(grouping.quality.silhouette).toBeGreaterThan(0.25);
  });

  it('shares the family core, strongest first, and not what only one post needs', () => {
    const grouping = groupPosts(families().posts, { k: 3 });
    const test = grouping.groups.find((group) => group.posts.includes('test-0'))!;
    expect(test.shared.map((item) => item.id)).toEqual([
      'test-core-0',
      'test-core-1',
      'communication',
      'test-core-2',
      'test-core-3',
    ]);
    expect(test.shared[0]).toEqual({ id: 'test-core-0', posts: 5, strength: 1 });
  });

  it('gives every post its own group at k = n and one group at k = 1', () => {
    const { posts } = families(2);
    expect(groupPosts(posts, { k: posts.length }).groups.every((group) => group.posts.length === 1)).toBe(true);
    const one = groupPosts(posts, { k: 1 });
    expect(one.groups).toHaveLength(1);
    expect(one.groups[0]!.shared.map((item) => item.id)).toEqual(['communication']);
  });

  it('puts a single post in one group that shares all its competencies', () => {
    const grouping = groupPosts([{ id: 'solo', label: 'solo', competencies: [{ id: 'a', weight: 1 }] }]);
    expect(grouping.groups).toEqual([
      expect.objectContaining({ id: 'g1', posts: ['solo'], shared: [{ id: 'a', posts: 1, strength: 1 }] }),
    ]);
  });

  it('orders groups largest first with ids g1, g2, …', () => {
    const { posts } = families(3);
    posts.push({
      id: 'extra',
      label: 'extra',
      competencies: [
        { id: 'hr-core-0', weight: 1 },
        { id: 'hr-core-1', weight: 1 },
      ],
    });
    const grouping = groupPosts(posts, { k: 3 });
    expect(grouping.groups.map((group) => group.id)).toEqual(['g1', 'g2', 'g3']);
    expect(grouping.groups[0]!.posts).toContain('extra');
  });

  it('still groups posts whose competencies every post needs (idf 0 falls back to the weights)', () => {
    const posts = ['a', 'b', 'c'].map((id) => ({ id, label: id, competencies: [{ id: 'x', weight: 1 }] }));
    const grouping = groupPosts(posts, { k: 1 });
    expect(grouping.similarity[1]).toBeCloseTo(1, 6);
  });
});

describe('assertGroupable', () => {
  const post = (id: string, weight = 1): GroupingPost => ({ id, label: id, competencies: [{ id: 'c', weight }] });

  it('names the field of each kind of bad input', () => {
    expect(errorOf(() => assertGroupable([]))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'posts' });
    expect(errorOf(() => assertGroupable([post('a'), post('a')]))).toMatchObject({
      field: 'posts[1].id',
      message: expect.stringContaining('duplicate post id "a"'),
    });
    expect(errorOf(() => assertGroupable([{ id: 'a', label: 'a', competencies: [] }]))).toMatchObject({
      field: 'posts[0].competencies',
    });
    expect(errorOf(() => assertGroupable([post('a', 1.5)]))).toMatchObject({
      field: 'posts[0].competencies[0].weight',
    });
    expect(errorOf(() => assertGroupable([post('a', 0)]))).toMatchObject({ field: 'posts[0].competencies[0].weight' });
    expect(errorOf(() => assertGroupable([post('a', Number.NaN)]))).toMatchObject({
      field: 'posts[0].competencies[0].weight',
    });
    expect(errorOf(() => assertGroupable([post('a'), post('b')], 3))).toMatchObject({
      field: 'k',
      message: expect.stringContaining('larger than the number of posts (2)'),
    });
    expect(errorOf(() => assertGroupable([post('a')], 0))).toMatchObject({ field: 'k' });
    expect(errorOf(() => assertGroupable([post('a')], 1.5))).toMatchObject({ field: 'k' });
  });
});

describe('explainPostPair', () => {
  it('lists the shared competencies whose contributions sum to the similarity', () => {
    const grouping = groupPosts(families().posts, { k: 3 });
    const explanation = explainPostPair(grouping.matrix, 0, 1);
    const total = explanation.links.reduce((sum, link) => sum + link.contribution, 0);
    expect(explanation.similarity).toBeCloseTo(grouping.similarity[1]!, 5);
    expect(total).toBeCloseTo(explanation.similarity, 6);
    expect(explanation.links.map((link) => link.competencyId).sort()).toEqual(
      ['communication', 'test-core-0', 'test-core-1', 'test-core-2', 'test-core-3'].sort(),
    );
    // A competency every post needs contributes nothing.
    expect(explanation.links.find((link) => link.competencyId === 'communication')!.contribution).toBe(0);
  });
});
