import type { DemandChange, DemandChangeReport, PostVolumeChange } from './measure-demand-change.js';

/** The kinds of proposal, in the order ties are broken (the HTTP contract takes its enum from here). */
export const REVISION_PROPOSAL_KINDS = [
  'new-requirement',
  'weight-change',
  'requirement-dropped',
  'course-content-update',
  'new-course',
  'course-retired',
  'enrolment-signal',
] as const;

export type RevisionProposalKind = (typeof REVISION_PROPOSAL_KINDS)[number];

/** A post of the group as the revision sees it: its requirements and their weights (0–1). */
export interface RevisionPost {
  readonly id: string;
  readonly competencies: readonly { readonly id: string; readonly weight: number }[];
}

/** A course of the current course system: which students take it (platform: all; module/elective: a post's). */
export interface RevisionCourse {
  readonly id: string;
  readonly kind: 'platform' | 'module' | 'elective';
  /** The posts whose students take it (module courses); empty for platform and group electives (everyone's). */
  readonly posts: readonly string[];
  readonly competencies: readonly string[];
  /** Teaching semester (1-based), when planned. */
  readonly semester?: number;
}

export interface ProposalEvidence {
  readonly changes: readonly Pick<DemandChange, 'competency' | 'post' | 'before' | 'after' | 'direction' | 'q' | 'h'>[];
  /** The post's current weight for the competency (null: not a requirement). */
  readonly currentWeight?: number | null;
  /** The weight the evidence suggests (null: drop). */
  readonly suggestedWeight?: number | null;
  /** Post volume (enrolment signal): the post's share of all postings. */
  readonly volume?: Pick<PostVolumeChange, 'before' | 'after' | 'direction' | 'q' | 'h'>;
  /** Courses elsewhere in the system that already teach it (a new course may rather share one of them). */
  readonly taughtElsewhere?: readonly string[];
  /** Posts that still require a competency this proposal lowers in a shared course. */
  readonly stillRequiredBy?: readonly string[];
}

export interface ProposalImpact {
  /** Courses whose content or existence the proposal touches. */
  readonly courses: readonly string[];
  /** Posts whose requirements or students it touches. */
  readonly posts: readonly string[];
  /** Semesters of the plan that hold those courses. */
  readonly semesters: readonly number[];
}

export interface RevisionProposal {
  readonly rank: number;
  readonly kind: RevisionProposalKind;
  /** raise / lower (weight change), add / drop, update (course content), create / retire, grow / shrink (enrolment). */
  readonly action: 'raise' | 'lower' | 'add' | 'drop' | 'update' | 'create' | 'retire' | 'grow' | 'shrink';
  readonly post: string | null;
  readonly course: string | null;
  readonly competencies: readonly string[];
  /** Ranking score: |Cohen's h| of the strongest change behind it, times the kind's weight (see KIND_WEIGHT). */
  readonly score: number;
  readonly evidence: ProposalEvidence;
  readonly impact: ProposalImpact;
}

/**
 * How much a proposal of each kind matters beside its effect size: a gap (something asked for that nobody teaches,
 * or something taught that nobody asks for) ranks above a re-weighting of what is already there.
 */
export const KIND_WEIGHT: Record<RevisionProposalKind, number> = {
  'new-requirement': 1,
  'new-course': 1,
  'requirement-dropped': 1,
  'course-retired': 1,
  'course-content-update': 0.9,
  'weight-change': 0.8,
  'enrolment-signal': 0.7,
};

export interface ProposalOptions {
  /** A requirement whose share falls below this, or below a quarter of what it was, is dropped (default 0.02). */
  readonly dropShare?: number;
  /** Weight changes smaller than this are not proposed (default 0.1). */
  readonly minWeightStep?: number;
}

type Draft = Omit<RevisionProposal, 'rank'>;

const round = (value: number, step = 0.05) => Math.round(value / step) * step;
const clampWeight = (value: number) => Math.min(1, Math.max(0.1, Number(round(value).toFixed(2))));

/**
 * Turns the significant demand changes of a group into ranked revision proposals, each with its evidence and
 * impact. Per post: a rising competency it does not require → new requirement (and a new course when nothing its
 * students take teaches it); a rising one it requires at a low weight → raise the weight; a falling one it
 * requires → lower the weight, or drop it when the postings have (almost) stopped asking, and update every course
 * its students take that teaches it (retire the course when every competency it teaches is dropped by every post
 * it serves). A rising competency of all postings that no post requires is a candidate new requirement of the
 * group (post null). A post whose share of postings rises or falls is an enrolment signal. Pure; deterministic.
 */
