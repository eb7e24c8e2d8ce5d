import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from './compare-names.js';

describe('compareNames', () => {
  it('sorts Chinese names by pinyin, not by code point', () => {
    const names = ['数据标注员', '测试工程师', '云运维工程师', '安全运维', '软件测试'];
    expect([...names].sort(compareNames('zh-CN'))).toEqual([
      '安全运维',
      '测试工程师',
      '软件测试',
      '数据标注员',
      '云运维工程师',
    ]);
    // Code-point order would put 云 (U+4E91) first.
    expect([...names].sort()[0]).toBe('云运维工程师');
  });

  it('sorts English names alphabetically, ignoring case, numbers in numeric order', () => {
    expect(['beta', 'Alpha', 'group 10', 'group 9'].sort(compareNames('en'))).toEqual([
      'Alpha',
      'beta',
      'group 9',
      'group 10',
    ]);
  });

  it('sorts objects by the name in the UI language', () => {
    const posts = [
      { zh: '运维', en: 'Operations' },
      { zh: '测试', en: 'Testing' },
    ];
    expect(sortByName(posts, (post) => post.zh, 'zh-CN').map((post) => post.zh)).toEqual(['测试', '运维']);
    expect(sortByName(posts, (post) => post.en, 'en').map((post) => post.en)).toEqual(['Operations', 'Testing']);
  });
});
