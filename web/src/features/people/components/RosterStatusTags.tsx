import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../api/contracts.js';
import { rosterStatusTags, statusLabelKey } from '../people-format.js';

const COLORS = { active: 'green', left: 'default', disabled: 'red', notActivated: 'gold' } as const;

/** 在校/已离校 (or 在职/已离职), 停用, 未激活. */
export function RosterStatusTags({ entry }: { entry: RosterEntry }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {rosterStatusTags(entry).map((tag) => (
        <Tag key={tag} color={COLORS[tag]} style={{ marginInlineEnd: 0 }} data-testid={`roster-status-${tag}`}>
          {t(statusLabelKey(tag, entry.kind) as 'people.status.active')}
        </Tag>
      ))}
    </Flex>
  );
}

/** The badge of personal data shown masked (138****5678) to a role that does not need it in full. */
export function MaskedBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('people.maskedHelp')}>
      <Tag data-testid="roster-masked">{t('people.masked')}</Tag>
    </Tooltip>
  );
}
