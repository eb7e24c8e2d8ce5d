import type { AcceptInvitationRequest, InvitationPreview } from '../contracts/auth.js';
import type { Invitation } from '../contracts/organisations.js';
import { assertPasswordAcceptable } from '../core/access/password-policy.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { InvitationRecord } from '../storage/repositories/invitation.repository.js';
import type { PersonRecord } from '../storage/repositories/person.repository.js';
import { startSession, verifyPassword, type AuthenticatedSession, type RequestOrigin } from './auth-service.js';
import { hashInvitationCode, presentInvitation } from './member-service.js';
import type { ServiceContext } from './service-context.js';

/**
 * The invitee's side of an invitation. With the one-time code (the link the organisation's admin handed over), the
 * holder sees what the invitation offers and accepts it by signing in: with the password of the invited e-mail's
 * account when it exists, otherwise with the password of the account this creates. A signed-in person sees the
 * invitations addressed to their e-mail and accepts or declines them without a code. Every way out of an invalid,
 * used or expired code is the same 404, so a code reveals nothing until it is valid.
 */
export async function previewInvitation(context: ServiceContext, code: string): Promise<InvitationPreview> {
  const invitation = await findPendingByCode(context.store.repositories, code, context.clock());
  return {
    organisationNameZh: invitation.organisationNameZh,
    organisationNameEn: invitation.organisationNameEn,
    organisationKind: invitation.organisationKind,
    email: invitation.email,
    displayName: invitation.displayName,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt,
  };
}

export async function acceptInvitationWithCode(
  context: ServiceContext,
  request: AcceptInvitationRequest,
  origin: RequestOrigin,
): Promise<{ token: string; auth: AuthenticatedSession }> {
  const repositories = context.store.repositories;
  const now = context.clock();
  const invitation = await findPendingByCode(repositories, request.code, now);
  let person = await repositories.people.findByEmail(invitation.email);
  if (person) {
    if (!(await verifyPassword(context, person, request.password))) {
      await repositories.auditEvents.record({
        occurredAt: now,
        action: 'login.failed',
        actorPersonId: person.id,
        actorEmail: invitation.email,
        ip: origin.ip,
        details: { reason: person.disabled ? 'disabled' : 'wrong_password', invitationId: invitation.id },
      });
      throw new DomainError('INVALID_CREDENTIALS', 'The password is wrong for this e-mail address', {
        field: 'password',
      });
    }
  } else {
    try {
      assertPasswordAcceptable(request.password, invitation.email);
    } catch (error) {
      if (error instanceof DomainError) error.details.field = 'password';
      throw error;
    }
  }
  const passwordHash = person ? null : await context.passwords.hash(request.password);
  const accepted: PersonRecord = await context.store.transaction(async (transaction) => {
    const locked = await lockPending(transaction, invitation.id, now);
    const who =
      person ??
      (await transaction.people.create(
        { email: locked.email, displayName: request.displayName ?? locked.displayName, passwordHash },
        now,
      ));
    await join(transaction, locked, who, now, origin.ip);
    return who;
  });
  person = accepted;
  return startSession(context, person, origin, now);
}

/** Pending invitations addressed to the signed-in person's e-mail. */
export async function listMyInvitations(
  context: ServiceContext,
  auth: AuthenticatedSession,
): Promise<{ items: Invitation[] }> {
  const now = context.clock();
  if (!auth.person.email) return { items: [] };
  const found = await context.store.repositories.invitations.listPendingForEmail(auth.person.email, now);
  return { items: found.map((invitation) => presentInvitation(invitation, now)) };
}

/** Accepts or declines one of the signed-in person's own invitations. */
export async function answerMyInvitation(
  context: ServiceContext,
  auth: AuthenticatedSession,
  invitationId: string,
  answer: 'accept' | 'decline',
  origin: RequestOrigin,
): Promise<void> {
  const now = context.clock();
  await context.store.transaction(async (transaction) => {
    const invitation = await lockPending(transaction, invitationId, now);
    if (invitation.email.toLowerCase() !== auth.person.email?.toLowerCase()) {
      throw new DomainError('INVITATION_NOT_FOUND', 'No such invitation for you', { invitationId });
    }
    if (answer === 'accept') {
      await join(transaction, invitation, auth.person, now, origin.ip);
      return;
    }
    await transaction.invitations.decide(invitation.id, 'declined', null, now);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'invitation.declined',
      actorPersonId: auth.person.id,
      actorEmail: auth.person.email,
      organisationId: invitation.organisationId,
      ip: origin.ip,
      details: { invitationId: invitation.id },
    });
  });
}

async function join(
  repositories: Repositories,
  invitation: InvitationRecord,
  person: PersonRecord,
  now: Date,
  ip: string | null,
): Promise<void> {
  await repositories.memberships.grant(person.id, invitation.organisationId, invitation.roles);
  await repositories.invitations.decide(invitation.id, 'accepted', person.id, now);
  await repositories.auditEvents.record({
    occurredAt: now,
    action: 'invitation.accepted',
    actorPersonId: person.id,
    actorEmail: person.email,
    organisationId: invitation.organisationId,
    ip,
    details: { invitationId: invitation.id, roles: invitation.roles },
  });
}

async function findPendingByCode(repositories: Repositories, code: string, now: Date): Promise<InvitationRecord> {
  const invitation = await repositories.invitations.findByCodeHash(hashInvitationCode(code));
  if (!invitation || !isOpen(invitation, now)) {
    throw new DomainError('INVITATION_NOT_FOUND', 'This invitation link is not valid (used, withdrawn or expired)', {
      field: 'code',
    });
  }
  return invitation;
}

/** Locks an invitation inside a transaction and checks it is still open (two acceptances at once keep one). */
async function lockPending(repositories: Repositories, invitationId: string, now: Date): Promise<InvitationRecord> {
  await repositories.invitations.lock(invitationId);
  const invitation = await repositories.invitations.findById(invitationId);
  if (!invitation || !isOpen(invitation, now)) {
    throw new DomainError('INVITATION_NOT_FOUND', 'This invitation is no longer open', { invitationId });
  }
  return invitation;
}

function isOpen(invitation: InvitationRecord, now: Date): boolean {
  return invitation.status === 'pending' && new Date(invitation.expiresAt).getTime() > now.getTime();
}
