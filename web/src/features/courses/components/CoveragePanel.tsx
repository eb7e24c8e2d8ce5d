import { Button, Card, Col, Flex, Progress, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollegeCourseDto, CourseListImportResult, CourseSystemDetail } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ImportDialog } from '../../../components/ImportDialog.js';
import { pickName } from '../../../i18n/pick-name.js';
import { decideCourseLink, getCoverage, importCourseList, listCollegeCourses } from '../api/courses-api.js';
import type { CourseCollege } from '../hooks/use-course-college.js';

/** The server's upload limit for course lists. */
const COURSE_LIST_LIMIT_BYTES = 8 * 1024 * 1024;

const STATUS_COLOR = { suggested: 'default', confirmed: 'green', rejected: 'red' } as const;

/** The college's existing courses against this course system: import, teacher review of links, coverage report. */
export function CoveragePanel({ system, college }: { system: CourseSystemDetail; college: CourseCollege }) {
  const { t, i18n } = useTranslation();
  const [links, setLinks] = useState<'suggested' | 'confirmed'>('suggested');
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const organisationId = college.organisationId;
  const courses = useApiQuery(
    (signal) => listCollegeCourses(organisationId, signal),
    `${organisationId}:${generation}`,
  );
  const coverage = useApiQuery(
    (signal) => getCoverage(organisationId, system.id, links, signal),
    `${system.id}:${links}:${generation}`,
  );
  const refresh = () => setGeneration((value) => value + 1);

  async function decide(code: string, competencyId: string, status: 'confirmed' | 'rejected') {
    try {
      await decideCourseLink(organisationId, code, competencyId, status);
      refresh();
    } catch (error) {
      setFailure(error);
    }
  }

  const report = coverage.data;
  return (
    <Flex vertical gap={16} data-testid="coverage-panel">
      <Typography.Text type="secondary">{t('courses.coverage.intro')}</Typography.Text>
      <Space wrap>
        {college.canDirect && (
          <Button data-testid="course-list-import" onClick={() => setImporting(true)}>
            {t('courses.coverage.import')}
          </Button>
        )}
        <Segmented
          value={links}
          onChange={(value) => setLinks(value as 'suggested' | 'confirmed')}
          options={[
            { value: 'suggested', label: t('courses.coverage.links.suggested') },
            { value: 'confirmed', label: t('courses.coverage.links.confirmed') },
          ]}
        />
      </Space>
      {failure ? <ApiErrorAlert error={failure} testId="coverage-error" /> : null}
      {coverage.error ? <ApiErrorAlert error={coverage.error} onRetry={coverage.reload} /> : null}
      {report && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('courses.coverage.coverage')}>
              <Progress type="dashboard" percent={Math.round(report.coverage * 100)} data-testid="coverage-percent" />
              {report.posts.map((post) => (
                <div key={post.post}>
                  <Typography.Text>{post.label}</Typography.Text>
                  <Progress
                    size="small"
                    percent={post.essential === 0 ? 100 : Math.round((post.covered / post.essential) * 100)}
                    format={() => `${post.covered}/${post.essential}`}
                  />
                </div>
              ))}
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card size="small" title={t('courses.coverage.gaps')}>
              {report.posts.every((post) => post.gaps.length === 0) ? (
                t('courses.coverage.noGaps')
              ) : (
                <Flex vertical gap={8} data-testid="coverage-gaps">
                  {report.posts
                    .filter((post) => post.gaps.length > 0)
                    .map((post) => (
                      <div key={post.post}>
                        <Typography.Text strong>{post.label}</Typography.Text>{' '}
                        {post.gaps.map((gap) => (
                          <Tag key={gap.competency} color="red">
                            {pickName(gap.labelZh, gap.labelEn, i18n.language)}
                          </Tag>
                        ))}
                      </div>
                    ))}
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('courses.coverage.retire')} style={{ marginTop: 16 }}>
              {report.retire.length === 0 ? (
                t('courses.coverage.retireNone')
              ) : (
                <Flex wrap gap={8} data-testid="coverage-retire">
                  {report.retire.map((course) => (
                    <Tag key={course.code} color="orange">
                      {course.code} {course.name} · {course.credits}
                    </Tag>
                  ))}
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('courses.coverage.overlaps')} style={{ marginTop: 16 }}>
              {report.overlaps.length === 0 ? (
                t('courses.coverage.overlapsNone')
              ) : (
                <Flex wrap gap={8}>
                  {report.overlaps.slice(0, 30).map((overlap) => (
                    <Tag key={overlap.competency}>
                      {pickName(overlap.labelZh, overlap.labelEn, i18n.language)}: {overlap.courses.join(', ')}
                    </Tag>
                  ))}
                </Flex>
              )}
            </Card>
          </Col>
        </Row>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('courses.coverage.courses')}
      </Typography.Title>
      {courses.error ? <ApiErrorAlert error={courses.error} onRetry={courses.reload} /> : null}
      <Table<CollegeCourseDto>
        rowKey="code"
        size="small"
        loading={courses.loading}
        dataSource={courses.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('courses.coverage.empty') }}
        data-testid="college-courses"
        columns={[
          { title: t('courses.coverage.columns.code'), dataIndex: 'code', width: 90 },
          {
            title: t('courses.coverage.columns.name'),
            width: 200,
            render: (_, course) => (
              <Tooltip title={course.description}>
                {pickName(course.nameZh, course.nameEn ?? '', i18n.language)}
              </Tooltip>
            ),
          },
          {
            title: t('courses.coverage.columns.type'),
            width: 100,
            render: (_, course) => t(`courses.coverage.type.${course.type}`),
          },
          { title: t('courses.coverage.columns.credits'), dataIndex: 'credits', width: 70 },
          {
            title: t('courses.coverage.columns.links'),
            render: (_, course) => (
              <Flex wrap gap={4}>
                {course.links.map((link) => (
                  <Tag
                    key={link.competencyId}
                    color={STATUS_COLOR[link.status]}
                    data-testid={`link-${course.code}-${link.competencyId}`}
                  >
                    <Tooltip
                      title={`${t(`courses.coverage.evidence.${link.evidence}`)} · ${link.score.toFixed(2)} · ${t(`courses.coverage.status.${link.status}`)}`}
                    >
                      {pickName(link.labelZh, link.labelEn, i18n.language)}
                    </Tooltip>
                    {college.canTeach && link.status !== 'confirmed' && (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: '0 2px', height: 'auto' }}
                        aria-label={t('courses.coverage.confirm')}
                        data-testid={`confirm-${course.code}-${link.competencyId}`}
                        onClick={() => void decide(course.code, link.competencyId, 'confirmed')}
                      >
                        ✓
                      </Button>
                    )}
                    {college.canTeach && link.status !== 'rejected' && (
                      <Button
                        type="link"
                        size="small"
                        danger
                        style={{ padding: '0 2px', height: 'auto' }}
                        aria-label={t('courses.coverage.reject')}
                        onClick={() => void decide(course.code, link.competencyId, 'rejected')}
                      >
                        ✕
                      </Button>
                    )}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('courses.coverage.columns.source'),
            width: 150,
            render: (_, course) => `${course.sourceFile}:${course.sourceLine}`,
          },
        ]}
      />
      {college.canDirect && (
        <ImportDialog<CourseListImportResult>
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            refresh();
          }}
          testId="course-list-import"
          title={t('courses.coverage.import')}
          help={t('courses.coverage.importHelp')}
          submitText={t('courses.coverage.importSubmit')}
          accept={['.xlsx', '.csv']}
          maxBytes={COURSE_LIST_LIMIT_BYTES}
          fileHelp={t('courses.coverage.importFileHelp')}
          upload={(file, _values, onProgress) => importCourseList(organisationId, file, onProgress)}
          summary={(result) =>
            t('courses.coverage.imported', {
              courses: result.courses,
              links: result.suggestedLinks,
              kept: result.keptDecisions,
            })
          }
        />
      )}
    </Flex>
  );
}
