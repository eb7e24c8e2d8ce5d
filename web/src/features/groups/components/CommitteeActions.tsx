import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { translateError } from '../../../i18n/translate-error.js';
import { commentOnProposal, decideProposal } from '../api/groups-api.js';

type Action = 'comment' | 'approve' | 'reject';

/** The steering committee's say on a submitted proposal: a comment, or the decision, each with its reason. */
export function CommitteeActions({
  proposalId,
  onDone,
}: {
  proposalId: string;
  onDone: (detail: ProposalDetailDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState<Action | null>(null);
  const reasonOk = reason.trim().length >= 2;

  async function run(action: Action) {
    setRunning(action);
    try {
      const detail =
        action === 'comment'
          ? await commentOnProposal(proposalId, { reason: reason.trim() })
          : await decideProposal(proposalId, { decision: action, reason: reason.trim() });
      void message.success(t(`groups.committee.done.${action}`));
      setReason('');
      onDone(detail);
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setRunning(null);
    }
  }

  return (
    <Card title={t('groups.committee.actionsTitle')} data-testid="committee-actions">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('groups.committee.actionsIntro')}</Typography.Text>
        <Input.TextArea
          data-testid="committee-reason"
          aria-label={t('groups.committee.reason')}
          placeholder={t('groups.committee.reasonPlaceholder')}
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 6 }}
          onChange={(event) => setReason(event.target.value)}
        />
        <Flex gap={8} wrap justify="flex-end">
          <Button
            data-testid="committee-comment"
            disabled={!reasonOk || running !== null}
            loading={running === 'comment'}
            onClick={() => void run('comment')}
          >
            {t('groups.committee.comment')}
          </Button>
          <Popconfirm
            title={t('groups.committee.rejectConfirm')}
            okText={t('groups.committee.reject')}
            okButtonProps={{ danger: true, 'data-testid': 'committee-reject-confirm' }}
            cancelText={t('common.cancel')}
            disabled={!reasonOk || running !== null}
            onConfirm={() => void run('reject')}
          >
            <Button
              danger
              data-testid="committee-reject"
              disabled={!reasonOk || running !== null}
              loading={running === 'reject'}
            >
              {t('groups.committee.reject')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('groups.committee.approveConfirm')}
            okText={t('groups.committee.approve')}
            okButtonProps={{ 'data-testid': 'committee-approve-confirm' }}
            cancelText={t('common.cancel')}
            disabled={!reasonOk || running !== null}
            onConfirm={() => void run('approve')}
          >
            <Button
              type="primary"
              data-testid="committee-approve"
              disabled={!reasonOk || running !== null}
              loading={running === 'approve'}
            >
              {t('groups.committee.approve')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}
