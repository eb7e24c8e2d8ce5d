import type { CommitteeChoiceListDto, CommitteeDto, CommitteeReviewDto, VoteRequest } from '../contracts/committee.js';
import type { Actor } from '../core/access/actor.js';
import { assertMayVote, eligibleVoters, voteConflict, type VoteMatter } from '../core/committee/assert-may-vote.js';
import { effectiveQuorum, validateCommitteeRules, type CommitteeRules } from '../core/committee/committee-rules.js';
import { tallyCommitteeVotes, type CommitteeTally } from '../core/committee/tally-committee-votes.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { MatterKind } from '../storage/repositories/committee.repository.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { ServiceContext } from './service-context.js';

/**
 * Steering-committee decisions as votes: a matter (a specialty-group proposal, a plan version) is put before one
 * committee; its seated members vote (approve / reject / abstain, with a comment), may change their vote until a
 * decision is reached, and the decision is reached when the committee's quorum and majority hold (core/committee).
 * Every vote is a row of its own and an audit event; the matter's own service applies the outcome.
 */

/** A matter before a committee, with its kind and review round. */
export interface CommitteeMatter extends VoteMatter {
  readonly kind: MatterKind;
  readonly round: number;
}

/**
 * The committee a college's matter is put before: the one named, or the platform's only one; with several and none
 * named, COMMITTEE_REQUIRED (the submitter chooses).
 */
export async function chooseCommittee(repositories: Repositories, committeeId?: string): Promise<string> {
  const committees = await repositories.committees.list();
  if (committees.length === 0) {
    throw new DomainError(
      'COMMITTEE_NOT_FOUND',
      'There is no steering committee yet: a platform admin creates one (an organisation of kind committee) first.',
      {},
    );
  }
  if (committeeId !== undefined) {
    if (!committees.some((committee) => committee.id === committeeId)) {
      throw new DomainError('COMMITTEE_NOT_FOUND', 'No such steering committee.', { committeeId });
    }
    return committeeId;
  }
  if (committees.length > 1) {
    throw new DomainError(
      'COMMITTEE_REQUIRED',
      'There is more than one steering committee: choose the one this is put before.',
      { committees: committees.map((committee) => committee.id) },
    );
  }
  return committees[0]!.id;
}

async function tallyOf(repositories: Repositories, matter: CommitteeMatter) {
  const [rules, members, votes] = await Promise.all([
    repositories.committees.rules(matter.committeeId),
    repositories.committees.members(matter.committeeId),
    repositories.committees.votes(matter.kind, matter.id, matter.round),
  ]);
  const eligible = eligibleVoters(matter, members);
  const tally = tallyCommitteeVotes(
    votes.flatMap((vote) => (vote.voterPersonId ? [{ voterId: vote.voterPersonId, choice: vote.choice }] : [])),
    rules,
    members.length,
    eligible,
  );
  return { tally, votes };
}

/** The live review of a matter as `actor` sees it (votes, tally, whether they may vote). */
export async function reviewOf(
  repositories: Repositories,
  matter: CommitteeMatter,
  actor: Actor,
): Promise<CommitteeReviewDto> {
  const committee = await repositories.committees.find(matter.committeeId);
  const { tally, votes } = await tallyOf(repositories, matter);
  const latest = new Map<string, string>();
  for (const vote of votes) if (vote.voterPersonId) latest.set(vote.voterPersonId, vote.id);
  const seated = actor.memberships.some(
    (membership) => membership.organisationId === matter.committeeId && membership.roles.includes('committee_member'),
  );
  const conflict = voteConflict(matter, actor);
  // A plan version or revision taken back by its director before the committee decided: closed without a decision.
  const withdrawn = !matter.open && tally.outcome === 'pending' && matter.kind !== 'proposal';
  const closed = withdrawn ? 'withdrawn' : 'decided';
  const whyNot = !seated ? 'not_on_committee' : conflict ? conflict : !matter.open ? closed : null;
  const mine = votes.filter((vote) => vote.voterPersonId === actor.personId).at(-1);
  return {
    committee: {
      id: matter.committeeId,
      nameZh: committee?.nameZh ?? '',
      nameEn: committee?.nameEn ?? '',
    },
    round: matter.round,
    ...tally,
    outcome: withdrawn ? 'withdrawn' : tally.outcome,
    votes: votes.map((vote) => ({
      voterName: vote.voterName,
      choice: vote.choice,
      comment: vote.comment,
      at: vote.castAt,
      current: vote.voterPersonId !== null && latest.get(vote.voterPersonId) === vote.id,
    })),
    myVote: mine?.choice ?? null,
    mayVote: whyNot === null,
    whyNot,
  };
}

