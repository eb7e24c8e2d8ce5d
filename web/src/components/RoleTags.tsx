import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/contracts.js';

const ROLE_COLOURS: Record<Role, string> = {
  platform_admin: 'magenta',
  platform_curator: 'pink',
  college_admin: 'blue',
  group_director: 'geekblue',
  teacher: 'cyan',
  enterprise_admin: 'purple',
  enterprise_engineer: 'volcano',
  student: 'green',
  city_officer: 'gold',
  committee_member: 'lime',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLOURS[role]} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
}
