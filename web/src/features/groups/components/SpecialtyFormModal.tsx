import { Alert, App, Button, Flex, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollegeSpecialtyDto, SpecialtyPostSuggestion } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { putSpecialty, suggestPosts } from '../api/groups-api.js';
import { ServedPostsSelect } from './ServedPostsSelect.js';

interface SpecialtyValues {
  code: string;
  nameZh: string;
  nameEn?: string;
  posts: string[];
  enrolment?: number | null;
  /** In percent here; the API takes 0–1. */
  employmentRate?: number | null;
  employerRating?: number | null;
}

const FIELDS = ['code', 'nameZh', 'nameEn', 'posts', 'enrolment', 'employmentRate', 'employerRating'] as const;
const CODE_PATTERN = /^\d{6}K?$/;

/**
 * Add or edit a specialty the college runs: its catalogue code and name, the posts it serves (with suggestions
 * from the catalogue and the posts' reference occupations), and its strength figures.
 */
export function SpecialtyFormModal({
  open,
  organisationId,
  specialty,
  onClose,
  onSaved,
}: {
  open: boolean;
  organisationId: string;
  /** null: a new specialty. */
  specialty: CollegeSpecialtyDto | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SpecialtyValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(form, FIELDS, async (values: SpecialtyValues) => {
    await putSpecialty(organisationId, values.code.trim(), {
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn?.trim() ? values.nameEn.trim() : null,
      posts: values.posts,
      enrolment: values.enrolment ?? null,
      employmentRate:
        values.employmentRate === null || values.employmentRate === undefined
          ? null
          : Math.round(values.employmentRate * 10) / 1000,
      employerRating: values.employerRating ?? null,
    });
    void message.success(t('groups.specialties.saved'));
    onSaved();
  });

  return (
    <Modal
      open={open}
      title={specialty ? t('groups.specialties.editTitle', { code: specialty.code }) : t('groups.specialties.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'specialty-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      width={720}
      onOk={() => form.submit()}
      onCancel={() => {
        if (submitting) return;
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<SpecialtyValues>
        form={form}
        name="specialty"
        layout="vertical"
        data-testid="specialty-form"
        disabled={submitting}
        initialValues={
          specialty
            ? {
                code: specialty.code,
                nameZh: specialty.nameZh,
                nameEn: specialty.nameEn ?? '',
                posts: specialty.posts,
                enrolment: specialty.enrolment,
                employmentRate:
                  specialty.employmentRate === null ? null : Math.round(specialty.employmentRate * 1000) / 10,
                employerRating: specialty.employerRating,
              }
            : { posts: [] }
        }
        onFinish={(values) => void submit(values)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label={t('groups.specialties.fields.code')}
            style={{ flex: '0 1 160px' }}
            rules={[
              { required: true, message: t('groups.specialties.fields.codeRequired') },
              { pattern: CODE_PATTERN, message: t('groups.specialties.fields.codeInvalid') },
            ]}
          >
            <Input maxLength={7} placeholder="510206" disabled={specialty !== null} data-testid="specialty-code" />
          </Form.Item>
          <Form.Item
            name="nameZh"
            label={t('groups.specialties.fields.nameZh')}
            style={{ flex: '1 1 200px' }}
            rules={[{ required: true, whitespace: true, message: t('groups.specialties.fields.nameRequired') }]}
          >
            <Input maxLength={100} placeholder="云计算技术应用" data-testid="specialty-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('groups.specialties.fields.nameEn')} style={{ flex: '1 1 200px' }}>
            <Input
              maxLength={200}
              placeholder="Cloud Computing Technology Application"
              data-testid="specialty-name-en"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="posts" label={t('groups.specialties.fields.posts')}>
          <ServedPostsSelect />
        </Form.Item>
        <Suggestions organisationId={organisationId} form={form} />
        <Flex gap={12} wrap>
          <Form.Item name="enrolment" label={t('groups.specialties.fields.enrolment')} style={{ flex: '1 1 150px' }}>
            <InputNumber
              min={0}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="specialty-enrolment"
            />
          </Form.Item>
          <Form.Item
            name="employmentRate"
            label={t('groups.specialties.fields.employmentRate')}
            style={{ flex: '1 1 150px' }}
          >
            <InputNumber
              min={0}
              max={100}
              precision={1}
              suffix="%"
              style={{ width: '100%' }}
              data-testid="specialty-employment-rate"
            />
          </Form.Item>
          <Form.Item
            name="employerRating"
            label={t('groups.specialties.fields.employerRating')}
            style={{ flex: '1 1 150px' }}
          >
            <InputNumber
              min={0}
              max={5}
              step={0.1}
              precision={1}
              style={{ width: '100%' }}
              data-testid="specialty-employer-rating"
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** The "suggest" button and what it found: each suggested post with its score and reason, to add with a click. */
function Suggestions({
  organisationId,
  form,
}: {
  organisationId: string;
  form: ReturnType<typeof Form.useForm<SpecialtyValues>>[0];
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<SpecialtyPostSuggestion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const chosen = Form.useWatch('posts', form) ?? [];

  async function suggest() {
    const code = String(form.getFieldValue('code') ?? '').trim();
    const name = String(form.getFieldValue('nameZh') ?? '').trim();
    if (!CODE_PATTERN.test(code)) {
      void form.validateFields(['code']);
      return;
    }
    setLoading(true);
    setFailure(null);
    try {
      setItems((await suggestPosts(organisationId, code, name)).items);
    } catch (caught) {
      setItems(null);
      setFailure(caught);
    } finally {
      setLoading(false);
    }
  }

  function add(postIds: readonly string[]) {
    const current = (form.getFieldValue('posts') as string[] | undefined) ?? [];
    form.setFieldValue('posts', [...current, ...postIds.filter((id) => !current.includes(id))]);
  }

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={8} wrap>
        <Button onClick={() => void suggest()} loading={loading} data-testid="specialty-suggest">
          {t('groups.specialties.suggest')}
        </Button>
        <Typography.Text type="secondary">{t('groups.specialties.suggestHint')}</Typography.Text>
      </Flex>
      {failure !== null && <ApiErrorAlert error={failure} />}
      {items !== null && (
        <List
          size="small"
          bordered
          data-testid="specialty-suggestions"
          dataSource={items}
          locale={{ emptyText: t('groups.specialties.noSuggestions') }}
          header={
            items.length > 1 ? (
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t('groups.specialties.suggestionsTitle')}</Typography.Text>
                <Button size="small" type="link" onClick={() => add(items.map((item) => item.postId))}>
                  {t('groups.specialties.addAll')}
                </Button>
              </Flex>
            ) : undefined
          }
          renderItem={(item) => {
            const [title, secondary] = labelsInOrder(item.titleZh, item.titleEn, i18n.language);
            const added = chosen.includes(item.postId);
            return (
              <List.Item
                data-testid={`suggestion-${item.postId}`}
                actions={[
                  <Button
                    key="add"
                    size="small"
                    type={added ? 'default' : 'primary'}
                    disabled={added}
                    onClick={() => add([item.postId])}
                    data-testid={`suggestion-add-${item.postId}`}
                  >
                    {added ? t('groups.specialties.added') : t('groups.specialties.add')}
                  </Button>,
                ]}
              >
                <Flex vertical gap={2}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{title}</Typography.Text>
                    {secondary && <Typography.Text type="secondary">{secondary}</Typography.Text>}
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('groups.specialties.score', { score: item.score.toFixed(2) })}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i18n.language === 'en' ? item.reasonEn || item.reasonZh : item.reasonZh || item.reasonEn}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Flex>
  );
}
