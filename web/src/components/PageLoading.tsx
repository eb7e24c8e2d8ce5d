import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }} role="status">
      <Spin description={t('common.loading')} size="large">
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </Flex>
  );
}
