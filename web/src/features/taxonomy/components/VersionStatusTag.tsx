import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';

export function VersionStatusTag({ version }: { version: Pick<FrameworkVersion, 'released'> }) {
  const { t } = useTranslation();
  return version.released ? (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('taxonomy.version.released')}
    </Tag>
  ) : (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="draft-tag">
      {t('taxonomy.version.draft')}
    </Tag>
  );
}
