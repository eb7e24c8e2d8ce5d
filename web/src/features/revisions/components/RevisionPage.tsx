import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DecideProposalInput, RevisionProposalView, RevisionView } from '../../../api/contracts.js';
import { isApiError } from '../../../api/api-error.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { useCollege, type College } from '../../groups/hooks/use-college.js';
import { applyRevision, decideProposal, getRevision, submitRevision, withdrawRevision } from '../api/revisions-api.js';
import { collectNames, impactLine, personName, pickLabel, undecidedCount } from '../revision-format.js';
import { ChangesTable } from './ChangesTable.js';
import { DecisionModal } from './DecisionModal.js';
import { DeclaredDemandCard } from './DeclaredDemandCard.js';
import { ProposalCard } from './ProposalCard.js';
import { RevisionResultSection } from './RevisionResultSection.js';
import { RevisionStatusTag } from './RevisionStatusTag.js';
import { TermHelp } from './TermHelp.js';
import { courseSystemPath, groupRevisionsPath } from './revision-paths.js';

/**
 * One yearly revision: what changed in demand, the ranked proposals with their decisions, submit and withdraw; once
 * the committee approved it, applying it (a new course system version) and what that produced.
 */
export function RevisionPage() {
  const { t } = useTranslation();
  const { revisionId = '' } = useParams();
  const college = useCollege();
  if (!college) return <Card>{t('groups.notCollege')}</Card>;
  return (
    <RevisionWorkspace key={`${college.organisationId}:${revisionId}`} college={college} revisionId={revisionId} />
  );
}

