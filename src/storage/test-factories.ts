import type { Repositories } from './repositories/create-repositories.js';
import type { NewOrganisation } from './repositories/organisation.repository.js';
import type { NewPerson } from './repositories/person.repository.js';

let sequence = 0;
const next = () => (sequence += 1);

/** Test data with overrides (STYLE.md habit 8). */
export function buildOrganisation(overrides: Partial<NewOrganisation> = {}): NewOrganisation {
  const n = next();
  return {
    kind: 'college',
    nameZh: `测试职业技术学院${n}`,
    nameEn: `Test Vocational College ${n}`,
    province: '江苏省',
    city: '苏州市',
    enterpriseType: null,
    ...overrides,
  };
}

export function buildPerson(overrides: Partial<NewPerson> = {}): NewPerson {
  const n = next();
  return {
    email: `person${n}@test.zerodock.local`,
    displayName: `测试用户${n}`,
    passwordHash: 'not-a-hash',
    ...overrides,
  };
}

export async function createOrganisation(repositories: Repositories, overrides: Partial<NewOrganisation> = {}) {
  return repositories.organisations.create(buildOrganisation(overrides));
}

export async function createPerson(repositories: Repositories, overrides: Partial<NewPerson> = {}) {
  return repositories.people.create(buildPerson(overrides), new Date('2026-09-01T08:00:00Z'));
}
