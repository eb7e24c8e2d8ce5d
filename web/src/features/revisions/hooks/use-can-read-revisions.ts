import { useSession } from '../../auth/hooks/use-session.js';

/**
 * Whether the person reads the college's revisions: the same people as its specialty-group pages (the server's
 * revision routes use the same policy), so students who see a course system are not offered them.
 */
export function useCanReadRevisions(organisationId: string): boolean {
  const { can } = useSession();
  return can('GET /api/organisations/:organisationId/specialty-groups', organisationId);
}
