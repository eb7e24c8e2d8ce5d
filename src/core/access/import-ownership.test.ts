import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { importingOrganisation, mayDeleteImport } from './import-ownership.js';

const officerA: Actor = {
  personId: 'o',
  email: 'o@x.cn',
  activeOrganisationId: 'college',
  memberships: [
    { organisationId: 'college', roles: ['teacher'] },
    { organisationId: 'city-a', roles: ['city_officer'] },
  ],
};
const curator: Actor = {
  personId: 'c',
  email: 'c@x.cn',
  activeOrganisationId: 'platform',
  memberships: [{ organisationId: 'platform', roles: ['platform_curator'] }],
};

describe('who owns an import of shared postings', () => {
  it('makes the import for an organisation where the actor may import', () => {
    expect(importingOrganisation(officerA)).toBe('city-a');
    expect(importingOrganisation(curator)).toBe('platform');
  });

  it('lets a city office delete only its own imports, and the platform any', () => {
    expect(mayDeleteImport(officerA, 'city-a')).toBe(true);
    expect(mayDeleteImport(officerA, 'city-b')).toBe(false);
    expect(mayDeleteImport(officerA, null)).toBe(false);
    expect(mayDeleteImport(curator, 'city-b')).toBe(true);
    expect(mayDeleteImport(curator, null)).toBe(true);
  });
});
