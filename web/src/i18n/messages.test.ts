import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
  }
  return [];
}

describe('UI messages', () => {
  const english = leaves(en);

  it('English uses typographic apostrophes', () => {
    expect(english.filter(([, text]) => text.includes("'")).map(([key]) => key)).toEqual([]);
    // Not even between letters (“college's”), the case a reader notices.
    expect(english.filter(([, text]) => /\p{L}'\p{L}/u.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('English shows no Chinese, except the name of the Chinese language and an example of Chinese data', () => {
    // Province names are stored as the postings write them (in Chinese): the placeholder shows what to type.
    const allowed = new Set(['language.zh-CN', 'demand.filters.provincePlaceholder']);
    const han = english.filter(([key, text]) => /\p{Script=Han}/u.test(text) && !allowed.has(key));
    expect(han.map(([key]) => key)).toEqual([]);
  });

  it('nothing tells a person a page is still being built', () => {
    const unfinished = /being built|under construction|coming soon|正在建设|建设中|敬请期待/i;
    expect([...english, ...leaves(zhCN)].filter(([, text]) => unfinished.test(text)).map(([key]) => key)).toEqual([]);
  });
});
