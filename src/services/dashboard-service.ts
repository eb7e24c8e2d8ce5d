import type { DashboardResponse } from '../contracts/dashboard.js';
import { hasRoleIn, isPlatformAdmin, rolesIn, type Actor } from '../core/access/actor.js';
import { PEOPLE_READER_ROLES } from '../core/access/roles.js';
import type { ServiceContext } from './service-context.js';

/** The figures on the home page of the active organisation, chosen by the caller's roles there. */
export async function getDashboard(context: ServiceContext, actor: Actor): Promise<DashboardResponse> {
  const { repositories } = context.store;
  const organisationId = actor.activeOrganisationId;
  const organisation = organisationId ? await repositories.organisations.findById(organisationId) : undefined;
  const organisationsByKind = await repositories.organisations.countByKind();
  const kindCount = (kind: string) => organisationsByKind.find((entry) => entry.kind === kind)?.count ?? 0;
  const roles = organisation ? [...rolesIn(actor, organisation.id)] : [];
  const canSeePeople =
    organisation !== undefined && (isPlatformAdmin(actor) || hasRoleIn(actor, organisation.id, PEOPLE_READER_ROLES));
  const membersByRole = canSeePeople && organisation ? await repositories.memberships.countByRole(organisation.id) : [];
  const roleCount = (role: string) => membersByRole.find((entry) => entry.role === role)?.count ?? 0;

  const figures: { key: string; value: number }[] = [];
  if (roles.includes('platform_admin')) {
    figures.push(
      { key: 'organisations', value: await repositories.organisations.count() },
      { key: 'people', value: await repositories.people.count() },
      { key: 'activeSessions', value: await repositories.sessions.count() },
      { key: 'auditEvents', value: await repositories.auditEvents.count() },
    );
  }
  if (organisation && canSeePeople) {
    figures.push({ key: 'members', value: organisation.memberCount });
    if (organisation.kind === 'college') {
      figures.push({ key: 'students', value: roleCount('student') }, { key: 'teachers', value: roleCount('teacher') });
    }
    if (organisation.kind === 'enterprise') {
      figures.push({ key: 'engineers', value: roleCount('enterprise_engineer') });
    }
  }
  if (roles.includes('city_officer') || roles.includes('committee_member') || roles.includes('student')) {
    figures.push(
      { key: 'colleges', value: kindCount('college') },
      { key: 'enterprises', value: kindCount('enterprise') },
    );
  }
  figures.push({ key: 'myOrganisations', value: actor.memberships.length });

  return {
    organisation: organisation
      ? { id: organisation.id, kind: organisation.kind, nameZh: organisation.nameZh, nameEn: organisation.nameEn }
      : null,
    roles,
    figures,
    membersByRole,
    organisationsByKind,
  };
}
