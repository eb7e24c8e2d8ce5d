import { describe, expect, it } from 'vitest';
import { searchTokens } from './search-tokens.js';

describe('searchTokens', () => {
  it('segments Chinese with jieba, finely for documents (every dictionary word inside a longer one)', () => {
    expect(searchTokens('软件测试工程师', 'document')).toEqual(['软件', '测试', '软件测试', '工程', '工程师']);
    expect(searchTokens('大数据分析师', 'document')).toEqual(['大', '数据', '分析', '分析师']);
  });

  it('keeps of a query word only what every document holding the word has', () => {
    // 数据分析 is 数据 + 分析: it still finds 大数据分析师, segmented 大数据 + 分析师.
    expect(searchTokens('数据分析', 'query')).toEqual(['数据', '分析']);
    // 工程师 is not 工程 + anything: kept.
    expect(searchTokens('工程师', 'query')).toEqual(['工程', '工程师']);
    const document = new Set(searchTokens('招聘大数据分析师与软件测试工程师', 'document'));
    for (const query of ['数据分析', '软件测试', '测试工程师', '分析师', '软件测试工程师']) {
      for (const token of searchTokens(query, 'query')) expect(document, `${query}: ${token}`).toContain(token);
    }
  });

  it('folds English (NFKC, lower case, Porter stems) and keeps C++ and C# apart from C', () => {
    expect(searchTokens('Software TESTING, automated tests', 'document')).toEqual(['softwar', 'test', 'autom']);
    expect(searchTokens('Ｊａｖａ C++ C# C', 'query')).toEqual(['java', 'cpp', 'csharp', 'c']);
    expect(searchTokens('Java开发2024年', 'document')).toEqual(['开发', '年', 'java', '2024']);
  });

  it('gives only letters and digits, each once, and nothing for punctuation', () => {
    const tokens = searchTokens('测试，测试！test-tests; x_y «über» 😀 %_\\ ' + 'a'.repeat(60), 'document');
    expect(tokens).toEqual(['测试', 'test', 'x', 'y', 'über']);
    for (const token of tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(searchTokens('，。!?%', 'query')).toEqual([]);
    expect(searchTokens('', 'document')).toEqual([]);
  });
});
