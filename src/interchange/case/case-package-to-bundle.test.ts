import { describe, expect, it } from 'vitest';
import type { CasePackage } from '../../contracts/case-package.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { buildTestBundle } from '../test-bundle.js';
import { bundleToCasePackage } from './bundle-to-case-package.js';
import { casePackageToBundle } from './case-package-to-bundle.js';
import { caseUuid } from './case-uuid.js';

const BASE = 'https://zerodock.example.edu/ims/case/v1p0';
const NOW = new Date('2026-03-01T08:00:00.000Z');

function exportText(casePackage: CasePackage = bundleToCasePackage(buildTestBundle(), { baseUri: BASE, now: NOW })) {
  return JSON.stringify(casePackage, null, 2);
}

function failureOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('IMPORT_FAILED');
    return error as DomainError;
  }
  throw new Error('expected an import failure');
}

/** The 1-based line of the n-th (0-based) occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let index = 0; index <= occurrence; index++) at = text.indexOf(needle, at + 1);
  return text.slice(0, at).split('\n').length;
}

describe('casePackageToBundle', () => {
  it('reads back exactly what bundleToCasePackage wrote (competencies, relations, levels, header)', () => {
    const original = buildTestBundle();
    const imported = casePackageToBundle(exportText(), 'zerodock.case.json');

    expect(imported.competencies).toEqual(original.competencies);
    expect(imported.relations).toEqual(original.relations);
    expect(imported.levels).toEqual(original.levels);
    expect(imported.framework).toEqual({ ...original.framework, source: 'case' });
    expect(imported.posts).toEqual([]);
  });

  it('keeps arbitrary relation order and a CASE GUID through the round trip', () => {
    const original = buildTestBundle();
    original.relations.reverse();
    const imported = casePackageToBundle(
      exportText(bundleToCasePackage(original, { baseUri: BASE, now: NOW })),
      'reversed.json',
    );
    expect(imported.relations).toEqual(original.relations);
    expect(imported.competencies.find((c) => c.id === 'customer-service-communication')?.caseGuid).toBe(
      'd5f0c8e2-4b1a-4f3e-9a7c-2e8b6f1d0a93',
    );
  });

  it('lets the caller name the framework key and version', () => {
    const imported = casePackageToBundle(exportText(), 'x.json', { key: 'partner', label: 'v2' });
    expect(imported.framework).toMatchObject({ key: 'partner', label: 'v2', source: 'case' });
  });

  it('imports a package from another tool sensibly', () => {
    const documentId = '9f0c1e4a-0000-4000-8000-000000000001';
    const foreign = {
      CFDocument: {
        identifier: documentId,
        uri: `https://case.example.org/CFDocuments/${documentId}`,
        creator: 'Provincial Education Department',
        title: '软件技术专业能力标准',
        version: '2025',
        lastChangeDateTime: '2025-06-01T00:00:00+00:00',
        CFPackageURI: { title: 'pkg', identifier: documentId, uri: 'https://case.example.org/pkg' },
        adoptionStatus: 'Adopted',
      },
      CFItems: [
        {
          identifier: 'A1',
          fullStatement: '程序设计能力',
          CFItemType: 'Domain',
          humanCodingScheme: 'SE.1',
          language: 'en',
          alternativeLabel: 'Programming',
          lastChangeDateTime: '2025-06-01T00:00:00+00:00',
        },
        {
          identifier: 'A2',
          fullStatement: 'Writes unit tests for the code they change',
          abbreviatedStatement: 'Unit testing',
          CFItemType: 'Standard',
          humanCodingScheme: 'SE.1.1',
          conceptKeywords: ['单元测试', 'TDD'],
          notes: 'Includes test doubles.',
          educationLevel: ['13'],
          unknownVendorField: { anything: true },
        },
        { identifier: 'A3', fullStatement: '软件工程知识', CFItemType: 'Knowledge', humanCodingScheme: 'DUP' },
        {
          identifier: 'A4',
          fullStatement: '职业素养',
          CFItemType: 'Disposition',
          humanCodingScheme: 'DUP',
          notes: null,
        },
      ],
      CFAssociations: [
        {
          associationType: 'isChildOf',
          originNodeURI: { title: '程序设计能力', identifier: 'A1', uri: 'x' },
          destinationNodeURI: { title: 'doc', identifier: documentId.toUpperCase(), uri: 'x' },
        },
        {
          associationType: 'isChildOf',
          originNodeURI: { title: 'Unit testing', identifier: 'a2', uri: 'x' },
          destinationNodeURI: { title: '程序设计能力', identifier: 'A1', uri: 'x' },
        },
        {
          associationType: 'isRelatedTo',
          originNodeURI: { title: '', identifier: 'A2', uri: 'x' },
          destinationNodeURI: { title: 'elsewhere', identifier: 'other-framework-item', uri: 'x' },
        },
        {
          associationType: 'precedes',
          originNodeURI: { title: '', identifier: 'A3', uri: 'x' },
          destinationNodeURI: { title: '', identifier: 'A2', uri: 'x' },
        },
        {
          associationType: 'exactMatchOf',
          originNodeURI: { title: '', identifier: 'A2', uri: 'x' },
          destinationNodeURI: {
            title: 'ESCO',
            identifier: 'esco',
            uri: 'http://data.europa.eu/esco/skill/7f8b9c2d-1111-4222-8333-944455566677',
          },
        },
      ],
    };
    const bundle = casePackageToBundle(JSON.stringify(foreign, null, 2), 'foreign.json');

    expect(bundle.framework).toEqual({
      key: `case-9f0c1e4a`,
      label: '2025',
      titleZh: '软件技术专业能力标准',
      titleEn: '软件技术专业能力标准',
      source: 'case',
      releaseNotes: '',
    });
    expect(bundle.levels).toEqual([]);
    const [programming, testing, knowledge, quality] = bundle.competencies;
    expect(programming).toMatchObject({
      id: 'SE.1',
      isGroup: true,
      labelZh: '程序设计能力',
      labelEn: 'Programming',
      caseGuid: 'A1',
    });
    expect(testing).toMatchObject({
      id: 'SE.1.1',
      type: 'skill',
      isGroup: false,
      labelZh: '单元测试',
      labelEn: 'Writes unit tests for the code they change',
      aliasesEn: ['Unit testing', 'TDD'],
      aliasesZh: [],
      descriptionEn: 'Includes test doubles.',
      escoUri: 'http://data.europa.eu/esco/skill/7f8b9c2d-1111-4222-8333-944455566677',
    });
    // A humanCodingScheme used twice cannot be an id: the identifier stands in.
    expect(knowledge).toMatchObject({ id: 'A3', type: 'knowledge', labelZh: '软件工程知识', labelEn: null });
    expect(quality).toMatchObject({ id: 'A4', type: 'attitude' });
    expect(bundle.relations).toEqual([{ fromId: 'SE.1.1', toId: 'SE.1', kind: 'broader' }]);
  });

  it('derives a stable key from an English title', () => {
    const text = JSON.stringify({
      CFDocument: {
        identifier: 'd',
        title: 'Cyber Security Framework (NICE)',
        lastChangeDateTime: '2024-02-03T00:00:00Z',
      },
      CFItems: [{ identifier: 'i', fullStatement: 'Threat analysis' }],
    });
    expect(casePackageToBundle(text, 'nice.json').framework).toMatchObject({
      key: 'cyber-security-framework-nice',
      label: '2024-02-03',
    });
  });

  describe('rejects bad input naming FILE:LINE:FIELD', () => {
    it('malformed JSON', () => {
      const text = '{\n  "CFDocument": {\n    "identifier": "d",\n  }\n}';
      const error = failureOf(() => casePackageToBundle(text, 'broken.json'));
      expect(error.details).toMatchObject({ file: 'broken.json', line: 4, field: '(json)' });
      expect(error.message).toMatch(/^broken\.json:4:\(json\): not valid JSON/);
    });

    it('missing CFItems', () => {
      const text = JSON.stringify({ CFDocument: { identifier: 'd', title: 'T' } }, null, 2);
      const error = failureOf(() => casePackageToBundle(text, 'no-items.json'));
      expect(error.details).toMatchObject({ file: 'no-items.json', line: 1, field: 'CFItems' });
    });

    it('an item without fullStatement', () => {
      const casePackage = bundleToCasePackage(buildTestBundle(), { baseUri: BASE, now: NOW });
      const text = exportText(casePackage).replace('"fullStatement": "数据清洗"', '"fullStatement": ""');
      const error = failureOf(() => casePackageToBundle(text, 'empty.json'));
      expect(error.details).toMatchObject({
        field: 'CFItems[2].fullStatement',
        line: lineOf(text, '"fullStatement": ""'),
      });
    });

    it('a broken Zerodock extension', () => {
      const text = exportText().replace('"type": "attitude"', '"type": "feeling"');
      const error = failureOf(() => casePackageToBundle(text, 'ext.json'));
      expect(error.details).toMatchObject({
        field: 'CFItems[5].extensions.zerodock.type',
        line: lineOf(text, '"feeling"'),
      });
    });

    it('a duplicate item identifier', () => {
      const casePackage = bundleToCasePackage(buildTestBundle(), { baseUri: BASE, now: NOW });
      casePackage.CFItems[3]!.identifier = casePackage.CFItems[1]!.identifier.toUpperCase();
      const text = exportText(casePackage);
      const error = failureOf(() => casePackageToBundle(text, 'dup.json'));
      expect(error.details).toMatchObject({ field: 'CFItems[3].identifier' });
      expect(error.message).toContain('already used by CFItems[1]');
    });

    it('an isChildOf pointing at an unknown item (dangling)', () => {
      const casePackage = bundleToCasePackage(buildTestBundle(), { baseUri: BASE, now: NOW });
      const index = casePackage.CFAssociations.findIndex(
        (association) => association.associationType === 'isChildOf' && association.sequenceNumber === 2,
      );
      casePackage.CFAssociations[index]!.destinationNodeURI.identifier = 'no-such-item';
      const text = exportText(casePackage);
      const error = failureOf(() => casePackageToBundle(text, 'dangling.json'));
      expect(error.details).toMatchObject({
        file: 'dangling.json',
        field: `CFAssociations[${index}].destinationNodeURI`,
        line: lineOf(text, '"destinationNodeURI"', index),
      });
      expect(error.message).toContain('no-such-item');
    });

    it('a cycle of isChildOf associations', () => {
      const casePackage = bundleToCasePackage(buildTestBundle(), { baseUri: BASE, now: NOW });
      const [pythonToGroup] = casePackage.CFAssociations;
      // it-foundation isChildOf data-cleaning closes it-foundation ← data-cleaning ← it-foundation.
      const groupRoot = casePackage.CFAssociations.findIndex(
        (association) =>
          association.associationType === 'isChildOf' &&
          association.originNodeURI.identifier === pythonToGroup!.destinationNodeURI.identifier,
      );
      const dataCleaning = casePackage.CFItems.find((item) => item.humanCodingScheme === 'data-cleaning')!;
      casePackage.CFAssociations[groupRoot]!.destinationNodeURI = {
        title: dataCleaning.fullStatement,
        identifier: dataCleaning.identifier,
        uri: dataCleaning.uri ?? '',
      };
      const text = exportText(casePackage);
      const error = failureOf(() => casePackageToBundle(text, 'cycle.json'));
      const field = String(error.details.field);
      expect(field).toMatch(/^CFAssociations\[\d+\]$/);
      const index = Number(/\d+/.exec(field)![0]);
      expect(casePackage.CFAssociations[index]!.associationType).toBe('isChildOf');
      const line = Number(error.details.line);
      expect(text.split('\n')[line - 1]!.trim()).toBe('{');
      expect(text.split('\n')[line]).toContain(`"identifier": "${casePackage.CFAssociations[index]!.identifier}"`);
      expect(error.message).toContain('cycle.json:');
      expect(error.message).toMatch(/cycle: (it-foundation|data-cleaning) → .* → \1/);
    });
  });
});

describe('caseUuid', () => {
  it('is RFC 4122 version 5 (the Python documentation example)', () => {
    expect(caseUuid('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});
