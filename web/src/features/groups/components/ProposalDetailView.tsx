import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frameworkName } from '../../../i18n/framework-name.js';
import { Link } from 'react-router';
import type { ProposalDetailDto, SpecialtyGroupDto } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { CommitteeChoiceSelect, useCommitteeChoice } from '../../committee/components/CommitteeChoice.js';
import { fetchProposal, submitProposal, voteOnProposal, type ProposalScope } from '../api/groups-api.js';
import { deltaColour, formatQuality, nearestPosts, postsById } from '../groups-format.js';
import { CommitteeVotePanel } from '../../committee/components/CommitteeVotePanel.js';
import { CommitteeActions } from './CommitteeActions.js';
import { GroupCard } from './GroupCard.js';
import { GroupNetwork } from './GroupNetwork.js';
import { SimilarityHeatmap } from './SimilarityHeatmap.js';
import { MoveEditor } from './MoveEditor.js';
import { PairExplanationModal } from './PairExplanationModal.js';
import { ProposalStatusTag } from './ProposalStatusTag.js';
import { ProposalTrail } from './ProposalTrail.js';
import { RenameGroupModal } from './RenameGroupModal.js';

export interface ProposalPermissions {
  /** Moves (drafts for the college's writers; submitted proposals for the committee). */
  move: boolean;
  /** Rename groups and submit (drafts, college writers). */
  editDraft: boolean;
  /** Comment, approve, reject (the committee, while submitted). */
  decide: boolean;
}

/**
 * One proposal, the same for the college and for the steering committee: overall quality, one card per group,
 * the similarity heatmap and the network (a click explains a pair), the editor, and the audit trail. What the
 * person may do comes from `permissions(detail)`, which the page decides by role and status.
 */
export function ProposalDetailView({
  scope,
  proposalId,
  backTo,
  backLabel,
  permissions,
  readOnlyNote,
}: {
  scope: ProposalScope;
  proposalId: string;
  backTo: string;
  backLabel: string;
  permissions: (detail: ProposalDetailDto) => ProposalPermissions;
  /** What to say when nothing may be changed. */
  readOnlyNote: (detail: ProposalDetailDto) => string | null;
}) {
  const query = useApiQuery(
    (signal) => fetchProposal(scope, proposalId, signal),
    `${proposalsKey(scope)}:${proposalId}`,
  );
  // The answer of the latest write replaces what was loaded.
  const [written, setWritten] = useState<ProposalDetailDto | null>(null);
  const detail = written?.id === proposalId ? written : query.data;

  if (query.error && !detail)
    return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="proposal-error" />;
  if (!detail) return <PageLoading />;
  return (
    <DetailBody
      scope={scope}
      detail={detail}
      backTo={backTo}
      backLabel={backLabel}
      allowed={permissions(detail)}
      note={readOnlyNote(detail)}
      onChanged={setWritten}
    />
  );
}

function proposalsKey(scope: ProposalScope): string {
  return scope.kind === 'college' ? scope.organisationId : 'committee';
}

