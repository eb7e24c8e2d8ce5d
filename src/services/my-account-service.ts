import type { MyData, RedeemCodeRequest, SessionEntry } from '../contracts/accounts.js';
import { assertPasswordAcceptable } from '../core/access/password-policy.js';
import { DomainError } from '../core/errors/domain-error.js';
import { hashOneTimeCode } from './account-service.js';
import { startSession, type AuthenticatedSession, type RequestOrigin } from './auth-service.js';
import type { ServiceContext } from './service-context.js';

/** The audit events a person sees of themselves. */
const MY_AUDIT_EVENTS = 200;

/**
 * Redeems a one-time reset or activation code: the person names themselves (e-mail or 学号/工号), gives the code and
 * a new password. On success the password is set (and no longer must be changed), the code is used, every other
 * session of the person ends and a new one opens. Every refusal — unknown person, disabled account, wrong, used,
 * voided or expired code — is the same RESET_CODE_INVALID, recorded with its reason.
 */
export async function redeemCode(
  context: ServiceContext,
  request: RedeemCodeRequest,
  origin: RequestOrigin,
): Promise<{ token: string; auth: AuthenticatedSession }> {
  const { repositories } = context.store;
  const now = context.clock();
  // The policy first, on the name given: a weak password is refused before anything about the code is known.
  try {
    assertPasswordAcceptable(request.newPassword, request.login);
  } catch (error) {
    if (error instanceof DomainError) error.details.field = 'newPassword';
    throw error;
  }
  const person = await repositories.accounts.findPersonByLogin(request.login);
  const codeHash = person ? hashOneTimeCode(person.id, request.code) : null;
  const usable = person && codeHash ? await repositories.passwordResets.isUsable(codeHash, person.id, now) : false;
  const refuse = async (reason: string) => {
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'reset_code.failed',
      actorPersonId: person?.id ?? null,
      actorEmail: request.login.slice(0, 254),
      ip: origin.ip,
      details: { reason, ...(person ? { personId: person.id } : {}) },
    });
    return new DomainError('RESET_CODE_INVALID', 'This code is not valid (wrong, used or expired)', {
      field: 'code',
    });
  };
  if (!person || !codeHash) throw await refuse('unknown_login');
  if (person.disabled) throw await refuse('disabled');
  if (!usable) throw await refuse('wrong_used_or_expired');
  const passwordHash = await context.passwords.hash(request.newPassword);
  const redeemed = await context.store.transaction(async (transaction) => {
    if (!(await transaction.passwordResets.use(codeHash, person.id, now))) return null;
    await transaction.accounts.setPassword(person.id, passwordHash, false, now);
    const ended = await transaction.sessions.deleteForPerson(person.id);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'reset_code.redeemed',
      actorPersonId: person.id,
      actorEmail: person.email ?? person.loginId,
      ip: origin.ip,
      details: { personId: person.id, sessionsEnded: ended },
    });
    return ended;
  });
  // Another request used the code between the check and the transaction.
  if (redeemed === null) throw await refuse('wrong_used_or_expired');
  return startSession(context, { ...person, passwordHash, mustChangePassword: false }, origin, now, {
    method: 'reset_code',
  });
}

/**
 * Sets the password of a signed-in person whose password was set by someone else (must_change_password); every
 * other session of theirs ends. Refused (409) when no change is required: then the current password is asked for.
 */
