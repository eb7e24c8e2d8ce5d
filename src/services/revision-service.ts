import type { VoteRequest } from '../contracts/committee.js';
import type {
  CommitteeRevisionList,
  CreateRevisionBody,
  DecideProposalBody,
  RevisionChangeView,
  RevisionProposalView,
  RevisionResult,
  RevisionSummary,
  RevisionView,
} from '../contracts/revisions-api.js';
import type { Actor } from '../core/access/actor.js';
import { mayReadCommitteeMatter } from '../core/committee/committees-visible-to.js';
import { allCourses, type Course } from '../core/courses/course-system.js';
import { courseIdentity } from '../core/courses/course-identity.js';
import { DomainError } from '../core/errors/domain-error.js';
import {
  deriveRevisionProposals,
  type RevisionCourse,
  type RevisionPost,
} from '../core/revision/derive-revision-proposals.js';
import { describeProposal, type ProposalNames } from '../core/revision/describe-proposal.js';
import { measureDemandChange } from '../core/revision/measure-demand-change.js';
import {
  checkProposalDecision,
  checkRevisionSubmission,
  checkRevisionWithdrawal,
} from '../core/revision/revision-lifecycle.js';
import { tallyFromCounts, type YearCounts } from '../core/revision/tally-from-counts.js';
import type { CourseSystemRecord } from '../storage/repositories/course-system.repository.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { RevisionRecord, RevisionSummaryRecord } from '../storage/repositories/revision.repository.js';
import { requireCourseSystem } from './course-system-service.js';
import { chooseCommittee, castVoteIn, reviewOf, type CommitteeMatter } from './committee-service.js';
import { CURATED_FRAMEWORK_KEY } from './linker-cache.js';
import { snapshotActor } from './proposal-operations.js';
import { groupNameOf } from './present-proposal.js';
import type { ServiceContext } from './service-context.js';

/**
 * The yearly revision (年度动态调整) of a college's specialty group. The group is the one a course system was
 * planned for (the API's `groupId` is the course system's id): its posts with their weights, its courses and
 * semesters are the current state; the stored demand counts of the two years (only postings classified into the
 * group's posts count, for the per-post rows and the group's rows alike; curated competencies only) are
 * compared by core/revision, and the ranked proposals are kept with the revision, named in both languages.
 */

export type StoredProposal = Omit<RevisionProposalView, 'decision'>;
export type StoredRevision = RevisionRecord<RevisionChangeView, StoredProposal>;

const KEY_PREFIX = `${CURATED_FRAMEWORK_KEY}:`;
const round = (value: number) => Number(value.toPrecision(6));

export async function requireRevision(
  repositories: Repositories,
  organisationId: string,
  revisionId: string,
): Promise<StoredRevision> {
  const record = await repositories.revisions.find<RevisionChangeView, StoredProposal>(revisionId);
  if (!record || record.organisationId !== organisationId) {
    throw new DomainError('REVISION_NOT_FOUND', 'No such revision here.', { revisionId });
  }
  return record;
}

async function nameOf(repositories: Repositories, actor: Actor): Promise<string> {
  const person = await repositories.people.findById(actor.personId);
  return person?.displayName ?? actor.email;
}

/** The courses as the revision sees them: who takes each and in which semester. */
function revisionCourses(record: CourseSystemRecord): RevisionCourse[] {
  const semesterOf = new Map(record.plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)));
  const posts = (course: Course): string[] => {
    if (course.kind === 'module') {
      return record.system.modules
        .filter((entry) => entry.courses.some((candidate) => candidate.id === course.id))
        .map((entry) => entry.post)
        .sort();
    }
    return course.kind === 'elective' && course.post ? [course.post] : [];
  };
  const seen = new Set<string>();
  const courses: RevisionCourse[] = [];
  for (const course of allCourses(record.system)) {
    if (seen.has(course.id)) continue;
    seen.add(course.id);
    const semester = semesterOf.get(course.id);
    courses.push({
      id: course.id,
      kind: course.kind,
      posts: posts(course),
      competencies: course.competencies,
      ...(semester !== undefined ? { semester } : {}),
    });
  }
  return courses;
}

