import type { ReactNode } from 'react';
import { findNavigationEntry, isNavigationAllowed, type NavigationKey } from '../../../access/navigation.js';
import { ForbiddenPage } from '../../../pages/ForbiddenPage.js';
import { useSession } from '../hooks/use-session.js';

/** Renders the page only when the roles in the active organisation allow it; a 403 page otherwise. */
export function RequireRoles({ page, children }: { page: NavigationKey; children: ReactNode }) {
  const { activeRoles } = useSession();
  return isNavigationAllowed(findNavigationEntry(page), activeRoles) ? children : <ForbiddenPage />;
}
