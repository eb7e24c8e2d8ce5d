import { describe, expect, it } from 'vitest';
import type { LinkEntry } from '../link-entry.js';
import { buildScatterIndex, findScatteredMentions } from './find-scattered-mentions.js';

function entry(id: string, zh: string[], isGroup = false): LinkEntry {
  return {
    key: `test:${id}`,
    id,
    esco: null,
    escoLabel: null,
    labelZh: zh[0]!,
    labelEn: id,
    terms: zh.map((text, index) => ({ text, lang: 'zh' as const, kind: index === 0 ? 'label' : 'alias' })),
    descriptionZh: null,
    descriptionEn: null,
    broaderLabels: [],
    occupationCount: 0,
    isGroup,
  };
}

/** A toy segmenter: longest known word first, else one character. */
function segmenter(words: string[]): (text: string) => string[] {
  return (text) => {
    const out: string[] = [];
    let index = 0;
    while (index < text.length) {
      const word = words
        .filter((candidate) => text.startsWith(candidate, index))
        .sort((a, b) => b.length - a.length)[0];
      const piece = word ?? text[index]!;
      out.push(piece);
      index += piece.length;
    }
    return out;
  };
}

const ENTRIES = [
  entry('quality-data', ['质量数据分析']),
  entry('monitoring', ['系统监控']),
  entry('group', ['质量管理'], true),
  entry('short', ['数据']),
];
const segment = segmenter(['分析', '质量', '数据', '系统', '业务', '监控', '管理', '日志', '平台']);
const index = buildScatterIndex(ENTRIES);
const ids = (text: string, skip?: Set<number>) =>
  findScatteredMentions(index, text, segment, skip).map((mention) => ENTRIES[mention.entry]!.id);

describe('findScatteredMentions', () => {
  it('finds a term whose words come in another order or with a short word between them', () => {
    const text = '组织分析质量数据';
    const mentions = findScatteredMentions(index, text, segment);
    expect(mentions.map((mention) => ENTRIES[mention.entry]!.id)).toEqual(['quality-data']);
    expect(mentions[0]!.spans.map(([start, end]) => text.slice(start, end))).toEqual(['分析', '质量', '数据']);
    expect(ids('规划系统业务监控')).toEqual(['monitoring']);
  });

  it('does not join words across punctuation, list items or long gaps, and skips groups, short terms and skipped entries', () => {
    expect(ids('负责系统、日志监控')).toEqual([]);
    expect(ids('系统日志业务平台监控')).toEqual([]);
    expect(ids('管理质量')).toEqual([]);
    expect(ids('分析质量数据', new Set([0]))).toEqual([]);
  });
});
