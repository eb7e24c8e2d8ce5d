import { benjaminiHochberg } from '../demand/trend-test.js';
import { compareStratified, compareTwoPeriods, type Stratum, type TwoPeriodTest } from './compare-two-periods.js';
import type { DemandTally } from './demand-tally.js';

export interface PeriodFigure {
  readonly postings: number;
  readonly share: number;
}

/** A competency's share of postings in two periods, for one post (or all postings when `post` is null). */
export interface DemandChange {
  readonly competency: string;
  readonly post: string | null;
  readonly before: PeriodFigure;
  readonly after: PeriodFigure;
  /** Postings of the post (or all) in each period: the shares' denominators. */
  readonly totals: { readonly before: number; readonly after: number };
  readonly direction: 'rising' | 'falling';
  readonly p: number;
  /** Benjamini–Hochberg q-value over every test of the run (competency and post-volume tests together). */
  readonly q: number;
  /** Cohen's h (signed). */
  readonly h: number;
  /** `cmh`: a row over all postings, tested within posts (Cochran–Mantel–Haenszel) so a change of the post mix is no change. */
  readonly method: 'fisher' | 'z' | 'cmh';
}

/** A post's share of all postings in two periods: a signal for enrolment (more or fewer students for it). */
export interface PostVolumeChange {
  readonly post: string;
  readonly before: PeriodFigure;
  readonly after: PeriodFigure;
  readonly direction: 'rising' | 'falling';
  readonly p: number;
  readonly q: number;
  readonly h: number;
}

export interface ChangeOptions {
  /** False-discovery rate (default 0.05). */
  readonly fdr?: number;
  /** A competency mentioned by fewer postings in the two periods together is not tested (default 5). */
  readonly minMentions?: number;
  /** A post with fewer postings in either period is tested only in the all-postings rows (default 10). */
  readonly minPostPostings?: number;
  /** Significant changes smaller than this |Cohen's h| are not reported: real but too small to act on (default 0.05). */
  readonly minEffect?: number;
}

export interface DemandChangeReport {
  /** Significant changes, strongest first (|h|, then q). */
  readonly changes: DemandChange[];
  readonly volume: PostVolumeChange[];
  /** Hypotheses tested (the size of the false-discovery family). */
  readonly tested: number;
  /** Per post, every competency's share of the post's postings in the later period (what weights are scaled by). */
  readonly postShares: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  readonly options: Required<ChangeOptions>;
}

export const DEFAULT_CHANGE_OPTIONS: Required<ChangeOptions> = {
  fdr: 0.05,
  minMentions: 5,
  minPostPostings: 10,
  minEffect: 0.05,
};

interface Hypothesis {
  readonly competency: string | null;
  readonly post: string | null;
  readonly a: number;
  readonly n: number;
  readonly b: number;
  readonly m: number;
  /** All-postings rows when postings have posts: the per-post tables (and the unassigned rest). */
  readonly strata?: Stratum[];
}

/**
 * What changed in demand between two periods. For every competency (over all postings, and within each post
 * with enough postings in both periods) its share of postings is compared (Fisher's exact test or the
 * two-proportion z-test), and each post's share of all postings likewise; the p-values of all these tests form one
 * family whose false-discovery rate is controlled by Benjamini–Hochberg. A change is reported when its q-value is
 * below the rate and its effect (Cohen's h) is at least `minEffect`: so two periods drawn from one distribution
 * give (almost) nothing, and a competency at 2 % of 40 postings is no trend.
 */
