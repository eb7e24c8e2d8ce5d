import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionResponse } from '../contracts/auth.js';
import { chooseActiveOrganisation, isMemberOf, type Actor } from '../core/access/actor.js';
import type { Capabilities } from '../core/access/compute-capabilities.js';
import { assertPasswordAcceptable } from '../core/access/password-policy.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { PersonMembership } from '../storage/repositories/membership.repository.js';
import type { Locale, PersonRecord } from '../storage/repositories/person.repository.js';
import type { SessionRecord, SignInMethod } from '../storage/repositories/session.repository.js';
import type { ServiceContext } from './service-context.js';

/** A session idles out after 8 hours and ends after 7 days whatever happens. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A resolved, valid session: the person, their memberships and the session row. */
export interface AuthenticatedSession {
  readonly session: SessionRecord;
  readonly person: PersonRecord;
  readonly memberships: PersonMembership[];
  readonly actor: Actor;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Equal-time comparison of two CSRF tokens. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const left = Buffer.from(expected);
  const right = Buffer.from(given);
  return left.length === right.length && timingSafeEqual(left, right);
}

// A real argon2id hash of a random string, verified when the e-mail is unknown so that a wrong e-mail and a
// wrong password take the same time.
let decoyHash: Promise<string> | undefined;

/** The name a sign-in request gives: `login` (e-mail or 学号/工号), or `email` from older clients. */
export function loginNameOf(credentials: { login: string } | { email: string }): string {
  return 'login' in credentials ? credentials.login : credentials.email;
}

/** Signs in with the e-mail or the 学号/工号 and the password; every refusal is the same and takes the same time. */
export async function login(
  context: ServiceContext,
  credentials: ({ login: string } | { email: string }) & { password: string },
  origin: RequestOrigin,
): Promise<{ token: string; auth: AuthenticatedSession }> {
  const { repositories } = context.store;
  const name = loginNameOf(credentials);
  const person = await repositories.accounts.findPersonByLogin(name);
  decoyHash ??= context.passwords.hash(randomBytes(16).toString('hex'));
  const passwordHash = person?.passwordHash ?? (await decoyHash);
  const valid = await context.passwords.verify(passwordHash, credentials.password);
  const now = context.clock();
  if (!person || !person.passwordHash || !valid || person.disabled) {
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'login.failed',
      actorPersonId: person?.id ?? null,
      actorEmail: name.slice(0, 254),
      ip: origin.ip,
      details: {
        reason: !person
          ? name.includes('@')
            ? 'unknown_email'
            : 'unknown_login'
          : person.disabled
            ? 'disabled'
            : 'wrong_password',
      },
    });
    throw new DomainError('INVALID_CREDENTIALS', 'E-mail, number or password is wrong', {});
  }
  return startSession(context, person, origin, now, { method: 'password' });
}

/** Verifies a password against a person's hash, or against a decoy hash when there is none (equal timing). */
export async function verifyPassword(
  context: ServiceContext,
  person: PersonRecord | undefined,
  password: string,
): Promise<boolean> {
  decoyHash ??= context.passwords.hash(randomBytes(16).toString('hex'));
  const passwordHash = person?.passwordHash ?? (await decoyHash);
  const valid = await context.passwords.verify(passwordHash, password);
  return valid && Boolean(person?.passwordHash) && !person?.disabled;
}

/** How a session was opened, and what its audit event says. */
export interface SessionOpening {
  /** `sessions.method`: password (also an accepted invitation), reset_code, cas, oidc. */
  readonly method: SignInMethod;
  /** The organisation to work in first (kept only if the person is a member; default: their first). */
  readonly organisationId?: string | null;
  readonly auditAction?: 'login.succeeded' | 'sso.login';
  readonly auditDetails?: Record<string, unknown>;
}

/**
 * Opens a new session for a person who has just proven who they are (login, accepting an invitation, redeeming a
 * code, SSO), recording how.
 */
export async function startSession(
  context: ServiceContext,
  person: PersonRecord,
  origin: RequestOrigin,
  now: Date,
  opening: SessionOpening = { method: 'password' },
): Promise<{ token: string; auth: AuthenticatedSession }> {
  const { repositories } = context.store;
  const memberships = await repositories.memberships.listForPerson(person.id);
  const token = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    tokenHash: hashSessionToken(token),
    personId: person.id,
    csrfToken: randomBytes(32).toString('base64url'),
    activeOrganisationId: chooseActiveOrganisation(opening.organisationId ?? null, memberships),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiryOf(now, now),
  };
  await context.store.transaction(async (transaction) => {
    await transaction.sessions.create({
      ...session,
      ip: origin.ip,
      userAgent: origin.userAgent,
      method: opening.method,
    });
    await transaction.auditEvents.record({
      occurredAt: now,
      action: opening.auditAction ?? 'login.succeeded',
      actorPersonId: person.id,
      actorEmail: person.email ?? person.loginId,
      organisationId: session.activeOrganisationId,
      ip: origin.ip,
      details: { method: opening.method, ...opening.auditDetails },
    });
  });
  return { token, auth: { session, person, memberships, actor: toActor(person, memberships, session) } };
}

