import type { AuditAction } from '../contracts/audit.js';
import { hasRoleIn, isPlatformAdmin, type Actor } from '../core/access/actor.js';
import { ORGANISATION_ADMIN_ROLES } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { ServiceContext } from './service-context.js';

/**
 * The security audit log. A platform admin reads all of it; an organisation admin only the events of an
 * organisation they administer, and must say which.
 */
export async function listAuditEvents(
  context: ServiceContext,
  actor: Actor,
  filter: { organisationId?: string | undefined; action?: AuditAction | undefined; limit: number; offset: number },
) {
  if (!isPlatformAdmin(actor)) {
    // Without an explicit organisation, an organisation admin reads the log of the one they work in.
    filter = { ...filter, organisationId: filter.organisationId ?? actor.activeOrganisationId ?? undefined };
    if (!filter.organisationId || !hasRoleIn(actor, filter.organisationId, ORGANISATION_ADMIN_ROLES)) {
      throw new DomainError('FORBIDDEN', 'You do not administer that organisation', { field: 'organisationId' });
    }
  }
  const page = await context.store.repositories.auditEvents.list(filter);
  const ids = new Set<string>();
  for (const event of page.items) collectIds(event.details, ids);
  const names = await context.store.repositories.auditEvents.namesOf(
    [...ids],
    isPlatformAdmin(actor) ? null : (filter.organisationId ?? null),
  );
  return { ...page, names: Object.fromEntries(names), limit: filter.limit, offset: filter.offset };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every UUID among the values of a details record (nested records and lists included), at most 1,000. */
function collectIds(value: unknown, into: Set<string>): void {
  if (into.size >= 1000) return;
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectIds(item, into);
  }
}
