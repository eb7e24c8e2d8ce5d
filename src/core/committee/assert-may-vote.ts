import { rolesIn, type Actor } from '../access/actor.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * Who may vote on a matter before a committee: a member holding a seat in that committee (a platform admin
 * without a seat does not vote: the committee decides, nobody alone), who did not author the matter and does not
 * belong to the organisation that put it forward (separation of duties), while it is still open.
 */
export interface VoteMatter {
  readonly id: string;
  /** The committee the matter was put before. */
  readonly committeeId: string;
  /** The organisation that put it forward (the college). */
  readonly organisationId: string;
  /** Everyone who wrote it. */
  readonly authors: readonly string[];
  /** False once a decision was reached (votes never change afterwards). */
  readonly open: boolean;
}

/** Why `personId` may not vote on `matter`, or null: 'author' or 'member_of_proposer' (conflicts of interest). */
export function voteConflict(matter: VoteMatter, actor: Actor): 'author' | 'member_of_proposer' | null {
  if (matter.authors.includes(actor.personId)) return 'author';
  if (rolesIn(actor, matter.organisationId).length > 0) return 'member_of_proposer';
  return null;
}

/** The members of a committee who may vote on the matter (everyone seated minus the conflicted). */
export function eligibleVoters(
  matter: Pick<VoteMatter, 'authors' | 'organisationId'>,
  members: readonly { personId: string; organisationIds: readonly string[] }[],
): string[] {
  return members
    .filter(
      (member) => !matter.authors.includes(member.personId) && !member.organisationIds.includes(matter.organisationId),
    )
    .map((member) => member.personId);
}

/**
 * Throws unless `actor` may cast (or change) a vote on the matter now: NOT_ON_COMMITTEE (403) without a seat in
 * its committee, CONFLICT_OF_INTEREST (403) for an author or a member of the proposer, VOTING_CLOSED (409) once
 * decided.
 */
export function assertMayVote(matter: VoteMatter, actor: Actor): void {
  if (!rolesIn(actor, matter.committeeId).includes('committee_member')) {
    throw new DomainError('NOT_ON_COMMITTEE', 'Only members of the committee this was put before vote on it.', {
      committeeId: matter.committeeId,
    });
  }
  const conflict = voteConflict(matter, actor);
  if (conflict) {
    throw new DomainError(
      'CONFLICT_OF_INTEREST',
      conflict === 'author'
        ? 'You wrote this: you cannot vote on it.'
        : 'You belong to the organisation that put this forward: you cannot vote on it.',
      { matterId: matter.id, reason: conflict },
    );
  }
  if (!matter.open) {
    throw new DomainError('VOTING_CLOSED', 'The committee has decided: votes no longer change.', {
      matterId: matter.id,
    });
  }
}
