import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import type { DomainError } from '../errors/domain-error.js';
import { assertMayVote, eligibleVoters, type VoteMatter } from './assert-may-vote.js';
import { effectiveQuorum, validateCommitteeRules, DEFAULT_COMMITTEE_RULES } from './committee-rules.js';
import { tallyCommitteeVotes, type CastVote, type VoteChoice } from './tally-committee-votes.js';

const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
const votes = (...choices: [string, VoteChoice][]): CastVote[] =>
  choices.map(([voterId, choice]) => ({ voterId, choice }));

describe('effectiveQuorum', () => {
  it('defaults to half the seats plus one, never below two', () => {
    expect(effectiveQuorum(DEFAULT_COMMITTEE_RULES, 5)).toBe(3);
    expect(effectiveQuorum(DEFAULT_COMMITTEE_RULES, 6)).toBe(4);
    expect(effectiveQuorum(DEFAULT_COMMITTEE_RULES, 1)).toBe(2);
    expect(effectiveQuorum({ quorum: 1, majority: 'simple' }, 5)).toBe(2);
    expect(effectiveQuorum({ quorum: 4, majority: 'simple' }, 5)).toBe(4);
  });
});

describe('validateCommitteeRules', () => {
  it('refuses a quorum of one (a member alone) or above the seats', () => {
    const field = (quorum: number) => {
      try {
        validateCommitteeRules({ quorum, majority: 'simple' }, 5);
        return null;
      } catch (error) {
        return (error as DomainError).details.field;
      }
    };
    expect(field(1)).toBe('quorum');
    expect(field(6)).toBe('quorum');
    expect(field(2.5)).toBe('quorum');
    expect(field(5)).toBeNull();
  });
});

describe('tallyCommitteeVotes', () => {
  const simple = DEFAULT_COMMITTEE_RULES;

  it('decides nothing before the quorum takes part, however the votes lean', () => {
    const tally = tallyCommitteeVotes(votes(['m1', 'approve'], ['m2', 'approve']), simple, 5, members);
    expect(tally).toMatchObject({ quorum: 3, participating: 2, quorumReached: false, outcome: 'pending' });
  });

  it('one member never approves alone, even with a stored quorum of one', () => {
    const tally = tallyCommitteeVotes(votes(['m1', 'approve']), { quorum: 1, majority: 'simple' }, 2, ['m1', 'm2']);
    expect(tally.outcome).toBe('pending');
    expect(tally.quorum).toBe(2);
  });

  it('approves when the quorum holds and approvals are a majority of the votes cast', () => {
    const tally = tallyCommitteeVotes(
      votes(['m1', 'approve'], ['m2', 'approve'], ['m3', 'reject']),
      simple,
      5,
      members,
    );
    expect(tally).toMatchObject({ approve: 2, reject: 1, quorumReached: true, outcome: 'approved' });
  });

  it('rejects symmetrically', () => {
    const tally = tallyCommitteeVotes(votes(['m1', 'reject'], ['m2', 'reject'], ['m3', 'approve']), simple, 5, members);
    expect(tally.outcome).toBe('rejected');
  });

  it('a tie decides nothing', () => {
    const tally = tallyCommitteeVotes(
      votes(['m1', 'approve'], ['m2', 'reject'], ['m3', 'approve'], ['m4', 'reject']),
      simple,
      5,
      members,
    );
    expect(tally).toMatchObject({ quorumReached: true, approve: 2, reject: 2, outcome: 'pending' });
  });

  it('abstentions count towards the quorum, never towards a majority', () => {
    const one = tallyCommitteeVotes(votes(['m1', 'approve'], ['m2', 'abstain'], ['m3', 'abstain']), simple, 5, members);
    expect(one).toMatchObject({ participating: 3, quorumReached: true, approve: 1, abstain: 2, outcome: 'approved' });
    const none = tallyCommitteeVotes(
      votes(['m1', 'abstain'], ['m2', 'abstain'], ['m3', 'abstain']),
      simple,
      5,
      members,
    );
    expect(none.outcome).toBe('pending');
  });

  it('a two-thirds majority needs twice as many approvals as rejections', () => {
    const rules = { quorum: null, majority: 'two_thirds' } as const;
    expect(
      tallyCommitteeVotes(votes(['m1', 'approve'], ['m2', 'approve'], ['m3', 'reject']), rules, 5, members).outcome,
    ).toBe('approved');
    expect(
      tallyCommitteeVotes(
        votes(['m1', 'approve'], ['m2', 'approve'], ['m3', 'reject'], ['m4', 'reject'], ['m5', 'approve']),
        rules,
        5,
        members,
      ).outcome,
    ).toBe('pending');
  });

  it('a changed vote replaces the earlier one: a member has one vote', () => {
    const tally = tallyCommitteeVotes(
      votes(['m1', 'approve'], ['m1', 'approve'], ['m1', 'approve'], ['m2', 'reject'], ['m2', 'approve']),
      simple,
      5,
      members,
    );
    expect(tally).toMatchObject({ participating: 2, approve: 2, reject: 0, outcome: 'pending' });
  });

  it('the votes of the author and of non-members never count, and say when the quorum is out of reach', () => {
    const eligible = eligibleVoters({ authors: ['m1'], organisationId: 'college' }, [
      { personId: 'm1', organisationIds: ['committee', 'college'] },
      { personId: 'm2', organisationIds: ['committee', 'college'] },
      { personId: 'm3', organisationIds: ['committee'] },
    ]);
    expect(eligible).toEqual(['m3']);
    const tally = tallyCommitteeVotes(
      votes(['m1', 'approve'], ['m2', 'approve'], ['m3', 'approve'], ['outsider', 'approve']),
      DEFAULT_COMMITTEE_RULES,
      3,
      eligible,
    );
    expect(tally).toMatchObject({
      approve: 1,
      participating: 1,
      eligible: 1,
      quorumUnreachable: true,
      outcome: 'pending',
    });
  });
});

describe('assertMayVote', () => {
  const matter: VoteMatter = {
    id: 'p1',
    committeeId: 'committee',
    organisationId: 'college',
    authors: ['author'],
    open: true,
  };
  const actor = (personId: string, memberships: Actor['memberships']): Actor => ({
    personId,
    email: `${personId}@x`,
    activeOrganisationId: null,
    memberships,
  });
  const code = (who: Actor, what: VoteMatter = matter) => {
    try {
      assertMayVote(what, who);
      return null;
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('lets a seated member vote while the matter is open', () => {
    expect(code(actor('m', [{ organisationId: 'committee', roles: ['committee_member'] }]))).toBeNull();
  });
  it('refuses members of another committee and platform admins without a seat', () => {
    expect(code(actor('m', [{ organisationId: 'other-committee', roles: ['committee_member'] }]))).toBe(
      'NOT_ON_COMMITTEE',
    );
    expect(code(actor('admin', [{ organisationId: 'platform', roles: ['platform_admin'] }]))).toBe('NOT_ON_COMMITTEE');
  });
  it('refuses the author and members of the proposing college', () => {
    const seat = { organisationId: 'committee', roles: ['committee_member'] as const };
    expect(code(actor('author', [seat]))).toBe('CONFLICT_OF_INTEREST');
    expect(code(actor('m', [seat, { organisationId: 'college', roles: ['teacher'] }]))).toBe('CONFLICT_OF_INTEREST');
  });
  it('refuses any vote once decided', () => {
    expect(
      code(actor('m', [{ organisationId: 'committee', roles: ['committee_member'] }]), { ...matter, open: false }),
    ).toBe('VOTING_CLOSED');
  });
});
