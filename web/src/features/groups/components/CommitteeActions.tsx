import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { translateError } from '../../../i18n/translate-error.js';
import { commentOnProposal } from '../api/groups-api.js';

type Action = 'comment';

/** A committee member's comment on a submitted proposal, kept in its trail (the decision is the vote). */
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
      const detail = await commentOnProposal(proposalId, { reason: reason.trim() });
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
        </Flex>
      </Flex>
    </Card>
  );
}
