import type {
  CreateProposalRequest,
  MovePreviewDto,
  MovePreviewRequest,
  MoveRequest,
  PairExplanationDto,
  ProposalDetailDto,
  ProposalSummaryDto,
} from '../contracts/groups.js';
import type { VoteRequest } from '../contracts/committee.js';
import type { Actor } from '../core/access/actor.js';
import { DomainError } from '../core/errors/domain-error.js';
import { explainPostPair } from '../core/groups/explain-post-pair.js';
import { assertMayVote } from '../core/committee/assert-may-vote.js';
import { committeesVisibleTo } from '../core/committee/committees-visible-to.js';
import { assertNoCommitteeConflict } from '../core/groups/proposal-lifecycle.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { GroupName, ProposalRecord } from '../storage/repositories/group-proposal.repository.js';
import { requireCollege } from './college-specialty-service.js';
import { castVoteIn, describeTally } from './committee-service.js';
import { competencyOf, loadLabels, presentDetail, proposalMatter, summaryDto } from './present-proposal.js';
import { compute, specialtiesOf } from './proposal-computation.js';
import {
  appendEvent,
  committeeScopeOf,
  createProposalIn,
  loadProposal,
  moveIn,
  planMove,
  proposalFacts,
  renameIn,
  requireEditable,
  snapshotActor,
  submitIn,
  type ActorSnapshot,
  type ProposalScope,
} from './proposal-operations.js';
import type { ServiceContext } from './service-context.js';

/**
 * Specialty-group proposals: the college's specialty-group director has the system group the curated posts by
 * their knowledge correlation, adjusts and names the groups and submits the proposal; the steering committee
 * comments, moves posts and specialties while it reviews, and approves or rejects. Every step is kept in the
 * proposal's trail with who did it, for which organisation, why, and how the overall quality (mean silhouette)
 * changed. A decided proposal never changes again.
 *
 * Group ids (`g1`, `g2`, …) are stable within a proposal: the grouping core renumbers groups by size, so the
 * stored assignment is mapped back to the ids it was given.
 */

export type { ActorSnapshot, ProposalScope };

/** Runs one write on a proposal in one transaction (row locked, state re-read), then returns the new detail. */
async function change(
  context: ServiceContext,
  actor: Actor,
  scope: ProposalScope,
  proposalId: string,
  work: (repositories: Repositories, record: ProposalRecord, who: ActorSnapshot, now: Date) => Promise<void>,
  options: { editable?: boolean; committeeAction?: 'move' | 'decide' } = {},
): Promise<ProposalDetailDto> {
  const committeeAction = scope.side === 'committee' ? options.committeeAction : undefined;
  // Checked first outside the transaction so that a refusal can be recorded (a refused write rolls back), then
  // again on the locked row.
  if (committeeAction) await assertCommitteeMayAct(context, actor, proposalId, committeeAction);
  await context.store.transaction(async (repositories) => {
    await repositories.groupProposals.lock(proposalId);
    const record = await loadProposal(repositories, scope, proposalId);
    if (options.editable ?? true) requireEditable(record, scope);
    if (committeeAction) {
      assertNoCommitteeConflict(await proposalFacts(repositories, record), actor, committeeAction);
    }
    const who = await snapshotActor(repositories, actor, record.organisationId);
    await work(repositories, record, who, context.clock());
  });
  return getProposal(context, scope, proposalId, actor);
}

/** Refuses, and records, a committee move or decision by an author of the proposal or a member of its college. */
async function assertCommitteeMayAct(
  context: ServiceContext,
  actor: Actor,
  proposalId: string,
  action: 'move' | 'decide',
): Promise<void> {
  const repositories = context.store.repositories;
  const record = await loadProposal(repositories, committeeScopeOf(actor), proposalId);
  try {
    assertNoCommitteeConflict(await proposalFacts(repositories, record), actor, action);
  } catch (error) {
    await repositories.auditEvents.record({
      occurredAt: context.clock(),
      action: 'access.denied',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId: record.organisationId,
      details: { refused: 'CONFLICT_OF_INTEREST', proposalId, action },
    });
    throw error;
  }
}

// ---- the college's side ----------------------------------------------------------------------------------------

/** The college's proposals, newest first (every status). */
export async function listCollegeProposals(
  context: ServiceContext,
  organisationId: string,
): Promise<{ items: ProposalSummaryDto[] }> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  return { items: (await repositories.groupProposals.list({ organisationId })).map(summaryDto) };
}

/**
 * Groups the posts (the newest released curated framework; with `scope: served` those the college's specialties
 * serve) and stores the result as a draft proposal. Bad input (k larger than the posts, no posts) is
 * VALIDATION_FAILED naming the field, before anything is written.
 */