function DetailBody({
  scope,
  detail,
  backTo,
  backLabel,
  allowed,
  note,
  onChanged,
}: {
  scope: ProposalScope;
  detail: ProposalDetailDto;
  backTo: string;
  backLabel: string;
  allowed: ProposalPermissions;
  note: string | null;
  onChanged: (detail: ProposalDetailDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const [renaming, setRenaming] = useState<SpecialtyGroupDto | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const committee = useCommitteeChoice(
    scope.kind === 'college' ? scope.organisationId : null,
    scope.kind === 'college' && detail.status === 'draft',
  );
  const posts = useMemo(() => postsById(detail), [detail]);
  const nearest = useMemo(() => nearestPosts(detail.heatmap), [detail]);
  const title = pickName(detail.titleZh, detail.titleEn, language);
  const qualityColour = deltaColour(detail.proposedQuality, detail.quality);

  async function submit() {
    if (scope.kind !== 'college') return;
    setSubmitting(true);
    try {
      const next = await submitProposal(
        scope.organisationId,
        detail.id,
        committee.committeeId ? { committeeId: committee.committeeId } : {},
      );
      void message.success(t('groups.detail.submitted'));
      onChanged(next);
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex vertical gap={16} data-testid="proposal-detail" data-status={detail.status}>
      <div>
        <Link to={backTo}>← {backLabel}</Link>
        <Flex align="center" gap={12} wrap style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="proposal-title">
            {title}
          </Typography.Title>
          <ProposalStatusTag status={detail.status} />
        </Flex>
        <Typography.Text type="secondary">
          {t('groups.detail.meta', {
            organisation: pickName(detail.organisationName, detail.organisationNameEn, language),
            framework: frameworkName(detail, language),
            method: t(`groups.methods.${detail.method}`),
            updated: formatDateTime(detail.updatedAt, language),
          })}
        </Typography.Text>
      </div>

      <Card data-testid="proposal-quality">
        <Flex justify="space-between" align="flex-start" gap={24} wrap>
          <Flex gap={40} wrap>
            <Statistic
              title={t('groups.detail.quality')}
              value={formatQuality(detail.quality)}
              styles={{ content: { color: qualityColour } }}
              data-testid="proposal-quality-value"
            />
            <Statistic title={t('groups.detail.proposedQuality')} value={formatQuality(detail.proposedQuality)} />
            <Statistic title={t('groups.quality.cohesion')} value={formatQuality(detail.overall.cohesion)} />
            <Statistic
              title={t('groups.detail.groups')}
              value={detail.groups.length}
              suffix={
                detail.automatic ? (
                  <Typography.Text type="secondary">{t('groups.detail.automatic')}</Typography.Text>
                ) : undefined
              }
            />
            <Statistic title={t('groups.detail.posts')} value={detail.posts} />
          </Flex>
          {allowed.editDraft && detail.status === 'draft' && (
            <Popconfirm
              title={t('groups.detail.submitConfirm')}
              description={<CommitteeChoiceSelect choice={committee} />}
              okText={t('groups.detail.submit')}
              okButtonProps={{ 'data-testid': 'proposal-submit-confirm', disabled: !committee.ready }}
              cancelText={t('common.cancel')}
              onConfirm={() => void submit()}
            >
              <Button type="primary" data-testid="proposal-submit" loading={submitting}>
                {t('groups.detail.submit')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('groups.detail.qualityHint')}{' '}
          {detail.candidates.length > 0 &&
            t('groups.detail.candidates', {
              list: detail.candidates
                .map((candidate) => `k=${candidate.k}: ${formatQuality(candidate.silhouette)}`)
                .join(language === 'en' ? ', ' : '，'),
            })}{' '}
          {detail.demandPostings > 0
            ? t('groups.detail.demandBlended', { count: detail.demandPostings })
            : t('groups.detail.requirementsOnly')}
        </Typography.Paragraph>
      </Card>

      {note && <Alert type="info" showIcon title={note} data-testid="proposal-read-only" />}
      {detail.unplacedSpecialties.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('groups.detail.unplaced', {
            codes: detail.unplacedSpecialties.join(language === 'en' ? ', ' : '、'),
          })}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {detail.groups.map((group, index) => (
              <GroupCard
                key={group.id}
                group={group}
                index={index}
                nearest={nearest}
                posts={posts}
                onPair={(a, b) => setPair({ a, b })}
                onRename={allowed.editDraft ? () => setRenaming(group) : undefined}
              />
            ))}
            <Card
              title={t('groups.detail.heatmapTitle')}
              extra={<Typography.Text type="secondary">{t('groups.detail.clickToExplain')}</Typography.Text>}
            >
              <SimilarityHeatmap detail={detail} onPair={(a, b) => setPair({ a, b })} />
            </Card>
            <Card
              title={t('groups.detail.networkTitle')}
              extra={<Typography.Text type="secondary">{t('groups.detail.networkHint')}</Typography.Text>}
            >
              <GroupNetwork detail={detail} onPair={(a, b) => setPair({ a, b })} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {allowed.move && <MoveEditor scope={scope} detail={detail} onMoved={onChanged} />}
            {detail.review && (
              <CommitteeVotePanel
                review={detail.review}
                {...(allowed.decide
                  ? { onVote: async (request) => onChanged(await voteOnProposal(detail.id, request)) }
                  : {})}
              />
            )}
            {allowed.decide && <CommitteeActions proposalId={detail.id} onDone={onChanged} />}
            <Card title={t('groups.detail.trail')}>
              <ProposalTrail detail={detail} />
            </Card>
          </Flex>
        </Col>
      </Row>

      <PairExplanationModal
        scope={scope}
        proposalId={detail.id}
        pair={pair}
        posts={posts}
        onClose={() => setPair(null)}
      />
      {scope.kind === 'college' && (
        <RenameGroupModal
          organisationId={scope.organisationId}
          proposalId={detail.id}
          group={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(next) => {
            setRenaming(null);
            onChanged(next);
          }}
        />
      )}
    </Flex>
  );
}
