import { api, buildUrl } from '../../../api/api-client.js';
import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  Invitation,
  InvitationPreview,
  DemoAccountsResponse,
  Locale,
  EndedSessions,
  MyData,
  SessionList,
  SessionResponse,
  SsoProviderList,
} from '../../../api/contracts.js';

interface OkResponse {
  ok: true;
}

/** The current session; 401 (NOT_AUTHENTICATED / SESSION_EXPIRED) when there is none. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return api.get<SessionResponse>('/api/auth/session', { signal, ignoreSessionLoss: true });
}

/**
 * Signs in with an e-mail or a 学号/工号 (`login`). An e-mail is sent as `email`, the form every server version
 * takes; anything else as `login`.
 */
export function login({ login, password }: { login: string; password: string }): Promise<SessionResponse> {
  const body = login.includes('@') ? { email: login, password } : { login, password };
  return api.post<SessionResponse>('/api/auth/login', body, { ignoreSessionLoss: true });
}

/** Sets a password with a one-time code an admin issued, and signs in (the answer sets the session cookie). */
export function redeemCode(request: { login: string; code: string; newPassword: string }): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/auth/redeem-code', request, { ignoreSessionLoss: true });
}

/** The new password a person must set before anything else (their current one was set by someone else). */
export function setForcedPassword(newPassword: string): Promise<OkResponse> {
  return api.post<OkResponse>('/api/auth/forced-password', { newPassword });
}

/** Organisations whose people sign in through their identity provider (public; empty when none). */
export function listSsoProviders(signal?: AbortSignal): Promise<SsoProviderList> {
  return api.get<SsoProviderList>('/api/auth/sso/providers', { signal, ignoreSessionLoss: true });
}

/** Where the browser goes to sign in through an organisation's identity provider, coming back to `returnTo`. */
export function ssoStartUrl(organisationId: string, returnTo: string): string {
  return buildUrl(`/api/auth/sso/${encodeURIComponent(organisationId)}/start`, { returnTo });
}

export function listMySessions(signal?: AbortSignal): Promise<SessionList> {
  return api.get<SessionList>('/api/auth/sessions', { signal });
}

export function endMySession(sessionId: string): Promise<OkResponse> {
  return api.delete<OkResponse>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`);
}

export function endMyOtherSessions(): Promise<EndedSessions> {
  return api.post<EndedSessions>('/api/auth/sessions/end-others');
}

export function fetchMyData(signal?: AbortSignal): Promise<MyData> {
  return api.get<MyData>('/api/auth/my-data', { signal });
}

export function logout(): Promise<OkResponse> {
  return api.post<OkResponse>('/api/auth/logout', undefined, { ignoreSessionLoss: true });
}

export function fetchDemoAccounts(signal?: AbortSignal): Promise<DemoAccountsResponse> {
  return api.get<DemoAccountsResponse>('/api/auth/demo-accounts', { signal });
}

export function changePassword(request: ChangePasswordRequest): Promise<OkResponse> {
  return api.post<OkResponse>('/api/auth/password', request);
}

export function setActiveOrganisation(organisationId: string): Promise<SessionResponse> {
  return api.put<SessionResponse>('/api/auth/active-organisation', { organisationId });
}

export function setSessionLocale(locale: Locale): Promise<SessionResponse> {
  return api.put<SessionResponse>('/api/auth/locale', { locale });
}

/** Invitations addressed to the signed-in person's e-mail. */
export function listMyInvitations(signal?: AbortSignal): Promise<{ items: Invitation[] }> {
  return api.get<{ items: Invitation[] }>('/api/auth/invitations', { signal });
}

export function answerMyInvitation(invitationId: string, answer: 'accept' | 'decline'): Promise<OkResponse> {
  return api.post<OkResponse>(`/api/auth/invitations/${encodeURIComponent(invitationId)}/${answer}`);
}

/** What an invitation code offers; INVITATION_NOT_FOUND when it is used, withdrawn, expired or wrong. */
export function previewInvitation(code: string): Promise<InvitationPreview> {
  return api.post<InvitationPreview>('/api/invitations/preview', { code }, { ignoreSessionLoss: true });
}

/** Accepts an invitation with its code and signs in (the session cookie is set by the answer). */
export function acceptInvitation(request: AcceptInvitationRequest): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/invitations/accept', request, { ignoreSessionLoss: true });
}
