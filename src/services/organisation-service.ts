import type { CreateOrganisationRequest } from '../contracts/organisations.js';
import type { Actor } from '../core/access/actor.js';
import type { OrganisationKind } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { OrganisationRecord } from '../storage/repositories/organisation.repository.js';
import type { ServiceContext } from './service-context.js';

/** The organisation directory every signed-in person may read (names, kinds and places only). */
export async function listOrganisations(
  context: ServiceContext,
  filter: { kind?: OrganisationKind | undefined; limit: number; offset: number },
) {
  const page = await context.store.repositories.organisations.list(filter);
  return { items: page.items.map(presentOrganisation), total: page.total, limit: filter.limit, offset: filter.offset };
}

export async function getOrganisation(context: ServiceContext, organisationId: string) {
  const organisation = await context.store.repositories.organisations.findById(organisationId);
  if (!organisation) {
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation', { organisationId });
  }
  return presentOrganisation(organisation);
}

export async function createOrganisation(context: ServiceContext, actor: Actor, request: CreateOrganisationRequest) {
  if ((request.kind === 'enterprise') !== (request.enterpriseType !== null)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'An enterprise needs an enterprise type; other kinds must not have one',
      {
        field: 'enterpriseType',
      },
    );
  }
  return context.store.transaction(async (transaction) => {
    if (await transaction.organisations.findByNameZh(request.nameZh)) {
      throw new DomainError('ORGANISATION_NAME_TAKEN', 'An organisation with this Chinese name exists already', {
        field: 'nameZh',
      });
    }
    const created = await transaction.organisations.create(request);
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'organisation.created',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId: created.id,
      details: { kind: created.kind, nameZh: created.nameZh },
    });
    return presentOrganisation(created);
  });
}

function presentOrganisation(organisation: OrganisationRecord) {
  const { isDemo: _isDemo, ...visible } = organisation;
  return visible;
}
