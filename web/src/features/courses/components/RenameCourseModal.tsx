import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDto } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { renameCourse, restoreCourseTitle } from '../api/courses-api.js';

interface Values {
  titleZh: string;
  titleEn: string;
}
const FIELDS = ['titleZh', 'titleEn'] as const;

/** A teacher names one course of the course system (kept across re-plans), or gives it its derived title back. */
export function RenameCourseModal({
  course,
  organisationId,
  courseSystemId,
  onClose,
  onRenamed,
}: {
  course: CourseDto;
  organisationId: string;
  courseSystemId: string;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const { submit, submitting, error } = useFormSubmit(form, FIELDS, async (values: Values) => {
    await renameCourse(organisationId, courseSystemId, course.id, {
      titleZh: values.titleZh.trim(),
      titleEn: (values.titleEn ?? '').trim(),
    });
    void message.success(t('courses.board.renameSaved'));
    onRenamed();
  });
  async function restore(): Promise<void> {
    setRestoring(true);
    setRestoreError(null);
    try {
      await restoreCourseTitle(organisationId, courseSystemId, course.id);
      void message.success(t('courses.board.restored'));
      onRenamed();
    } catch (failure) {
      setRestoreError(failure);
    } finally {
      setRestoring(false);
    }
  }
  return (
    <Modal
      open
      title={t('courses.board.renameTitle')}
      onCancel={onClose}
      okText={t('courses.board.rename')}
      okButtonProps={{ loading: submitting, 'data-testid': 'rename-course-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      {restoreError ? <ApiErrorAlert error={restoreError} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ titleZh: course.titleZh, titleEn: course.titleEn }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="titleZh"
          label={t('courses.board.renameZh')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input data-testid="rename-course-zh" maxLength={80} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('courses.board.renameEn')} rules={[{ max: 160 }]}>
          <Input data-testid="rename-course-en" maxLength={160} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('courses.board.renameHelp')}</Typography.Paragraph>
      {course.renamed && (
        <Button onClick={() => void restore()} loading={restoring} data-testid="rename-course-restore">
          {t('courses.board.restore')}
        </Button>
      )}
    </Modal>
  );
}
