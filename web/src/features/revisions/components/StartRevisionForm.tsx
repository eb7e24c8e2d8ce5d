import { App, Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionView } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { fetchDemandOverview } from '../../demand/api/demand-api.js';
import { startRevision } from '../api/revisions-api.js';
import { defaultYears } from '../revision-format.js';

interface YearsValues {
  beforeYear: number | null;
  afterYear: number | null;
}

/**
 * Two years and a button: the server compares their postings and drafts the proposals. The years default to the
 * last two with postings (from the demand overview), or last year and this year.
 */
export function StartRevisionForm({
  organisationId,
  groupId,
  onStarted,
}: {
  organisationId: string;
  groupId: string;
  onStarted: (view: RevisionView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<YearsValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const thisYear = new Date().getFullYear();
    form.setFieldsValue(defaultYears([], thisYear));
    fetchDemandOverview({}, controller.signal).then(
      (overview) => {
        // The person may have typed years already: only fill what is still the fallback.
        if (!form.isFieldsTouched()) form.setFieldsValue(defaultYears(overview.years, thisYear));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  async function start(values: YearsValues) {
    if (values.beforeYear === null || values.afterYear === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const view = await startRevision(organisationId, groupId, {
        beforeYear: values.beforeYear,
        afterYear: values.afterYear,
      });
      void message.success(t('revisions.start.done'));
      onStarted(view);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('revisions.start.title')}</Typography.Text>
      <Form<YearsValues>
        form={form}
        layout="inline"
        onFinish={(values) => void start(values)}
        data-testid="revision-start-form"
        style={{ rowGap: 8 }}
      >
        <Form.Item name="beforeYear" label={t('revisions.start.beforeYear')} rules={[{ required: true, message: '' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} data-testid="revision-before-year" />
        </Form.Item>
        <Form.Item
          name="afterYear"
          label={t('revisions.start.afterYear')}
          dependencies={['beforeYear']}
          rules={[
            { required: true, message: '' },
            ({ getFieldValue }) => ({
              validator: (_, value: unknown) => {
                const before = getFieldValue('beforeYear') as unknown;
                return typeof value === 'number' && typeof before === 'number' && before >= value
                  ? Promise.reject(new Error(t('revisions.start.order')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} data-testid="revision-after-year" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="revision-start">
            {t('revisions.start.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('revisions.start.hint')}
      </Typography.Text>
      {failure ? <ApiErrorAlert error={failure} testId="revision-start-error" /> : null}
    </Flex>
  );
}
