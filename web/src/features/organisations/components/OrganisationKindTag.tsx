import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../api/contracts.js';

const KIND_COLOURS: Record<OrganisationKind, string> = {
  platform: 'magenta',
  college: 'blue',
  enterprise: 'purple',
  city_office: 'gold',
  committee: 'lime',
};

export function OrganisationKindTag({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOURS[kind]}>{t(`kinds.${kind}`)}</Tag>;
}
