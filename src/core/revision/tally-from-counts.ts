import { DemandTally } from './demand-tally.js';

/** Stored demand counts of one year: postings per (post, competency); competency '' = all the post's postings. */
export interface YearCounts {
  /** Per post of the group: competency key ('' = every posting of the post) → postings. */
  readonly posts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Over all postings (any post, unclassified included): competency key ('' = all postings) → postings. */
  readonly all: ReadonlyMap<string, number>;
}

/**
 * A DemandTally from stored counts instead of postings: the same figures `add` would have produced, since a
 * stored count is already "postings mentioning it at least once". Competencies kept are those `keep` accepts.
 * `overall: 'group'` (the product's revision) makes the all-postings rows the sum of the group's posts, so a trend
 * of other groups' posts (more supply-chain postings in the market) is never proposed to this group; `'all'` keeps
 * every posting of the year.
 */
export function tallyFromCounts(
  counts: YearCounts,
  keep: (competency: string) => boolean = () => true,
  overall: 'group' | 'all' = 'group',
): DemandTally {
  const tally = new DemandTally();
  if (overall === 'all') {
    tally.total = counts.all.get('') ?? 0;
    for (const [competency, postings] of counts.all) {
      if (competency !== '' && keep(competency) && postings > 0) tally.mentions.set(competency, postings);
    }
  } else {
    for (const byCompetency of counts.posts.values()) {
      tally.total += byCompetency.get('') ?? 0;
      for (const [competency, postings] of byCompetency) {
        if (competency === '' || !keep(competency) || postings <= 0) continue;
        tally.mentions.set(competency, (tally.mentions.get(competency) ?? 0) + postings);
      }
    }
  }
  for (const [post, byCompetency] of counts.posts) {
    const size = byCompetency.get('') ?? 0;
    if (size === 0) continue;
    tally.postings.set(post, size);
    const mentions = new Map<string, number>();
    for (const [competency, postings] of byCompetency) {
      if (competency !== '' && keep(competency) && postings > 0) mentions.set(competency, Math.min(postings, size));
    }
    tally.postMentions.set(post, mentions);
  }
  return tally;
}
