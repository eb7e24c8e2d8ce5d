import { CommitteeVotePanel } from '../../committee/components/CommitteeVotePanel.js';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Dropdown,
  Flex,
  Input,
  Popconfirm,
  Row,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TrainingPlanDto, TrainingPlanVersionDto } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import {
  submitTrainingPlan,
  withdrawTrainingPlan,
  getTrainingPlan,
  saveTrainingPlanDraft,
  startTrainingPlanVersion,
  trainingPlanExportUrl,
} from '../api/courses-api.js';
import { useCourseCollege, type CourseCollege } from '../hooks/use-course-college.js';
import { CommitteeChoiceSelect, useCommitteeChoice } from '../../committee/components/CommitteeChoice.js';
import { PlanRulesPanel } from './PlanRulesPanel.js';
import { TrainingPlanSection } from './TrainingPlanSection.js';

/** One training plan: its version history, the chosen version's sections (editable while a draft), exports. */
export function TrainingPlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const college = useCourseCollege();
  if (!college) return <Card>{t('courses.notCollege')}</Card>;
  return <PlanView key={`${college.organisationId}:${planId}`} college={college} planId={planId} />;
}

function PlanView({ college, planId }: { college: CourseCollege; planId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => getTrainingPlan(college.organisationId, planId, signal), planId);
  const committee = useCommitteeChoice(college.organisationId, college.canDirect);
  const [plan, setPlan] = useState<TrainingPlanDto | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [refresh, setRefresh] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.data) setPlan(query.data);
  }, [query.data]);
  const version: TrainingPlanVersionDto | undefined =
    plan?.versions.find((candidate) => candidate.number === selected) ?? plan?.versions.at(-1);
  useEffect(() => {
    if (!version) return;
    setTexts(Object.fromEntries(version.sections.map((section) => [section.key, section.text])));
    setNote(version.note);
  }, [version?.id, version?.updatedAt]);

  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!plan || !version) return <PageLoading />;
  const latest = plan.versions.at(-1)!;
  const underReview = version.status === 'draft' && Boolean(version.submittedAt);
  const editable = version.status === 'draft' && !underReview && college.canTeach;

  async function act(work: () => Promise<TrainingPlanDto>, done: string, select?: (next: TrainingPlanDto) => number) {
    setBusy(true);
    setFailure(null);
    try {
      const next = await work();
      setPlan(next);
      setSelected(select ? select(next) : null);
      void message.success(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const dirty =
    version.sections.some((section) => (texts[section.key] ?? section.text) !== section.text) || note !== version.note;
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to="/training-plans">← {t('courses.plans.back')}</Link>
        <Typography.Title level={2} style={{ margin: '8px 0 0' }} data-testid="training-plan-title">
          {plan.titleZh}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.courseSystemTitle}</Typography.Text>
      </div>
      {failure ? <ApiErrorAlert error={failure} testId="training-plan-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" title={t('courses.plans.versions')}>
            <Timeline
              data-testid="training-plan-versions"
              items={[...plan.versions].reverse().map((candidate) => ({
                color: candidate.status === 'approved' ? 'green' : 'gray',
                children: (
                  <Button
                    type={candidate.number === version.number ? 'primary' : 'text'}
                    size="small"
                    style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setSelected(candidate.number)}
                    data-testid={`training-plan-version-${candidate.number}`}
                  >
                    <Flex vertical>
                      <span>
                        {t('courses.plans.version', { n: candidate.number })}{' '}
                        <Tag color={candidate.status === 'approved' ? 'green' : 'default'}>
                          {t(`courses.plans.status.${candidate.status}`)}
                        </Tag>
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {candidate.status === 'approved'
                          ? t('courses.plans.approvedBy', {
                              name: candidate.approvedByName ?? '',
                              date: formatDateTime(candidate.approvedAt!, i18n.language),
                            })
                          : t('courses.plans.draftSince', { date: formatDateTime(candidate.updatedAt, i18n.language) })}
                      </Typography.Text>
                    </Flex>
                  </Button>
                ),
              }))}
            />
            {college.canDirect && latest.status === 'approved' && (
              <Flex vertical gap={8}>
                <Checkbox checked={refresh} onChange={(event) => setRefresh(event.target.checked)}>
                  {t('courses.plans.newVersionRefresh')}
                </Checkbox>
                <Button
                  loading={busy}
                  data-testid="training-plan-new-version"
                  onClick={() =>
                    void act(
                      () => startTrainingPlanVersion(college.organisationId, plan.id, refresh),
                      t('courses.plans.newVersionDone', { n: latest.number + 1 }),
                      (next) => next.versions.at(-1)!.number,
                    )
                  }
                >
                  {t('courses.plans.newVersion')}
                </Button>
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card
            size="small"
            title={`${t('courses.plans.version', { n: version.number })} · ${t(`courses.plans.status.${version.status}`)}`}
            extra={
              <Flex gap={8} wrap>
                <Dropdown
                  menu={{
                    items: (['docx', 'xlsx', 'pdf'] as const).map((format) => ({
                      key: format,
                      label: (
                        <a
                          href={trainingPlanExportUrl(college.organisationId, plan.id, version.number, format)}
                          data-testid={`training-plan-export-${format}`}
                          download
                        >
                          {format.toUpperCase()}
                        </a>
                      ),
                    })),
                  }}
                >
                  <Button data-testid="training-plan-export">{t('courses.plans.export')}</Button>
                </Dropdown>
                {editable && (
                  <Button
                    loading={busy}
                    disabled={!dirty}
                    data-testid="training-plan-save"
                    onClick={() =>
                      void act(
                        () =>
                          saveTrainingPlanDraft(college.organisationId, plan.id, {
                            sections: version.sections.map((section) => ({
                              key: section.key,
                              text: texts[section.key] ?? section.text,
                            })),
                            note,
                          }),
                        t('courses.plans.saved'),
                        () => version.number,
                      )
                    }
                  >
                    {t('courses.plans.save')}
                  </Button>
                )}
                {version.status === 'draft' && !underReview && college.canDirect && (
                  <Popconfirm
                    title={t('courses.plans.submitConfirm')}
                    description={<CommitteeChoiceSelect choice={committee} />}
                    okButtonProps={{ disabled: !committee.ready }}
                    disabled={dirty}
                    onConfirm={() =>
                      void act(
                        () =>
                          submitTrainingPlan(
                            college.organisationId,
                            plan.id,
                            committee.committeeId ? { committeeId: committee.committeeId } : {},
                          ),
                        t('courses.plans.submitted'),
                        () => version.number,
                      )
                    }
                  >
                    <Button type="primary" disabled={dirty} loading={busy} data-testid="training-plan-submit">
                      {t('courses.plans.submit')}
                    </Button>
                  </Popconfirm>
                )}
                {underReview && college.canDirect && (
                  <Popconfirm
                    title={t('courses.plans.withdrawConfirm')}
                    onConfirm={() =>
                      void act(
                        () => withdrawTrainingPlan(college.organisationId, plan.id),
                        t('courses.plans.withdrawn'),
                        () => version.number,
                      )
                    }
                  >
                    <Button loading={busy} data-testid="training-plan-withdraw">
                      {t('courses.plans.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            }
          >
            {version.status === 'approved' && (
              <Alert type="success" showIcon title={t('courses.plans.immutable')} style={{ marginBottom: 12 }} />
            )}
            {underReview && (
              <Alert
                type="info"
                showIcon
                title={t('courses.plans.underReview')}
                style={{ marginBottom: 12 }}
                data-testid="training-plan-under-review"
              />
            )}
            {plan.review && version.id === latest.id && (
              <div style={{ marginBottom: 12 }}>
                <CommitteeVotePanel review={plan.review} />
              </div>
            )}
            <div style={{ marginBottom: 12 }}>
              <PlanRulesPanel rules={version.rules} dirty={dirty} />
            </div>
            {editable && (
              <Input
                addonBefore={t('courses.plans.note')}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                style={{ marginBottom: 12 }}
              />
            )}
            <Flex vertical gap={16} data-testid="training-plan-sections">
              {version.sections.map((section, index) => (
                <TrainingPlanSection
                  key={section.key}
                  index={index}
                  section={section}
                  editable={editable}
                  text={texts[section.key] ?? section.text}
                  onChange={(text) => setTexts({ ...texts, [section.key]: text })}
                />
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
