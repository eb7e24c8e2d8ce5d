import { createHash, randomBytes } from 'node:crypto';
import type {
  CreatedInvitation,
  Invitation,
  InviteMemberRequest,
  Member,
  SetMemberRolesRequest,
} from '../contracts/organisations.js';
import type { Actor } from '../core/access/actor.js';
import { decideGrant, grantableRoles, type GrantRefusal } from '../core/access/decide-grant.js';
import type { OrganisationKind, Role } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { InvitationRecord } from '../storage/repositories/invitation.repository.js';
import type { MemberFilter } from '../storage/repositories/membership.repository.js';
import type { ServiceContext } from './service-context.js';

/** An invitation is valid for 14 days. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** Members of one organisation; the caller's right to read them is checked at the route. */
export async function listMembers(context: ServiceContext, organisationId: string, filter: MemberFilter) {
  await requireOrganisation(context, organisationId);
  const page = await context.store.repositories.memberships.listMembers(organisationId, filter);
  return { ...page, limit: filter.limit, offset: filter.offset };
}

/** The roles the caller may hand out in this organisation (what the invitation form offers). */
export async function listGrantableRoles(context: ServiceContext, actor: Actor, organisationId: string) {
  const organisation = await requireOrganisation(context, organisationId);
  return { roles: grantableRoles(actor, organisationId, organisation.kind) };
}

/**
 * Invites someone by e-mail to join the organisation with roles. Nothing about the e-mail's account is looked up
 * or revealed: the answer (an invitation and its one-time code, shown once) is the same whether the person is
 * registered or not, and nobody becomes a member until they accept. A pending invitation to the same e-mail is
 * replaced. The roles must be the caller's to grant there (a college admin cannot hand out committee seats).
 */
export async function inviteMember(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: InviteMemberRequest,
): Promise<CreatedInvitation> {
  const organisation = await requireOrganisation(context, organisationId);
  const roles = [...new Set(request.roles)];
  const selfInvitation = request.email.toLowerCase() === actor.email.toLowerCase() ? actor.personId : null;
  await assertGrant(context, actor, organisationId, organisation.kind, selfInvitation, roles);
  const code = randomBytes(24).toString('base64url');
  const now = context.clock();
  const id = await context.store.transaction(async (transaction) => {
    const created = await transaction.invitations.create({
      organisationId,
      email: request.email,
      displayName: request.displayName,
      roles,
      codeHash: hashInvitationCode(code),
      invitedBy: actor.personId,
      now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'member.invited',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { invitationId: created, email: request.email, roles },
    });
    return created;
  });
  const invitation = await context.store.repositories.invitations.findById(id);
  if (!invitation) throw new Error('invitation vanished after insert');
  return { invitation: presentInvitation(invitation, now), code, acceptPath: `/invitation#code=${code}` };
}

/** The organisation's invitations (pending first), for its administrators. */
export async function listInvitations(
  context: ServiceContext,
  organisationId: string,
  page: { limit: number; offset: number },
) {
  await requireOrganisation(context, organisationId);
  const found = await context.store.repositories.invitations.listForOrganisation(organisationId, page);
  const now = context.clock();
  return {
    items: found.items.map((item) => presentInvitation(item, now)),
    total: found.total,
    limit: page.limit,
    offset: page.offset,
  };
}

/** Withdraws a pending invitation of this organisation. */
export async function revokeInvitation(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await context.store.transaction(async (transaction) => {
    await transaction.invitations.lock(invitationId);
    const invitation = await transaction.invitations.findById(invitationId);
    if (!invitation || invitation.organisationId !== organisationId || invitation.status !== 'pending') {
      throw new DomainError('INVITATION_NOT_FOUND', 'No pending invitation with this id here', { invitationId });
    }
    const now = context.clock();
    await transaction.invitations.decide(invitationId, 'revoked', null, now);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'invitation.revoked',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { invitationId, email: invitation.email },
    });
  });
}

/**
 * Replaces a member's roles in this organisation. Every role given or taken away must be the caller's to grant
 * there, and nobody changes their own roles.
 */
