import { Alert, App, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationInput } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { createDeclaration } from '../api/demand-api.js';
import { PostPicker } from './PostPicker.js';

interface DeclarationValues {
  postId?: string;
  headcount?: number;
  year?: number;
  province?: string;
  city?: string;
  note?: string;
}

const FIELDS = ['postId', 'headcount', 'year', 'province', 'city', 'note'] as const;

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Declare how many people the enterprise wants for a post in a year (enterprise admins). */
export function DeclarationFormModal({
  open,
  organisationId,
  onClose,
  onCreated,
}: {
  open: boolean;
  organisationId: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclarationValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(form, FIELDS, async (values: DeclarationValues) => {
    const input: DeclarationInput = {
      postId: values.postId ?? '',
      headcount: values.headcount ?? 1,
      year: values.year ?? new Date().getFullYear(),
      province: blankToNull(values.province),
      city: blankToNull(values.city),
      note: blankToNull(values.note),
    };
    await createDeclaration(organisationId, input);
    void message.success(t('demand.declarations.created'));
    form.resetFields();
    onCreated();
  });

  return (
    <Modal
      open={open}
      title={t('demand.declarations.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'declaration-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        if (submitting) return;
        clearError();
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<DeclarationValues>
        form={form}
        name="declaration"
        layout="vertical"
        data-testid="declaration-form"
        disabled={submitting}
        initialValues={{ year: new Date().getFullYear(), headcount: 1 }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="postId"
          label={t('demand.declarations.fields.post')}
          rules={[{ required: true, message: t('demand.declarations.fields.postRequired') }]}
        >
          <PostPicker testId="declaration-post" width="100%" allowClear={false} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="headcount"
            label={t('demand.declarations.fields.headcount')}
            style={{ flex: '1 1 140px' }}
            rules={[{ required: true, message: t('demand.declarations.fields.headcountRequired') }]}
          >
            <InputNumber
              min={1}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="declaration-headcount"
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('demand.declarations.fields.year')}
            style={{ flex: '1 1 140px' }}
            rules={[{ required: true, message: t('demand.declarations.fields.yearRequired') }]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="declaration-year" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="province" label={t('demand.declarations.fields.province')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} placeholder="江苏省" data-testid="declaration-province" />
          </Form.Item>
          <Form.Item name="city" label={t('demand.declarations.fields.city')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} placeholder="无锡市" data-testid="declaration-city" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('demand.declarations.fields.note')}>
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="declaration-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
