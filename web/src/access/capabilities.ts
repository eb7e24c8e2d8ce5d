import type { RouteKey } from '../../../src/contracts/route-keys.js';
import type { SessionResponse } from '../api/contracts.js';

export type { RouteKey };

/**
 * Whether the signed-in person may call an API route — as the server computed it from its own route policies and
 * sent with the session. Tenant routes (those with `:organisationId`) are asked about one organisation. The UI
 * offers exactly what this says; the server still decides every request.
 */
export function can(
  session: Pick<SessionResponse, 'capabilities'>,
  key: RouteKey,
  organisationId?: string | null,
): boolean {
  const { capabilities } = session;
  if (!isTenantRoute(key)) return capabilities.anywhere.includes(key);
  if (!organisationId) return false;
  return (
    capabilities.everyOrganisation.includes(key) || (capabilities.organisations[organisationId]?.includes(key) ?? false)
  );
}

export function isTenantRoute(key: RouteKey): boolean {
  return key.includes(':organisationId');
}