export async function createProposal(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: CreateProposalRequest,
): Promise<ProposalDetailDto> {
  const id = await context.store.transaction(async (repositories) =>
    createProposalIn(
      repositories,
      await snapshotActor(repositories, actor, organisationId),
      context.clock(),
      organisationId,
      request,
    ),
  );
  return getProposal(context, { side: 'college', organisationId }, id, actor);
}

/** One proposal recomputed from its stored assignment: groups, explanations, heatmap, network, trail. */
export async function getProposal(
  context: ServiceContext,
  scope: ProposalScope,
  proposalId: string,
  viewer: Actor | null = null,
): Promise<ProposalDetailDto> {
  const repositories = context.store.repositories;
  return presentDetail(repositories, await loadProposal(repositories, scope, proposalId), viewer);
}

/** Why two posts of the proposal are correlated: their shared competencies with weights and contributions. */
export async function explainProposalPair(
  context: ServiceContext,
  scope: ProposalScope,
  proposalId: string,
  a: string,
  b: string,
): Promise<PairExplanationDto> {
  const repositories = context.store.repositories;
  const proposal = await loadProposal(repositories, scope, proposalId);
  const computed = compute(proposal);
  const indexOf = (postId: string, field: 'a' | 'b') => {
    const index = computed.indexOfPost.get(postId);
    if (index === undefined) {
      throw new DomainError('UNKNOWN_REFERENCE', `The proposal groups no post "${postId}".`, { field });
    }
    return index;
  };
  const explanation = explainPostPair(computed.matrix, indexOf(a, 'a'), indexOf(b, 'b'));
  const labels = await loadLabels(repositories, proposal.versionId);
  return {
    a: explanation.a,
    b: explanation.b,
    similarity: explanation.similarity,
    links: explanation.links.map((link) => ({
      ...competencyOf(labels, link.competencyId),
      weightA: link.weightA,
      weightB: link.weightB,
      contribution: link.contribution,
    })),
  };
}

/** What a move would do to the overall and per-group quality; writes nothing (any status). */
export async function previewMove(
  context: ServiceContext,
  scope: ProposalScope,
  proposalId: string,
  move: MovePreviewRequest,
): Promise<MovePreviewDto> {
  const repositories = context.store.repositories;
  const proposal = await loadProposal(repositories, scope, proposalId);
  const planned = planMove(compute(proposal), await specialtiesOf(repositories, proposal), {
    ...move,
    reason: move.reason ?? '',
  });
  return {
    qualityBefore: planned.before.overall,
    qualityAfter: planned.after.overall,
    groupsBefore: planned.before.groups,
    groupsAfter: planned.after.groups,
  };
}

/**
 * Moves a post (to another group or, with `toGroup: "new"`, a group of its own; moving a group's last post out
 * removes the group) or a specialty, with the reason, recording the overall quality before and after, in one
 * transaction. The college moves while the proposal is a draft, the committee while it is submitted;
 * PROPOSAL_NOT_EDITABLE (409) otherwise.
 */
export async function applyMove(
  context: ServiceContext,
  actor: Actor,
  scope: ProposalScope,
  proposalId: string,
  move: MoveRequest,
): Promise<ProposalDetailDto> {
  return change(
    context,
    actor,
    scope,
    proposalId,
    (repositories, proposal, who, now) => moveIn(repositories, who, now, proposal, move),
    { committeeAction: 'move' },
  );
}

/** Names a group of a draft (an empty name in both languages restores the generated one). */
export async function renameGroup(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  proposalId: string,
  request: { group: string; name: GroupName; reason: string },
): Promise<ProposalDetailDto> {
  return change(context, actor, { side: 'college', organisationId }, proposalId, (repositories, proposal, who, now) =>
    renameIn(repositories, who, now, proposal, request),
  );
}

/** Submits a draft to the steering committee (draft → submitted). */
export async function submitProposal(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  proposalId: string,
  request: { committeeId?: string } = {},
): Promise<ProposalDetailDto> {
  return change(context, actor, { side: 'college', organisationId }, proposalId, (repositories, proposal, who, now) =>
    submitIn(repositories, who, now, proposal, request.committeeId),
  );
}

// ---- the steering committee's side ------------------------------------------------------------------------------

/** Every proposal that is not a draft, put before a committee `actor` may read, newest first. */
export async function listCommitteeProposals(
  context: ServiceContext,
  actor: Actor,
): Promise<{ items: ProposalSummaryDto[] }> {
  const visible = committeesVisibleTo(actor);
  const records = await context.store.repositories.groupProposals.list({ submittedOnly: true });
  return {
    items: records
      .filter((record) => visible === 'all' || (record.committeeId !== null && visible.has(record.committeeId)))
      .map(summaryDto),
  };
}

