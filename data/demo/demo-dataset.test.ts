import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES, isRoleAllowedForKind } from '../../src/core/access/roles.js';
import { readDemoDataset } from '../../src/services/demo-service.js';

const dataset = readDemoDataset(path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-dataset.json'));

describe('the demo dataset', () => {
  it('has the organisations the scheme needs: a city office, its steering committee, two colleges, a manufacturer and three providers', () => {
    const kinds = dataset.organisations.map(
      (organisation) => `${organisation.kind}:${organisation.enterpriseType ?? ''}`,
    );
    expect(kinds.filter((kind) => kind === 'city_office:')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'college:')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'enterprise:manufacturer')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'enterprise:service_provider')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'committee:')).toHaveLength(1);
  });

  it('seats the steering committee with people of an enterprise, a college and the city office', () => {
    const kindOf = new Map(dataset.organisations.map((organisation) => [organisation.key, organisation.kind]));
    const seated = dataset.people.filter((person) =>
      person.memberships.some((membership) => kindOf.get(membership.organisation) === 'committee'),
    );
    const homes = new Set(
      seated.flatMap((person) =>
        person.memberships
          .map((membership) => kindOf.get(membership.organisation))
          .filter((kind) => kind !== 'committee'),
      ),
    );
    expect([...homes].sort()).toEqual(['city_office', 'college', 'enterprise']);
  });

  it('labels every organisation as demo data in both languages', () => {
    for (const organisation of dataset.organisations.filter((candidate) => candidate.kind !== 'platform')) {
      expect(organisation.nameZh).toContain('（演示）');
      expect(organisation.nameEn).toContain('(demo)');
    }
  });

  it('offers a featured demo account for every role', () => {
    const featuredRoles = new Set(
      dataset.people
        .filter((person) => person.featured)
        .flatMap((person) => person.memberships.flatMap((m) => m.roles)),
    );
    expect([...featuredRoles].sort()).toEqual([...ROLES].sort());
  });

  it('uses unique e-mails on the reserved demo domain and only roles each organisation kind may grant', () => {
    const emails = dataset.people.map((person) => person.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => email.endsWith('@demo.zerodock.local'))).toBe(true);
    const kinds = new Map(dataset.organisations.map((organisation) => [organisation.key, organisation.kind]));
    for (const person of dataset.people) {
      for (const membership of person.memberships) {
        const kind = kinds.get(membership.organisation);
        expect(kind).toBeDefined();
        for (const role of membership.roles) expect(kind && isRoleAllowedForKind(role, kind)).toBe(true);
      }
    }
  });

  it('has at least one person who works for an enterprise and teaches at a college (dual mentor)', () => {
    const dual = dataset.people.filter((person) => {
      const kinds = person.memberships.map((m) => dataset.organisations.find((o) => o.key === m.organisation)?.kind);
      return kinds.includes('college') && kinds.includes('enterprise');
    });
    expect(dual.length).toBeGreaterThanOrEqual(1);
  });
});