/** Stored counts → one YearCounts per year from `from` to `to`. */
function countsByYear(
  rows: readonly { year: number; postId: string; key: string; count: number }[],
  from: number,
  to: number,
): Map<number, YearCounts> {
  const years = new Map<number, { posts: Map<string, Map<string, number>>; all: Map<string, number> }>();
  for (let year = from; year <= to; year += 1) years.set(year, { posts: new Map(), all: new Map() });
  for (const row of rows) {
    const year = years.get(row.year);
    if (!year) continue;
    const key = row.key === '' ? '' : row.key.slice(KEY_PREFIX.length);
    if (row.postId === '') {
      year.all.set(key, (year.all.get(key) ?? 0) + row.count);
    } else {
      const post = year.posts.get(row.postId) ?? new Map<string, number>();
      post.set(key, (post.get(key) ?? 0) + row.count);
      year.posts.set(row.postId, post);
    }
  }
  return years;
}

/** Computes a group's revision between two years and stores it as a draft (one open revision per group). */
export async function createRevision(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  groupId: string,
  body: CreateRevisionBody,
): Promise<RevisionView> {
  const { beforeYear, afterYear } = body;
  const id = await context.store.transaction(async (repositories) => {
    const record = await requireCourseSystem(repositories, organisationId, groupId);
    await repositories.courseSystems.lock(groupId);
    const open = await repositories.revisions.findOpen(groupId);
    if (open) {
      throw new DomainError(
        'REVISION_OPEN',
        `This group already has an open revision (${open.beforeYear}→${open.afterYear}, ${open.status}).`,
        { revisionId: open.id, status: open.status },
      );
    }
    const posts: RevisionPost[] = record.posts.map((post) => ({
      id: post.id,
      competencies: post.competencies.map((competency) => ({ id: competency.id, weight: competency.weight })),
    }));
    const postIds = posts.map((post) => post.id);
    const terms = await repositories.taxonomy.competencyTerms(record.versionId);
    const labels = new Map(
      terms.map((term) => [
        term.id,
        { zh: term.labelZh ?? term.labelEn ?? term.id, en: term.labelEn ?? term.labelZh ?? term.id },
      ]),
    );
    const rows = await repositories.demand.yearlyPostCounts(postIds, { from: beforeYear, to: afterYear }, KEY_PREFIX);
    const years = countsByYear(rows, beforeYear, afterYear);
    // Only competencies the framework names: every change and proposal can then be labelled.
    const tallies = new Map([...years].map(([year, counts]) => [year, tallyFromCounts(counts, (c) => labels.has(c))]));
    const before = tallies.get(beforeYear)!;
    const after = tallies.get(afterYear)!;
    const groupPostings = (year: number) => postIds.reduce((sum, post) => sum + tallies.get(year)!.size(post), 0);
    for (const year of [beforeYear, afterYear]) {
      if (groupPostings(year) === 0) {
        throw new DomainError(
          'REVISION_NO_DEMAND',
          `No stored posting of this group's posts is from ${year}; import that year's postings or choose other years.`,
          { field: year === beforeYear ? 'beforeYear' : 'afterYear', year },
        );
      }
    }
    const report = measureDemandChange(before, after);
    const courses = revisionCourses(record);
    const proposals = deriveRevisionProposals(report, posts, courses);

    const overrides = new Map(
      (await repositories.courseSystems.titleOverrides(record.id)).map((o) => [o.courseKey, o] as const),
    );
    const courseTitles = new Map<string, { zh: string; en: string }>();
    for (const course of allCourses(record.system)) {
      const override = overrides.get(courseIdentity(course));
      courseTitles.set(course.id, {
        zh: override?.titleZh ?? course.titleZh,
        en: override?.titleEn ?? course.titleEn,
      });
    }
    const postNames = new Map(record.posts.map((post) => [post.id, { zh: post.titleZh, en: post.titleEn }]));
    const names: ProposalNames = {
      competency: (competency) => labels.get(competency) ?? { zh: competency, en: competency },
      post: (post) => postNames.get(post) ?? { zh: post, en: post },
      course: (course) => courseTitles.get(course) ?? { zh: course, en: course },
    };
    const figure = (value: { postings: number; share: number }) => ({
      postings: value.postings,
      share: round(value.share),
    });
    const changes: RevisionChangeView[] = report.changes.map((change) => {
      const series = [];
      for (let year = beforeYear; year <= afterYear; year += 1) {
        const tally = tallies.get(year)!;
        const size = tally.size(change.post);
        series.push({ year, share: size === 0 ? 0 : round(tally.count(change.post, change.competency) / size) });
      }
      return {
        competency: change.competency,
        label: names.competency(change.competency),
        post: change.post,
        postLabel: change.post === null ? null : names.post(change.post),
        before: figure(change.before),
        after: figure(change.after),
        direction: change.direction,
        q: change.q,
        h: round(change.h),
        series,
      };
    });
    const stored: StoredProposal[] = proposals.map((proposal) => ({
      rank: proposal.rank,
      kind: proposal.kind,
      action: proposal.action,
      post: proposal.post,
      postLabel: proposal.post === null ? null : names.post(proposal.post),
      course: proposal.course,
      courseTitle: proposal.course === null ? null : names.course(proposal.course),
      competencies: proposal.competencies.map((competency) => ({
        id: competency,
        label: names.competency(competency),
      })),
      score: round(proposal.score),
      summary: describeProposal(proposal, names),
      evidence: {
        ...(proposal.evidence.currentWeight !== undefined ? { currentWeight: proposal.evidence.currentWeight } : {}),
        ...(proposal.evidence.suggestedWeight !== undefined
          ? { suggestedWeight: proposal.evidence.suggestedWeight }
          : {}),
        changes: proposal.evidence.changes.map((change) => ({
          competency: change.competency,
          post: change.post,
          before: figure(change.before),
          after: figure(change.after),
          direction: change.direction,
          q: change.q,
          h: round(change.h),
        })),
        ...(proposal.evidence.volume
          ? {
              volume: {
                ...proposal.evidence.volume,
                before: figure(proposal.evidence.volume.before),
                after: figure(proposal.evidence.volume.after),
                h: round(proposal.evidence.volume.h),
              },
            }
          : {}),
        ...(proposal.evidence.taughtElsewhere ? { taughtElsewhere: [...proposal.evidence.taughtElsewhere] } : {}),
        ...(proposal.evidence.stillRequiredBy ? { stillRequiredBy: [...proposal.evidence.stillRequiredBy] } : {}),
      },
      impact: {
        courses: proposal.impact.courses.map((course) => ({ id: course, title: names.course(course) })),
        posts: proposal.impact.posts.map((post) => ({ id: post, label: names.post(post) })),
        semesters: [...proposal.impact.semesters],
      },
    }));

    const proposalRecord = record.proposalId ? await repositories.groupProposals.find(record.proposalId) : null;
    const groupName = (proposalRecord && (await groupNameOf(repositories, proposalRecord, record.groupId))) ?? {
      zh: record.titleZh,
      en: record.titleEn || record.titleZh,
    };
    const now = context.clock();
    // Declared demand (enterprises' hiring plans) of the group's posts in the two years: shown beside, never tested.
    const declaredRows = (await repositories.declarations.summary()).filter(
      (row) => postIds.includes(row.postId) && (row.year === beforeYear || row.year === afterYear),
    );
    const declared = record.posts.flatMap((post) => {
      const of = (year: number) => {
        const row = declaredRows.find((entry) => entry.postId === post.id && entry.year === year);
        return { headcount: row?.headcount ?? 0, enterprises: row?.enterprises ?? 0 };
      };
      const before = of(beforeYear);
      const after = of(afterYear);
      if (before.headcount === 0 && after.headcount === 0) return [];
      return [{ post: post.id, postLabel: { zh: post.titleZh, en: post.titleEn }, before, after }];
    });
    const revisionId = await repositories.revisions.create({
      organisationId,
      courseSystemId: record.id,
      proposalId: record.proposalId,
      groupKey: record.groupId,
      groupName,
      beforeYear,
      afterYear,
      tested: report.tested,
      postings: { before: groupPostings(beforeYear), after: groupPostings(afterYear) },
      changes,
      proposals: stored,
      declared,
      createdBy: actor.personId,
      createdByName: await nameOf(repositories, actor),
      now,
    });
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'revision.created',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: {
        revisionId,
        groupId: record.id,
        beforeYear,
        afterYear,
        changes: changes.length,
        proposals: stored.length,
      },
    });
    return revisionId;
  });
  return getRevision(context, actor, organisationId, id);
}

