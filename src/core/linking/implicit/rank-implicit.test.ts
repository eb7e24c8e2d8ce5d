import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../interchange/csv/read-csv-records.js';
import { readCuratedCatalogue } from '../../../interchange/curated/read-curated-catalogue.js';
import { readEscoRelease } from '../../../interchange/esco/read-esco-release.js';
import { curatedCatalogueDir, sharedDataPath } from '../../../interchange/shared-data.js';
import { linkEntriesFromBundles } from '../link-entries-from-bundles.js';
import type { LinkEntry, LinkTerm } from '../link-entry.js';
import { buildImplicitIndex } from './build-implicit-index.js';
import { mergeSpans, rankImplicit } from './rank-implicit.js';

function buildEntry(overrides: Partial<LinkEntry> & { id: string }): LinkEntry {
  const labelEn = overrides.labelEn ?? null;
  const terms: LinkTerm[] = labelEn ? [{ text: labelEn, lang: 'en', kind: 'label' }] : [];
  return {
    key: `test:${overrides.id}`,
    esco: null,
    escoLabel: labelEn,
    labelZh: null,
    labelEn,
    terms,
    descriptionZh: null,
    descriptionEn: null,
    broaderLabels: [],
    occupationCount: 0,
    isGroup: false,
    ...overrides,
  };
}

const TOY: LinkEntry[] = [
  buildEntry({
    id: 'inventory',
    labelEn: 'manage inventory',
    terms: [
      { text: 'manage inventory', lang: 'en', kind: 'label' },
      { text: 'keep stock records', lang: 'en', kind: 'alias' },
    ],
    descriptionEn: 'Control inventory in balance of product availability and storage costs.',
    occupationCount: 40,
  }),
  buildEntry({ id: 'teams', labelEn: 'work in teams', descriptionEn: 'Collaborate with colleagues.' }),
  buildEntry({ id: 'java', labelEn: 'Java (computer programming)', broaderLabels: ['computer programming'] }),
  buildEntry({ id: 'records', labelEn: 'maintain records', descriptionEn: 'Keep written records of work.' }),
  buildEntry({ id: 'group', labelEn: 'managing inventories and stock', isGroup: true }),
];

describe('rankImplicit on a toy dictionary', () => {
  const index = buildImplicitIndex(TOY);

  it('finds a competency through its alias and description, with the matching words as spans', () => {
    const text = 'You will keep stock records accurate.';
    const hits = rankImplicit(index, text, 3);
    expect(TOY[hits[0]!.entry]!.id).toBe('inventory');
    expect(hits[0]!.spans.map(([start, end]) => text.slice(start, end))).toEqual(['keep stock records']);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });

  it('matches inflected forms through stemming', () => {
    const hits = rankImplicit(index, 'Worked within small teams', 1);
    expect(TOY[hits[0]!.entry]!.id).toBe('teams');
  });

  it('uses broader labels as context and never returns grouping concepts', () => {
    const hits = rankImplicit(index, 'computer programming and inventories', 10);
    expect(hits.map((hit) => TOY[hit.entry]!.id)).toContain('java');
    expect(hits.map((hit) => TOY[hit.entry]!.id)).not.toContain('group');
  });

  it('is deterministic, sorted best first, ties broken by entry index', () => {
    const twins = buildImplicitIndex([
      buildEntry({ id: 'a', labelEn: 'welding' }),
      buildEntry({ id: 'b', labelEn: 'welding' }),
    ]);
    const hits = rankImplicit(twins, 'welding', 2);
    expect(hits.map((hit) => hit.entry)).toEqual([0, 1]);
    expect(hits[0]!.score).toBe(hits[1]!.score);
    const text = 'maintain records and manage inventory in teams';
    expect(rankImplicit(index, text, 5)).toEqual(rankImplicit(buildImplicitIndex(TOY), text, 5));
    const scores = rankImplicit(index, text, 5).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('does not crash on empty, garbage or huge text', () => {
    expect(rankImplicit(index, '', 5)).toEqual([]);
    expect(rankImplicit(index, '!!! ### \u0000 \uFFFD', 5)).toEqual([]);
    expect(rankImplicit(index, 'manage inventory', 0)).toEqual([]);
    expect(rankImplicit(index, '\uD800 lone surrogate manage', 5).length).toBeGreaterThan(0);
    const huge = 'inventory teams records java '.repeat(20_000);
    const hits = rankImplicit(index, huge, 3);
    expect(hits).toHaveLength(3);
    expect(rankImplicit(buildImplicitIndex([]), 'manage inventory', 5)).toEqual([]);
  });
});

describe('mergeSpans', () => {
  it('sorts and merges overlapping or touching spans', () => {
    expect(
      mergeSpans([
        [5, 8],
        [0, 2],
        [2, 3],
        [6, 10],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });
});

describe('rankImplicit on the curated catalogue (Chinese and English)', async () => {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  const entries = linkEntriesFromBundles([bundle]);
  const index = buildImplicitIndex(entries);
  const topIds = (text: string) => rankImplicit(index, text, 5).map((hit) => entries[hit.entry]!.id);

  it('links a Chinese warehouse sentence to warehouse/inventory competencies', () => {
    const ids = topIds('负责仓库WMS系统的库存记录准确');
    expect(ids[0]).toBe('wms-operation');
    expect(ids).toContain('inventory-control');
  });

  it('links other Chinese and English sentences', () => {
    expect(topIds('熟练使用Excel进行数据透视分析')[0]).toBe('spreadsheet-data-analysis');
    expect(topIds('能够用英语与海外客户电话沟通，处理投诉')).toContain('customer-complaint-handling');
    expect(topIds('keep stock records accurate in the warehouse system')).toContain('inventory-control');
  });

  it('explains a link by the Chinese characters that matched', () => {
    const text = '负责仓库WMS系统的库存记录准确';
    const hit = rankImplicit(index, text, 1)[0]!;
    expect(hit.spans.map(([start, end]) => text.slice(start, end))).toContain('WMS系统');
  });
});

const benchmarkDir = sharedDataPath('esco-skill-linking-decorte');
const escoDir = sharedDataPath('esco-v1.1.1-en');
const reason = 'the shared datasets (esco-v1.1.1-en, esco-skill-linking-decorte) are not available';

describe.skipIf(benchmarkDir === null || escoDir === null)(
  `rankImplicit on ESCO v1.1.1 (skipped when ${reason})`,
  () => {
    it('reaches its R-Precision@5 floor on the Decorte TECH validation set', { timeout: 120_000 }, async () => {
      const entries = linkEntriesFromBundles([await readEscoRelease(escoDir!)]);
      const index = buildImplicitIndex(entries);
      const rows = await readCsvRecords(join(benchmarkDir!, 'tech_validation_annotations.csv'), {
        columns: ['sentence', 'label'],
      });
      const gold = new Map<string, Set<string>>();
      for (const { fields } of rows) {
        const labels = gold.get(fields.sentence) ?? new Set<string>();
        if (fields.label !== 'LABEL NOT PRESENT' && fields.label !== 'UNDERSPECIFIED') labels.add(fields.label);
        gold.set(fields.sentence, labels);
      }
      let sum = 0;
      let count = 0;
      for (const [sentence, labels] of gold) {
        if (labels.size === 0) continue;
        const top = rankImplicit(index, sentence, 5).map((hit) => entries[hit.entry]!.escoLabel);
        sum += top.filter((label) => label !== null && labels.has(label)).length / Math.min(5, labels.size);
        count++;
      }
      expect(count).toBe(75);
      expect(sum / count).toBeGreaterThanOrEqual(0.64);
    });
  },
);
