import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { committeesVisibleTo, mayReadCommitteeMatter } from './committees-visible-to.js';

const actor = (memberships: Actor['memberships']): Actor => ({
  personId: 'p',
  email: 'p@example.org',
  activeOrganisationId: null,
  memberships,
});

describe('committeesVisibleTo', () => {
  it('gives a platform admin every committee', () => {
    expect(committeesVisibleTo(actor([{ organisationId: 'platform', roles: ['platform_admin'] }]))).toBe('all');
  });

  it('gives a member only the committees where they hold a seat', () => {
    const member = actor([
      { organisationId: 'committee-a', roles: ['committee_member'] },
      { organisationId: 'college', roles: ['teacher'] },
    ]);
    expect(mayReadCommitteeMatter(member, 'committee-a')).toBe(true);
    expect(mayReadCommitteeMatter(member, 'committee-b')).toBe(false);
    expect(mayReadCommitteeMatter(member, 'college')).toBe(false);
    expect(mayReadCommitteeMatter(member, null)).toBe(false);
  });
});
