import { describe, expect, it } from 'vitest';
import { matchesPostOption, postOptions } from './post-options.js';

const posts = [
  { id: 'test-engineer', titleZh: '测试工程师', titleEn: 'Test engineer', aliasesZh: ['软件测试'], aliasesEn: ['QA'] },
  { id: 'ops-engineer', titleZh: '运维工程师', titleEn: 'Operations engineer', aliasesZh: [], aliasesEn: [] },
  { id: 'no-english', titleZh: '数据标注员', titleEn: '', aliasesZh: [], aliasesEn: [] },
];

describe('post select options', () => {
  it('labels each post in the UI language with the other title second, sorted as that language reads', () => {
    const english = postOptions(posts, 'en');
    expect(english.map((option) => [option.value, option.label, option.secondary])).toEqual([
      ['ops-engineer', 'Operations engineer', '运维工程师'],
      ['test-engineer', 'Test engineer', '测试工程师'],
      ['no-english', '数据标注员', null],
    ]);
    const chinese = postOptions(posts, 'zh-CN');
    expect(chinese.map((option) => option.label)).toEqual(['测试工程师', '数据标注员', '运维工程师']);
    expect(chinese[0]?.secondary).toBe('Test engineer');
  });

  it('matches any title, alias or id, ignoring case and surrounding blanks', () => {
    const [option] = postOptions(posts.slice(0, 1), 'en');
    expect(matchesPostOption('qa', option)).toBe(true);
    expect(matchesPostOption(' 软件 ', option)).toBe(true);
    expect(matchesPostOption('TEST-ENGINEER', option)).toBe(true);
    expect(matchesPostOption('运维', option)).toBe(false);
    expect(matchesPostOption('x', undefined)).toBe(false);
  });
});
