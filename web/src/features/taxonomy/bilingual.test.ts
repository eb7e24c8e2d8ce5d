import { describe, expect, it } from 'vitest';
import { joinList, labelsInOrder, primaryLabel } from './bilingual.js';

describe('bilingual labels', () => {
  it('puts the UI language first and the other second', () => {
    expect(labelsInOrder('自动化测试', 'Automated testing', 'zh-CN')).toEqual(['自动化测试', 'Automated testing']);
    expect(labelsInOrder('自动化测试', 'Automated testing', 'en')).toEqual(['Automated testing', '自动化测试']);
  });

  it('falls back to the other language and drops a second label that is missing or the same', () => {
    expect(labelsInOrder(null, 'Automated testing', 'zh-CN')).toEqual(['Automated testing', null]);
    expect(labelsInOrder('Selenium', 'Selenium', 'en')).toEqual(['Selenium', null]);
    expect(labelsInOrder(undefined, '', 'en')).toEqual(['', null]);
  });

  it('uses the id when there is no label at all', () => {
    expect(primaryLabel({ id: 'selenium', labelZh: null, labelEn: null }, 'en')).toBe('selenium');
    expect(primaryLabel({ labelZh: null, labelEn: null }, 'en')).toBe('');
    expect(primaryLabel({ id: 'x', labelZh: '测试', labelEn: null }, 'en')).toBe('测试');
  });

  it('joins lists the way each language does', () => {
    expect(joinList(['甲', '乙'], 'zh-CN')).toBe('甲、乙');
    expect(joinList(['a', 'b'], 'en')).toBe('a, b');
  });
});
