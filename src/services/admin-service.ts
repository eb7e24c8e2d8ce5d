import { assertPasswordAcceptable } from '../core/access/password-policy.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { ServiceContext } from './service-context.js';

export const PLATFORM_ORGANISATION = {
  kind: 'platform',
  nameZh: 'Zerodock 平台运营',
  nameEn: 'Zerodock platform operations',
  province: '—',
  city: '—',
  enterpriseType: null,
} as const;

/**
 * Creates a platform administrator (the first one after installing, or another later). The platform
 * organisation is created with the first admin.
 */
export async function createPlatformAdmin(
  context: ServiceContext,
  request: { email: string; displayName: string; password: string },
): Promise<{ personId: string; organisationId: string }> {
  assertPasswordAcceptable(request.password, request.email);
  const passwordHash = await context.passwords.hash(request.password);
  const now = context.clock();
  return context.store.transaction(async (transaction) => {
    if (await transaction.people.findByEmail(request.email)) {
      throw new DomainError('EMAIL_TAKEN', `A person with e-mail ${request.email} exists already`, { field: 'email' });
    }
    const platform =
      (await transaction.organisations.findByNameZh(PLATFORM_ORGANISATION.nameZh)) ??
      (await transaction.organisations.create(PLATFORM_ORGANISATION));
    const person = await transaction.people.create(
      { email: request.email, displayName: request.displayName, passwordHash },
      now,
    );
    await transaction.memberships.grant(person.id, platform.id, ['platform_admin']);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'admin.created',
      actorPersonId: person.id,
      actorEmail: person.email,
      organisationId: platform.id,
      details: { via: 'cli' },
    });
    return { personId: person.id, organisationId: platform.id };
  });
}
