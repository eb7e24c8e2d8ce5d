import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSystemDetail, ProposalDetailDto, PublicCourse } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fetchProposal, listProposals } from '../../groups/api/groups-api.js';
import { createCourseSystem } from '../api/courses-api.js';

interface Values {
  proposalId: string;
  groupId: string;
  semesters: number;
  maxCredits: number;
  maxHours?: number | null;
  practical: number[];
  publicCourses?: string;
}

const FIELDS = ['groupId', 'semesters', 'maxCredits', 'maxHours', 'practical', 'publicCourses'] as const;

/** `code,name,credits,hours,semester` per line → public courses; the first bad line number otherwise. */
export function parsePublicCourses(text: string): PublicCourse[] | { line: number } {
  const courses: PublicCourse[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const parts = line.split(/[,，]/).map((part) => part.trim());
    const [code, titleZh, credits, hours, semester] = parts;
    const numbers = [Number(credits), Number(hours), Number(semester)];
    if (parts.length !== 5 || !code || !titleZh || numbers.some((value) => !Number.isFinite(value)))
      return { line: index + 1 };
    courses.push({ code, titleZh, titleEn: '', credits: numbers[0]!, hours: numbers[1]!, semester: numbers[2]! });
  }
  return courses;
}

/** Builds a group's course system: which proposal and group, how many semesters, caps, placements, public courses. */
export function NewCourseSystemModal({
  open,
  organisationId,
  onClose,
  onCreated,
}: {
  open: boolean;
  organisationId: string;
  onClose: () => void;
  onCreated: (detail: CourseSystemDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const proposals = useApiQuery(
    (signal) => (open ? listProposals({ kind: 'college', organisationId }, signal) : Promise.resolve(undefined)),
    `${organisationId}:${open}`,
  );
  const proposalId = Form.useWatch('proposalId', form);
  const semesters = Form.useWatch('semesters', form) ?? 6;
  const [detail, setDetail] = useState<ProposalDetailDto | null>(null);
  useEffect(() => {
    setDetail(null);
    if (!proposalId) return;
    const controller = new AbortController();
    fetchProposal({ kind: 'college', organisationId }, proposalId, controller.signal).then(
      (value) => {
        setDetail(value);
        form.setFieldValue('groupId', value.groups[0]?.id);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [proposalId, organisationId, form]);

  const { submit, submitting, error, clearError } = useFormSubmit(form, FIELDS, async (values: Values) => {
    const publicCourses = parsePublicCourses(values.publicCourses ?? '');
    if (!Array.isArray(publicCourses)) {
      form.setFields([{ name: 'publicCourses', errors: [t('courses.create.publicInvalid', publicCourses)] }]);
      return;
    }
    onCreated(
      await createCourseSystem(organisationId, {
        proposalId: values.proposalId,
        groupId: values.groupId,
        semesters: values.semesters,
        maxCredits: values.maxCredits,
        maxHours: values.maxHours ?? null,
        practical: values.practical,
        publicCourses,
      }),
    );
    form.resetFields();
  });

  return (
    <Modal
      open={open}
      title={t('courses.create.title')}
      okText={t('courses.create.submit')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      width={640}
      destroyOnHidden
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      {proposals.error ? <ApiErrorAlert error={proposals.error} onRetry={proposals.reload} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ semesters: 6, maxCredits: 30, practical: [6] }}
        data-testid="course-system-form"
      >
        <Form.Item
          name="proposalId"
          label={t('courses.create.proposal')}
          rules={[{ required: true, message: t('courses.create.required') }]}
        >
          <Select
            data-testid="course-system-proposal"
            loading={proposals.loading}
            options={(proposals.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${pickName(item.titleZh, item.titleEn, i18n.language)} · ${t(`groups.status.${item.status}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="groupId"
          label={t('courses.create.group')}
          rules={[{ required: true, message: t('courses.create.required') }]}
        >
          <Select
            data-testid="course-system-group"
            disabled={!detail}
            options={(detail?.groups ?? []).map((group) => ({
              value: group.id,
              label: `${pickName(group.name.zh, group.name.en, i18n.language) || group.id} · ${group.posts
                .map((post) => pickName(post.titleZh, post.titleEn, i18n.language))
                .join('、')}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="semesters" label={t('courses.create.semesters')} rules={[{ required: true }]}>
          <InputNumber min={1} max={12} precision={0} />
        </Form.Item>
        <Form.Item name="maxCredits" label={t('courses.create.maxCredits')} rules={[{ required: true }]}>
          <InputNumber min={1} max={200} step={0.5} />
        </Form.Item>
        <Form.Item name="maxHours" label={t('courses.create.maxHours')}>
          <InputNumber min={1} max={5000} precision={0} />
        </Form.Item>
        <Form.Item name="practical" label={t('courses.create.practical')}>
          <Select
            mode="multiple"
            options={Array.from({ length: semesters }, (_, index) => ({
              value: index + 1,
              label: t('courses.board.semester', { n: index + 1 }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="publicCourses"
          label={t('courses.create.publicCourses')}
          extra={t('courses.create.publicHelp')}
        >
          <Input.TextArea rows={3} placeholder="GG101,思想道德与法治,3,48,1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
