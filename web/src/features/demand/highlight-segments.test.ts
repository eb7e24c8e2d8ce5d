import { describe, expect, it } from 'vitest';
import type { LinkedCompetencyDto } from '../../api/contracts.js';
import { highlightSegments, mentionCount } from './highlight-segments.js';

function linked(overrides: Partial<LinkedCompetencyDto> & Pick<LinkedCompetencyDto, 'key'>): LinkedCompetencyDto {
  return {
    id: overrides.key.split(':')[1] ?? overrides.key,
    esco: null,
    labelZh: null,
    labelEn: null,
    score: 1,
    evidence: 'exact',
    spans: [],
    linked: true,
    ...overrides,
  };
}

describe('cutting a posting into highlighted runs', () => {
  it('leaves text without mentions as one plain run', () => {
    expect(highlightSegments('自动化测试', [])).toEqual([
      { start: 0, end: 5, text: '自动化测试', keys: [], evidence: null },
    ]);
  });

  it('keeps overlapping mentions apart and each run knows who covers it', () => {
    const text = 'Selenium automated testing';
    const segments = highlightSegments(text, [
      linked({ key: 'z:selenium', spans: [[0, 8]] }),
      linked({ key: 'z:testing', evidence: 'implicit', spans: [[0, 26]] }),
    ]);
    expect(segments.map((segment) => [segment.text, segment.keys, segment.evidence])).toEqual([
      ['Selenium', ['z:selenium', 'z:testing'], 'exact'],
      [' automated testing', ['z:testing'], 'implicit'],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('clips spans to the text and ignores empty or reversed ones', () => {
    const segments = highlightSegments('abc', [
      linked({
        key: 'z:a',
        spans: [
          [-2, 1],
          [2, 2],
          [3, 1],
          [2, 99],
        ],
      }),
    ]);
    expect(segments.map((segment) => [segment.text, segment.keys])).toEqual([
      ['a', ['z:a']],
      ['b', []],
      ['c', ['z:a']],
    ]);
  });

  it('merges neighbouring runs with the same cover', () => {
    const segments = highlightSegments('abcd', [
      linked({
        key: 'z:x',
        spans: [
          [0, 2],
          [2, 4],
        ],
      }),
    ]);
    expect(segments).toEqual([{ start: 0, end: 4, text: 'abcd', keys: ['z:x'], evidence: 'exact' }]);
  });

  it('counts only real mentions', () => {
    expect(
      mentionCount(
        linked({
          key: 'z:x',
          spans: [
            [0, 2],
            [3, 3],
            [5, 4],
          ],
        }),
      ),
    ).toBe(1);
  });
});
