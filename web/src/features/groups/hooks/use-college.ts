import { useTranslation } from 'react-i18next';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';

export interface College {
  organisationId: string;
  name: string;
  /** Group directors and college admins edit specialties and draft, edit and submit proposals. */
  canWrite: boolean;
}

/** The active organisation when it is a college, with what the person may do there; null otherwise. */
export function useCollege(): College | null {
  const { i18n } = useTranslation();
  const { activeMembership, can } = useSession();
  if (!activeMembership || activeMembership.organisationKind !== 'college') return null;
  return {
    organisationId: activeMembership.organisationId,
    name: pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language),
    canWrite: can('POST /api/organisations/:organisationId/specialty-groups', activeMembership.organisationId),
  };
}
