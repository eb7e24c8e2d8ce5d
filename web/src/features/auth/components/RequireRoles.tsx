import type { ReactNode } from 'react';
import { findNavigationEntry, isNavigationAllowed, type NavigationKey } from '../../../access/navigation.js';
import { ForbiddenPage } from '../../../pages/ForbiddenPage.js';
import { useSession } from '../hooks/use-session.js';

/** Renders the page only when the session's capabilities offer it in the active organisation; a 403 page otherwise. */
export function RequireRoles({ page, children }: { page: NavigationKey; children: ReactNode }) {
  const { session, activeMembership } = useSession();
  return isNavigationAllowed(findNavigationEntry(page), session, activeMembership?.organisationKind ?? null) ? (
    children
  ) : (
    <ForbiddenPage />
  );
}
