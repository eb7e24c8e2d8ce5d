import type { ProposalDetailDto, SpecialtyGroupDto } from '../../api/contracts.js';

/** One colour per group, the same in the cards, the heatmap labels and the network. */
export const GROUP_COLOURS = [
  '#1f5fbf',
  '#d4380d',
  '#389e0d',
  '#722ed1',
  '#d48806',
  '#08979c',
  '#c41d7f',
  '#5b8c00',
  '#096dd9',
  '#ad4e00',
] as const;

/** The colour of the group at `index` (palette repeats after ten groups). */
export function groupColour(index: number): string {
  return GROUP_COLOURS[((index % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length] ?? '#1f5fbf';
}

/** A silhouette or cosine as the pages show it: three decimals, a real minus sign. */
export function formatQuality(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(3).replace('-', '−');
}

/** A 0–1 share as a percentage. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** Green when a change raises the quality, red when it lowers it. */
export function deltaColour(before: number, after: number): string | undefined {
  if (after > before + 1e-9) return '#389e0d';
  if (after < before - 1e-9) return '#cf1322';
  return undefined;
}

export function formatDelta(before: number, after: number): string {
  const delta = after - before;
  const text = Math.abs(delta).toFixed(3);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : '±0.000';
}

export function groupName(group: Pick<SpecialtyGroupDto, 'name'>, language: string): string {
  return language === 'en' ? group.name.en || group.name.zh : group.name.zh || group.name.en;
}

export interface PostInfo {
  id: string;
  titleZh: string;
  titleEn: string;
  groupId: string;
  groupIndex: number;
}

/** Every grouped post by id, with the group it is in. */
export function postsById(detail: Pick<ProposalDetailDto, 'groups'>): Map<string, PostInfo> {
  const posts = new Map<string, PostInfo>();
  detail.groups.forEach((group, groupIndex) => {
    for (const post of group.posts) {
      posts.set(post.id, { id: post.id, titleZh: post.titleZh, titleEn: post.titleEn, groupId: group.id, groupIndex });
    }
  });
  return posts;
}

export function postTitle(post: Pick<PostInfo, 'titleZh' | 'titleEn'> | undefined, id: string, language: string) {
  if (!post) return id;
  return (language === 'en' ? post.titleEn || post.titleZh : post.titleZh || post.titleEn) || id;
}

export interface SpecialtyInfo {
  code: string;
  nameZh: string;
  nameEn: string | null;
  servedPosts: readonly string[];
  groupId: string;
  groupIndex: number;
}

export function specialtiesByCode(detail: Pick<ProposalDetailDto, 'groups'>): Map<string, SpecialtyInfo> {
  const specialties = new Map<string, SpecialtyInfo>();
  detail.groups.forEach((group, groupIndex) => {
    for (const specialty of group.specialties) {
      specialties.set(specialty.code, {
        code: specialty.code,
        nameZh: specialty.nameZh,
        nameEn: specialty.nameEn,
        servedPosts: specialty.servedPosts,
        groupId: group.id,
        groupIndex,
      });
    }
  });
  return specialties;
}

export function specialtyName(specialty: Pick<SpecialtyInfo, 'nameZh' | 'nameEn'>, language: string): string {
  return language === 'en' ? specialty.nameEn || specialty.nameZh : specialty.nameZh;
}

export interface NearestPost {
  id: string;
  similarity: number;
}

/** For every post of the heatmap, the other post most similar to it (none when it is alone or shares nothing). */
export function nearestPosts(heatmap: ProposalDetailDto['heatmap']): Map<string, NearestPost> {
  const nearest = new Map<string, NearestPost>();
  heatmap.values.forEach((row, y) => {
    const id = heatmap.posts[y];
    if (id === undefined) return;
    let best: NearestPost | undefined;
    row.forEach((similarity, x) => {
      const other = heatmap.posts[x];
      if (x === y || other === undefined || similarity <= 0) return;
      if (!best || similarity > best.similarity) best = { id: other, similarity };
    });
    if (best) nearest.set(id, best);
  });
  return nearest;
}
