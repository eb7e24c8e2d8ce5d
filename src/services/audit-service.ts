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
  return { ...page, limit: filter.limit, offset: filter.offset };
}
