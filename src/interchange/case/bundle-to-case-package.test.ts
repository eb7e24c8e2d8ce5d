import { describe, expect, it } from 'vitest';
import { casePackageSchema } from '../../contracts/case-package.js';
import { buildTestBundle } from '../test-bundle.js';
import { bundleToCasePackage } from './bundle-to-case-package.js';
import { caseUuid } from './case-uuid.js';

const BASE = 'https://zerodock.example.edu/ims/case/v1p0/';
const NOW = new Date('2026-03-01T08:00:00.123Z');
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('bundleToCasePackage', () => {
  const bundle = buildTestBundle();
  const casePackage = bundleToCasePackage(bundle, { baseUri: BASE, now: NOW });
  const itemOf = (id: string) => casePackage.CFItems.find((item) => item.humanCodingScheme === id)!;

  it('writes a package that our own contract accepts', () => {
    expect(casePackageSchema.safeParse(JSON.parse(JSON.stringify(casePackage))).success).toBe(true);
  });

  it('describes the framework version as the CFDocument', () => {
    expect(casePackage.CFDocument).toMatchObject({
      identifier: caseUuid('zerodock@2026.1'),
      uri: `https://zerodock.example.edu/ims/case/v1p0/CFDocuments/${caseUuid('zerodock@2026.1')}`,
      creator: 'Zerodock',
      title: '生产性服务外包人才能力框架 / Productive Service Outsourcing Competency Framework',
      version: '2026.1',
      language: 'zh',
      lastChangeDateTime: '2026-03-01T08:00:00Z',
      notes: '首个版本。\nFirst release.',
    });
    expect(casePackage.CFDocument.CFPackageURI?.uri).toMatch(/\/CFPackages\/[0-9a-f-]{36}$/);
  });

  it('writes one CFItem per competency with the standard fields filled', () => {
    expect(casePackage.CFItems).toHaveLength(bundle.competencies.length);
    expect(itemOf('python-programming')).toMatchObject({
      identifier: caseUuid('zerodock/python-programming'),
      fullStatement: 'Python 程序设计',
      alternativeLabel: 'Python programming',
      CFItemType: 'Skill',
      language: 'zh',
      conceptKeywords: ['Python 编程', 'Python开发', 'Python development', 'Python coding'],
    });
    expect(itemOf('python-programming').identifier).toMatch(UUID_V5);
    expect(itemOf('customer-service-communication').identifier).toBe('d5f0c8e2-4b1a-4f3e-9a7c-2e8b6f1d0a93');
    expect(itemOf('it-foundation').CFItemType).toBe('Competency Group');
    expect(itemOf('lean-management')).toMatchObject({ fullStatement: 'Lean management', language: 'en' });
    expect(itemOf('lean-management').alternativeLabel).toBeUndefined();
    expect(itemOf('professional-ethics').notes).toBe('遵守保密、诚信与服务规范。');
  });

  it('maps relations, roots, ESCO matches and previous ids to associations', () => {
    const byType = (type: string) => casePackage.CFAssociations.filter((a) => a.associationType === type);
    const documentId = casePackage.CFDocument.identifier;
    const childOf = byType('isChildOf');
    expect(childOf.filter((a) => a.destinationNodeURI.identifier === documentId)).toHaveLength(
      bundle.competencies.length - 2,
    );
    const underGroup = childOf.filter((a) => a.destinationNodeURI.identifier === itemOf('it-foundation').identifier);
    expect(underGroup.map((a) => [a.originNodeURI.title, a.sequenceNumber])).toEqual([
      ['Python 程序设计', 1],
      ['数据清洗', 2],
    ]);
    expect(byType('isRelatedTo')).toHaveLength(2);
    expect(byType('exactMatchOf').map((a) => a.destinationNodeURI.uri)).toEqual([
      'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      'http://data.europa.eu/esco/skill/bf6aba3d-4d8b-4a3e-9a4b-60b6f3b7d9e1',
    ]);
    const replaced = byType('replacedBy');
    expect(replaced.map((a) => a.originNodeURI.title)).toEqual([
      'python-basics',
      'english-b1',
      'english-communication',
    ]);
    expect(replaced[0]!.originNodeURI.identifier).toBe(caseUuid('zerodock/python-basics'));
    expect(replaced[0]!.destinationNodeURI.identifier).toBe(itemOf('python-programming').identifier);
    const identifiers = casePackage.CFAssociations.map((a) => a.identifier);
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it('carries the proficiency levels as one rubric', () => {
    const levels = casePackage.CFRubrics?.[0]?.CFRubricCriteria?.[0]?.CFRubricCriterionLevels ?? [];
    expect(levels.map((level) => [level.score, level.quality])).toEqual([
      [1, '了解'],
      [2, '理解'],
      [3, '应用'],
      [4, '熟练'],
      [5, '精通'],
    ]);
    const empty = bundleToCasePackage({ ...bundle, levels: [] }, { baseUri: BASE, now: NOW });
    expect(empty.CFRubrics).toBeUndefined();
  });

  it('is deterministic apart from the time stamps', () => {
    const later = bundleToCasePackage(bundle, { baseUri: BASE, now: new Date('2027-01-01T00:00:00Z') });
    const withoutTimes = (value: unknown) => JSON.stringify(value).replace(/"lastChangeDateTime":"[^"]*"/g, '');
    expect(withoutTimes(later)).toBe(withoutTimes(casePackage));
  });

  it('refuses a bundle whose relation names an unknown competency', () => {
    const broken = {
      ...bundle,
      relations: [{ fromId: 'python-programming', toId: 'ghost', kind: 'related' as const }],
    };
    expect(() => bundleToCasePackage(broken, { baseUri: BASE, now: NOW })).toThrow(/unknown competency ghost/);
  });
});