export async function setMemberRoles(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
  request: SetMemberRolesRequest,
): Promise<Member> {
  const organisation = await requireOrganisation(context, organisationId);
  const wanted = [...new Set(request.roles)];
  const changes = (current: readonly Role[]) => ({
    added: wanted.filter((role) => !current.includes(role)),
    removed: current.filter((role) => !wanted.includes(role)),
  });
  // Checked (and a refusal recorded) before the transaction, then again inside it on the locked state: PGlite has
  // one connection, so nothing may be written outside a running transaction.
  const before = changes(await requireMemberRoles(context.store.repositories, personId, organisationId));
  await assertGrant(context, actor, organisationId, organisation.kind, personId, [...before.added, ...before.removed]);
  return context.store.transaction(async (transaction) => {
    const { added, removed } = changes(await requireMemberRoles(transaction, personId, organisationId));
    const refusal = decideGrant(actor, { organisationId, organisationKind: organisation.kind, personId }, [
      ...added,
      ...removed,
    ]);
    if (refusal) throw grantError(refusal, organisation.kind);
    await transaction.memberships.grant(personId, organisationId, added);
    await transaction.memberships.revoke(personId, organisationId, removed);
    const now = context.clock();
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'member.roles_changed',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { personId, added, removed },
    });
    const page = await transaction.memberships.listMembers(organisationId, { limit: 200, offset: 0 });
    const member = page.items.find((item) => item.personId === personId);
    if (!member) throw new Error('member vanished after update');
    return member;
  });
}

/**
 * Removes a person from this organisation (every role they hold here must be the caller's to grant). Their
 * sessions go on — they may belong to other organisations — but lose this organisation at once.
 */
export async function removeMember(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
): Promise<void> {
  const organisation = await requireOrganisation(context, organisationId);
  if (personId === actor.personId) {
    throw new DomainError('CANNOT_REMOVE_SELF', 'You cannot remove yourself from an organisation', {
      field: 'personId',
    });
  }
  await assertGrant(
    context,
    actor,
    organisationId,
    organisation.kind,
    personId,
    await requireMemberRoles(context.store.repositories, personId, organisationId),
  );
  await context.store.transaction(async (transaction) => {
    const roles = await requireMemberRoles(transaction, personId, organisationId);
    const refusal = decideGrant(actor, { organisationId, organisationKind: organisation.kind, personId }, roles);
    if (refusal) throw grantError(refusal, organisation.kind);
    await transaction.memberships.revokeAll(personId, organisationId);
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'member.removed',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { personId, rolesRemoved: roles },
    });
  });
}

async function requireMemberRoles(repositories: Repositories, personId: string, organisationId: string) {
  const roles = await repositories.memberships.rolesOf(personId, organisationId);
  if (roles.length === 0) {
    throw new DomainError('PERSON_NOT_FOUND', 'That person is not a member of this organisation', { personId });
  }
  return roles;
}

export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

export function presentInvitation(invitation: InvitationRecord, now: Date): Invitation {
  const expired = invitation.status === 'pending' && new Date(invitation.expiresAt).getTime() <= now.getTime();
  return {
    id: invitation.id,
    organisationId: invitation.organisationId,
    organisationNameZh: invitation.organisationNameZh,
    organisationNameEn: invitation.organisationNameEn,
    organisationKind: invitation.organisationKind,
    email: invitation.email,
    displayName: invitation.displayName,
    roles: invitation.roles,
    status: expired ? 'expired' : invitation.status,
    invitedByName: invitation.invitedByName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    decidedAt: invitation.decidedAt,
  };
}

/** Refuses (and records the attempt) unless `actor` may give or take `roles` in the organisation. */
async function assertGrant(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  organisationKind: OrganisationKind,
  personId: string | null,
  roles: readonly Role[],
): Promise<void> {
  const refusal = decideGrant(actor, { organisationId, organisationKind, personId }, roles);
  if (!refusal) return;
  await context.store.repositories.auditEvents.record({
    occurredAt: context.clock(),
    action: 'access.denied',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    organisationId,
    details: { refused: refusal.code, roles: refusal.roles, personId, organisationKind },
  });
  throw grantError(refusal, organisationKind);
}

function grantError(refusal: GrantRefusal, kind: OrganisationKind): DomainError {
  const roles = refusal.roles.join(', ');
  switch (refusal.code) {
    case 'ROLE_NOT_ALLOWED_FOR_ORGANISATION':
      return new DomainError('ROLE_NOT_ALLOWED_FOR_ORGANISATION', `A ${kind} cannot hold: ${roles}`, {
        field: 'roles',
        roles: refusal.roles,
        organisationKind: kind,
      });
    case 'CANNOT_CHANGE_OWN_ROLES':
      return new DomainError('CANNOT_CHANGE_OWN_ROLES', 'Nobody changes their own roles; ask another administrator', {
        field: 'roles',
      });
    case 'ROLE_NOT_GRANTABLE':
      return new DomainError('ROLE_NOT_GRANTABLE', `Your roles here do not allow granting: ${roles}`, {
        field: 'roles',
        roles: refusal.roles,
      });
  }
}

async function requireOrganisation(context: ServiceContext, organisationId: string) {
  const organisation = await context.store.repositories.organisations.findById(organisationId);
  if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation', { organisationId });
  return organisation;
}
