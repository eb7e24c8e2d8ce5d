import { Button, Card, Flex, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TrainingPlanDto, TrainingPlanList } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { createTrainingPlan, getCourseSystem, listCourseSystems, listTrainingPlans } from '../api/courses-api.js';
import { useCourseCollege, type CourseCollege } from '../hooks/use-course-college.js';

type PlanItem = TrainingPlanList['items'][number];

/** The college's Talent Training Plans with their newest version; directors draft new ones from a course system. */
export function TrainingPlansPage() {
  const { t } = useTranslation();
  const college = useCourseCollege();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="training-plans-title">
          {t('courses.plans.title')}
        </Typography.Title>
        {college && (
          <Typography.Text type="secondary">{t('courses.plans.subtitle', { name: college.name })}</Typography.Text>
        )}
      </div>
      {college ? <PlansPanel key={college.organisationId} college={college} /> : <Card>{t('courses.notCollege')}</Card>}
    </Flex>
  );
}

function PlansPanel({ college }: { college: CourseCollege }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery((signal) => listTrainingPlans(college.organisationId, signal), college.organisationId);
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary" style={{ maxWidth: 760 }}>
            {t('courses.plans.intro')}
          </Typography.Text>
          {college.canDirect && (
            <Button type="primary" data-testid="training-plan-create" onClick={() => setCreating(true)}>
              {t('courses.plans.new')}
            </Button>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<PlanItem>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('courses.plans.empty') }}
          data-testid="training-plans-table"
          columns={[
            {
              title: t('courses.plans.columns.title'),
              render: (_, item) => <Link to={`/training-plans/${item.id}`}>{item.titleZh}</Link>,
            },
            { title: t('courses.plans.columns.system'), dataIndex: 'courseSystemTitle' },
            {
              title: t('courses.plans.columns.version'),
              width: 110,
              render: (_, item) => t('courses.plans.version', { n: item.latest.number }),
            },
            {
              title: t('courses.plans.columns.status'),
              width: 100,
              render: (_, item) => (
                <Tag color={item.latest.status === 'approved' ? 'green' : 'default'}>
                  {t(`courses.plans.status.${item.latest.status}`)}
                </Tag>
              ),
            },
            {
              title: t('courses.plans.columns.updated'),
              width: 180,
              render: (_, item) => formatDateTime(item.latest.updatedAt, i18n.language),
            },
          ]}
        />
      </Flex>
      {college.canDirect && creating && (
        <NewTrainingPlanModal
          organisationId={college.organisationId}
          onClose={() => setCreating(false)}
          onCreated={(plan) => void navigate(`/training-plans/${plan.id}`)}
        />
      )}
    </Card>
  );
}

interface Values {
  courseSystemId: string;
  specialtyCode: string;
}
const GROUP_PLAN = '';

function NewTrainingPlanModal({
  organisationId,
  onClose,
  onCreated,
}: {
  organisationId: string;
  onClose: () => void;
  onCreated: (plan: TrainingPlanDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const systems = useApiQuery((signal) => listCourseSystems(organisationId, signal), organisationId);
  const systemId = Form.useWatch('courseSystemId', form);
  const detail = useApiQuery(
    (signal) => (systemId ? getCourseSystem(organisationId, systemId, signal) : Promise.resolve(undefined)),
    systemId ?? '',
  );
  const { submit, submitting, error } = useFormSubmit(form, ['specialtyCode'] as const, async (values: Values) => {
    onCreated(
      await createTrainingPlan(organisationId, {
        courseSystemId: values.courseSystemId,
        specialtyCode: values.specialtyCode === GROUP_PLAN ? null : values.specialtyCode,
      }),
    );
  });
  return (
    <Modal
      open
      title={t('courses.plans.create.title')}
      okText={t('courses.plans.create.submit')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ specialtyCode: GROUP_PLAN }}
      >
        <Form.Item
          name="courseSystemId"
          label={t('courses.plans.create.system')}
          rules={[{ required: true, message: t('courses.create.required') }]}
        >
          <Select
            data-testid="training-plan-system"
            options={(systems.data?.items ?? []).map((item) => ({
              value: item.id,
              label: pickName(item.titleZh, item.titleEn, i18n.language),
            }))}
          />
        </Form.Item>
        <Form.Item name="specialtyCode" label={t('courses.plans.create.specialty')}>
          <Select
            data-testid="training-plan-specialty"
            options={[
              { value: GROUP_PLAN, label: t('courses.plans.create.groupPlan') },
              ...(detail.data?.specialties ?? []).map((specialty) => ({
                value: specialty.code,
                label: `${specialty.nameZh}（${specialty.code}）`,
              })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
