import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyDimension, CompetencyType, PostDetail } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { putPostRequirements } from '../api/taxonomy-api.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { BilingualText } from './BilingualText.js';
import { CompetencyPicker } from './CompetencyPicker.js';
import { CompetencyTypeTag, DimensionTag } from './CompetencyTags.js';
import { groupRequirements } from './requirement-groups.js';

interface RequirementValues {
  competencyId: string;
  essential: boolean;
  weight: number | null;
  level: number | null;
}

interface RequirementsFormValues {
  requirements: RequirementValues[];
  reason?: string;
}

interface CompetencyInfo {
  labelZh: string | null;
  labelEn: string | null;
  type: CompetencyType;
  dimension: CompetencyDimension | null;
}

/** The contract's limit on requirements per post. */
const MAX_REQUIREMENTS = 80;
const NEW_WEIGHT = 0.5;

const FIELDS = [
  'reason',
  'requirements',
  'requirements.*.competencyId',
  'requirements.*.essential',
  'requirements.*.weight',
  'requirements.*.level',
] as const;

/** Edits the whole requirement list of a post in a draft: add by search, remove, change essential/weight/level. */
export function RequirementsEditor({ post, onSaved }: { post: PostDetail; onSaved: (post: PostDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { version } = useTaxonomy();
  const [form] = Form.useForm<RequirementsFormValues>();
  const [known, setKnown] = useState<ReadonlyMap<string, CompetencyInfo>>(
    () => new Map(post.requirements.map((row) => [row.competencyId, row])),
  );
  const rows = Form.useWatch('requirements', form) as RequirementValues[] | undefined;
  const taken = useMemo(() => new Set((rows ?? []).map((row) => row.competencyId)), [rows]);
  const defaultLevel = post.levels[Math.floor(post.levels.length / 2)]?.level ?? 3;

  const { submit, submitting, error } = useFormSubmit(form, FIELDS, async (values: RequirementsFormValues) => {
    const saved = await putPostRequirements(version.id, post.id, {
      requirements: (values.requirements ?? []).map((row) => ({
        competencyId: row.competencyId,
        essential: row.essential,
        weight: row.weight ?? 0,
        level: row.level ?? 0,
      })),
      reason: values.reason?.trim() ?? '',
    });
    void message.success(t('taxonomy.requirementsEditor.saved'));
    onSaved(saved);
  });

  const initialValues: RequirementsFormValues = {
    // In the order of the grouped view above: by dimension, essential first, then by weight.
    requirements: groupRequirements(post.requirements)
      .flatMap((group) => group.requirements)
      .map(({ competencyId, essential, weight, level }) => ({
        competencyId,
        essential,
        weight,
        level,
      })),
    reason: '',
  };

  return (
    <Card title={t('taxonomy.requirementsEditor.title', { label: version.label })}>
      <Form<RequirementsFormValues>
        form={form}
        layout="vertical"
        data-testid="requirements-edit"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        {error !== null && (
          <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />
        )}
        <Form.List
          name="requirements"
          rules={[
            {
              validator: async (_, list: unknown[] | undefined) => {
                if ((list?.length ?? 0) > MAX_REQUIREMENTS) {
                  throw new Error(t('taxonomy.requirementsEditor.max', { max: MAX_REQUIREMENTS }));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              {fields.length === 0 && <Alert type="warning" showIcon title={t('taxonomy.requirementsEditor.empty')} />}
              {fields.map((field) => {
                const competencyId = rows?.[field.name]?.competencyId ?? '';
                return (
                  <Flex
                    key={field.key}
                    gap={12}
                    align="flex-start"
                    wrap
                    data-testid={`requirements-edit-row-${competencyId}`}
                    style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', paddingTop: 8 }}
                  >
                    <Form.Item
                      name={[field.name, 'competencyId']}
                      style={{ flex: '1 1 260px', minWidth: 220, marginBottom: 8 }}
                    >
                      <CompetencyCell known={known} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'essential']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Switch
                        aria-label={t('taxonomy.requirement.essential')}
                        checkedChildren={t('taxonomy.requirement.essential')}
                        unCheckedChildren={t('taxonomy.requirement.optional')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'weight']}
                      rules={[{ required: true, message: t('taxonomy.requirement.weight') }]}
                      style={{ marginBottom: 8 }}
                    >
                      <InputNumber
                        aria-label={t('taxonomy.requirement.weight')}
                        prefix={t('taxonomy.requirement.weight')}
                        min={0}
                        max={1}
                        step={0.05}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'level']}
                      rules={[{ required: true, message: t('taxonomy.requirement.level') }]}
                      style={{ marginBottom: 8 }}
                    >
                      {post.levels.length > 0 ? (
                        <Select<number>
                          aria-label={t('taxonomy.requirement.level')}
                          style={{ width: 150 }}
                          options={post.levels.map((level) => ({
                            value: level.level,
                            label: t('taxonomy.requirement.levelNamed', {
                              level: level.level,
                              name: pickName(level.nameZh, level.nameEn, i18n.language),
                            }),
                          }))}
                        />
                      ) : (
                        <InputNumber aria-label={t('taxonomy.requirement.level')} min={0} max={10} precision={0} />
                      )}
                    </Form.Item>
                    <Button
                      danger
                      type="text"
                      aria-label={`${t('taxonomy.requirementsEditor.remove')} ${competencyId}`}
                      data-testid={`requirements-remove-${competencyId}`}
                      onClick={() => remove(field.name)}
                    >
                      {t('taxonomy.requirementsEditor.remove')}
                    </Button>
                  </Flex>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Flex gap={12} align="center" wrap style={{ marginTop: 12 }}>
                <CompetencyPicker
                  versionId={version.id}
                  taken={taken}
                  testId="requirements-add"
                  onPick={(competency) => {
                    setKnown((previous) => new Map(previous).set(competency.id, competency));
                    add({ competencyId: competency.id, essential: false, weight: NEW_WEIGHT, level: defaultLevel });
                  }}
                />
                <Typography.Text type="secondary">
                  {t('taxonomy.requirementsEditor.count', { count: fields.length, max: MAX_REQUIREMENTS })}
                </Typography.Text>
              </Flex>
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="reason"
          label={t('taxonomy.requirementsEditor.reason')}
          extra={t('taxonomy.edit.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('taxonomy.requirementsEditor.reasonRequired') }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="requirements-reason" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="requirements-submit">
            {t('taxonomy.requirementsEditor.submit')}
          </Button>
          <Button onClick={() => form.resetFields()}>{t('taxonomy.requirementsEditor.reset')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** The competency of one requirement row (a form item's value, shown read-only). */
function CompetencyCell({ value, known }: { value?: string; known: ReadonlyMap<string, CompetencyInfo> }) {
  const info = value ? known.get(value) : undefined;
  if (!value) return null;
  return (
    <Flex gap={8} align="flex-start" wrap>
      <BilingualText zh={info?.labelZh} en={info?.labelEn} fallback={value} />
      {info && (
        <Flex gap={4} wrap>
          <CompetencyTypeTag type={info.type} />
          <DimensionTag dimension={info.dimension} />
        </Flex>
      )}
    </Flex>
  );
}