export function measureDemandChange(
  before: DemandTally,
  after: DemandTally,
  options: ChangeOptions = {},
): DemandChangeReport {
  const settings = { ...DEFAULT_CHANGE_OPTIONS, ...options };
  const hypotheses: Hypothesis[] = [];
  const competencies = [...new Set([...before.mentions.keys(), ...after.mentions.keys()])].sort();
  const posts = [...new Set([...before.postings.keys(), ...after.postings.keys()])].sort();
  const unassigned = (tally: DemandTally) => tally.total - posts.reduce((sum, post) => sum + tally.size(post), 0);
  for (const competency of competencies) {
    const a = before.count(null, competency);
    const b = after.count(null, competency);
    if (a + b < settings.minMentions) continue;
    const strata =
      posts.length === 0
        ? undefined
        : [
            ...posts.map((post) => ({
              a: before.count(post, competency),
              n: before.size(post),
              b: after.count(post, competency),
              m: after.size(post),
            })),
            {
              a: a - posts.reduce((sum, post) => sum + before.count(post, competency), 0),
              n: unassigned(before),
              b: b - posts.reduce((sum, post) => sum + after.count(post, competency), 0),
              m: unassigned(after),
            },
          ];
    hypotheses.push({ competency, post: null, a, n: before.total, b, m: after.total, ...(strata ? { strata } : {}) });
  }
  for (const post of posts) {
    const n = before.size(post);
    const m = after.size(post);
    if (before.total > 0 && after.total > 0) {
      hypotheses.push({ competency: null, post, a: n, n: before.total, b: m, m: after.total });
    }
    if (n < settings.minPostPostings || m < settings.minPostPostings) continue;
    const mentioned = [
      ...new Set([...(before.postMentions.get(post)?.keys() ?? []), ...(after.postMentions.get(post)?.keys() ?? [])]),
    ].sort();
    for (const competency of mentioned) {
      const a = before.count(post, competency);
      const b = after.count(post, competency);
      if (a + b < settings.minMentions) continue;
      hypotheses.push({ competency, post, a, n, b, m });
    }
  }
  const tests: TwoPeriodTest[] = hypotheses.map((hypothesis) =>
    hypothesis.strata
      ? compareStratified(hypothesis.strata)
      : compareTwoPeriods(hypothesis.a, hypothesis.n, hypothesis.b, hypothesis.m),
  );
  const q = benjaminiHochberg(tests.map((test) => test.p));
  const changes: DemandChange[] = [];
  const volume: PostVolumeChange[] = [];
  hypotheses.forEach((hypothesis, index) => {
    const test = tests[index]!;
    if (!(q[index]! < settings.fdr) || Math.abs(test.h) < settings.minEffect || test.h === 0) return;
    // Within posts one way, over all postings the other (Simpson's paradox): no honest single direction to show.
    const raw = hypothesis.b / hypothesis.m - hypothesis.a / hypothesis.n;
    if (hypothesis.strata && raw * test.h < 0) return;
    const figures = {
      before: { postings: hypothesis.a, share: hypothesis.a / hypothesis.n },
      after: { postings: hypothesis.b, share: hypothesis.b / hypothesis.m },
      direction: test.h > 0 ? ('rising' as const) : ('falling' as const),
      p: test.p,
      q: q[index]!,
      h: test.h,
    };
    if (hypothesis.competency === null) volume.push({ post: hypothesis.post!, ...figures });
    else
      changes.push({
        competency: hypothesis.competency,
        post: hypothesis.post,
        ...figures,
        totals: { before: hypothesis.n, after: hypothesis.m },
        method: test.method,
      });
  });
  const strongest = <T extends { h: number; q: number }>(x: T, y: T) => Math.abs(y.h) - Math.abs(x.h) || x.q - y.q;
  changes.sort(
    (x, y) => strongest(x, y) || (x.post ?? '').localeCompare(y.post ?? '') || x.competency.localeCompare(y.competency),
  );
  volume.sort((x, y) => strongest(x, y) || x.post.localeCompare(y.post));
  const postShares = new Map(
    [...after.postMentions].map(([post, counts]) => [
      post,
      [...counts].map(([competency, count]) => [competency, count / after.size(post)] as const),
    ]),
  );
  return { changes, volume, tested: hypotheses.length, postShares, options: settings };
}