/**
 * Casts (or changes) `actor`'s vote on an open matter inside the caller's transaction (the matter's row locked),
 * records it in the audit log, and returns the tally after it: the caller applies an outcome other than pending.
 */
export async function castVoteIn(
  repositories: Repositories,
  actor: Actor,
  voterName: string,
  matter: CommitteeMatter,
  request: VoteRequest,
  now: Date,
): Promise<CommitteeTally> {
  assertMayVote(matter, actor);
  await repositories.committees.castVote({
    committeeId: matter.committeeId,
    matterKind: matter.kind,
    matterId: matter.id,
    round: matter.round,
    voterPersonId: actor.personId,
    voterName,
    choice: request.choice,
    comment: request.comment,
    now,
  });
  const { tally } = await tallyOf(repositories, matter);
  await repositories.auditEvents.record({
    occurredAt: now,
    action: 'committee.vote_cast',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    organisationId: matter.committeeId,
    details: {
      matterKind: matter.kind,
      matterId: matter.id,
      round: matter.round,
      choice: request.choice,
      comment: request.comment,
      approve: tally.approve,
      reject: tally.reject,
      abstain: tally.abstain,
      quorum: tally.quorum,
    },
  });
  if (tally.outcome !== 'pending') {
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'committee.decided',
      organisationId: matter.committeeId,
      details: {
        matterKind: matter.kind,
        matterId: matter.id,
        round: matter.round,
        outcome: tally.outcome,
        approve: tally.approve,
        reject: tally.reject,
        abstain: tally.abstain,
        quorum: tally.quorum,
        majority: tally.majority,
      },
    });
  }
  return tally;
}

/** A one-line bilingual account of a decision for trails and approver names: "表决 3 赞成 · 1 反对 · 0 弃权". */
export function describeTally(tally: CommitteeTally): { zh: string; en: string } {
  return {
    zh: `表决：赞成 ${tally.approve}，反对 ${tally.reject}，弃权 ${tally.abstain}（法定人数 ${tally.quorum}/${tally.seats}）`,
    en: `vote: ${tally.approve} for, ${tally.reject} against, ${tally.abstain} abstaining (quorum ${tally.quorum} of ${tally.seats})`,
  };
}

async function committeeDto(repositories: Repositories, id: string, nameZh: string, nameEn: string) {
  const [rules, members] = await Promise.all([repositories.committees.rules(id), repositories.committees.members(id)]);
  return {
    id,
    nameZh,
    nameEn,
    seats: members.length,
    rules,
    quorum: effectiveQuorum(rules, members.length),
    members: members.map((member) => ({ name: member.name })),
  } satisfies CommitteeDto;
}

/** Every steering committee with its seats and voting rules. */
/** The committees a college may submit to, by name (the choice when the platform has several). */
export async function listCommitteeChoices(context: ServiceContext): Promise<CommitteeChoiceListDto> {
  const committees = await context.store.repositories.committees.list();
  return { items: committees.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })) };
}

export async function listCommittees(context: ServiceContext): Promise<{ items: CommitteeDto[] }> {
  const repositories = context.store.repositories;
  const items: CommitteeDto[] = [];
  for (const committee of await repositories.committees.list()) {
    items.push(await committeeDto(repositories, committee.id, committee.nameZh, committee.nameEn));
  }
  return { items };
}

/**
 * Changes a committee's voting rules (platform admins, who appoint its members): a quorum below two or above the
 * seats is refused; matters already decided keep their outcome, open ones are counted under the new rules.
 */
export async function updateCommitteeRules(
  context: ServiceContext,
  actor: Actor,
  committeeId: string,
  rules: CommitteeRules,
): Promise<CommitteeDto> {
  return context.store.transaction(async (repositories) => {
    const committee = await repositories.committees.find(committeeId);
    if (!committee) throw new DomainError('COMMITTEE_NOT_FOUND', 'No such steering committee.', { committeeId });
    const members = await repositories.committees.members(committeeId);
    validateCommitteeRules(rules, members.length);
    const now = context.clock();
    await repositories.committees.saveRules(committeeId, rules, actor.personId, now);
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'committee.rules_changed',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId: committeeId,
      details: { quorum: rules.quorum, majority: rules.majority },
    });
    return committeeDto(repositories, committee.id, committee.nameZh, committee.nameEn);
  });
}
