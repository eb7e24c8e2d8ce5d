import { describe, expect, it } from 'vitest';
import { TermIndex } from './term-index.js';

const index = new TermIndex([
  {
    id: 'automated-testing',
    terms: [
      { text: '自动化测试', language: 'zh', kind: 'label' },
      { text: 'Automated testing', language: 'en', kind: 'label' },
      { text: 'Selenium', language: 'en', kind: 'alias' },
    ],
  },
  {
    id: 'software-testing',
    terms: [
      { text: '软件测试', language: 'zh', kind: 'label' },
      { text: 'Software testing', language: 'en', kind: 'label' },
      { text: 'QA', language: 'en', kind: 'alias' },
    ],
  },
  {
    id: 'warehouse-management',
    terms: [
      { text: '仓储管理', language: 'zh', kind: 'label' },
      { text: 'WMS', language: 'en', kind: 'alias' },
    ],
  },
]);

describe('TermIndex', () => {
  it('ranks an exact label first, then substrings', () => {
    const hits = index.search('软件测试');
    expect(hits[0]).toMatchObject({ id: 'software-testing', how: 'exact', score: 1 });
  });

  it('finds Chinese substrings of longer terms', () => {
    expect(index.search('测试').map((hit) => hit.id)).toEqual(['software-testing', 'automated-testing']);
  });

  it('matches aliases in both languages, case- and width-insensitively', () => {
    expect(index.search('ｗｍｓ')[0]).toMatchObject({ id: 'warehouse-management', matched: 'WMS', how: 'exact' });
    expect(index.search('selenium')[0]!.id).toBe('automated-testing');
  });

  it('tolerates typos', () => {
    expect(index.search('Selenuim')[0]).toMatchObject({ id: 'automated-testing', how: 'fuzzy' });
    expect(index.search('softwar testing')[0]!.id).toBe('software-testing');
  });

  it('filters and limits', () => {
    expect(index.search('测试', { limit: 1 })).toHaveLength(1);
    expect(index.search('测试', { accept: (id) => id !== 'software-testing' }).map((hit) => hit.id)).toEqual([
      'automated-testing',
    ]);
    expect(index.search('   ')).toEqual([]);
  });
});