/** A committee member's comment on a submitted proposal, kept in its trail. */
export async function commentOnProposal(
  context: ServiceContext,
  actor: Actor,
  proposalId: string,
  reason: string,
): Promise<ProposalDetailDto> {
  return change(context, actor, committeeScopeOf(actor), proposalId, (repositories, proposal, who, now) =>
    appendEvent(repositories, proposal.id, who, now, { kind: 'commented', reason }),
  );
}

/**
 * A committee member's vote on a submitted proposal (approve, reject or abstain, with a comment); a member may
 * change their vote until the committee decides. Every vote is kept in the trail and the audit log; when the
 * committee's quorum and majority hold (core/committee), the proposal is approved or rejected and never changes.
 */
export async function voteOnProposal(
  context: ServiceContext,
  actor: Actor,
  proposalId: string,
  request: VoteRequest,
): Promise<ProposalDetailDto> {
  await assertMayVoteRecorded(context, actor, proposalId);
  await context.store.transaction(async (repositories) => {
    await repositories.groupProposals.lock(proposalId);
    const record = await loadProposal(repositories, committeeScopeOf(actor), proposalId);
    await voteIn(repositories, actor, record, request, context.clock());
  });
  return getProposal(context, committeeScopeOf(actor), proposalId, actor);
}

/** Casts a vote on a proposal and applies a decision it brings about (shared with the demo seed). */
export async function voteIn(
  repositories: Repositories,
  actor: Actor,
  record: ProposalRecord,
  request: VoteRequest,
  now: Date,
): Promise<void> {
  const matter = await requireMatter(repositories, record);
  const who = await snapshotActor(repositories, actor, matter.committeeId);
  const tally = await castVoteIn(repositories, actor, who.name, matter, request, now);
  const choice = { approve: '赞成 · approve', reject: '反对 · reject', abstain: '弃权 · abstain' }[request.choice];
  await appendEvent(repositories, record.id, who, now, {
    kind: 'voted',
    reason: request.comment ? `${choice}：${request.comment}` : choice,
  });
  if (tally.outcome === 'pending') return;
  const status = tally.outcome;
  await repositories.groupProposals.update(record.id, { status, decidedAt: now }, now);
  const committee = await repositories.committees.find(matter.committeeId);
  const account = describeTally(tally);
  const name = committee?.nameZh ?? '专业建设指导委员会';
  await repositories.groupProposals.addEvent({
    proposalId: record.id,
    kind: status,
    actorPersonId: null,
    actorName: name,
    actorOrganisation: name,
    reason: `${account.zh} · ${account.en}`,
    item: null,
    fromGroup: null,
    toGroup: null,
    qualityBefore: null,
    qualityAfter: record.quality,
    now,
  });
}

async function requireMatter(repositories: Repositories, record: ProposalRecord) {
  const matter = await proposalMatter(repositories, record);
  if (!matter) {
    throw new DomainError('PROPOSAL_NOT_EDITABLE', 'The proposal is not before a committee.', {
      proposalId: record.id,
      status: record.status,
    });
  }
  return matter;
}

/** Refuses, and records, a vote by someone who may not vote on the proposal (checked again when it is cast). */
async function assertMayVoteRecorded(context: ServiceContext, actor: Actor, proposalId: string): Promise<void> {
  const repositories = context.store.repositories;
  const record = await loadProposal(repositories, committeeScopeOf(actor), proposalId);
  try {
    assertMayVote(await requireMatter(repositories, record), actor);
  } catch (error) {
    if (error instanceof DomainError && error.code !== 'VOTING_CLOSED') {
      await repositories.auditEvents.record({
        occurredAt: context.clock(),
        action: 'access.denied',
        actorPersonId: actor.personId,
        actorEmail: actor.email,
        organisationId: record.organisationId,
        details: { refused: error.code, proposalId, action: 'vote', committeeId: record.committeeId },
      });
    }
    throw error;
  }
}

/** For the demo seed: the detail of a proposal read inside a transaction. */
export async function proposalDetailIn(repositories: Repositories, proposalId: string): Promise<ProposalDetailDto> {
  const proposal = await repositories.groupProposals.find(proposalId);
  if (!proposal) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such specialty-group proposal.', { proposalId });
  return presentDetail(repositories, proposal);
}

/** For the demo seed: the proposal as stored, read inside a transaction. */
export async function proposalRecordIn(repositories: Repositories, proposalId: string): Promise<ProposalRecord> {
  const proposal = await repositories.groupProposals.find(proposalId);
  if (!proposal) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such specialty-group proposal.', { proposalId });
  return proposal;
}

/** For the demo seed: who a person is as the trail records them. */
export async function actorSnapshotIn(
  repositories: Repositories,
  actor: Actor,
  organisationId: string,
): Promise<ActorSnapshot> {
  return snapshotActor(repositories, actor, organisationId);
}
