import { Alert, App, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompetencyDetail, CompetencyPatch } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { patchCompetency } from '../api/taxonomy-api.js';
import { COMPETENCY_FORM_FIELDS, cleanList, orNull, type CompetencyFormValues } from '../competency-form.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { CompetencyFormFields, CompetencyReasonField } from './CompetencyFormFields.js';

/** Only what differs from the competency as loaded, so the recorded edit says what the editor meant. */
function buildPatch(values: CompetencyFormValues, competency: CompetencyDetail): Omit<CompetencyPatch, 'reason'> {
  const patch: Omit<CompetencyPatch, 'reason'> = {};
  const labelZh = orNull(values.labelZh);
  const labelEn = orNull(values.labelEn);
  // A label cannot be removed through the API, only changed (the form requires the ones that exist).
  if (labelZh !== null && labelZh !== competency.labelZh) patch.labelZh = labelZh;
  if (labelEn !== null && labelEn !== competency.labelEn) patch.labelEn = labelEn;
  const aliasesZh = cleanList(values.aliasesZh);
  const aliasesEn = cleanList(values.aliasesEn);
  if (JSON.stringify(aliasesZh) !== JSON.stringify(competency.aliasesZh)) patch.aliasesZh = aliasesZh;
  if (JSON.stringify(aliasesEn) !== JSON.stringify(competency.aliasesEn)) patch.aliasesEn = aliasesEn;
  const descriptionZh = orNull(values.descriptionZh);
  const descriptionEn = orNull(values.descriptionEn);
  if (descriptionZh !== competency.descriptionZh) patch.descriptionZh = descriptionZh;
  if (descriptionEn !== competency.descriptionEn) patch.descriptionEn = descriptionEn;
  if (values.type !== competency.type) patch.type = values.type;
  const dimension = values.dimension ?? null;
  if (dimension !== competency.dimension) patch.dimension = dimension;
  const escoUri = orNull(values.escoUri);
  if (escoUri !== competency.escoUri) patch.escoUri = escoUri;
  const xStandardCode = orNull(values.xStandardCode);
  if (xStandardCode !== competency.xStandardCode) patch.xStandardCode = xStandardCode;
  return patch;
}

/** Edits one competency of a draft version; every edit carries a reason and lands in the history. */
export function CompetencyEditForm({
  competency,
  onSaved,
}: {
  competency: CompetencyDetail;
  onSaved: (competency: CompetencyDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { version } = useTaxonomy();
  const [form] = Form.useForm<CompetencyFormValues>();
  const { submit, submitting, error } = useFormSubmit(
    form,
    COMPETENCY_FORM_FIELDS,
    async (values: CompetencyFormValues) => {
      const changes = buildPatch(values, competency);
      if (Object.keys(changes).length === 0) {
        void message.info(t('taxonomy.edit.noChanges'));
        return;
      }
      const saved = await patchCompetency(version.id, competency.id, {
        ...changes,
        reason: values.reason?.trim() ?? '',
      });
      void message.success(t('taxonomy.edit.saved'));
      onSaved(saved);
    },
  );

  return (
    <Card size="small" title={t('taxonomy.edit.title', { label: version.label })}>
      <Form<CompetencyFormValues>
        form={form}
        layout="vertical"
        data-testid="competency-edit"
        initialValues={{
          labelZh: competency.labelZh ?? '',
          labelEn: competency.labelEn ?? '',
          aliasesZh: competency.aliasesZh,
          aliasesEn: competency.aliasesEn,
          descriptionZh: competency.descriptionZh ?? '',
          descriptionEn: competency.descriptionEn ?? '',
          type: competency.type,
          dimension: competency.dimension ?? undefined,
          escoUri: competency.escoUri ?? '',
          xStandardCode: competency.xStandardCode ?? '',
          reason: '',
        }}
        onFinish={(values) => void submit(values)}
      >
        {error !== null && (
          <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />
        )}
        {/* A label cannot be removed through the API, only changed: the ones that exist are required. */}
        <CompetencyFormFields
          requireLabelZh={competency.labelZh !== null}
          requireLabelEn={competency.labelEn !== null}
        />
        <CompetencyReasonField label={t('taxonomy.edit.reason')} testId="competency-edit-reason" />
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="competency-edit-submit">
          {t('taxonomy.edit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
