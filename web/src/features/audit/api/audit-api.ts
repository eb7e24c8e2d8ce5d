import { api } from '../../../api/api-client.js';
import type { AuditAction, AuditEventList } from '../../../api/contracts.js';

export interface AuditQuery {
  organisationId?: string;
  action?: AuditAction;
  limit: number;
  offset: number;
}

/** Platform admins see every event; organisation admins pass their organisation. */
export function listAuditEvents(query: AuditQuery, signal?: AbortSignal): Promise<AuditEventList> {
  return api.get<AuditEventList>('/api/audit-events', { query: { ...query }, signal });
}
