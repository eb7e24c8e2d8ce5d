import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoAccountsResponse } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';
import { RoleTags } from '../../../components/RoleTags.js';

type DemoAccount = DemoAccountsResponse['accounts'][number];

/** The demo people, clearly marked as demo data; a click fills the login form. */
export function DemoAccountList({
  demoAccounts,
  onPick,
}: {
  demoAccounts: DemoAccountsResponse;
  onPick: (account: DemoAccount, password: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <Tag color="orange">{t('common.demo')}</Tag>
          <span>{t('auth.demo.title')}</span>
        </Flex>
      }
      aria-label={t('auth.demo.title')}
    >
      <Typography.Paragraph type="secondary">
        {t('auth.demo.description')}{' '}
        {demoAccounts.password
          ? t('auth.demo.password', { password: demoAccounts.password })
          : t('auth.demo.noPassword')}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {demoAccounts.accounts.map((account) => (
          <Button
            key={account.email}
            data-testid={`demo-account-${account.email}`}
            aria-label={t('auth.demo.fill', { email: account.email })}
            onClick={() => onPick(account, demoAccounts.password)}
            block
            style={{
              height: 'auto',
              padding: '8px 12px',
              whiteSpace: 'normal',
              textAlign: 'left',
              justifyContent: 'flex-start',
            }}
          >
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text strong>{account.displayName}</Typography.Text>
                <Typography.Text type="secondary">{account.email}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {pickName(account.organisationNameZh, account.organisationNameEn, i18n.language)}
              </Typography.Text>
              <RoleTags roles={account.roles} />
            </Flex>
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
