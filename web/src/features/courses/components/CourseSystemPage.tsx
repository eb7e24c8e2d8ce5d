import { Alert, Card, Descriptions, Flex, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CourseSystemDetail } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { frameworkName } from '../../../i18n/framework-name.js';
import { groupName } from '../../groups/groups-format.js';
import { RevisionsLink } from '../../revisions/components/RevisionsLink.js';
import { courseSystemPath, revisionPath } from '../../revisions/components/revision-paths.js';
import { useCanReadRevisions } from '../../revisions/hooks/use-can-read-revisions.js';
import { getCourseSystem } from '../api/courses-api.js';
import { describeViolations } from '../describe-violations.js';
import { useCourseCollege, type CourseCollege } from '../hooks/use-course-college.js';
import { CourseMatrix } from './CourseMatrix.js';
import { CoveragePanel } from './CoveragePanel.js';
import { PathwayPlanner } from './PathwayPlanner.js';
import { SemesterBoard } from './SemesterBoard.js';

/** One course system: figures, the matrix, the semester board, the pathway planner, the existing-course check. */
export function CourseSystemPage() {
  const { t } = useTranslation();
  const { courseSystemId = '' } = useParams();
  const college = useCourseCollege();
  if (!college) return <Card>{t('courses.notCollege')}</Card>;
  return <CourseSystemView key={`${college.organisationId}:${courseSystemId}`} college={college} id={courseSystemId} />;
}

function CourseSystemView({ college, id }: { college: CourseCollege; id: string }) {
  // A link may open one tab (a student's notice opens their pathway: ?tab=pathway).
  const [searchParams] = useSearchParams();
  const tab = searchParams.get('tab');
  const { t, i18n } = useTranslation();
  const query = useApiQuery((signal) => getCourseSystem(college.organisationId, id, signal), id);
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <PageLoading />;
  const system = query.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to="/course-systems">← {t('courses.detail.back')}</Link>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="course-system-title">
            {pickName(system.titleZh, system.titleEn, i18n.language)}
          </Typography.Title>
          <RevisionsLink
            organisationId={college.organisationId}
            courseSystemId={system.id}
            groupName={system.groupName}
          />
        </Flex>
        <Typography.Text type="secondary">
          {t('courses.detail.framework', {
            framework: frameworkName(system, i18n.language),
            group: system.groupName ? groupName({ name: system.groupName }, i18n.language) : t('courses.groupGone'),
            status: t(`groups.status.${system.proposalStatus}`, { defaultValue: system.proposalStatus }),
          })}
        </Typography.Text>
      </div>
      {system.proposalId && system.builtFromStatus !== 'approved' && (
        <Alert
          type="warning"
          showIcon
          data-testid="course-system-unapproved"
          title={t(
            system.proposalStatus === 'approved'
              ? 'courses.detail.builtBeforeApproval'
              : 'courses.detail.builtFromUnapproved',
            {
              built: t(`groups.status.${system.builtFromStatus}`, { defaultValue: system.builtFromStatus }),
              now: t(`groups.status.${system.proposalStatus}`, { defaultValue: system.proposalStatus }),
            },
          )}
        />
      )}
      <VersionLineage system={system} organisationId={college.organisationId} />
      <Summary system={system} />
      <Card>
        <Tabs
          destroyOnHidden
          defaultActiveKey={tab ?? undefined}
          items={[
            {
              key: 'matrix',
              label: t('courses.detail.tabs.matrix'),
              children: <CourseMatrix system={system} />,
            },
            {
              key: 'semesters',
              label: <span data-testid="tab-semesters">{t('courses.detail.tabs.semesters')}</span>,
              children: (
                <SemesterBoard
                  system={system}
                  organisationId={college.organisationId}
                  canReplan={college.canDirect}
                  canRename={college.canTeach}
                  onReplanned={query.reload}
                />
              ),
            },
            {
              key: 'pathway',
              label: <span data-testid="tab-pathway">{t('courses.detail.tabs.pathway')}</span>,
              children: <PathwayPlanner system={system} organisationId={college.organisationId} />,
            },
            ...(college.isStudentOnly
              ? []
              : [
                  {
                    key: 'coverage',
                    label: <span data-testid="tab-coverage">{t('courses.detail.tabs.coverage')}</span>,
                    children: <CoveragePanel system={system} college={college} />,
                  },
                ]),
          ]}
        />
      </Card>
    </Flex>
  );
}

/**
 * Why this version is like this: the yearly revision that built it from the previous version, and whether a later
 * revision has built a newer one from it (this one then stays as it was, for reference).
 */
function VersionLineage({ system, organisationId }: { system: CourseSystemDetail; organisationId: string }) {
  const { t, i18n } = useTranslation();
  const canReadRevisions = useCanReadRevisions(organisationId);
  const revisedBy = system.revisedBy ?? null;
  const supersededBy = system.supersededBy ?? null;
  if (!revisedBy && !supersededBy) return null;
  return (
    <>
      {supersededBy && (
        <Alert
          type="warning"
          showIcon
          data-testid="course-system-superseded"
          title={t('courses.detail.supersededBy')}
          description={
            <Link to={courseSystemPath(supersededBy)} data-testid="course-system-newer">
              {t('courses.detail.newerVersion')} →
            </Link>
          }
        />
      )}
      {revisedBy && (
        <Alert
          type="info"
          showIcon
          data-testid="course-system-revised-by"
          title={t('courses.detail.revisedBy', {
            before: revisedBy.beforeYear,
            after: revisedBy.afterYear,
            date: formatDateTime(revisedBy.appliedAt, i18n.language),
          })}
          description={
            <Flex gap={16} wrap>
              {canReadRevisions && (
                <Link to={revisionPath(revisedBy.revisionId)} data-testid="course-system-revision">
                  {t('courses.detail.revisedByRevision')}
                </Link>
              )}
              <Link to={courseSystemPath(revisedBy.previousId)} data-testid="course-system-previous">
                {t('courses.detail.previousVersion')}
              </Link>
            </Flex>
          }
        />
      )}
    </>
  );
}

function Summary({ system }: { system: CourseSystemDetail }) {
  const { t, i18n } = useTranslation();
  const plan = system.plan;
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex gap={32} wrap>
          <Statistic title={t('courses.detail.courses')} value={system.totals.courses} />
          <Statistic title={t('courses.detail.credits')} value={system.totals.credits} />
          <Statistic title={t('courses.detail.hours')} value={system.totals.hours} />
          <Statistic
            title={t('courses.detail.busiest')}
            value={plan.busiest}
            suffix={`/ ${system.maxCredits}`}
            data-testid="course-system-busiest"
          />
        </Flex>
        <Descriptions size="small" column={1}>
          <Descriptions.Item>
            <span data-testid="course-system-solver">
              {plan.method === 'mip'
                ? t('courses.detail.solverMip', {
                    solver: plan.solver,
                    status: t(`courses.detail.solverStatus.${plan.status}`, { defaultValue: plan.status }),
                    gap: ((plan.gap ?? 0) * 100).toFixed(2),
                    seconds: plan.seconds,
                  })
                : t('courses.detail.solverHeuristic', { seconds: plan.seconds })}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {system.violations.length === 0 ? (
          <Alert type="success" showIcon title={t('courses.detail.violationsNone')} data-testid="course-system-ok" />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t('courses.detail.violations')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="course-system-violations">
                {describeViolations(t, system, i18n.language).map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
