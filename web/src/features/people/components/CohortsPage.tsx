import { Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CohortView } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { listCohorts } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';

type CohortSpecialty = CohortView['specialties'][number];

/** The college's cohorts (年级), newest first: per entry year its classes and students by specialty. */
export function CohortsPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const cohorts = useApiQuery(
    (signal) => listCohorts(people.organisationId, signal),
    `cohorts:${people.organisationId}`,
  );
  if (cohorts.error) return <ApiErrorAlert error={cohorts.error} onRetry={cohorts.reload} />;
  if (!cohorts.data) return <PageLoading />;
  const items = [...cohorts.data.items].sort((a, b) => b.cohortYear - a.cohortYear);
  if (items.length === 0) return <Empty description={t('people.cohorts.empty')} />;
  return (
    <Row gutter={[16, 16]} data-testid="cohorts">
      {items.map((cohort) => (
        <Col key={cohort.cohortYear} xs={24} lg={12}>
          <Card
            title={t('people.cohorts.title', { year: cohort.cohortYear })}
            extra={
              <Link
                to={`/people/classes?cohort=${cohort.cohortYear}`}
                data-testid={`cohort-classes-${cohort.cohortYear}`}
              >
                {t('people.cohorts.classes')}
              </Link>
            }
            data-testid={`cohort-${cohort.cohortYear}`}
          >
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {t('people.cohorts.figures', {
                  classes: cohort.classes,
                  students: cohort.students,
                  left: cohort.studentsLeft,
                })}
              </Typography.Text>
              <Table<CohortSpecialty>
                size="small"
                rowKey="specialtyCode"
                pagination={false}
                dataSource={cohort.specialties}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    key: 'specialty',
                    title: t('people.cohorts.columns.specialty'),
                    render: (_, row) => (
                      <span>
                        {row.specialtyName} <Typography.Text type="secondary">{row.specialtyCode}</Typography.Text>
                      </span>
                    ),
                  },
                  { key: 'classes', title: t('people.cohorts.columns.classes'), dataIndex: 'classes' },
                  { key: 'students', title: t('people.cohorts.columns.students'), dataIndex: 'students' },
                ]}
              />
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
