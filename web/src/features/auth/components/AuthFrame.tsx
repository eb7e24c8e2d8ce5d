import { Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';

/** The top of the pages a person sees before the app (sign-in, invitation, codes): the name, the language switch. */
export function AuthHeader() {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('common.tagline')}</Typography.Text>
      </div>
      <LanguageSwitch />
    </Flex>
  );
}

/** The frame of the pages a person sees before the app: the name, the language switch, one narrow column. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <Flex vertical style={{ minHeight: '100vh', padding: 24 }} gap={24}>
      <AuthHeader />
      <Row justify="center" style={{ width: '100%', margin: 0 }}>
        <Col xs={24} md={14} lg={9}>
          {children}
        </Col>
      </Row>
    </Flex>
  );
}
