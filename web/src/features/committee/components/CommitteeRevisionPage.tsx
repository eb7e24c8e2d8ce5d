import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RevisionView, VoteRequest } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { ChangesTable } from '../../revisions/components/ChangesTable.js';
import { ProposalCard } from '../../revisions/components/ProposalCard.js';
import { RevisionStatusTag } from '../../revisions/components/RevisionStatusTag.js';
import { TermHelp } from '../../revisions/components/TermHelp.js';
import { collectNames, impactLine, pickLabel } from '../../revisions/revision-format.js';
import { getCommitteeRevision, listCommitteeRevisions, voteOnRevision } from '../api/committee-api.js';
import { CommitteeVotePanel } from './CommitteeVotePanel.js';

/**
 * A yearly revision before the steering committee: what changed in demand and the ranked proposals with the group
 * director's decisions (read-only), beside the committee's vote — a seated member votes there; everyone else sees
 * the tally and why not.
 */
export function CommitteeRevisionPage() {
  const { revisionId = '' } = useParams();
  return <RevisionReview key={revisionId} revisionId={revisionId} />;
}

function RevisionReview({ revisionId }: { revisionId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = useApiQuery((signal) => getCommitteeRevision(revisionId, signal), revisionId);
  // The revision itself does not name its college or when it was submitted: the desk's list does.
  const desk = useApiQuery((signal) => listCommitteeRevisions(signal), `desk:${revisionId}`);
  const [view, setView] = useState<RevisionView | null>(null);
  useEffect(() => {
    if (query.data) setView(query.data);
  }, [query.data]);
  const names = useMemo(() => (view ? collectNames(view) : null), [view]);

  if (query.error && !view) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!view || !names) return <PageLoading />;
  const listed = desk.data?.items.find((item) => item.id === view.id);
  const group = pickLabel(view.groupName, language, t('revisions.workspace.groupFallback'));

  async function vote(request: VoteRequest) {
    try {
      setView(await voteOnRevision(revisionId, request));
    } catch (failure) {
      // Decided or withdrawn meanwhile (VOTING_CLOSED): the panel then says why no vote is taken.
      query.reload();
      throw failure;
    }
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Link to="/committee">← {t('committeeRevisions.back')}</Link>
        <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="committee-revision-title">
            {t('committeeRevisions.title2', { plan: view.afterYear + 1 })}
          </Typography.Title>
          <RevisionStatusTag status={view.status} />
        </Flex>
        <Flex gap={8} wrap align="baseline">
          {listed ? (
            <Typography.Text strong data-testid="committee-revision-college">
              {i18n.language === 'en' && listed.organisationNameEn
                ? listed.organisationNameEn
                : listed.organisationName}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary" data-testid="committee-revision-subtitle">
            {t('committeeRevisions.subtitle', { group, before: view.beforeYear, after: view.afterYear })}
          </Typography.Text>
          {listed?.submittedAt ? (
            <Typography.Text type="secondary">
              {t('committeeRevisions.submittedAt', { date: formatDateTime(listed.submittedAt, language) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </div>
      {view.result ? <Alert type="success" showIcon title={t('committeeRevisions.appliedNote')} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={{ span: 8, order: 2 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            {view.review ? (
              <CommitteeVotePanel review={view.review} onVote={view.review.mayVote ? vote : undefined} />
            ) : (
              <Alert type="info" showIcon title={t('committeeRevisions.notSubmitted')} />
            )}
          </div>
        </Col>
        <Col xs={24} xl={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            <Card>
              <Flex vertical gap={16}>
                <Typography.Text type="secondary">{t('committeeRevisions.readOnly')}</Typography.Text>
                <TermHelp help={t('revisions.impact.help')} wrap>
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="committee-revision-impact">
                    {impactLine(t, view)}
                  </Typography.Text>
                </TermHelp>
                <Row gutter={[16, 16]}>
                  <Col xs={12} sm={8}>
                    <Statistic
                      title={t('revisions.workspace.postings', { year: view.beforeYear })}
                      value={view.postings.before}
                    />
                  </Col>
                  <Col xs={12} sm={8}>
                    <Statistic
                      title={t('revisions.workspace.postings', { year: view.afterYear })}
                      value={view.postings.after}
                    />
                  </Col>
                  <Col xs={12} sm={8}>
                    <Statistic
                      title={
                        <TermHelp help={t('revisions.workspace.testedHelp')}>
                          {t('revisions.workspace.tested')}
                        </TermHelp>
                      }
                      value={view.tested}
                    />
                  </Col>
                  <Col xs={12} sm={8}>
                    <Statistic title={t('revisions.workspace.changes')} value={view.changeCount} />
                  </Col>
                  <Col xs={12} sm={8}>
                    <Statistic title={t('revisions.workspace.posts')} value={view.impact.posts} />
                  </Col>
                  <Col xs={12} sm={8}>
                    <Statistic
                      title={t('revisions.workspace.decided')}
                      value={view.decidedCount}
                      suffix={`/ ${view.proposalCount}`}
                    />
                  </Col>
                </Row>
              </Flex>
            </Card>
            <Card title={t('revisions.changes.title')}>
              <Flex vertical gap={12}>
                <Typography.Text type="secondary">{t('revisions.changes.intro')}</Typography.Text>
                <ChangesTable changes={view.changes} />
              </Flex>
            </Card>
            <Card title={t('revisions.proposals.title')}>
              <Flex vertical gap={12} data-testid="committee-revision-proposals">
                <Typography.Text type="secondary">
                  {view.proposals.length ? t('committeeRevisions.proposalsIntro') : t('revisions.proposals.empty')}
                </Typography.Text>
                {[...view.proposals]
                  .sort((a, b) => a.rank - b.rank)
                  .map((proposal) => (
                    <ProposalCard key={proposal.rank} proposal={proposal} names={names} />
                  ))}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
