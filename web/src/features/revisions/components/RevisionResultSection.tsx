import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseSystemDiffView, RevisionResult } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { personName, pickLabel } from '../revision-format.js';
import {
  changedCourseLines,
  isSemesterMoveOnly,
  creditsChangeLine,
  diffIsEmpty,
  formatCredits,
  formatWeightChange,
  releaseNoteLines,
  requirementRows,
  type RequirementRow,
} from '../revision-result-format.js';
import { courseSystemPath } from './revision-paths.js';

const listStyle = { margin: 0, paddingInlineStart: 20 } as const;

/** What applying the approved revision produced: the new course system version, its release notes and its diff. */
export function RevisionResultSection({ result }: { result: RevisionResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const applier = personName(result.appliedBy);
  const date = formatDateTime(result.appliedAt, language);
  const notes = releaseNoteLines(result.releaseNotes, language);
  // The requirements name the group's posts in both languages; a student's post is one of them.
  const postName = (id: string) => {
    const row = result.requirements.find((requirement) => requirement.post === id);
    return row ? pickLabel(row.postLabel, language, id) : id;
  };
  return (
    <Card title={t('revisions.result.title')} data-testid="revision-result">
      <Flex vertical gap={16}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {applier
              ? t('revisions.result.appliedBy', { name: applier, date })
              : t('revisions.result.appliedAt', { date })}
          </Typography.Text>
          <Link to={courseSystemPath(result.courseSystemId)} data-testid="revision-result-open">
            {t('revisions.result.open', {
              title: pickLabel(result.courseSystemTitle, language, t('revisions.result.titleFallback')),
            })}{' '}
            →
          </Link>
        </Flex>

        <section>
          <Typography.Title level={5}>{t('revisions.result.releaseNotes')}</Typography.Title>
          {notes.length ? (
            <ul style={listStyle} data-testid="revision-release-notes">
              {notes.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('revisions.result.releaseNotesEmpty')}</Typography.Text>
          )}
        </section>

        <section>
          <Typography.Title level={5}>{t('revisions.result.requirements')}</Typography.Title>
          <RequirementsTable requirements={result.requirements} />
        </section>

        <section>
          <Typography.Title level={5}>{t('revisions.result.courses')}</Typography.Title>
          <CourseDiff diff={result.diff} />
        </section>

        {result.pathways ? (
          <section data-testid="revision-result-pathways">
            <Typography.Title level={5}>{t('revisions.result.pathways')}</Typography.Title>
            <Typography.Paragraph>
              {t('revisions.result.pathwaysSummary', {
                checked: result.pathways.checked,
                carried: result.pathways.carried,
                affected: result.pathways.affected,
              })}
            </Typography.Paragraph>
            {result.pathways.students.length > 0 && (
              <ul style={listStyle}>
                {result.pathways.students.map((student) => (
                  <li key={student.personId}>
                    {t('revisions.result.pathwayStudent', {
                      name: student.name,
                      post: postName(student.post),
                      missing: student.missing,
                      add: student.add,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </Flex>
    </Card>
  );
}

function RequirementsTable({ requirements }: { requirements: RevisionResult['requirements'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table<RequirementRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={requirementRows(requirements, language)}
      locale={{ emptyText: t('revisions.result.requirementsEmpty') }}
      data-testid="revision-result-requirements"
      columns={[
        {
          key: 'post',
          title: t('revisions.result.columns.post'),
          render: (_, row) => pickLabel(row.postLabel, language, t('revisions.result.postFallback')),
        },
        {
          key: 'competency',
          title: t('revisions.result.columns.competency'),
          render: (_, row) => pickLabel(row.label, language, t('revisions.proposals.competencyFallback')),
        },
        {
          key: 'weight',
          title: t('revisions.result.columns.weight'),
          render: (_, row) => (
            <Flex gap={6} align="center" wrap>
              <span style={{ whiteSpace: 'nowrap' }}>{formatWeightChange(row.before, row.after)}</span>
              {row.kind === 'added' && <Tag color="green">{t('revisions.result.added')}</Tag>}
              {row.kind === 'removed' && <Tag color="red">{t('revisions.result.removed')}</Tag>}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function CourseDiff({ diff }: { diff: CourseSystemDiffView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const title = (course: { title: { zh: string; en: string } }) =>
    pickLabel(course.title, language, t('revisions.result.courseFallback'));
  const credits = (value: number) => t('revisions.result.courseCredits', { credits: formatCredits(value) });
  return (
    <Flex vertical gap={12} data-testid="revision-result-diff">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} md={8}>
          <Statistic
            title={t('revisions.result.credits')}
            value={creditsChangeLine(t, diff)}
            data-testid="revision-result-credits"
          />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Statistic
            title={t('revisions.result.unchanged')}
            value={t('revisions.result.unchangedValue', { count: diff.unchanged })}
          />
        </Col>
      </Row>
      {diffIsEmpty(diff) && <Typography.Text type="secondary">{t('revisions.result.coursesEmpty')}</Typography.Text>}
      {diff.added.length > 0 && (
        <div data-testid="revision-result-added">
          <Typography.Text strong>{t('revisions.result.addedCourses')}</Typography.Text>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            {diff.added.map((course) => (
              <Tag key={course.id} color="green" style={{ whiteSpace: 'normal' }}>
                + {title(course)} · {credits(course.credits)}
              </Tag>
            ))}
          </Flex>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div data-testid="revision-result-removed">
          <Typography.Text strong>{t('revisions.result.removedCourses')}</Typography.Text>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            {diff.removed.map((course) => (
              <Tag key={course.id} color="red" style={{ whiteSpace: 'normal' }}>
                − <del>{title(course)}</del> · {credits(course.credits)}
              </Tag>
            ))}
          </Flex>
        </div>
      )}
      {diff.changed.some((change) => !isSemesterMoveOnly(change)) && (
        <div data-testid="revision-result-changed">
          <Typography.Text strong>{t('revisions.result.changedCourses')}</Typography.Text>
          <Flex vertical gap={8} style={{ marginTop: 4 }}>
            {diff.changed
              .filter((change) => !isSemesterMoveOnly(change))
              .map((change) => (
                <Card key={change.after.id} size="small">
                  <Typography.Text strong>{title(change.after)}</Typography.Text>
                  <ul style={listStyle}>
                    {changedCourseLines(t, change, language).map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                </Card>
              ))}
          </Flex>
        </div>
      )}
      {diff.changed.some(isSemesterMoveOnly) && (
        <details data-testid="revision-result-moved">
          <summary>
            {t('revisions.result.movedOnly', { count: diff.changed.filter(isSemesterMoveOnly).length })}
          </summary>
          <ul style={listStyle}>
            {diff.changed.filter(isSemesterMoveOnly).map((change) => (
              <li key={change.after.id}>
                {title(change.after)}：{changedCourseLines(t, change, language).join(t('common.listSeparator'))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Flex>
  );
}