export async function setForcedPassword(
  context: ServiceContext,
  auth: AuthenticatedSession,
  newPassword: string,
  origin: RequestOrigin,
): Promise<AuthenticatedSession> {
  if (!auth.person.mustChangePassword) {
    throw new DomainError('CONFLICT', 'No new password is required; change it with the current one', {
      reason: 'password_change_not_required',
    });
  }
  try {
    assertPasswordAcceptable(newPassword, auth.person.email ?? auth.person.loginId ?? '');
  } catch (error) {
    if (error instanceof DomainError) error.details.field = 'newPassword';
    throw error;
  }
  if (auth.person.passwordHash && (await context.passwords.verify(auth.person.passwordHash, newPassword))) {
    throw new DomainError('PASSWORD_UNCHANGED', 'The new password equals the one you were given', {
      field: 'newPassword',
    });
  }
  const now = context.clock();
  const passwordHash = await context.passwords.hash(newPassword);
  await context.store.transaction(async (transaction) => {
    await transaction.accounts.setPassword(auth.person.id, passwordHash, false, now);
    const ended = await transaction.sessions.deleteForPerson(auth.person.id, auth.session.tokenHash);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'password.changed',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email ?? auth.person.loginId,
      ip: origin.ip,
      details: { forced: true, otherSessionsEnded: ended },
    });
  });
  const person = { ...auth.person, passwordHash, mustChangePassword: false };
  return { ...auth, person, actor: { ...auth.actor, mustChangePassword: false } };
}

/** The signed-in person's live sessions, the current one flagged. */
export async function listMySessions(context: ServiceContext, auth: AuthenticatedSession): Promise<SessionEntry[]> {
  return context.store.repositories.sessions.listForPerson(auth.person.id, auth.session.tokenHash, context.clock());
}

/** Ends one of the person's own sessions; another person's session id is not found (404), never ended. */
export async function endMySession(
  context: ServiceContext,
  auth: AuthenticatedSession,
  sessionId: string,
  origin: RequestOrigin,
): Promise<void> {
  await context.store.transaction(async (transaction) => {
    if (!(await transaction.sessions.deleteByIdForPerson(sessionId, auth.person.id))) {
      throw new DomainError('SESSION_NOT_FOUND', 'You have no session with this id', { sessionId });
    }
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'session.ended',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email ?? auth.person.loginId,
      ip: origin.ip,
      details: { sessionId },
    });
  });
}

/** Signs the person out everywhere but here. */
export async function endMyOtherSessions(
  context: ServiceContext,
  auth: AuthenticatedSession,
  origin: RequestOrigin,
): Promise<number> {
  return context.store.transaction(async (transaction) => {
    const ended = await transaction.sessions.deleteForPerson(auth.person.id, auth.session.tokenHash);
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'sessions.ended',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email ?? auth.person.loginId,
      ip: origin.ip,
      details: { personId: auth.person.id, ended, scope: 'others' },
    });
    return ended;
  });
}

/**
 * Everything Zerodock stores about the signed-in person (a subject access view): the person, memberships, roster
 * entries with their fields (unmasked: it is their own data), live sessions, and the last 200 audit events they
 * caused or that name them. The viewing is audited.
 */
export async function readMyData(
  context: ServiceContext,
  auth: AuthenticatedSession,
  origin: RequestOrigin,
): Promise<MyData> {
  const { repositories } = context.store;
  const now = context.clock();
  await repositories.auditEvents.record({
    occurredAt: now,
    action: 'personal_data.viewed',
    actorPersonId: auth.person.id,
    actorEmail: auth.person.email ?? auth.person.loginId,
    ip: origin.ip,
    details: { personId: auth.person.id, scope: 'self' },
  });
  // One after another: PGlite has one connection, and this is not a hot path.
  const details = await repositories.accounts.personDetails(auth.person.id);
  const memberships = await repositories.memberships.listForPerson(auth.person.id);
  const rosterEntries = await repositories.accounts.rosterEntriesOf(auth.person.id);
  const sessions = await repositories.sessions.countForPerson(auth.person.id, now);
  const auditEvents = await repositories.accounts.auditEventsOf(auth.person.id, MY_AUDIT_EVENTS);
  return {
    person: {
      id: auth.person.id,
      displayName: auth.person.displayName,
      email: auth.person.email,
      loginId: auth.person.loginId,
      locale: auth.person.locale,
      createdAt: auth.person.createdAt,
      passwordChangedAt: details?.passwordChangedAt ?? null,
    },
    memberships: memberships.map((membership) => ({
      organisationId: membership.organisationId,
      organisationNameZh: membership.organisationNameZh,
      organisationNameEn: membership.organisationNameEn,
      roles: membership.roles,
    })),
    rosterEntries,
    sessions,
    auditEvents,
  };
}