function presentSummary(record: RevisionSummaryRecord): RevisionSummary {
  return {
    id: record.id,
    groupId: record.courseSystemId,
    groupName: record.groupName,
    beforeYear: record.beforeYear,
    afterYear: record.afterYear,
    status: record.status,
    createdAt: record.createdAt,
    createdBy: record.createdByName,
    postings: record.postings,
    changeCount: record.changeCount,
    proposalCount: record.proposalCount,
    decidedCount: record.decidedCount,
  };
}

/** A group's revisions, newest first (404 when the group is not the organisation's). */
export async function listRevisions(
  context: ServiceContext,
  organisationId: string,
  groupId: string,
): Promise<{ items: RevisionSummary[] }> {
  const repositories = context.store.repositories;
  await requireCourseSystem(repositories, organisationId, groupId);
  const items = await repositories.revisions.listForGroup(organisationId, groupId);
  return { items: items.map(presentSummary) };
}

export async function getRevision(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
): Promise<RevisionView> {
  const repositories = context.store.repositories;
  return presentRevision(repositories, await requireRevision(repositories, organisationId, revisionId), actor);
}

/** The revision as the committee sees it: its matter (one round; open while submitted). */
async function revisionMatter(repositories: Repositories, record: StoredRevision): Promise<CommitteeMatter | null> {
  if (!record.committeeId) return null;
  const authors = new Set<string>();
  if (record.createdBy) authors.add(record.createdBy);
  for (const decision of record.decisions) if (decision.decidedBy) authors.add(decision.decidedBy);
  return {
    kind: 'revision',
    id: record.id,
    round: 1,
    committeeId: record.committeeId,
    organisationId: record.organisationId,
    authors: [...authors],
    open: record.status === 'submitted',
  };
}

