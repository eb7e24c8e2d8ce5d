import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { versionName } from '../taxonomy-versions.js';
import { VersionStatusTag } from './VersionStatusTag.js';

/** Every framework version as key@label with its status and size; the choice goes to `?version=`. */
export function VersionPicker({
  versions,
  value,
  onChange,
  testId = 'version-picker',
  ariaLabel,
}: {
  versions: readonly FrameworkVersion[];
  value: FrameworkVersion | undefined;
  onChange: (versionId: string) => void;
  testId?: string;
  ariaLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Select<string>
      data-testid={testId}
      aria-label={ariaLabel ?? t('taxonomy.version.picker')}
      style={{ minWidth: 280, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      value={value?.id}
      placeholder={t('taxonomy.version.picker')}
      onChange={onChange}
      options={versions.map((version) => ({
        value: version.id,
        title: versionName(version, i18n.language),
        label: (
          <Flex align="center" gap={6}>
            <span>{versionName(version, i18n.language)}</span>
            <VersionStatusTag version={version} />
          </Flex>
        ),
      }))}
      optionRender={(option) => {
        const version = versions.find((candidate) => candidate.id === option.value);
        if (!version) return option.label;
        return (
          <Flex vertical gap={2} style={{ padding: '2px 0' }}>
            <Flex align="center" gap={6} wrap>
              <Typography.Text strong>{versionName(version, i18n.language)}</Typography.Text>
              <VersionStatusTag version={version} />
              {version.latest && <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.version.latest')}</Tag>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('taxonomy.version.counts', {
                competencies: version.counts.competencies,
                posts: version.counts.posts,
              })}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
