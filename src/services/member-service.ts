import type { AddMemberRequest, Member } from '../contracts/organisations.js';
import type { Actor } from '../core/access/actor.js';
import { assertPasswordAcceptable } from '../core/access/password-policy.js';
import { isRoleAllowedForKind } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { MemberFilter } from '../storage/repositories/membership.repository.js';
import type { ServiceContext } from './service-context.js';

/** Members of one organisation; the caller's right to read them is checked at the route. */
export async function listMembers(context: ServiceContext, organisationId: string, filter: MemberFilter) {
  await requireOrganisation(context, organisationId);
  const page = await context.store.repositories.memberships.listMembers(organisationId, filter);
  return { ...page, limit: filter.limit, offset: filter.offset };
}

/**
 * Adds a person to an organisation with roles. An unknown e-mail creates the person (an initial password is
 * then required); a known one only gains the roles, so one person can belong to several organisations.
 */
export async function addMember(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: AddMemberRequest,
): Promise<Member> {
  const organisation = await requireOrganisation(context, organisationId);
  const roles = [...new Set(request.roles)];
  const refused = roles.filter((role) => !isRoleAllowedForKind(role, organisation.kind));
  if (refused.length > 0) {
    throw new DomainError(
      'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
      `A ${organisation.kind} cannot grant: ${refused.join(', ')}`,
      { field: 'roles', roles: refused, organisationKind: organisation.kind },
    );
  }
  const now = context.clock();
  const existing = await context.store.repositories.people.findByEmail(request.email);
  let passwordHash: string | null = null;
  if (!existing) {
    if (!request.initialPassword) {
      throw new DomainError('VALIDATION_FAILED', 'A new person needs an initial password', {
        field: 'initialPassword',
      });
    }
    try {
      assertPasswordAcceptable(request.initialPassword, request.email);
    } catch (error) {
      if (error instanceof DomainError) error.details.field = 'initialPassword';
      throw error;
    }
    passwordHash = await context.passwords.hash(request.initialPassword);
  }
  return context.store.transaction(async (transaction) => {
    const person =
      existing ??
      (await transaction.people.create({ email: request.email, displayName: request.displayName, passwordHash }, now));
    await transaction.memberships.grant(person.id, organisationId, roles);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'member.added',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { personId: person.id, email: person.email, roles, newPerson: !existing },
    });
    const page = await transaction.memberships.listMembers(organisationId, {
      search: person.email,
      limit: 10,
      offset: 0,
    });
    const member = page.items.find((item) => item.personId === person.id);
    if (!member) throw new Error('member vanished after insert');
    return member;
  });
}

export async function removeMember(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
): Promise<void> {
  await requireOrganisation(context, organisationId);
  if (personId === actor.personId) {
    throw new DomainError('CANNOT_REMOVE_SELF', 'You cannot remove yourself from an organisation', {
      field: 'personId',
    });
  }
  await context.store.transaction(async (transaction) => {
    const removed = await transaction.memberships.revokeAll(personId, organisationId);
    if (removed === 0) {
      throw new DomainError('PERSON_NOT_FOUND', 'That person is not a member of this organisation', { personId });
    }
    await transaction.sessions.deleteForPerson(personId);
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'member.removed',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { personId, rolesRemoved: removed },
    });
  });
}

async function requireOrganisation(context: ServiceContext, organisationId: string) {
  const organisation = await context.store.repositories.organisations.findById(organisationId);
  if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation', { organisationId });
  return organisation;
}
