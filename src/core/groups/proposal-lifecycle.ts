import { isPlatformAdmin, rolesIn, type Actor } from '../access/actor.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * The life of a specialty-group proposal, in one place: a draft is the college's to edit; once submitted, only the
 * steering committee moves posts and specialties, comments and decides; a decided proposal never changes. Nobody
 * decides on, or reshapes under review, a proposal they wrote or one of a college they belong to (separation of
 * duties: a director who also sits on the committee approves other colleges' proposals, never their own).
 */
export type ProposalStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ProposalSide = 'college' | 'committee';

/** What the lifecycle needs to know of a proposal. */
export interface ProposalFacts {
  readonly id: string;
  readonly status: ProposalStatus;
  readonly organisationId: string;
  /** Everyone who wrote the proposal: its creator and whoever changed or submitted it while it was a draft. */
  readonly authors: readonly string[];
}

/** The status a side may change a proposal in: the college its drafts, the committee what is submitted. */
export function editableStatusFor(side: ProposalSide): ProposalStatus {
  return side === 'college' ? 'draft' : 'submitted';
}

/** Throws PROPOSAL_NOT_EDITABLE unless `side` may change the proposal now. */
export function assertProposalEditable(proposal: Pick<ProposalFacts, 'id' | 'status'>, side: ProposalSide): void {
  if (proposal.status === editableStatusFor(side)) return;
  const message =
    proposal.status === 'submitted'
      ? 'The proposal has been submitted: only the steering committee changes it now.'
      : proposal.status === 'draft'
        ? 'The proposal is a draft: the college has not submitted it yet.'
        : `The proposal has been ${proposal.status}: a decided proposal never changes.`;
  throw new DomainError('PROPOSAL_NOT_EDITABLE', message, { proposalId: proposal.id, status: proposal.status });
}

/** The status a committee decision leads to. */
export function decidedStatus(decision: 'approve' | 'reject'): ProposalStatus {
  return decision === 'approve' ? 'approved' : 'rejected';
}

/**
 * Why `actor` may not act for the committee on this proposal (move or decide), or null. An author of the proposal
 * and any member of the proposing college are conflicted — platform admins included.
 */
export function committeeConflict(
  proposal: ProposalFacts,
  actor: Actor,
): { reason: 'author' | 'member_of_college' } | null {
  if (proposal.authors.includes(actor.personId)) return { reason: 'author' };
  if (rolesIn(actor, proposal.organisationId).length > 0) return { reason: 'member_of_college' };
  return null;
}

/** Throws CONFLICT_OF_INTEREST when `actor` may not move or decide on the proposal for the committee. */
export function assertNoCommitteeConflict(proposal: ProposalFacts, actor: Actor, action: 'move' | 'decide'): void {
  const conflict = committeeConflict(proposal, actor);
  if (!conflict) return;
  const who =
    conflict.reason === 'author'
      ? 'you wrote or changed this proposal as a draft'
      : isPlatformAdmin(actor)
        ? 'you hold a role in the proposing college'
        : 'you belong to the proposing college';
  throw new DomainError(
    'CONFLICT_OF_INTEREST',
    `You cannot ${action === 'move' ? 'change' : 'decide on'} this proposal for the committee: ${who}.`,
    { proposalId: proposal.id, reason: conflict.reason },
  );
}
