import { createContext } from 'react';
import type { Membership, Role, SessionResponse } from '../../../api/contracts.js';

export interface SessionContextValue {
  session: SessionResponse;
  /** The membership of the active organisation, or null when the person belongs nowhere. */
  activeMembership: Membership | null;
  /** Roles in the active organisation: what the navigation and the pages go by. */
  activeRoles: readonly Role[];
  /** Adopt a fresh session answer (after switching organisation or language). */
  replaceSession: (session: SessionResponse) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
