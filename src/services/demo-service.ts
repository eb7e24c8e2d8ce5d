import fs from 'node:fs';
import type { DemoAccountsResponse } from '../contracts/auth.js';
import { demoDatasetSchema, type DemoDataset } from '../contracts/demo-dataset.js';
import { isRoleAllowedForKind } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { ServiceContext } from './service-context.js';

export type ProgressReporter = (done: number, total: number, label: string) => void;

/** Reads and validates a demo dataset file; errors name the file and the JSON path of the bad field. */
export function readDemoDataset(file: string): DemoDataset {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DomainError('IMPORT_FAILED', `${file}: ${(error as Error).message}`, { file });
  }
  const parsed = demoDatasetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join('.') : '';
    throw new DomainError('IMPORT_FAILED', `${file}: field ${field}: ${issue?.message ?? 'invalid'}`, { file, field });
  }
  const keys = new Set(parsed.data.organisations.map((organisation) => organisation.key));
  const kinds = new Map(parsed.data.organisations.map((organisation) => [organisation.key, organisation.kind]));
  parsed.data.people.forEach((person, index) => {
    person.memberships.forEach((membership, membershipIndex) => {
      const field = `people.${index}.memberships.${membershipIndex}`;
      if (!keys.has(membership.organisation)) {
        throw new DomainError('IMPORT_FAILED', `${file}: field ${field}.organisation: unknown organisation key`, {
          file,
          field,
        });
      }
      const kind = kinds.get(membership.organisation);
      const refused = membership.roles.filter((role) => kind && !isRoleAllowedForKind(role, kind));
      if (refused.length > 0) {
        throw new DomainError(
          'IMPORT_FAILED',
          `${file}: field ${field}.roles: ${refused.join(', ')} not allowed for a ${kind}`,
          {
            file,
            field,
          },
        );
      }
    });
  });
  return parsed.data;
}

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(context: ServiceContext): Promise<boolean> {
  return (await context.store.repositories.organisations.count()) === 0;
}

/**
 * Loads the demo dataset in one transaction: all of it or, on any error, nothing. Every organisation and
 * person is marked as demo data.
 */
export async function loadDemoDataset(
  context: ServiceContext,
  dataset: DemoDataset,
  progress: ProgressReporter = () => undefined,
): Promise<{ organisations: number; people: number }> {
  const total = dataset.organisations.length + dataset.people.length;
  progress(0, total, 'hashing demo password');
  const passwordHash = await context.passwords.hash(dataset.password);
  const now = context.clock();
  return context.store.transaction(async (transaction) => {
    let done = 0;
    const organisationIds = new Map<string, string>();
    for (const organisation of dataset.organisations) {
      const existing = await transaction.organisations.findByNameZh(organisation.nameZh);
      const created = existing ?? (await transaction.organisations.create({ ...organisation, isDemo: true }));
      organisationIds.set(organisation.key, created.id);
      progress(++done, total, 'organisations');
    }
    for (const person of dataset.people) {
      if (await transaction.people.findByEmail(person.email)) {
        throw new DomainError(
          'IMPORT_FAILED',
          `A person with e-mail ${person.email} exists already; the demo loads only into a fresh database`,
          {
            field: 'email',
            email: person.email,
          },
        );
      }
      const created = await transaction.people.create(
        { email: person.email, displayName: person.displayName, passwordHash, locale: person.locale, isDemo: true },
        now,
      );
      for (const membership of person.memberships) {
        await transaction.memberships.grant(
          created.id,
          organisationIds.get(membership.organisation) ?? '',
          membership.roles,
        );
      }
      progress(++done, total, 'people');
    }
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'demo.loaded',
      details: { organisations: dataset.organisations.length, people: dataset.people.length },
    });
    return { organisations: dataset.organisations.length, people: dataset.people.length };
  });
}

/** The featured demo accounts that exist in this database, for the login page; empty without a demo. */
export async function listDemoAccounts(
  context: ServiceContext,
  dataset: DemoDataset | null,
): Promise<DemoAccountsResponse> {
  if (!dataset) return { password: null, accounts: [] };
  const accounts: DemoAccountsResponse['accounts'] = [];
  for (const featured of dataset.people.filter((person) => person.featured)) {
    const person = await context.store.repositories.people.findByEmail(featured.email);
    if (!person?.isDemo) continue;
    const memberships = await context.store.repositories.memberships.listForPerson(person.id);
    const first = memberships[0];
    if (!first) continue;
    accounts.push({
      email: featured.email,
      displayName: person.displayName,
      organisationNameZh: first.organisationNameZh,
      organisationNameEn: first.organisationNameEn,
      roles: memberships.flatMap((membership) => membership.roles),
    });
  }
  return { password: accounts.length > 0 ? dataset.password : null, accounts };
}
