import { Alert, App, Button, Card, Checkbox, Flex, Form, Modal, Radio, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ClassView, RosterEntry } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { translateError } from '../../../i18n/translate-error.js';
import { downloadActivationCodes, fetchClass, listRoster } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';
import { MaskedBadge, RosterStatusTags } from './RosterStatusTags.js';

/** One class: its facts, its students (paged by the server), and, for admins, its activation codes. */
export function ClassPage() {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const people = usePeople();
  const classView = useApiQuery(
    (signal) => fetchClass(people.organisationId, classId, signal),
    `${people.organisationId}:${classId}`,
  );

  return (
    <Flex vertical gap={16}>
      <Link to="/people/classes">← {t('people.class.back')}</Link>
      {classView.error ? (
        <ApiErrorAlert error={classView.error} onRetry={classView.reload} />
      ) : !classView.data ? (
        <PageLoading />
      ) : (
        <ClassDetail classView={classView.data} />
      )}
    </Flex>
  );
}

function ClassDetail({ classView }: { classView: ClassView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = usePeople();
  const filters = useUrlFilters();
  const q = filters.get('q');
  const query = {
    kind: 'student' as const,
    classId: classView.id,
    q,
    limit: filters.pageSize,
    offset: filters.offset,
  };
  const students = useApiQuery(
    (signal) => listRoster(people.organisationId, query, signal),
    JSON.stringify([people.organisationId, query]),
  );
  const [codesOpen, setCodesOpen] = useState(false);

  const columns: TableProps<RosterEntry>['columns'] = [
    { key: 'externalId', title: t('people.externalId.student'), dataIndex: 'externalId' },
    {
      key: 'name',
      title: t('people.roster.columns.name'),
      render: (_, entry) =>
        people.canOpenAccount ? (
          <Link to={`/people/accounts/${entry.personId}`} data-testid={`class-student-${entry.externalId}`}>
            {entry.name}
          </Link>
        ) : (
          entry.name
        ),
    },
    {
      key: 'contact',
      title: t('people.roster.columns.contact'),
      responsive: ['md'],
      render: (_, entry) => (
        <Flex gap={4} wrap>
          <span>{[entry.phone, entry.email].filter(Boolean).join(' · ') || t('common.none')}</span>
          {entry.masked && (entry.phone || entry.email) && <MaskedBadge />}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('people.roster.columns.status'),
      render: (_, entry) => <RosterStatusTags entry={entry} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="class-page">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="class-title">
          {classView.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('people.class.facts', {
            specialty: `${classView.specialtyName} (${classView.specialtyCode})`,
            cohort: classView.cohortYear,
            years: classView.durationYears,
            year: classView.graduationYear,
          })}
          {classView.departmentName ? ` · ${classView.departmentName}` : ''}
        </Typography.Text>
      </div>
      <Card title={`${t('people.class.students')} (${classView.students})`}>
        <PagedSearchTable<RosterEntry>
          testId="class-students"
          query={students}
          paging={filters}
          columns={columns}
          rowKey="personId"
          rowTestId={(entry) => `class-row-${entry.externalId}`}
          onRowClick={
            people.canOpenAccount ? (entry) => void navigate(`/people/accounts/${entry.personId}`) : undefined
          }
          search={{
            value: q,
            onChange: (value) => filters.setFilters({ q: value }),
            label: t('people.roster.searchLabel'),
            placeholder: t('people.roster.searchPlaceholder'),
            testId: 'class-search',
            width: 240,
          }}
          actions={
            people.canDownloadCodes ? (
              <Button onClick={() => setCodesOpen(true)} data-testid="class-codes">
                {t('people.class.codes')}
              </Button>
            ) : undefined
          }
          size="small"
        />
      </Card>
      <ActivationCodesModal classView={classView} open={codesOpen} onClose={() => setCodesOpen(false)} />
    </Flex>
  );
}

interface CodesForm {
  onlyWithoutPassword: boolean;
  format: 'xlsx' | 'csv';
}

function ActivationCodesModal({
  classView,
  open,
  onClose,
}: {
  classView: ClassView;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeople();
  const [form] = Form.useForm<CodesForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download(values: CodesForm) {
    setBusy(true);
    setError(null);
    try {
      const file = await downloadActivationCodes(people.organisationId, classView, values);
      void message.success(t('people.class.codesDone', { file }));
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={`${t('people.class.codes')} · ${classView.name}`}
      okText={t('people.class.codesConfirm')}
      okButtonProps={{ 'data-testid': 'class-codes-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.class.codesHelp')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<CodesForm>
        form={form}
        layout="vertical"
        initialValues={{ onlyWithoutPassword: true, format: 'xlsx' }}
        onFinish={(values) => void download(values)}
      >
        <Form.Item name="onlyWithoutPassword" valuePropName="checked">
          <Checkbox>{t('people.class.codesOnlyNew')}</Checkbox>
        </Form.Item>
        <Form.Item name="format" label={t('people.class.codesFormat')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'xlsx', label: 'XLSX' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
