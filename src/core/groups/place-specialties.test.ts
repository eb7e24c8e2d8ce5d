import { describe, expect, it } from 'vitest';
import { placeSpecialties, type SpecialtyStrength, type SpecialtyToPlace } from './place-specialties.js';
import {
  assessGroupStructure,
  RATIONALE_MAX_ZH_CHARACTERS,
  writeGroupRationale,
  type RationaleInput,
} from './write-group-rationale.js';

const noStrength: SpecialtyStrength = { enrolment: null, employmentRate: null, employerRating: null };

describe('placeSpecialties', () => {
  // Posts a, b, c in group 0 (a central), d in group 1.
  const similarity = Float32Array.from([1, 0.8, 0.7, 0, 0.8, 1, 0.2, 0, 0.7, 0.2, 1, 0, 0, 0, 0, 1]);
  const labels = Int32Array.from([0, 0, 0, 1]);
  const specialty = (code: string, posts: string[], strength: SpecialtyStrength = noStrength): SpecialtyToPlace => ({
    code,
    name: code,
    posts,
    strength,
  });

  it('puts a specialty in the group holding most of its posts and leads with the most central one', () => {
    const plan = placeSpecialties(['a', 'b', 'c', 'd'], labels, 2, similarity, [
      specialty('510213', ['a']),
      specialty('510203', ['b', 'd']),
      specialty('530802', ['d']),
      specialty('999999', ['unknown']),
    ]);
    expect(plan.groups[0]!.map((entry) => entry.code)).toEqual(['510213', '510203']);
    expect(plan.groups[0]![0]).toMatchObject({ leading: true, strength: null, postsInGroup: 1, postsServed: 1 });
    // a reaches a (1), b (0.8), c (0.7): mean 0.833.
    expect(plan.groups[0]![0]!.centrality).toBeCloseTo(2.5 / 3, 6);
    expect(plan.groups[1]!.map((entry) => entry.code)).toEqual(['530802']);
    expect(plan.unplaced).toEqual(['999999']);
  });

  it('lets strength outweigh a small centrality gap', () => {
    const plan = placeSpecialties(['a', 'b', 'c', 'd'], labels, 2, similarity, [
      specialty('510213', ['a'], { enrolment: 100, employmentRate: 0.8, employerRating: 3 }),
      specialty('510203', ['b'], { enrolment: 400, employmentRate: 0.97, employerRating: 4.8 }),
    ]);
    expect(plan.groups[0]![0]).toMatchObject({ code: '510203', leading: true, strength: 1 });
    expect(plan.groups[0]![1]).toMatchObject({ code: '510213', strength: 0 });
  });
});

describe('writeGroupRationale', () => {
  const name = (zh: string, en: string) => ({ zh, en });
  const input = (count: number): RationaleInput => ({
    name: name('工业信息系统开发与运维专业群', 'Industrial Information System Development and Maintenance'),
    posts: Array.from({ length: count }, (_, i) => name(`岗位名称很长的第${i}个岗位`, `Post ${i}`)),
    shared: Array.from({ length: count }, (_, i) => ({ ...name(`共享能力项目${i}`, `Shared ${i}`), posts: 2 })),
    residue: Array.from({ length: count }, (_, i) => ({
      post: name(`岗位${i}`, `Post ${i}`),
      competencies: [name(`特有能力${i}`, `Own ${i}`)],
    })),
    cohesion: 0.42,
    separation: 0.12,
    silhouette: 0.31,
    leading: { ...name('移动应用开发', 'Mobile Application Development'), centrality: 0.8, strength: 0.9 },
    supporting: [name('软件技术', 'Software Technology'), name('计算机网络技术', 'Computer Network Technology')],
  });

  it('states the posts, the shared core, the figures and the leading specialty in both languages', () => {
    const text = writeGroupRationale(input(3));
    expect(text.zh).toContain('工业信息系统开发与运维专业群');
    expect(text.zh).toContain('共享能力项目0（2/3）');
    expect(text.zh).toContain('0.42');
    expect(text.zh).toContain('建议以移动应用开发专业为龙头');
    expect(text.en).toContain('Mobile Application Development is proposed as the leading specialty');
  });

  it('never argues for a group its own figures contradict: it says so and what would strengthen it', () => {
    const weak = writeGroupRationale({ ...input(3), cohesion: 0.0, separation: 0.05, silhouette: -0.01 });
    expect(weak.zh).not.toContain('组群依据是岗位之间的内在知识关联');
    expect(weak.zh).not.toContain('建议以');
    expect(weak.zh).toContain('数据不支持');
    expect(weak.zh).toContain('建议委员会复核');
    expect(weak.en).toContain('do not support');
    const single = writeGroupRationale({ ...input(1), cohesion: 0, silhouette: 0 });
    expect(single.zh).toContain('单个岗位不足以构成专业群');
    expect(single.zh).not.toContain('龙头');
    const moderate = writeGroupRationale({ ...input(3), silhouette: 0.15 });
    expect(moderate.zh).toContain('界限不够清楚');
    expect(assessGroupStructure({ ...input(3), silhouette: 0.15 })).toBe('moderate');
    expect(assessGroupStructure(input(3))).toBe('clear');
    expect(assessGroupStructure({ ...input(3), cohesion: 0.1, separation: 0.2 })).toBe('weak');
  });

  it('explains every figure in words, with its scale', () => {
    const text = writeGroupRationale(input(3));
    expect(text.zh).toContain('平均知识关联度为 0.42');
    expect(text.zh).toContain('0 表示没有共同能力，1 表示能力要求完全相同');
    expect(text.zh).toContain('分组清晰度（轮廓系数）为 0.31（−1 至 1');
    expect(text.en).toContain('(0: nothing in common, 1: identical requirements)');
  });

  it('stays within 800 Chinese characters however large the group', () => {
    for (const count of [1, 10, 50, 400]) {
      expect([...writeGroupRationale(input(count)).zh].length).toBeLessThanOrEqual(RATIONALE_MAX_ZH_CHARACTERS);
    }
  });
});