async function presentRevision(
  repositories: Repositories,
  record: StoredRevision,
  actor: Actor,
): Promise<RevisionView> {
  const plans = (await repositories.trainingPlans.list(record.organisationId)).filter(
    (plan) => plan.courseSystemId === record.courseSystemId,
  ).length;
  const matter = await revisionMatter(repositories, record);
  return {
    ...presentFigures(record, plans),
    committeeId: record.committeeId,
    review: matter ? await reviewOf(repositories, matter, actor) : null,
    result: (record.result as RevisionResult | null) ?? null,
    declared: record.declared as NonNullable<RevisionView['declared']>,
  };
}

function presentFigures(record: StoredRevision, plans: number): RevisionView {
  const decisions = new Map(record.decisions.map((decision) => [decision.rank, decision]));
  const proposals: RevisionProposalView[] = record.proposals.map((proposal) => {
    const decision = decisions.get(proposal.rank);
    return {
      ...proposal,
      decision: decision
        ? {
            decision: decision.decision,
            comment: decision.comment,
            amendedWeight: decision.amendedWeight,
            by: decision.decidedByName,
            at: decision.decidedAt,
          }
        : null,
    };
  });
  // What the revision would touch: every proposal not rejected (accepted, amended or still open).
  const live = proposals.filter((proposal) => proposal.decision?.decision !== 'rejected');
  const courses = new Set(live.flatMap((proposal) => proposal.impact.courses.map((course) => course.id)));
  return {
    ...presentSummary(record),
    decidedCount: record.decisions.length,
    tested: record.tested,
    changes: record.changes,
    proposals,
    impact: {
      competencies: new Set(live.flatMap((proposal) => proposal.competencies.map((c) => c.id))).size,
      courses: courses.size,
      posts: new Set(live.flatMap((proposal) => proposal.impact.posts.map((post) => post.id))).size,
      plans: live.length > 0 ? plans : 0,
    },
  };
}

async function change(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
  work: (repositories: Repositories, record: StoredRevision, now: Date) => Promise<void>,
): Promise<RevisionView> {
  await context.store.transaction(async (repositories) => {
    await repositories.revisions.lock(revisionId);
    const record = await requireRevision(repositories, organisationId, revisionId);
    await work(repositories, record, context.clock());
  });
  return getRevision(context, actor, organisationId, revisionId);
}

/** Accepts, rejects or amends one proposal of a draft (a later decision replaces the earlier one). */
export async function decideRevisionProposal(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
  rank: number,
  body: DecideProposalBody,
): Promise<RevisionView> {
  return change(context, actor, organisationId, revisionId, async (repositories, record, now) => {
    const proposal = record.proposals.find((candidate) => candidate.rank === rank);
    if (!proposal) {
      throw new DomainError('REVISION_PROPOSAL_NOT_FOUND', `The revision has no proposal ${rank}.`, {
        rank,
        proposals: record.proposals.length,
      });
    }
    const decision = { decision: body.decision, comment: body.comment, amendedWeight: body.amendedWeight ?? null };
    checkProposalDecision(record.status, proposal.kind, decision);
    await repositories.revisions.decide(
      revisionId,
      { rank, ...decision, decidedBy: actor.personId, decidedByName: await nameOf(repositories, actor) },
      now,
    );
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'revision.proposal_decided',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { revisionId, rank, kind: proposal.kind, ...decision },
    });
  });
}

