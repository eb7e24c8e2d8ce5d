import { beforeAll, describe, expect, it } from 'vitest';
import { buildMentionMatcher, type MentionMatcher } from '../../core/linking/exact/build-mention-matcher.js';
import { findMentions } from '../../core/linking/exact/find-mentions.js';
import { linkEntriesFromBundles } from '../../core/linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../../core/linking/link-entry.js';
import { readCuratedCatalogue } from '../curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../shared-data.js';
import { createZhSegmenter } from './jieba-segmenter.js';

let entries: LinkEntry[];
let matcher: MentionMatcher;
let segmentZh: (text: string) => string[];

beforeAll(async () => {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  entries = linkEntriesFromBundles([bundle]);
  matcher = buildMentionMatcher(entries);
  segmentZh = createZhSegmenter(
    entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh')).map((term) => term.text),
  );
});

/** `surface=competency id` for every mention. */
function found(text: string, segment = true): string[] {
  return findMentions(matcher, text, segment ? { segmentZh } : {}).map(
    (mention) => `${text.slice(mention.start, mention.end)}=${entries[mention.entry]!.id}`,
  );
}

describe('createZhSegmenter', () => {
  it('returns segments that concatenate to the input, emoji and Latin included', () => {
    const text = '招聘软件测试工程师 😀，熟悉 Java 和 SQL！';
    expect(segmentZh(text).join('')).toBe(text);
    expect(segmentZh('')).toEqual([]);
  });

  it('keeps our multi-character terms whole', () => {
    // Without the user word jieba cuts this into 测试用例 / 设计.
    expect(segmentZh('熟悉测试用例设计方法')).toContain('测试用例设计');
    expect(createZhSegmenter([])('熟悉测试用例设计方法')).not.toContain('测试用例设计');
  });
});

describe('findMentions with the jieba segmenter over the curated catalogue', () => {
  it('does not match a term inside a longer word', () => {
    // 编程 (programming) inside 编程语言 (programming language), 英语 inside 英语翻译.
    expect(found('会编程语言Python', false)).toContain('编程=programming-fundamentals');
    expect(found('会编程语言Python')).toEqual(['Python=python-programming']);
    expect(found('负责英语翻译和英语口语培训', false)).toContain('英语=english-communication');
    expect(found('负责英语翻译和英语口语培训')).toEqual(['英语口语=english-communication']);
  });

  it('links a realistic posting in Chinese and English', () => {
    expect(
      found(
        '招聘软件测试工程师，熟悉功能测试和测试用例设计；要求：熟悉Java开发、SQL优化、Linux运维，会写自动化测试脚本。',
      ),
    ).toEqual([
      '软件测试=software-testing-fundamentals',
      '功能测试=functional-testing',
      '测试用例设计=test-case-design',
      'Java开发=java-development',
      'SQL=sql-databases',
      'Linux运维=linux-administration',
      '自动化测试脚本=automated-testing',
    ]);
    expect(found('负责外贸单证、报关和国际货代')).toEqual([
      '外贸单证=trade-documentation',
      '报关=customs-declaration',
      '国际货代=freight-forwarding',
    ]);
  });
});