/** Resolves a session cookie, sliding its idle expiry. Throws NOT_AUTHENTICATED or SESSION_EXPIRED. */
export async function authenticate(
  context: ServiceContext,
  token: string | undefined,
  origin: RequestOrigin,
): Promise<AuthenticatedSession> {
  if (!token) throw new DomainError('NOT_AUTHENTICATED', 'Sign in first', {});
  const { repositories } = context.store;
  const tokenHash = hashSessionToken(token);
  const found = await repositories.sessions.findWithPerson(tokenHash);
  if (!found) throw new DomainError('NOT_AUTHENTICATED', 'Sign in first', {});
  const { session, person, memberships } = found;
  const now = context.clock();
  if (session.expiresAt.getTime() <= now.getTime() || person.disabled) {
    await repositories.sessions.delete(tokenHash);
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'session.expired',
      actorPersonId: session.personId,
      actorEmail: person.email,
      ip: origin.ip,
    });
    throw new DomainError('SESSION_EXPIRED', 'Your session has expired; sign in again', {});
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = expiryOf(session.createdAt, now);
    await repositories.sessions.touch(tokenHash, now, expiresAt);
    session.lastSeenAt = now;
    session.expiresAt = expiresAt;
  }
  const active = chooseActiveOrganisation(session.activeOrganisationId, memberships);
  if (active !== session.activeOrganisationId) {
    await repositories.sessions.setActiveOrganisation(tokenHash, active);
    session.activeOrganisationId = active;
  }
  return { session, person, memberships, actor: toActor(person, memberships, session) };
}

export async function logout(
  context: ServiceContext,
  auth: AuthenticatedSession,
  origin: RequestOrigin,
): Promise<void> {
  await context.store.transaction(async (transaction) => {
    await transaction.sessions.delete(auth.session.tokenHash);
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'logout',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email,
      ip: origin.ip,
    });
  });
}

/** Changes the password after checking the current one; every other session of the person ends. */
export async function changePassword(
  context: ServiceContext,
  auth: AuthenticatedSession,
  request: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<void> {
  const now = context.clock();
  const valid = auth.person.passwordHash
    ? await context.passwords.verify(auth.person.passwordHash, request.currentPassword)
    : false;
  if (!valid) {
    await context.store.repositories.auditEvents.record({
      occurredAt: now,
      action: 'password.change_failed',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email,
      ip: origin.ip,
    });
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong', { field: 'currentPassword' });
  }
  if (request.currentPassword === request.newPassword) {
    throw new DomainError('PASSWORD_UNCHANGED', 'The new password equals the current one', { field: 'newPassword' });
  }
  try {
    assertPasswordAcceptable(request.newPassword, auth.person.email ?? auth.person.loginId ?? '');
  } catch (error) {
    if (error instanceof DomainError) error.details.field = 'newPassword';
    throw error;
  }
  const newHash = await context.passwords.hash(request.newPassword);
  await context.store.transaction(async (transaction) => {
    await transaction.people.updatePasswordHash(auth.person.id, newHash, now);
    const ended = await transaction.sessions.deleteForPerson(auth.person.id, auth.session.tokenHash);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'password.changed',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email,
      ip: origin.ip,
      details: { otherSessionsEnded: ended },
    });
  });
}

export async function setActiveOrganisation(
  context: ServiceContext,
  auth: AuthenticatedSession,
  organisationId: string,
): Promise<AuthenticatedSession> {
  if (!isMemberOf(auth.actor, organisationId)) {
    throw new DomainError('NOT_A_MEMBER', 'You are not a member of that organisation', {
      field: 'organisationId',
    });
  }
  await context.store.repositories.sessions.setActiveOrganisation(auth.session.tokenHash, organisationId);
  const session = { ...auth.session, activeOrganisationId: organisationId };
  return { ...auth, session, actor: toActor(auth.person, auth.memberships, session) };
}

export async function setLocale(
  context: ServiceContext,
  auth: AuthenticatedSession,
  locale: Locale,
): Promise<AuthenticatedSession> {
  await context.store.repositories.people.updateLocale(auth.person.id, locale);
  return { ...auth, person: { ...auth.person, locale } };
}

/**
 * The session as the API shows it: the person, memberships, CSRF token, what they may call (computed by the server
 * from its route policies) and how many invitations wait for them.
 */
export async function presentSession(
  context: ServiceContext,
  auth: AuthenticatedSession,
  capabilitiesOf: (actor: Actor) => Capabilities,
): Promise<SessionResponse> {
  const pending = auth.person.email
    ? await context.store.repositories.invitations.listPendingForEmail(auth.person.email, context.clock())
    : [];
  return {
    person: {
      id: auth.person.id,
      email: auth.person.email,
      loginId: auth.person.loginId,
      displayName: auth.person.displayName,
      locale: auth.person.locale,
      isDemo: auth.person.isDemo,
      mustChangePassword: auth.person.mustChangePassword,
    },
    memberships: auth.memberships,
    activeOrganisationId: auth.session.activeOrganisationId,
    csrfToken: auth.session.csrfToken,
    expiresAt: auth.session.expiresAt.toISOString(),
    capabilities: capabilitiesOf(auth.actor),
    pendingInvitations: pending.length,
  };
}

export function toActor(person: PersonRecord, memberships: PersonMembership[], session: SessionRecord): Actor {
  return {
    personId: person.id,
    // The name the person signs in with: the e-mail, or the 学号/工号 of an account without one.
    email: person.email ?? person.loginId ?? person.id,
    activeOrganisationId: session.activeOrganisationId,
    memberships,
    mustChangePassword: person.mustChangePassword,
  };
}

function expiryOf(createdAt: Date, now: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_ABSOLUTE_MS, now.getTime() + SESSION_IDLE_MS));
}
