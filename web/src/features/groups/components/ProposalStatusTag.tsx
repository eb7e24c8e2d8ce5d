import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../api/contracts.js';

const COLOURS: Record<ProposalStatus, string> = {
  draft: 'orange',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="proposal-status" data-status={status}>
      {t(`groups.status.${status}`)}
    </Tag>
  );
}
