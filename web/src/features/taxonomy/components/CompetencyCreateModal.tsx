import { Alert, App, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import type { CompetencyDetail, CompetencySummary } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { createCompetency } from '../api/taxonomy-api.js';
import { primaryLabel } from '../bilingual.js';
import {
  COMPETENCY_FORM_FIELDS,
  COMPETENCY_ID_MAX,
  COMPETENCY_ID_PATTERN,
  cleanList,
  orNull,
  suggestCompetencyId,
  type CompetencyFormValues,
} from '../competency-form.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { CompetencyFormFields, CompetencyReasonField } from './CompetencyFormFields.js';
import { CompetencyPicker } from './CompetencyPicker.js';

interface CompetencyCreateValues extends CompetencyFormValues {
  id?: string;
  broader?: string | null;
}

const FIELDS = ['id', 'broader', ...COMPETENCY_FORM_FIELDS] as const;
const NOTHING_TAKEN: ReadonlySet<string> = new Set();

/**
 * A new competency in the shown draft version (a technology or task the committee adds from demand): its id is
 * suggested from the English label until the editor types one; the broader competency is picked by search.
 */
export function CompetencyCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (competency: CompetencyDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { version } = useTaxonomy();
  const [form] = Form.useForm<CompetencyCreateValues>();
  // Whether the editor typed an id of their own; until then it follows the English label.
  const idTyped = useRef(false);
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    FIELDS,
    async (values: CompetencyCreateValues) => {
      const created = await createCompetency(version.id, {
        id: values.id?.trim() ?? '',
        type: values.type,
        dimension: values.dimension ?? null,
        labelZh: values.labelZh?.trim() ?? '',
        labelEn: values.labelEn?.trim() ?? '',
        aliasesZh: cleanList(values.aliasesZh),
        aliasesEn: cleanList(values.aliasesEn),
        descriptionZh: orNull(values.descriptionZh),
        descriptionEn: orNull(values.descriptionEn),
        escoUri: orNull(values.escoUri),
        xStandardCode: orNull(values.xStandardCode),
        broader: values.broader ?? null,
        reason: values.reason?.trim() ?? '',
      });
      void message.success(t('taxonomy.create.done', { label: primaryLabel(created, i18n.language) }));
      onCreated(created);
    },
    (failure, field) =>
      field === 'broader' && isApiError(failure) && failure.code === 'UNKNOWN_REFERENCE'
        ? t('taxonomy.create.broaderUnknown')
        : undefined,
  );

  return (
    <Modal
      open={open}
      width={720}
      title={t('taxonomy.create.title', { label: version.label })}
      okText={t('taxonomy.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'competency-create-submit' }}
      confirmLoading={submitting}
      mask={{ closable: false }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(opened) => {
        if (opened) return;
        idTyped.current = false;
        clearError();
      }}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<CompetencyCreateValues>
        form={form}
        name="competency-create"
        layout="vertical"
        data-testid="competency-create-form"
        initialValues={{
          labelZh: '',
          labelEn: '',
          id: '',
          broader: null,
          aliasesZh: [],
          aliasesEn: [],
          descriptionZh: '',
          descriptionEn: '',
          type: 'skill',
          dimension: undefined,
          escoUri: '',
          xStandardCode: '',
          reason: '',
        }}
        onValuesChange={(changed: Partial<CompetencyCreateValues>) => {
          if ('id' in changed) {
            // Emptying the id hands it back to the suggestion.
            idTyped.current = (changed.id ?? '').trim() !== '';
          } else if ('labelEn' in changed && !idTyped.current) {
            form.setFields([{ name: 'id', value: suggestCompetencyId(changed.labelEn ?? ''), errors: [] }]);
          }
        }}
        onFinish={(values) => void submit(values)}
      >
        <CompetencyFormFields
          requireLabelZh
          requireLabelEn
          afterLabels={
            <>
              <Form.Item
                name="id"
                label={t('taxonomy.competency.id')}
                extra={t('taxonomy.create.idHelp')}
                rules={[
                  { required: true, whitespace: true, message: t('taxonomy.create.idRequired') },
                  { pattern: COMPETENCY_ID_PATTERN, message: t('taxonomy.create.idInvalid') },
                ]}
              >
                <Input maxLength={COMPETENCY_ID_MAX} spellCheck={false} data-testid="competency-create-id" />
              </Form.Item>
              <Form.Item
                name="broader"
                label={t('taxonomy.competency.broader')}
                extra={t('taxonomy.create.broaderHelp')}
              >
                <BroaderInput versionId={version.id} />
              </Form.Item>
            </>
          }
        />
        <CompetencyReasonField label={t('taxonomy.create.reason')} testId="competency-create-reason" />
      </Form>
    </Modal>
  );
}

/** The broader competency as a form control: the one picked (removable), and the picker to pick or replace it. */
function BroaderInput({
  id,
  value,
  onChange,
  versionId,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  versionId: string;
}) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<CompetencySummary | null>(null);
  const label = picked && picked.id === value ? primaryLabel(picked, i18n.language) : value;
  return (
    <Flex vertical gap={8} align="flex-start">
      {value && (
        <Tag
          key={value}
          closable
          color="blue"
          data-testid="competency-create-broader-value"
          onClose={(event) => {
            event.preventDefault();
            onChange?.(null);
          }}
        >
          {label}
          {label !== value && <Typography.Text type="secondary"> · {value}</Typography.Text>}
        </Tag>
      )}
      <CompetencyPicker
        id={id}
        versionId={versionId}
        taken={NOTHING_TAKEN}
        testId="competency-create-broader"
        ariaLabel={t('taxonomy.competency.broader')}
        placeholder={t('taxonomy.create.broaderPlaceholder')}
        onPick={(competency) => {
          setPicked(competency);
          onChange?.(competency.id);
        }}
      />
    </Flex>
  );
}