function RevisionWorkspace({ college, revisionId }: { college: College; revisionId: string }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const query = useApiQuery((signal) => getRevision(college.organisationId, revisionId, signal), revisionId);
  const [view, setView] = useState<RevisionView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busyRank, setBusyRank] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [deciding, setDeciding] = useState<{ proposal: RevisionProposalView; decision: 'rejected' | 'amended' } | null>(
    null,
  );
  useEffect(() => {
    if (query.data) setView(query.data);
  }, [query.data]);
  const names = useMemo(() => (view ? collectNames(view) : null), [view]);

  if (query.error && !view) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!view || !names) return <PageLoading />;
  const language = i18n.language;
  const editable = view.status === 'draft' && college.canWrite;
  const undecided = undecidedCount(view.proposals);
  const group = pickLabel(view.groupName, language, t('revisions.workspace.groupFallback'));
  const creator = personName(view.createdBy);
  const result = view.result ?? null;
  const applicable = view.status === 'approved' && result === null;
  const conflictWith = newerVersionOf(failure);

  async function decide(proposal: RevisionProposalView, body: DecideProposalInput) {
    setBusyRank(proposal.rank);
    setFailure(null);
    try {
      setView(await decideProposal(college.organisationId, revisionId, proposal.rank, body));
      setDeciding(null);
      void message.success(t('revisions.proposals.recorded'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyRank(null);
    }
  }

  async function act(work: () => Promise<RevisionView>, done: string) {
    setBusy(true);
    setFailure(null);
    try {
      setView(await work());
      void message.success(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function confirmApply() {
    modal.confirm({
      title: t('revisions.workspace.applyConfirmTitle'),
      content: t('revisions.workspace.applyConfirm'),
      okText: t('revisions.workspace.apply'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'revision-apply-confirm' },
      onOk: () => apply(),
    });
  }

  async function apply() {
    setBusy(true);
    setFailure(null);
    try {
      setView(await applyRevision(college.organisationId, revisionId));
      void message.success(t('revisions.workspace.applied'));
    } catch (error) {
      setFailure(error);
      // Someone applied it meanwhile: show what they produced.
      if (isApiError(error) && error.code === 'REVISION_APPLIED') query.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Link to={groupRevisionsPath(view.groupId)} state={{ groupName: view.groupName }}>
          ← {t('revisions.workspace.back')}
        </Link>
        <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="revision-title">
            {t('revisions.workspace.title', { plan: view.afterYear + 1 })}
          </Typography.Title>
          <RevisionStatusTag status={view.status} />
        </Flex>
        <Typography.Text type="secondary" data-testid="revision-subtitle">
          {t('revisions.workspace.subtitle', { group, before: view.beforeYear, after: view.afterYear })}
          {' · '}
          {creator
            ? t('revisions.workspace.createdBy', { name: creator, date: formatDateTime(view.createdAt, language) })
            : t('revisions.workspace.createdAt', { date: formatDateTime(view.createdAt, language) })}
        </Typography.Text>
      </div>

      <Card>
        <Flex vertical gap={16}>
          <TermHelp help={t('revisions.impact.help')} wrap>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="revision-impact">
              {impactLine(t, view)}
            </Typography.Text>
          </TermHelp>
          <Row gutter={[16, 16]}>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('revisions.workspace.postings', { year: view.beforeYear })}
                value={view.postings.before}
              />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('revisions.workspace.postings', { year: view.afterYear })}
                value={view.postings.after}
              />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={
                  <TermHelp help={t('revisions.workspace.testedHelp')}>{t('revisions.workspace.tested')}</TermHelp>
                }
                value={view.tested}
              />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('revisions.workspace.changes')} value={view.changeCount} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('revisions.workspace.posts')} value={view.impact.posts} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('revisions.workspace.decided')}
                value={view.decidedCount}
                suffix={`/ ${view.proposalCount}`}
                data-testid="revision-decided"
              />
            </Col>
          </Row>
          {view.status === 'submitted' && (
            <Alert
              type="info"
              showIcon
              title={t('revisions.workspace.underReview')}
              data-testid="revision-under-review"
            />
          )}
          {view.status !== 'draft' && view.status !== 'submitted' && !applicable && (
            <Alert type="info" showIcon title={t('revisions.workspace.locked')} />
          )}
          {applicable && (
            <Alert
              type={college.canWrite ? 'success' : 'info'}
              showIcon
              title={t(college.canWrite ? 'revisions.workspace.readyToApply' : 'revisions.workspace.awaitingApply')}
              data-testid="revision-approved"
            />
          )}
          {editable && undecided > 0 && view.proposals.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('revisions.workspace.undecided', { count: undecided })}
              data-testid="revision-undecided"
            />
          )}
          {failure ? <ApiErrorAlert error={failure} testId="revision-error" /> : null}
          {conflictWith && (
            <Link to={courseSystemPath(conflictWith)} data-testid="revision-conflict-newer">
              {t('revisions.workspace.newerVersion')} →
            </Link>
          )}
          {college.canWrite && applicable && (
            <Flex gap={8} wrap>
              <Button type="primary" loading={busy} onClick={confirmApply} data-testid="revision-apply">
                {t('revisions.workspace.apply')}
              </Button>
            </Flex>
          )}
          {college.canWrite && (view.status === 'draft' || view.status === 'submitted') && (
            <Flex gap={8} wrap>
              {view.status === 'draft' && (
                <Popconfirm
                  title={t('revisions.workspace.submitConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    void act(
                      () => submitRevision(college.organisationId, revisionId),
                      t('revisions.workspace.submitted'),
                    )
                  }
                  disabled={undecided > 0}
                >
                  <Button type="primary" loading={busy} disabled={undecided > 0} data-testid="revision-submit">
                    {t('revisions.workspace.submit')}
                  </Button>
                </Popconfirm>
              )}
              {view.status === 'submitted' && (
                <Popconfirm
                  title={t('revisions.workspace.withdrawConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    void act(
                      () => withdrawRevision(college.organisationId, revisionId),
                      t('revisions.workspace.withdrawn'),
                    )
                  }
                >
                  <Button loading={busy} data-testid="revision-withdraw">
                    {t('revisions.workspace.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Flex>
      </Card>

      {result && <RevisionResultSection result={result} />}

      <Card title={t('revisions.changes.title')}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('revisions.changes.intro')}</Typography.Text>
          <ChangesTable changes={view.changes} />
        </Flex>
      </Card>

      <DeclaredDemandCard view={view} />
      <Card title={t('revisions.proposals.title')}>
        <Flex vertical gap={12} data-testid="revision-proposals">
          <Typography.Text type="secondary">
            {view.proposals.length ? t('revisions.proposals.intro') : t('revisions.proposals.empty')}
          </Typography.Text>
          {[...view.proposals]
            .sort((a, b) => a.rank - b.rank)
            .map((proposal) => (
              <ProposalCard
                key={proposal.rank}
                proposal={proposal}
                names={names}
                editable={editable}
                busy={busyRank === proposal.rank}
                onAccept={() => void decide(proposal, { decision: 'accepted', comment: '' })}
                onReject={() => setDeciding({ proposal, decision: 'rejected' })}
                onAmend={() => setDeciding({ proposal, decision: 'amended' })}
              />
            ))}
        </Flex>
      </Card>

      <DecisionModal
        proposal={deciding?.proposal ?? null}
        decision={deciding?.decision ?? 'amended'}
        busy={deciding !== null && busyRank === deciding.proposal.rank}
        onCancel={() => setDeciding(null)}
        onDecide={(body) => {
          if (deciding) void decide(deciding.proposal, body);
        }}
      />
    </Flex>
  );
}

/** The newer course system version a REVISION_CONFLICT names (the one that revised the same version meanwhile). */
function newerVersionOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'REVISION_CONFLICT') return null;
  const id = error.details.courseSystemId;
  return typeof id === 'string' && id !== '' ? id : null;
}