export function deriveRevisionProposals(
  report: DemandChangeReport,
  posts: readonly RevisionPost[],
  courses: readonly RevisionCourse[],
  options: ProposalOptions = {},
): RevisionProposal[] {
  const dropShare = options.dropShare ?? 0.02;
  const minStep = options.minWeightStep ?? 0.1;
  const weightOf = new Map(posts.map((post) => [post.id, new Map(post.competencies.map((c) => [c.id, c.weight]))]));
  const takenBy = (course: RevisionCourse, post: string) => course.posts.length === 0 || course.posts.includes(post);
  const teaching = (competency: string) => courses.filter((course) => course.competencies.includes(competency));
  const semestersOf = (ids: readonly string[]) =>
    [
      ...new Set(
        courses.filter((course) => ids.includes(course.id) && course.semester !== undefined).map((c) => c.semester!),
      ),
    ].sort((a, b) => a - b);
  const evidenceOf = (change: DemandChange) => ({
    competency: change.competency,
    post: change.post,
    before: change.before,
    after: change.after,
    direction: change.direction,
    q: change.q,
    h: change.h,
  });
  const drafts: Draft[] = [];
  const dropped = new Map<string, Set<string>>(); // post → competencies dropped
  const lowered = new Map<string, DemandChange[]>(); // competency → falling changes of posts requiring it
  const untaught = new Map<string, DemandChange[]>(); // post → rising competencies nothing its students take teaches

  for (const change of report.changes) {
    if (change.post === null) continue;
    const weights = weightOf.get(change.post);
    if (!weights) continue;
    const current = weights.get(change.competency) ?? null;
    const strength = Math.abs(change.h);
    const teachers = teaching(change.competency);
    if (change.direction === 'rising') {
      const reference = referenceShare(report, change.post, weights);
      const suggested = clampWeight(reference > 0 ? change.after.share / reference : 0.5);
      const taught = teachers.filter((course) => takenBy(course, change.post!)).map((course) => course.id);
      if (current === null) {
        drafts.push({
          kind: 'new-requirement',
          action: 'add',
          post: change.post,
          course: taught[0] ?? null,
          competencies: [change.competency],
          score: strength * KIND_WEIGHT['new-requirement'],
          evidence: { changes: [evidenceOf(change)], currentWeight: null, suggestedWeight: suggested },
          impact: { courses: taught, posts: [change.post], semesters: semestersOf(taught) },
        });
      } else if (suggested >= current + minStep) {
        drafts.push({
          kind: 'weight-change',
          action: 'raise',
          post: change.post,
          course: null,
          competencies: [change.competency],
          score: strength * KIND_WEIGHT['weight-change'],
          evidence: { changes: [evidenceOf(change)], currentWeight: current, suggestedWeight: suggested },
          impact: { courses: taught, posts: [change.post], semesters: semestersOf(taught) },
        });
      }
      if (taught.length === 0) untaught.set(change.post, [...(untaught.get(change.post) ?? []), change]);
      continue;
    }
    if (current === null) continue;
    const drop = change.after.share < Math.max(dropShare, change.before.share / 4);
    const ratio = change.before.share > 0 ? change.after.share / change.before.share : 0;
    const suggested = drop ? null : clampWeight(Math.min(current - minStep, current * ratio));
    if (drop) dropped.set(change.post, new Set([...(dropped.get(change.post) ?? []), change.competency]));
    lowered.set(change.competency, [...(lowered.get(change.competency) ?? []), change]);
    const affected = teachers.filter((course) => takenBy(course, change.post!)).map((course) => course.id);
    drafts.push({
      kind: drop ? 'requirement-dropped' : 'weight-change',
      action: drop ? 'drop' : 'lower',
      post: change.post,
      course: null,
      competencies: [change.competency],
      score: strength * KIND_WEIGHT[drop ? 'requirement-dropped' : 'weight-change'],
      evidence: { changes: [evidenceOf(change)], currentWeight: current, suggestedWeight: suggested },
      impact: { courses: affected, posts: [change.post], semesters: semestersOf(affected) },
    });
  }

  // Courses: retire one when every competency it teaches is dropped by every post it serves; otherwise update
  // the content of each course that teaches a lowered or dropped competency to a post's students.
  for (const course of courses) {
    const served = course.posts.length > 0 ? course.posts : posts.map((post) => post.id);
    const falling = course.competencies.filter((competency) =>
      (lowered.get(competency) ?? []).some((change) => served.includes(change.post!)),
    );
    if (falling.length === 0) continue;
    const changes = falling.flatMap((competency) =>
      (lowered.get(competency) ?? []).filter((change) => served.includes(change.post!)),
    );
    const strength = Math.max(...changes.map((change) => Math.abs(change.h)));
    const retire = course.competencies.every((competency) =>
      served.every((post) => !weightOf.get(post)?.has(competency) || dropped.get(post)?.has(competency)),
    );
    const stillRequiredBy = served.filter((post) =>
      falling.some((competency) => weightOf.get(post)?.has(competency) && !dropped.get(post)?.has(competency)),
    );
    const kind = retire ? 'course-retired' : 'course-content-update';
    drafts.push({
      kind,
      action: retire ? 'retire' : 'update',
      post: course.posts.length === 1 ? course.posts[0]! : null,
      course: course.id,
      competencies: falling,
      score: strength * KIND_WEIGHT[kind],
      evidence: { changes: changes.map(evidenceOf), stillRequiredBy },
      impact: { courses: [course.id], posts: served, semesters: semestersOf([course.id]) },
    });
  }

  // New courses: per post, the rising competencies its students are taught nowhere.
  for (const [post, changes] of [...untaught].sort(([a], [b]) => a.localeCompare(b))) {
    const competencies = changes.map((change) => change.competency);
    const elsewhere = [
      ...new Set(competencies.flatMap((competency) => teaching(competency).map((course) => course.id))),
    ];
    drafts.push({
      kind: 'new-course',
      action: 'create',
      post,
      course: null,
      competencies,
      score: Math.max(...changes.map((change) => Math.abs(change.h))) * KIND_WEIGHT['new-course'],
      evidence: { changes: changes.map(evidenceOf), taughtElsewhere: elsewhere },
      impact: { courses: [], posts: [post], semesters: [] },
    });
  }

  // The group: a competency rising over all postings that no post requires and no post-level change explains.
  const required = new Set(posts.flatMap((post) => post.competencies.map((c) => c.id)));
  const explained = new Set(report.changes.filter((c) => c.post !== null).map((c) => c.competency));
  for (const change of report.changes) {
    if (change.post !== null || change.direction !== 'rising') continue;
    if (required.has(change.competency) || explained.has(change.competency)) continue;
    const taught = teaching(change.competency).map((course) => course.id);
    drafts.push({
      kind: 'new-requirement',
      action: 'add',
      post: null,
      course: taught[0] ?? null,
      competencies: [change.competency],
      score: Math.abs(change.h) * KIND_WEIGHT['new-requirement'],
      evidence: { changes: [evidenceOf(change)], currentWeight: null },
      impact: { courses: taught, posts: [], semesters: semestersOf(taught) },
    });
  }

  for (const change of report.volume) {
    if (!weightOf.has(change.post)) continue;
    const taught = courses.filter((course) => course.posts.includes(change.post)).map((course) => course.id);
    drafts.push({
      kind: 'enrolment-signal',
      action: change.direction === 'rising' ? 'grow' : 'shrink',
      post: change.post,
      course: null,
      competencies: [],
      score: Math.abs(change.h) * KIND_WEIGHT['enrolment-signal'],
      evidence: {
        changes: [],
        volume: { before: change.before, after: change.after, direction: change.direction, q: change.q, h: change.h },
      },
      impact: { courses: taught, posts: [change.post], semesters: semestersOf(taught) },
    });
  }

  const kindOrder = (kind: RevisionProposalKind) => REVISION_PROPOSAL_KINDS.indexOf(kind);
  return drafts
    .sort(
      (a, b) =>
        b.score - a.score ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        (a.post ?? '').localeCompare(b.post ?? '') ||
        (a.course ?? '').localeCompare(b.course ?? '') ||
        a.competencies.join().localeCompare(b.competencies.join()),
    )
    .map((draft, index) => ({ rank: index + 1, ...draft }));
}

/**
 * The share at which a competency of this post deserves weight 1: the median later-period share of the post's
 * essential requirements (weight ≥ 0.75), or of all its requirements when none is essential or mentioned.
 */
function referenceShare(report: DemandChangeReport, post: string, weights: ReadonlyMap<string, number>): number {
  const shares = (filter: (weight: number) => boolean) =>
    report.postShares
      .get(post)
      ?.filter(([competency]) => filter(weights.get(competency) ?? 0) && weights.has(competency))
      .map(([, share]) => share)
      .sort((a, b) => a - b) ?? [];
  const essential = shares((weight) => weight >= 0.75).filter((share) => share > 0);
  const chosen = essential.length > 0 ? essential : shares(() => true).filter((share) => share > 0);
  if (chosen.length === 0) return 0;
  return chosen[Math.floor(chosen.length / 2)]!;
}
