import { Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CourseSystemSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { groupName } from '../../groups/groups-format.js';
import { listCourseSystems } from '../api/courses-api.js';
import { useCourseCollege, type CourseCollege } from '../hooks/use-course-college.js';
import { NewCourseSystemModal } from './NewCourseSystemModal.js';

/** The active college's course systems; group directors build new ones from a specialty-group proposal. */
export function CourseSystemsPage() {
  const { t } = useTranslation();
  const college = useCourseCollege();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="course-systems-title">
          {t('courses.systems.title')}
        </Typography.Title>
        {college && (
          <Typography.Text type="secondary">{t('courses.systems.subtitle', { name: college.name })}</Typography.Text>
        )}
      </div>
      {college ? (
        <CourseSystemsPanel key={college.organisationId} college={college} />
      ) : (
        <Card>{t('courses.notCollege')}</Card>
      )}
    </Flex>
  );
}

function CourseSystemsPanel({ college }: { college: CourseCollege }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery((signal) => listCourseSystems(college.organisationId, signal), college.organisationId);
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary" style={{ maxWidth: 760 }}>
            {college.canDirect ? t('courses.systems.intro') : t('courses.systems.readOnly')}
          </Typography.Text>
          {college.canDirect && (
            <Button type="primary" data-testid="course-system-create" onClick={() => setCreating(true)}>
              {t('courses.systems.new')}
            </Button>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<CourseSystemSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('courses.systems.empty') }}
          data-testid="course-systems-table"
          columns={[
            {
              title: t('courses.systems.columns.title'),
              render: (_, item) => (
                <Link to={`/course-systems/${item.id}`}>{pickName(item.titleZh, item.titleEn, i18n.language)}</Link>
              ),
            },
            {
              title: t('courses.systems.columns.group'),
              render: (_, item) =>
                item.groupName ? groupName({ name: item.groupName }, i18n.language) : t('courses.groupGone'),
            },
            { title: t('courses.systems.columns.semesters'), dataIndex: 'semesters', width: 100 },
            { title: t('courses.systems.columns.maxCredits'), dataIndex: 'maxCredits', width: 160 },
            {
              title: t('courses.systems.columns.updated'),
              width: 180,
              render: (_, item) => formatDateTime(item.updatedAt, i18n.language),
            },
          ]}
        />
      </Flex>
      {college.canDirect && (
        <NewCourseSystemModal
          open={creating}
          organisationId={college.organisationId}
          onClose={() => setCreating(false)}
          onCreated={(detail) => {
            setCreating(false);
            void navigate(`/course-systems/${detail.id}`);
          }}
        />
      )}
    </Card>
  );
}
