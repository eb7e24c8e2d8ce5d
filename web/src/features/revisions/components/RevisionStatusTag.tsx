import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RevisionStatus } from '../../../api/contracts.js';
import { STATUS_COLOURS } from '../revision-format.js';

export function RevisionStatusTag({ status }: { status: RevisionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="revision-status" data-status={status}>
      {t(`revisions.status.${status}`)}
    </Tag>
  );
}
