import { describe, expect, it } from 'vitest';
import { buildUrl, fileNameFromDisposition } from './api-client.js';

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

describe('downloaded file names', () => {
  it('prefers the UTF-8 name, then the plain one', () => {
    expect(
      fileNameFromDisposition(`attachment; filename="codes.xlsx"; filename*=UTF-8''%E6%BF%80%E6%B4%BB%E7%A0%81.xlsx`),
    ).toBe('激活码.xlsx');
    expect(fileNameFromDisposition('attachment; filename="roster.csv"')).toBe('roster.csv');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
