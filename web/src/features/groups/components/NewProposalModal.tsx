import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupingMethod, ProposalDetailDto } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { createProposal } from '../api/groups-api.js';

interface NewProposalValues {
  titleZh: string;
  titleEn?: string;
  method: GroupingMethod;
  k?: number | null;
  scope: 'served' | 'all';
}

const FIELDS = ['titleZh', 'titleEn', 'method', 'k', 'scope'] as const;
const METHODS: readonly GroupingMethod[] = ['consensus', 'average', 'shared-neighbour', 'k-means'];

/**
 * Asks the system for a grouping (group directors and college admins): the posts the college's specialties serve
 * (or every post) are grouped by knowledge correlation, and the result becomes a draft the college then edits.
 */
export function NewProposalModal({
  open,
  organisationId,
  onClose,
  onCreated,
}: {
  open: boolean;
  organisationId: string;
  onClose: () => void;
  onCreated: (detail: ProposalDetailDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewProposalValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(form, FIELDS, async (values: NewProposalValues) => {
    const detail = await createProposal(organisationId, {
      titleZh: values.titleZh.trim(),
      titleEn: values.titleEn?.trim() ?? '',
      method: values.method,
      scope: values.scope,
      ...(typeof values.k === 'number' ? { k: values.k } : {}),
    });
    void message.success(t('groups.proposals.create.done'));
    form.resetFields();
    onCreated(detail);
  });
  return (
    <Modal
      open={open}
      title={t('groups.proposals.create.title')}
      okText={submitting ? t('groups.proposals.create.running') : t('groups.proposals.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'proposal-create-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        if (submitting) return;
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('groups.proposals.create.intro')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<NewProposalValues>
        form={form}
        layout="vertical"
        name="new-proposal"
        data-testid="proposal-create-form"
        disabled={submitting}
        initialValues={{ titleZh: '', titleEn: '', method: 'consensus', k: null, scope: 'served' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="titleZh"
          label={t('groups.proposals.create.titleZh')}
          rules={[{ required: true, whitespace: true, message: t('groups.proposals.create.titleZhRequired') }]}
        >
          <Input maxLength={100} data-testid="proposal-create-title-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('groups.proposals.create.titleEn')}>
          <Input maxLength={200} data-testid="proposal-create-title-en" />
        </Form.Item>
        <Form.Item name="scope" label={t('groups.proposals.create.scope')}>
          <Radio.Group
            options={[
              { value: 'served', label: t('groups.proposals.create.scopeServed') },
              { value: 'all', label: t('groups.proposals.create.scopeAll') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="method"
          label={t('groups.proposals.create.method')}
          extra={t('groups.proposals.create.methodHelp')}
        >
          <Select
            data-testid="proposal-create-method"
            options={METHODS.map((method) => ({ value: method, label: t(`groups.methods.${method}`) }))}
          />
        </Form.Item>
        <Form.Item name="k" label={t('groups.proposals.create.k')} extra={t('groups.proposals.create.kHelp')}>
          <InputNumber
            min={1}
            max={200}
            precision={0}
            placeholder={t('groups.proposals.create.kAuto')}
            style={{ width: 200 }}
            data-testid="proposal-create-k"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
