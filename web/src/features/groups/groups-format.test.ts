import { describe, expect, it } from 'vitest';
import type { ProposalDetailDto } from '../../api/contracts.js';
import {
  deltaColour,
  formatDelta,
  formatPercent,
  formatQuality,
  GROUP_COLOURS,
  groupColour,
  groupName,
  nearestPosts,
  postTitle,
  postsById,
  specialtiesByCode,
  specialtyName,
} from './groups-format.js';

type Groups = Pick<ProposalDetailDto, 'groups'>;

function detail(): Groups {
  return {
    groups: [
      {
        id: 'g1',
        posts: [{ id: 'tester', titleZh: '测试工程师', titleEn: 'Tester' }],
        specialties: [{ code: '510203', nameZh: '软件技术', nameEn: 'Software technology', servedPosts: ['tester'] }],
      },
      {
        id: 'g2',
        posts: [{ id: 'ops', titleZh: '运维工程师', titleEn: '' }],
        specialties: [{ code: '510202', nameZh: '计算机网络技术', nameEn: null, servedPosts: [] }],
      },
    ],
  } as unknown as Groups;
}

describe('specialty-group figures', () => {
  it('gives each group a colour, repeating after ten, also for odd indexes', () => {
    expect(groupColour(0)).toBe(GROUP_COLOURS[0]);
    expect(groupColour(10)).toBe(GROUP_COLOURS[0]);
    expect(groupColour(13)).toBe(GROUP_COLOURS[3]);
    expect(groupColour(-1)).toBe(GROUP_COLOURS[9]);
  });

  it('shows qualities with three decimals and a real minus, a dash when missing', () => {
    expect(formatQuality(0.41234)).toBe('0.412');
    expect(formatQuality(-0.05)).toBe('−0.050');
    expect(formatQuality(null)).toBe('—');
    expect(formatQuality(undefined)).toBe('—');
    expect(formatQuality(Number.NaN)).toBe('—');
  });

  it('shows shares as percentages', () => {
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatPercent(0.456, 1)).toBe('45.6%');
    expect(formatPercent(null)).toBe('—');
  });

  it('colours and signs a change in quality, ignoring rounding noise', () => {
    expect(deltaColour(0.4, 0.5)).toBe('#389e0d');
    expect(deltaColour(0.5, 0.4)).toBe('#cf1322');
    expect(deltaColour(0.5, 0.5 + 1e-12)).toBeUndefined();
    expect(formatDelta(0.4, 0.45)).toBe('+0.050');
    expect(formatDelta(0.45, 0.4)).toBe('−0.050');
    expect(formatDelta(0.4, 0.4)).toBe('±0.000');
  });

  it('names groups, posts and specialties in the UI language with a fallback', () => {
    expect(groupName({ name: { zh: '软件测试群', en: 'Software testing' } }, 'en')).toBe('Software testing');
    expect(groupName({ name: { zh: '软件测试群', en: '' } }, 'en')).toBe('软件测试群');
    expect(groupName({ name: { zh: '', en: 'Software testing' } }, 'zh-CN')).toBe('Software testing');
    expect(postTitle(undefined, 'tester', 'en')).toBe('tester');
    expect(postTitle({ titleZh: '运维工程师', titleEn: '' }, 'ops', 'en')).toBe('运维工程师');
    expect(postTitle({ titleZh: '', titleEn: '' }, 'ops', 'zh-CN')).toBe('ops');
    expect(specialtyName({ nameZh: '软件技术', nameEn: null }, 'en')).toBe('软件技术');
    expect(specialtyName({ nameZh: '软件技术', nameEn: 'Software technology' }, 'zh-CN')).toBe('软件技术');
  });

  it('indexes posts and specialties by their group', () => {
    const posts = postsById(detail());
    expect(posts.get('ops')).toEqual({ id: 'ops', titleZh: '运维工程师', titleEn: '', groupId: 'g2', groupIndex: 1 });
    const specialties = specialtiesByCode(detail());
    expect(specialties.get('510203')).toMatchObject({ groupId: 'g1', groupIndex: 0, servedPosts: ['tester'] });
    expect(specialties.size).toBe(2);
  });

  it('finds each post’s most similar other post, none when it shares nothing', () => {
    const nearest = nearestPosts({
      posts: ['a', 'b', 'c'],
      values: [
        [1, 0.4, 0.7],
        [0.4, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(nearest.get('a')).toEqual({ id: 'c', similarity: 0.7 });
    expect(nearest.get('b')).toEqual({ id: 'a', similarity: 0.4 });
    expect(nearest.has('c')).toBe(false);
  });
});
