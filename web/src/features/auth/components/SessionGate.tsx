import { Alert, Button, Result } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { can } from '../../../access/capabilities.js';
import { onPasswordChangeRequired, onSessionLost, setCsrfToken } from '../../../api/api-client.js';
import { isApiError, SESSION_LOST_CODES } from '../../../api/api-error.js';
import type { SessionResponse } from '../../../api/contracts.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { changeLocale, currentLocale } from '../../../i18n/i18n.js';
import { readStoredLocale } from '../../../i18n/locale.js';
import { translateError } from '../../../i18n/translate-error.js';
import { fetchSession, logout as logoutRequest, setSessionLocale } from '../api/auth-api.js';
import { findActiveMembership } from '../find-active-membership.js';
import { SessionContext, type SessionContextValue } from '../hooks/session-context.js';
import { ForcedPasswordPage } from './ForcedPasswordPage.js';
// Not lazy: a logged-out visitor needs it at once, and a returning one needs its antd parts soon after anyway.
import { LoginPage, type LoginNotice } from './LoginPage.js';

type GateState =
  | { kind: 'loading' }
  | { kind: 'anonymous'; notice: LoginNotice | null }
  | { kind: 'authenticated'; session: SessionResponse }
  | { kind: 'failed'; error: unknown };

/**
 * Asks the server for the session once, then renders either the login page (for any URL, so the person lands
 * where they were going) or the app. Any API call that finds the session gone brings the login page back.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'authenticated', session });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => {
        // A returning person gets the language saved on their account.
        if (session.person.locale !== currentLocale()) void changeLocale(session.person.locale);
        adopt(session);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && SESSION_LOST_CODES.includes(error.code)) {
          setState({ kind: 'anonymous', notice: error.code === 'SESSION_EXPIRED' ? 'sessionExpired' : null });
        } else {
          setState({ kind: 'failed', error });
        }
      },
    );
    return () => controller.abort();
  }, [adopt, attempt]);

  useEffect(
    () =>
      onSessionLost((code) => {
        setCsrfToken(null);
        setState({ kind: 'anonymous', notice: code === 'SESSION_EXPIRED' ? 'sessionExpired' : null });
      }),
    [],
  );

  // The server refused a call because the password must be changed first (an admin reset it meanwhile).
  useEffect(
    () =>
      onPasswordChangeRequired(() =>
        setState((current) =>
          current.kind === 'authenticated' && !current.session.person.mustChangePassword
            ? {
                kind: 'authenticated',
                session: { ...current.session, person: { ...current.session.person, mustChangePassword: true } },
              }
            : current,
        ),
      ),
    [],
  );

  const handleLoggedIn = useCallback(
    (session: SessionResponse) => {
      adopt(session);
      // The language picked on the login page wins over the one saved on the account, and is saved there.
      const chosen = readStoredLocale();
      if (chosen && chosen !== session.person.locale) {
        setSessionLocale(chosen).then(adopt, () => undefined);
      } else if (!chosen && session.person.locale !== currentLocale()) {
        void changeLocale(session.person.locale);
      }
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    // Whatever the server says (even "already expired"), this browser is logged out now.
    await logoutRequest().catch(() => undefined);
    setCsrfToken(null);
    setState({ kind: 'anonymous', notice: 'loggedOut' });
    void navigate('/', { replace: true });
  }, [navigate]);

  const contextValue = useMemo<SessionContextValue | null>(() => {
    if (state.kind !== 'authenticated') return null;
    const activeMembership = findActiveMembership(state.session);
    return {
      session: state.session,
      activeMembership,
      activeRoles: activeMembership?.roles ?? [],
      can: (key, organisationId) =>
        can(state.session, key, organisationId === undefined ? state.session.activeOrganisationId : organisationId),
      replaceSession: adopt,
      logout,
    };
  }, [state, adopt, logout]);

  switch (state.kind) {
    case 'loading':
      return <PageLoading fullScreen />;
    case 'failed':
      return (
        <Result
          status="error"
          title={t('errors.loadFailed')}
          subTitle={<Alert type="error" title={translateError(t, state.error)} showIcon />}
          extra={
            <Button
              type="primary"
              onClick={() => {
                setState({ kind: 'loading' });
                setAttempt((value) => value + 1);
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      );
    case 'anonymous':
      return <LoginPage notice={state.notice} onLoggedIn={handleLoggedIn} />;
    case 'authenticated':
      // Until a password someone else set is replaced, every URL shows the page that replaces it.
      if (state.session.person.mustChangePassword) {
        return <ForcedPasswordPage session={state.session} onDone={adopt} onLogout={() => void logout()} />;
      }
      return (
        <SessionContext.Provider value={contextValue}>
          <Suspense fallback={<PageLoading fullScreen />}>
            <Outlet />
          </Suspense>
        </SessionContext.Provider>
      );
  }
}
