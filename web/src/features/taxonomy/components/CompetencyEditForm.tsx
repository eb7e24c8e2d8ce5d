import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompetencyDetail, CompetencyDimension, CompetencyPatch, CompetencyType } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { patchCompetency } from '../api/taxonomy-api.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES } from '../taxonomy-terms.js';

interface CompetencyEditValues {
  labelZh?: string;
  labelEn?: string;
  aliasesZh: string[];
  aliasesEn: string[];
  descriptionZh?: string;
  descriptionEn?: string;
  type: CompetencyType;
  dimension?: CompetencyDimension | null;
  escoUri?: string;
  xStandardCode?: string;
  reason?: string;
}

const FIELDS = [
  'labelZh',
  'labelEn',
  'aliasesZh',
  'aliasesEn',
  'descriptionZh',
  'descriptionEn',
  'type',
  'dimension',
  'escoUri',
  'xStandardCode',
  'reason',
] as const;

/** The contract's limits, so most mistakes are caught before the round trip (the server has the last word). */
const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;

function cleanList(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))];
}

function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Only what differs from the competency as loaded, so the recorded edit says what the editor meant. */
function buildPatch(values: CompetencyEditValues, competency: CompetencyDetail): Omit<CompetencyPatch, 'reason'> {
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
  const [form] = Form.useForm<CompetencyEditValues>();
  const { submit, submitting, error } = useFormSubmit(form, FIELDS, async (values: CompetencyEditValues) => {
    const changes = buildPatch(values, competency);
    if (Object.keys(changes).length === 0) {
      void message.info(t('taxonomy.edit.noChanges'));
      return;
    }
    const saved = await patchCompetency(version.id, competency.id, { ...changes, reason: values.reason?.trim() ?? '' });
    void message.success(t('taxonomy.edit.saved'));
    onSaved(saved);
  });

  const requiredLabel = (existing: string | null) =>
    existing === null ? [] : [{ required: true, whitespace: true, message: t('taxonomy.edit.labelRequired') }];

  return (
    <Card size="small" title={t('taxonomy.edit.title', { label: version.label })}>
      <Form<CompetencyEditValues>
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
        <Form.Item name="labelZh" label={t('taxonomy.competency.labelZh')} rules={requiredLabel(competency.labelZh)}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="labelEn" label={t('taxonomy.competency.labelEn')} rules={requiredLabel(competency.labelEn)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="aliasesZh" label={t('taxonomy.competency.aliasesZh')}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('taxonomy.edit.aliasesPlaceholder')} />
        </Form.Item>
        <Form.Item name="aliasesEn" label={t('taxonomy.competency.aliasesEn')}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('taxonomy.edit.aliasesPlaceholder')} />
        </Form.Item>
        <Form.Item name="descriptionZh" label={t('taxonomy.competency.descriptionZh')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="descriptionEn" label={t('taxonomy.competency.descriptionEn')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={3000} />
        </Form.Item>
        <Form.Item name="type" label={t('taxonomy.competency.type')} rules={[{ required: true }]}>
          <Select options={COMPETENCY_TYPES.map((value) => ({ value, label: t(`taxonomy.types.${value}`) }))} />
        </Form.Item>
        <Form.Item name="dimension" label={t('taxonomy.competency.dimension')}>
          <Select
            allowClear
            placeholder={t('taxonomy.edit.noDimension')}
            options={COMPETENCY_DIMENSIONS.map((value) => ({ value, label: t(`taxonomy.dimensions.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="escoUri"
          label={t('taxonomy.competency.escoUri')}
          rules={[{ pattern: ESCO_SKILL_URI, message: t('taxonomy.edit.escoInvalid') }]}
        >
          <Input placeholder="http://data.europa.eu/esco/skill/…" maxLength={80} />
        </Form.Item>
        <Form.Item name="xStandardCode" label={t('taxonomy.competency.xStandardCode')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('taxonomy.edit.reason')}
          extra={t('taxonomy.edit.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('taxonomy.edit.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="competency-edit-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="competency-edit-submit">
          {t('taxonomy.edit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
