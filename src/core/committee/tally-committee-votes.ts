import { effectiveQuorum, type CommitteeRules } from './committee-rules.js';

/**
 * Counting a committee's votes on one matter (a specialty-group proposal, a plan version): a decision is reached
 * when the quorum takes part and one side holds the majority of the votes cast. Pure: the caller passes every
 * member's current vote (a changed vote replaces the earlier one; a member has one vote).
 */
export const VOTE_CHOICES = ['approve', 'reject', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface CastVote {
  readonly voterId: string;
  readonly choice: VoteChoice;
}

export interface CommitteeTally {
  /** Members of the committee. */
  readonly seats: number;
  /** Members who may vote on this matter (seats minus those conflicted: authors, members of the proposer). */
  readonly eligible: number;
  readonly quorum: number;
  readonly majority: CommitteeRules['majority'];
  readonly approve: number;
  readonly reject: number;
  readonly abstain: number;
  /** Members who took part (every choice, abstentions included). */
  readonly participating: number;
  readonly quorumReached: boolean;
  /** Approvals (or rejections) needed, of the approve + reject votes cast so far, for that side to carry. */
  readonly needed: number;
  readonly outcome: 'approved' | 'rejected' | 'pending';
  /** True when even if every eligible member who has not voted took part, the quorum could not be reached. */
  readonly quorumUnreachable: boolean;
}

/** How many of `cast` votes one side needs to carry under the rule (always more than the other side's). */
export function votesNeeded(majority: CommitteeRules['majority'], cast: number): number {
  if (cast === 0) return 1;
  return majority === 'two_thirds' ? Math.ceil((2 * cast) / 3) : Math.floor(cast / 2) + 1;
}

/**
 * Tallies the current votes. Only the votes of `eligibleVoterIds` count (a vote by anyone else is ignored, never
 * an error here: the service refuses it before it is stored); one vote per member (the last one given wins).
 */
export function tallyCommitteeVotes(
  votes: readonly CastVote[],
  rules: CommitteeRules,
  seats: number,
  eligibleVoterIds: readonly string[],
): CommitteeTally {
  const eligible = new Set(eligibleVoterIds);
  const current = new Map<string, VoteChoice>();
  for (const vote of votes) if (eligible.has(vote.voterId)) current.set(vote.voterId, vote.choice);
  let approve = 0;
  let reject = 0;
  let abstain = 0;
  for (const choice of current.values()) {
    if (choice === 'approve') approve += 1;
    else if (choice === 'reject') reject += 1;
    else abstain += 1;
  }
  const quorum = effectiveQuorum(rules, seats);
  const participating = approve + reject + abstain;
  const quorumReached = participating >= quorum;
  const needed = votesNeeded(rules.majority, approve + reject);
  const outcome = !quorumReached
    ? 'pending'
    : approve >= needed && approve > reject
      ? 'approved'
      : reject >= needed && reject > approve
        ? 'rejected'
        : 'pending';
  return {
    seats,
    eligible: eligible.size,
    quorum,
    majority: rules.majority,
    approve,
    reject,
    abstain,
    participating,
    quorumReached,
    needed,
    outcome,
    quorumUnreachable: eligible.size < quorum,
  };
}
