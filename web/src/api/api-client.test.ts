import { describe, expect, it } from 'vitest';
import { buildUrl } from './api-client.js';

describe('request URLs', () => {
  it('adds the query, leaving out absent and empty values', () => {
    expect(buildUrl('/api/demand/postings')).toBe('/api/demand/postings');
    expect(
      buildUrl('/api/demand/postings', { q: '测试 & QA', year: 2024, post: undefined, city: null, province: '' }),
    ).toBe('/api/demand/postings?q=%E6%B5%8B%E8%AF%95+%26+QA&year=2024');
  });

  it('keeps zero and false, which are values', () => {
    expect(buildUrl('/api/x', { offset: 0, released: false })).toBe('/api/x?offset=0&released=false');
  });
});
