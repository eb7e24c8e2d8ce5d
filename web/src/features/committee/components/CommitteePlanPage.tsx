import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TrainingPlanDto, VoteRequest } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { PlanRulesPanel } from '../../courses/components/PlanRulesPanel.js';
import { TrainingPlanSection } from '../../courses/components/TrainingPlanSection.js';
import { getCommitteePlan, listCommitteePlans, voteOnPlan } from '../api/committee-api.js';
import { CommitteeVotePanel } from './CommitteeVotePanel.js';

/**
 * A Talent Training Plan before the steering committee: the newest version's sections (read-only) and the rules it
 * meets, beside the committee's vote — a seated member votes there; everyone else sees the tally and why not.
 */
export function CommitteePlanPage() {
  const { planId = '' } = useParams();
  return <PlanReview key={planId} planId={planId} />;
}

function PlanReview({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery((signal) => getCommitteePlan(planId, signal), planId);
  // The plan itself does not name its college: the desk's list does.
  const desk = useApiQuery((signal) => listCommitteePlans(signal), `desk:${planId}`);
  const [plan, setPlan] = useState<TrainingPlanDto | null>(null);
  useEffect(() => {
    if (query.data) setPlan(query.data);
  }, [query.data]);

  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  const version = plan?.versions.at(-1);
  if (!plan || !version) return <PageLoading />;
  const listed = desk.data?.items.find((item) => item.id === plan.id);
  const college = listed ? pickName(listed.organisationName, listed.organisationNameEn, i18n.language) : undefined;
  const underReview = version.status === 'draft' && Boolean(version.submittedAt);

  async function vote(request: VoteRequest) {
    setPlan(await voteOnPlan(planId, request));
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Link to="/committee">← {t('committeePlans.back')}</Link>
        <Typography.Title level={2} style={{ margin: '8px 0 0' }} data-testid="committee-plan-title">
          {plan.titleZh}
        </Typography.Title>
        <Flex gap={8} wrap align="baseline">
          {college ? (
            <Typography.Text strong data-testid="committee-plan-college">
              {college}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{plan.courseSystemTitle}</Typography.Text>
          <Tag color={underReview ? 'blue' : undefined} data-testid="committee-plan-version">
            {t('courses.plans.version', { n: version.number })} ·{' '}
            {underReview ? t('committeePlans.state.underReview') : t(`courses.plans.status.${version.status}`)}
          </Tag>
          {version.submittedAt ? (
            <Typography.Text type="secondary">
              {t('committeePlans.submittedAt', { date: formatDateTime(version.submittedAt, i18n.language) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </div>
      {version.status === 'draft' && !underReview ? (
        <Alert type="warning" showIcon title={t('committeePlans.returned')} data-testid="committee-plan-returned" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={{ span: 8, order: 2 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            {plan.review ? (
              <CommitteeVotePanel review={plan.review} onVote={plan.review.mayVote ? vote : undefined} />
            ) : (
              <Alert type="info" showIcon title={t('committeePlans.notSubmitted')} />
            )}
          </div>
        </Col>
        <Col xs={24} xl={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            <PlanRulesPanel rules={version.rules} dirty={false} />
            <Card size="small" title={t('committeePlans.sections')}>
              <Flex vertical gap={16} data-testid="committee-plan-sections">
                {version.sections.map((section, index) => (
                  <TrainingPlanSection
                    key={section.key}
                    index={index}
                    section={section}
                    editable={false}
                    text={section.text}
                    onChange={() => undefined}
                  />
                ))}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
