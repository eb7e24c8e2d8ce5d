import { describe, expect, it } from 'vitest';
import { carryIdHistory, diffBundles } from './diff-bundles.js';
import { blankCompetency, emptyBundle, type Competency, type TaxonomyBundle } from './taxonomy-bundle.js';

function competency(id: string, labelZh: string, extra: Partial<Competency> = {}): Competency {
  return { ...blankCompetency(id, 'skill'), labelZh, labelEn: id, dimension: 'sub-sector', ...extra };
}

function bundle(label: string, build: (b: TaxonomyBundle) => void): TaxonomyBundle {
  const b = emptyBundle({
    key: 'zerodock',
    label,
    titleZh: '框架',
    titleEn: 'Framework',
    source: 'curated',
    releaseNotes: '',
  });
  build(b);
  return b;
}

const v1 = bundle('1', (b) => {
  b.competencies.push(
    competency('testing', '测试'),
    competency('test-design', '测试设计'),
    competency('old-tool', '旧工具'),
  );
  b.competencies.push(competency('wms', '仓储'));
  b.relations.push({ fromId: 'test-design', toId: 'testing', kind: 'broader' });
  b.posts.push({
    id: 'tester',
    titleZh: '测试员',
    titleEn: 'Tester',
    aliasesZh: [],
    aliasesEn: [],
    category: 'ITO',
    subSectorZh: '测试',
    subSectorEn: 'Testing',
    descriptionZh: '测试',
    descriptionEn: 'Tests',
    scenes: [],
    references: { escoOccupations: [], isco: [], onetSoc: [], cn2022: [] },
  });
  b.requirements.push({ postId: 'tester', competencyId: 'testing', essential: true, weight: 0.9, level: 3 });
  b.requirements.push({ postId: 'tester', competencyId: 'old-tool', essential: false, weight: 0.3, level: 2 });
});

const v2 = bundle('2', (b) => {
  b.competencies.push(
    competency('testing', '软件测试'),
    competency('test-case-design', '测试用例设计', { previousIds: ['test-design'] }),
    competency('wms', '仓储'),
    competency('automation', '自动化'),
  );
  b.relations.push({ fromId: 'test-case-design', toId: 'testing', kind: 'broader' });
  b.relations.push({ fromId: 'automation', toId: 'testing', kind: 'broader' });
  b.posts.push({ ...v1.posts[0]! });
  b.requirements.push({ postId: 'tester', competencyId: 'testing', essential: true, weight: 1, level: 3 });
  b.requirements.push({ postId: 'tester', competencyId: 'automation', essential: false, weight: 0.5, level: 2 });
});

describe('diffBundles', () => {
  const diff = diffBundles(v1, v2);

  it('counts added, removed, relabelled and re-identified items', () => {
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, relabelled: 2, reidentified: 1, unchanged: 1 });
    expect(diff.competencies.find((item) => item.id === 'automation')?.changes).toEqual(['added']);
    expect(diff.competencies.find((item) => item.id === 'old-tool')?.changes).toEqual(['removed']);
    const renamed = diff.competencies.find((item) => item.id === 'test-case-design')!;
    expect(renamed).toMatchObject({ previousId: 'test-design', before: { labelZh: '测试设计' } });
    // The hierarchy link survived the rename, so it is not reported as re-linked.
    expect(renamed.changes).toEqual(['reidentified', 'relabelled']);
  });

  it('reports requirement changes per post', () => {
    expect(diff.counts.postsChanged).toBe(1);
    expect(diff.posts[0]!.requirements.map((change) => change.competencyId)).toEqual([
      'automation',
      'old-tool',
      'testing',
    ]);
    expect(diff.posts[0]!.requirements[2]).toEqual({
      competencyId: 'testing',
      before: { essential: true, weight: 0.9, level: 3 },
      after: { essential: true, weight: 1, level: 3 },
    });
  });

  it('finds nothing between a version and itself', () => {
    const same = diffBundles(v2, v2);
    expect(same.competencies).toEqual([]);
    expect(same.posts).toEqual([]);
    expect(same.counts.unchanged).toBe(4);
  });
});

describe('carryIdHistory', () => {
  it('records the old id when an external id moved to a new id', () => {
    const a = bundle('1', (b) =>
      b.competencies.push(competency('x', 'X', { escoUri: 'http://data.europa.eu/esco/skill/1' })),
    );
    const b2 = bundle('2', (b) =>
      b.competencies.push(competency('y', 'Y', { escoUri: 'http://data.europa.eu/esco/skill/1' })),
    );
    expect(carryIdHistory(a, b2)).toBe(1);
    expect(b2.competencies[0]!.previousIds).toEqual(['x']);
    expect(diffBundles(a, b2).competencies[0]).toMatchObject({ id: 'y', previousId: 'x' });
  });
});
