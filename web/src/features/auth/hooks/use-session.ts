import { useContext } from 'react';
import { SessionContext, type SessionContextValue } from './session-context.js';

/** The logged-in session; only usable below SessionGate, which renders the login page otherwise. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used below <SessionGate>');
  return value;
}
