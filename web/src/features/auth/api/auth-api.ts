import { api } from '../../../api/api-client.js';
import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  Invitation,
  InvitationPreview,
  DemoAccountsResponse,
  Locale,
  LoginRequest,
  SessionResponse,
} from '../../../api/contracts.js';

interface OkResponse {
  ok: true;
}

/** The current session; 401 (NOT_AUTHENTICATED / SESSION_EXPIRED) when there is none. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return api.get<SessionResponse>('/api/auth/session', { signal, ignoreSessionLoss: true });
}

export function login(request: LoginRequest): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/auth/login', request, { ignoreSessionLoss: true });
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
