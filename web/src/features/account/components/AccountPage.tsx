import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../../components/RoleTags.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { MyDataCard } from './MyDataCard.js';
import { MyInvitationsCard } from './MyInvitationsCard.js';
import { SessionsCard } from './SessionsCard.js';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <MyInvitationsCard />
            <Card title={t('account.profile')}>
              <Descriptions
                column={1}
                items={[
                  ...(session.person.email !== null
                    ? [
                        {
                          key: 'email',
                          label: t('account.email'),
                          children: <span data-testid="account-email">{session.person.email}</span>,
                        },
                      ]
                    : []),
                  ...(session.person.loginId !== null
                    ? [
                        {
                          key: 'loginId',
                          label: t('account.loginId'),
                          children: <span data-testid="account-login-id">{session.person.loginId}</span>,
                        },
                      ]
                    : []),
                  { key: 'displayName', label: t('account.displayName'), children: session.person.displayName },
                ]}
              />
            </Card>
            <Card title={t('account.memberships')}>
              {session.memberships.length === 0 ? (
                <Typography.Text type="secondary">{t('account.noMemberships')}</Typography.Text>
              ) : (
                <Flex vertical gap={12} data-testid="account-memberships">
                  {session.memberships.map((membership) => (
                    <Flex key={membership.organisationId} justify="space-between" align="center" wrap gap={8}>
                      <Flex vertical>
                        <Typography.Text strong>
                          {pickName(membership.organisationNameZh, membership.organisationNameEn, i18n.language)}
                        </Typography.Text>
                        <Typography.Text type="secondary">{t(`kinds.${membership.organisationKind}`)}</Typography.Text>
                      </Flex>
                      <RoleTags roles={membership.roles} />
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card title={t('account.password.title')}>
              <ChangePasswordForm />
            </Card>
            <SessionsCard />
            <MyDataCard />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
