import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREATABLE_ORGANISATION_KINDS, ENTERPRISE_TYPES } from '../../../access/roles.js';
import type { CreateOrganisationRequest, EnterpriseType, Organisation } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { createOrganisation } from '../api/organisations-api.js';

interface CreateOrganisationForm {
  kind: CreateOrganisationRequest['kind'];
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  enterpriseType?: EnterpriseType;
}

export function CreateOrganisationModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (organisation: Organisation) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrganisationForm>();
  const kind = Form.useWatch('kind', form);
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['kind', 'nameZh', 'nameEn', 'province', 'city', 'enterpriseType'] as const,
    async (values: CreateOrganisationForm) => {
      const organisation = await createOrganisation({
        kind: values.kind,
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        province: values.province.trim(),
        city: values.city.trim(),
        enterpriseType: values.kind === 'enterprise' ? (values.enterpriseType ?? null) : null,
      });
      void message.success(
        t('organisations.created', { name: pickName(organisation.nameZh, organisation.nameEn, i18n.language) }),
      );
      form.resetFields();
      onCreated(organisation);
    },
  );

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('organisations.form.required', { field }) },
  ];

  return (
    <Modal
      open={open}
      title={t('organisations.form.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      forceRender
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<CreateOrganisationForm>
        form={form}
        layout="vertical"
        data-testid="create-organisation-form"
        initialValues={{ kind: 'college' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="kind" label={t('organisations.form.kind')} rules={[{ required: true }]}>
          <Select options={CREATABLE_ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('organisations.form.nameZh')}
          rules={required(t('organisations.form.nameZh'))}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('organisations.form.nameEn')}
          rules={required(t('organisations.form.nameEn'))}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="province"
          label={t('organisations.form.province')}
          rules={required(t('organisations.form.province'))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="city" label={t('organisations.form.city')} rules={required(t('organisations.form.city'))}>
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'enterprise' && (
          <Form.Item
            name="enterpriseType"
            label={t('organisations.form.enterpriseType')}
            rules={[
              {
                required: true,
                message: t('organisations.form.required', { field: t('organisations.form.enterpriseType') }),
              },
            ]}
          >
            <Select options={ENTERPRISE_TYPES.map((value) => ({ value, label: t(`enterpriseTypes.${value}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
