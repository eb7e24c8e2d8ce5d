import { App, Alert, Button, Card, Flex, Input, List, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeReviewDto, VoteRequest } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';

type Choice = VoteRequest['choice'];
const CHOICES: readonly Choice[] = ['approve', 'reject', 'abstain'];
const CHOICE_COLOURS: Record<Choice, string> = { approve: 'green', reject: 'red', abstain: 'default' };
const OUTCOME_COLOURS = { approved: 'green', rejected: 'red', pending: 'blue', withdrawn: 'default' } as const;

/**
 * The committee's vote on one matter (a proposal, a plan version): the live tally against the quorum and majority,
 * every vote cast (changed ones marked), and — for a seated member who may vote — the vote buttons with a comment.
 * Everyone else sees why they cannot vote.
 */
export function CommitteeVotePanel({
  review,
  onVote,
}: {
  review: CommitteeReviewDto;
  onVote?: (request: VoteRequest) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [running, setRunning] = useState<Choice | null>(null);
  const choiceLabel = (choice: Choice) => t(`vote.${choice}`);

  async function cast(choice: Choice) {
    if (!onVote) return;
    setRunning(choice);
    try {
      await onVote({ choice, comment: comment.trim() });
      void message.success(t('vote.done'));
      setComment('');
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setRunning(null);
    }
  }

  const name = pickName(review.committee.nameZh, review.committee.nameEn, i18n.language);
  return (
    <Card
      title={t('vote.title')}
      data-testid="committee-vote"
      data-outcome={review.outcome}
      extra={
        <Tag color={OUTCOME_COLOURS[review.outcome]} data-testid="vote-outcome">
          {t(`vote.outcome.${review.outcome}`)}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('vote.committee', { name })}</Typography.Text>
        <Typography.Text strong data-testid="vote-tally">
          {t('vote.tally', { approve: review.approve, reject: review.reject, abstain: review.abstain })}
        </Typography.Text>
        <Progress
          percent={Math.min(100, Math.round((review.participating / Math.max(1, review.quorum)) * 100))}
          status={review.quorumReached ? 'success' : 'active'}
          showInfo={false}
          aria-label={t('vote.participation', review)}
        />
        <Typography.Text data-testid="vote-quorum">{t('vote.participation', review)}</Typography.Text>
        <Typography.Text type="secondary">{t(`vote.majority.${review.majority}`)}</Typography.Text>
        {review.outcome === 'pending' && review.quorumReached && (
          <Typography.Text type="secondary">{t('vote.needed', { needed: review.needed })}</Typography.Text>
        )}
        {review.quorumUnreachable && review.outcome === 'pending' && (
          <Alert type="warning" showIcon message={t('vote.quorumUnreachable')} />
        )}
        <Typography.Text type="secondary">{t('vote.rule')}</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('vote.votes')}
        </Typography.Title>
        <List
          size="small"
          dataSource={review.votes}
          locale={{ emptyText: t('vote.noVotes') }}
          data-testid="vote-list"
          renderItem={(vote) => (
            <List.Item data-testid="vote-row" style={vote.current ? undefined : { opacity: 0.55 }}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{vote.voterName}</Typography.Text>
                <Tag color={CHOICE_COLOURS[vote.choice]}>{choiceLabel(vote.choice)}</Tag>
                {!vote.current && <Tag>{t('vote.changed')}</Tag>}
                {vote.comment && <Typography.Text>{vote.comment}</Typography.Text>}
                <Typography.Text type="secondary">{formatDateTime(vote.at, i18n.language)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {review.myVote && (
          <Typography.Text data-testid="vote-mine">
            {t('vote.yourVote', { choice: choiceLabel(review.myVote) })}
          </Typography.Text>
        )}
        {review.mayVote && onVote ? (
          <Flex vertical gap={8}>
            <Input.TextArea
              data-testid="vote-comment"
              aria-label={t('vote.comment')}
              placeholder={t('vote.commentPlaceholder')}
              value={comment}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              onChange={(event) => setComment(event.target.value)}
            />
            <Flex gap={8} wrap justify="flex-end">
              {CHOICES.map((choice) => (
                <Button
                  key={choice}
                  data-testid={`vote-${choice}`}
                  type={choice === 'approve' ? 'primary' : 'default'}
                  danger={choice === 'reject'}
                  disabled={running !== null || review.myVote === choice}
                  loading={running === choice}
                  onClick={() => void cast(choice)}
                >
                  {t(review.myVote ? 'vote.change' : 'vote.cast', { choice: choiceLabel(choice) })}
                </Button>
              ))}
            </Flex>
          </Flex>
        ) : (
          review.whyNot && (
            <Typography.Text type="secondary" data-testid="vote-why-not">
              {t(`vote.whyNot.${review.whyNot}`)}
            </Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
}
