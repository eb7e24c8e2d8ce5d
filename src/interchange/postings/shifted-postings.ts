import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { curatedCatalogueDir } from '../shared-data.js';
import { mulberry32 } from './generate-postings.js';

/** A competency's share of one post's postings in each period: the ground truth of a revision simulation. */
export interface ShiftSpec {
  readonly post: string;
  readonly competency: string;
  readonly before: number;
  readonly after: number;
}

export interface ShiftedPostings {
  /** `zerodock plan`/`revise` posts input: the posts with their curated requirements and labels. */
  readonly posts: { id: string; label: string; labelEn: string; competencies: { id: string; weight: number }[] }[];
  readonly before: { id: string; title: string; text: string }[];
  readonly after: { id: string; title: string; text: string }[];
  /** Every competency's share per post and period (the injected shifts included). */
  readonly truth: ShiftSpec[];
}

interface CatalogueCompetency {
  id: string;
  labelZh: string;
  labelEn: string;
  aliasesZh?: string[];
}

/**
 * Two periods of Chinese postings for the given curated posts, each competency of a post asked for with a known
 * probability (its weight × `baseShare`), with `shifts` overriding chosen (post, competency) shares in one or both
 * periods. The text names competencies by their catalogue labels and aliases: it measures the revision's
 * statistics and its speed, not linking (evaluation on it is circular for linking, and says so).
 */
export function shiftedPostings(options: {
  posts: readonly string[];
  postingsPerPeriod: number;
  shifts: readonly ShiftSpec[];
  seed: number;
  baseShare?: number;
  /** Free-text requirement lines (e.g. a term no framework knows) with their share of a post's postings per period. */
  lines?: readonly { post: string; text: string; before: number; after: number }[];
}): ShiftedPostings {
  const dir = curatedCatalogueDir();
  const competencies = new Map<string, CatalogueCompetency>();
  for (const file of readdirSync(join(dir, 'competencies'))) {
    const parsed = JSON.parse(readFileSync(join(dir, 'competencies', file), 'utf8')) as {
      competencies: CatalogueCompetency[];
    };
    for (const competency of parsed.competencies) competencies.set(competency.id, competency);
  }
  const random = mulberry32(options.seed);
  const baseShare = options.baseShare ?? 0.6;
  const posts = options.posts.map((id) => {
    const post = JSON.parse(readFileSync(join(dir, 'posts', `${id}.json`), 'utf8')) as {
      id: string;
      titleZh: string;
      titleEn: string;
      requirements: { competency: string; weight: number }[];
    };
    return post;
  });
  const truth: ShiftSpec[] = [];
  for (const post of posts) {
    for (const requirement of post.requirements) {
      const share = Math.min(0.95, requirement.weight * baseShare);
      truth.push({ post: post.id, competency: requirement.competency, before: share, after: share });
    }
  }
  for (const shift of options.shifts) {
    const existing = truth.find((t) => t.post === shift.post && t.competency === shift.competency);
    if (existing) truth.splice(truth.indexOf(existing), 1, shift);
    else truth.push(shift);
  }
  const write = (period: 'before' | 'after') => {
    const postings: { id: string; title: string; text: string }[] = [];
    for (let index = 0; index < options.postingsPerPeriod; index += 1) {
      const post = posts[index % posts.length]!;
      const lines: string[] = [];
      for (const spec of truth) {
        if (spec.post !== post.id || random() >= spec[period]) continue;
        const competency = competencies.get(spec.competency);
        if (!competency) continue;
        const names = [competency.labelZh, ...(competency.aliasesZh ?? [])];
        const name = names[Math.floor(random() * names.length)]!;
        const verb = ['熟悉', '掌握', '具备', '有'][Math.floor(random() * 4)]!;
        lines.push(`${lines.length + 1}. ${verb}${name}${verb === '有' ? '经验' : ''}；`);
      }
      for (const extra of options.lines ?? []) {
        if (extra.post === post.id && random() < extra[period]) lines.push(`${lines.length + 1}. ${extra.text}；`);
      }
      postings.push({
        id: `${period}-${index + 1}`,
        title: post.titleZh,
        text: `任职要求：\n${lines.join('\n')}\n福利待遇：五险一金，带薪年假。`,
      });
    }
    return postings;
  };
  return {
    posts: posts.map((post) => ({
      id: post.id,
      label: post.titleZh,
      labelEn: post.titleEn,
      competencies: post.requirements.map((r) => ({ id: r.competency, weight: r.weight })),
    })),
    before: write('before'),
    after: write('after'),
    truth,
  };
}
