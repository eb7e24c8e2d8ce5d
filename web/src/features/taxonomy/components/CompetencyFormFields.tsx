import { Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCO_SKILL_URI } from '../competency-form.js';
import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES } from '../taxonomy-terms.js';

/**
 * The form items of a competency's own data (labels, aliases as tags, descriptions, type, dimension, ESCO URI,
 * 1+X code), for a form over `CompetencyFormValues`. `afterLabels` goes right below the two labels.
 */
export function CompetencyFormFields({
  requireLabelZh,
  requireLabelEn,
  afterLabels,
}: {
  requireLabelZh: boolean;
  requireLabelEn: boolean;
  afterLabels?: ReactNode;
}) {
  const { t } = useTranslation();
  const required = (is: boolean) =>
    is ? [{ required: true, whitespace: true, message: t('taxonomy.edit.labelRequired') }] : [];
  return (
    <>
      <Form.Item name="labelZh" label={t('taxonomy.competency.labelZh')} rules={required(requireLabelZh)}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="labelEn" label={t('taxonomy.competency.labelEn')} rules={required(requireLabelEn)}>
        <Input maxLength={200} />
      </Form.Item>
      {afterLabels}
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
    </>
  );
}

/** The required reason every change of a draft carries into the edit history. */
export function CompetencyReasonField({ label, testId }: { label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={label}
      extra={t('taxonomy.edit.reasonHelp')}
      rules={[{ required: true, whitespace: true, message: t('taxonomy.edit.reasonRequired') }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid={testId} />
    </Form.Item>
  );
}
