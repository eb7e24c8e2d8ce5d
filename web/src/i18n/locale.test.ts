import { describe, expect, it } from 'vitest';
import { isLocale, otherLocale } from './locale.js';

describe('UI languages', () => {
  it('knows the two UI languages and switches between them', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('en-US')).toBe(false);
    expect(isLocale(null)).toBe(false);
    expect(otherLocale('zh-CN')).toBe('en');
    expect(otherLocale('en')).toBe('zh-CN');
  });
});
