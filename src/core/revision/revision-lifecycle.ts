import { DomainError } from '../errors/domain-error.js';
import type { RevisionProposalKind } from './derive-revision-proposals.js';

/** Where a yearly revision is: a draft the college decides on, then submitted, and finally decided or withdrawn. */
export type RevisionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type ProposalDecision = 'accepted' | 'rejected' | 'amended';

/** Open revisions (a group has at most one): a draft, or one submitted and not yet decided. */
export function isRevisionOpen(status: RevisionStatus): boolean {
  return status === 'draft' || status === 'submitted';
}

/** Kinds whose proposal carries a weight the college may amend. */
const WEIGHTED_KINDS: readonly RevisionProposalKind[] = ['weight-change', 'new-requirement'];

/**
 * Checks one decision on one proposal: only on a draft (REVISION_NOT_EDITABLE otherwise); an amended weight only
 * with the decision `amended` and only for proposals that carry a weight (weight changes and new requirements);
 * an amendment says what was amended (a comment or a weight), and so does a rejection (a comment).
 */
export function checkProposalDecision(
  status: RevisionStatus,
  kind: RevisionProposalKind,
  decision: { decision: ProposalDecision; comment: string; amendedWeight: number | null },
): void {
  if (status !== 'draft') {
    throw new DomainError(
      'REVISION_NOT_EDITABLE',
      `Proposals are decided on a draft revision; this one is ${status}.`,
      {
        status,
      },
    );
  }
  if (decision.amendedWeight !== null && decision.decision !== 'amended') {
    throw new DomainError('VALIDATION_FAILED', 'A weight is given only with the decision "amended".', {
      field: 'amendedWeight',
      reason: 'weight-without-amendment',
    });
  }
  if (decision.amendedWeight !== null && !WEIGHTED_KINDS.includes(kind)) {
    throw new DomainError('VALIDATION_FAILED', `A ${kind} proposal has no weight to amend.`, {
      field: 'amendedWeight',
      reason: 'no-weight-to-amend',
      kind,
    });
  }
  if (decision.decision === 'amended' && decision.amendedWeight === null && decision.comment === '') {
    throw new DomainError('VALIDATION_FAILED', 'Say what is amended: a comment, or the amended weight.', {
      field: 'comment',
      reason: 'amendment-unexplained',
    });
  }
  if (decision.decision === 'rejected' && decision.comment === '') {
    throw new DomainError('VALIDATION_FAILED', 'Say why the proposal is rejected.', {
      field: 'comment',
      reason: 'rejection-unexplained',
    });
  }
}

/**
 * Submitting: only a draft, and only once every proposal has a decision (the college answers every proposal,
 * even by rejecting it, before the revision leaves it). A revision without proposals may be submitted: "nothing
 * to change this year" is an answer too.
 */
export function checkRevisionSubmission(
  status: RevisionStatus,
  ranks: readonly number[],
  decided: ReadonlySet<number>,
): void {
  if (status !== 'draft') {
    throw new DomainError('REVISION_NOT_EDITABLE', `Only a draft revision is submitted; this one is ${status}.`, {
      status,
    });
  }
  const undecided = ranks.filter((rank) => !decided.has(rank));
  if (undecided.length > 0) {
    throw new DomainError(
      'REVISION_UNDECIDED',
      `${undecided.length} proposal(s) have no decision yet (ranks ${undecided.slice(0, 10).join(', ')}).`,
      { undecided: undecided.slice(0, 50), count: undecided.length },
    );
  }
}

/** Withdrawing: a draft or a submitted revision (before it is decided) ends as withdrawn; the group may start anew. */
export function checkRevisionWithdrawal(status: RevisionStatus): void {
  if (!isRevisionOpen(status)) {
    throw new DomainError('REVISION_NOT_EDITABLE', `A ${status} revision can no longer be withdrawn.`, { status });
  }
}
