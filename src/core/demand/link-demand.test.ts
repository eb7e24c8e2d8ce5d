import { beforeAll, describe, expect, it } from 'vitest';
import { readCuratedCatalogue } from '../../interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../../interchange/shared-data.js';
import { createZhSegmenter } from '../../interchange/zh/jieba-segmenter.js';
import { linkEntriesFromBundles } from '../linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../linking/link-entry.js';
import { buildLinker, linkText, type Linker } from '../linking/link-text.js';
import { LINK_THRESHOLD, linkConfidence, linkDemand } from './link-demand.js';

let linker: Linker;
let entries: readonly LinkEntry[];

beforeAll(async () => {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  entries = linkEntriesFromBundles([bundle]);
  const zhTerms = entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh').map((term) => term.text));
  linker = buildLinker(entries, { segmentZh: createZhSegmenter(zhTerms) });
});

function decided(text: string) {
  return linkDemand(linker, text, { mode: 'full', top: 10 }).map((link) => ({
    id: entries[link.entry]!.id,
    linked: link.linked,
    confidence: link.confidence,
  }));
}

describe('linkDemand', () => {
  it('keeps linkText ranking and adds a decision to every entry', () => {
    const text = '岗位职责：使用Selenium编写自动化测试脚本，跟踪缺陷。';
    const ranked = linkText(linker, text, { mode: 'full', top: 10 });
    const links = linkDemand(linker, text, { mode: 'full', top: 10 });
    expect(links.map((link) => link.entry)).toEqual(ranked.map((link) => link.entry));
    for (const link of links) {
      expect(link.confidence).toBeGreaterThan(0);
      expect(link.confidence).toBeLessThan(1);
      if (link.linked) expect(link.confidence).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    }
    expect(decided(text).find((link) => link.id === 'test-automation-frameworks')?.linked).toBe(true);
    expect(links.some((link) => !link.linked)).toBe(true);
  });

  it('never links the benefits line 五险一金 as demand for 社保公积金政策', () => {
    for (const text of [
      '福利待遇：五险一金、带薪年假、年终奖',
      '五险一金，周末双休，包吃住',
      '岗位职责：\n1. 负责软件测试；\n福利待遇：\n五险一金',
      'Java开发工程师\n任职要求：熟悉Java。\n我们提供：五险一金',
    ]) {
      const link = decided(text).find((candidate) => candidate.id === 'social-insurance-housing-fund');
      expect(link === undefined || !link.linked, text).toBe(true);
    }
  });

  it('still links social insurance when the duty is to handle it', () => {
    const link = decided('岗位职责：负责员工五险一金的申报与缴纳核算').find(
      (candidate) => candidate.id === 'social-insurance-housing-fund',
    );
    expect(link?.linked).toBe(true);
  });

  it('links nothing in a sentence that asks for nothing', () => {
    for (const text of [
      '完成领导交办的其他工作。',
      '大专及以上学历，物流管理、供应链管理相关专业优先',
      '年龄35周岁以下',
      '薪资面议',
    ]) {
      expect(
        decided(text).filter((link) => link.linked),
        text,
      ).toEqual([]);
    }
  });

  it('gives an exact mention more confidence than a weak implicit guess', () => {
    expect(linkConfidence({ score: 0.9, evidence: 'exact' }, 0.9)).toBeGreaterThan(
      linkConfidence({ score: 0.2, evidence: 'implicit' }, 0.9),
    );
  });
});
