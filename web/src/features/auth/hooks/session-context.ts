import { createContext } from 'react';
import type { RouteKey } from '../../../access/capabilities.js';
import type { Membership, Role, SessionResponse } from '../../../api/contracts.js';

export interface SessionContextValue {
  session: SessionResponse;
  /** The membership of the active organisation, or null when the person belongs nowhere. */
  activeMembership: Membership | null;
  /** Roles in the active organisation: what the navigation and the pages go by. */
  activeRoles: readonly Role[];
  /**
   * Whether the person may call an API route (tenant routes: in `organisationId`, by default the active one), from
   * the capabilities the server sent with the session.
   */
  can: (key: RouteKey, organisationId?: string | null) => boolean;
  /** Adopt a fresh session answer (after switching organisation or language). */
  replaceSession: (session: SessionResponse) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
