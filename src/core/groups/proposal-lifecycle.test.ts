import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { DomainError } from '../errors/domain-error.js';
import {
  assertNoCommitteeConflict,
  assertProposalEditable,
  committeeConflict,
  decidedStatus,
  type ProposalFacts,
} from './proposal-lifecycle.js';

const proposal: ProposalFacts = { id: 'p1', status: 'submitted', organisationId: 'college-a', authors: ['director'] };
const member = (personId: string, organisationId: string): Actor => ({
  personId,
  email: `${personId}@x.cn`,
  activeOrganisationId: 'committee',
  memberships: [
    { organisationId: 'committee', roles: ['committee_member'] },
    { organisationId, roles: ['teacher'] },
  ],
});

describe('the proposal lifecycle', () => {
  it('lets the college change drafts and the committee what is submitted, nobody what is decided', () => {
    expect(() => assertProposalEditable({ id: 'p', status: 'draft' }, 'college')).not.toThrow();
    expect(() => assertProposalEditable({ id: 'p', status: 'submitted' }, 'committee')).not.toThrow();
    for (const status of ['approved', 'rejected'] as const) {
      for (const side of ['college', 'committee'] as const) {
        expect(() => assertProposalEditable({ id: 'p', status }, side)).toThrow(DomainError);
      }
    }
    expect(decidedStatus('approve')).toBe('approved');
    expect(decidedStatus('reject')).toBe('rejected');
  });

  it('keeps authors and members of the proposing college from deciding', () => {
    expect(committeeConflict(proposal, member('director', 'college-x'))).toEqual({ reason: 'author' });
    expect(committeeConflict(proposal, member('colleague', 'college-a'))).toEqual({ reason: 'member_of_college' });
    expect(committeeConflict(proposal, member('outsider', 'college-b'))).toBeNull();
    expect(() => assertNoCommitteeConflict(proposal, member('director', 'college-a'), 'decide')).toThrow(
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' }),
    );
  });
});