/**
 * Draft → submitted, once every proposal is decided: put before a steering committee (the one named, or the
 * platform's only one; COMMITTEE_REQUIRED when there are several and none is named).
 */
export async function submitRevision(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
  body: { committeeId?: string | undefined } = {},
): Promise<RevisionView> {
  return change(context, actor, organisationId, revisionId, async (repositories, record, now) => {
    checkRevisionSubmission(
      record.status,
      record.proposals.map((proposal) => proposal.rank),
      new Set(record.decisions.map((decision) => decision.rank)),
    );
    const committeeId = await chooseCommittee(repositories, body.committeeId);
    await repositories.revisions.submit(revisionId, committeeId, now);
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'revision.submitted',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { revisionId, groupId: record.courseSystemId, proposals: record.proposals.length, committeeId },
    });
  });
}

/** Draft or submitted → withdrawn (the group may then start another revision). */
export async function withdrawRevision(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
): Promise<RevisionView> {
  return change(context, actor, organisationId, revisionId, async (repositories, record, now) => {
    checkRevisionWithdrawal(record.status);
    await repositories.revisions.setStatus(revisionId, 'withdrawn', now);
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'revision.withdrawn',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { revisionId, groupId: record.courseSystemId, from: record.status },
    });
  });
}

/** A revision put before a committee `actor` may read (any, for a platform admin); otherwise not found. */
async function requireReviewedRevision(
  repositories: Repositories,
  revisionId: string,
  actor: Actor,
): Promise<StoredRevision> {
  const record = await repositories.revisions.find<RevisionChangeView, StoredProposal>(revisionId);
  if (!record || record.committeeId === null || !mayReadCommitteeMatter(actor, record.committeeId)) {
    throw new DomainError('REVISION_NOT_FOUND', 'No such revision before the committee.', { revisionId });
  }
  return record;
}

/** The committee's desk: every revision put before a committee `actor` may read. */
export async function listCommitteeRevisions(context: ServiceContext, actor: Actor): Promise<CommitteeRevisionList> {
  const repositories = context.store.repositories;
  const items: CommitteeRevisionList['items'] = [];
  for (const record of await repositories.revisions.listReviewed()) {
    if (!mayReadCommitteeMatter(actor, record.committeeId)) continue;
    const organisation = await repositories.organisations.findById(record.organisationId);
    // The tally needs the full record: its authors (who decided its proposals) do not count as eligible voters.
    const full = await repositories.revisions.find<RevisionChangeView, StoredProposal>(record.id);
    const matter = full ? await revisionMatter(repositories, full) : null;
    const review = matter ? await reviewOf(repositories, matter, actor) : null;
    items.push({
      ...presentSummary(record),
      organisationId: record.organisationId,
      organisationName: organisation?.nameZh ?? '',
      organisationNameEn: organisation?.nameEn ?? '',
      submittedAt: record.submittedAt,
      tally: review
        ? {
            approve: review.approve,
            reject: review.reject,
            abstain: review.abstain,
            participating: review.participating,
            quorum: review.quorum,
            outcome: review.outcome,
          }
        : null,
    });
  }
  return { items };
}

export async function getCommitteeRevision(
  context: ServiceContext,
  actor: Actor,
  revisionId: string,
): Promise<RevisionView> {
  const repositories = context.store.repositories;
  return presentRevision(repositories, await requireReviewedRevision(repositories, revisionId, actor), actor);
}

/**
 * A committee member's vote on a submitted revision (core/committee: seat, no conflict of interest, quorum and
 * majority); once decided the revision is approved or rejected (final: the group starts a new revision).
 */
export async function voteOnRevision(
  context: ServiceContext,
  actor: Actor,
  revisionId: string,
  request: VoteRequest,
): Promise<RevisionView> {
  await context.store.transaction(async (repositories) => {
    await repositories.revisions.lock(revisionId);
    const record = await requireReviewedRevision(repositories, revisionId, actor);
    const matter = await revisionMatter(repositories, record);
    if (!matter) throw new DomainError('VOTING_CLOSED', 'The revision is not before the committee.', { revisionId });
    const now = context.clock();
    const who = await snapshotActor(repositories, actor, matter.committeeId);
    const tally = await castVoteIn(repositories, actor, who.name, matter, request, now);
    if (tally.outcome === 'pending') return;
    await repositories.revisions.setStatus(revisionId, tally.outcome === 'approved' ? 'approved' : 'rejected', now);
  });
  return getCommitteeRevision(context, actor, revisionId);
}
