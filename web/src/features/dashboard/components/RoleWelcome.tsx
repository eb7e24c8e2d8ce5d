import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/contracts.js';

/** What each of the person's roles does on Zerodock, today and later. */
export function RoleWelcome({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Alert type="info" showIcon title={t('dashboard.noOrganisation')} />;
  return (
    <Flex vertical gap={8}>
      {roles.map((role) => (
        <Alert key={role} type="info" title={t(`roles.${role}`)} description={t(`dashboard.welcome.${role}`)} />
      ))}
    </Flex>
  );
}
