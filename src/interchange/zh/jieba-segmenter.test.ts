import { beforeAll, describe, expect, it } from 'vitest';
import { buildMentionMatcher, type MentionMatcher } from '../../core/linking/exact/build-mention-matcher.js';
import { findMentions, isClauseBreak } from '../../core/linking/exact/find-mentions.js';
import { linkEntriesFromBundles } from '../../core/linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../../core/linking/link-entry.js';
import { readCuratedCatalogue } from '../curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../shared-data.js';
import { generatePostings } from '../postings/generate-postings.js';
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
    // 英语 (English) inside 英语翻译 (English translation) is not a mention of English communication.
    expect(found('负责英语翻译和英语口语培训', false)).toContain('英语=english-communication');
    const segmented = found('负责英语翻译和英语口语培训');
    expect(segmented).toContain('英语口语=english-communication');
    expect(segmented).not.toContain('英语=english-communication');
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
      'SQL优化=database-administration',
      'Linux运维=linux-administration',
      '自动化测试脚本=automated-testing',
    ]);
    expect(found('负责外贸单证、报关和国际货代')).toEqual([
      '外贸单证=trade-documentation',
      '报关=customs-declaration',
      '国际货代=freight-forwarding',
    ]);
  });

  it('segments a clause exactly as it segments the whole text (the scanner segments clauses only)', () => {
    const boundaries = (text: string, segments: readonly string[], offset = 0, into = new Set<number>()) => {
      let at = offset;
      for (const segment of segments) {
        into.add(at);
        at += segment.length;
      }
      into.add(at);
      return into;
    };
    let clauses = 0;
    for (const posting of generatePostings({ count: 200, seed: 7 })) {
      const text = `${posting.title}\n${posting.text}`;
      const whole = boundaries(text, segmentZh(text));
      const pieces = new Set<number>();
      let from = 0;
      for (let index = 0; index <= text.length; index++) {
        if (index < text.length && !isClauseBreak(text.charCodeAt(index))) continue;
        if (index > from) {
          boundaries(text, segmentZh(text.slice(from, index)), from, pieces);
          clauses++;
        }
        from = index + 1;
      }
      // Every boundary of a clause is a boundary of the whole text, and inside clauses they are the same.
      for (const at of pieces) expect(whole.has(at), `${text} @${at}`).toBe(true);
      for (const at of whole) {
        if (
          at > 0 &&
          at < text.length &&
          !isClauseBreak(text.charCodeAt(at)) &&
          !isClauseBreak(text.charCodeAt(at - 1))
        )
          expect(pieces.has(at), `${text} @${at}`).toBe(true);
      }
    }
    expect(clauses).toBeGreaterThan(1000);
  });
});
