import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto, SpecialtyGroupDto } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { renameGroup } from '../api/groups-api.js';

interface RenameValues {
  name: { zh: string; en?: string };
  reason?: string;
}

const FIELDS = ['name.zh', 'name.en', 'reason'] as const;

/** Rename a group of a draft (college writers); both languages. */
export function RenameGroupModal({
  organisationId,
  proposalId,
  group,
  onClose,
  onRenamed,
}: {
  organisationId: string;
  proposalId: string;
  group: SpecialtyGroupDto | null;
  onClose: () => void;
  onRenamed: (detail: ProposalDetailDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RenameValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(form, FIELDS, async (values: RenameValues) => {
    if (!group) return;
    const detail = await renameGroup(organisationId, proposalId, {
      group: group.id,
      name: { zh: values.name.zh.trim(), en: values.name.en?.trim() ?? '' },
      reason: values.reason?.trim() ?? '',
    });
    void message.success(t('groups.rename.done'));
    onRenamed(detail);
  });
  return (
    <Modal
      open={group !== null}
      title={t('groups.rename.title', { id: group?.id ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'rename-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        if (submitting) return;
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<RenameValues>
        form={form}
        layout="vertical"
        name="rename-group"
        disabled={submitting}
        initialValues={{ name: { zh: group?.name.zh ?? '', en: group?.name.en ?? '' }, reason: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name={['name', 'zh']}
          label={t('groups.rename.zh')}
          rules={[{ required: true, whitespace: true, message: t('groups.rename.zhRequired') }]}
        >
          <Input maxLength={100} data-testid="rename-zh" />
        </Form.Item>
        <Form.Item name={['name', 'en']} label={t('groups.rename.en')}>
          <Input maxLength={200} data-testid="rename-en" />
        </Form.Item>
        <Form.Item name="reason" label={t('groups.rename.reason')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="rename-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
