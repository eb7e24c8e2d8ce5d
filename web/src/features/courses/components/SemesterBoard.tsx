import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDto, CourseSystemDetail } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { replanCourseSystem } from '../api/courses-api.js';
import { coursesOf, courseTitle, KIND_COLOR } from './course-helpers.js';
import { RenameCourseModal } from './RenameCourseModal.js';

interface Values {
  semesters: number;
  maxCredits: number;
  maxHours?: number | null;
  practical: number[];
}
// A refused re-plan is shown above the board, not beside one input: its reason is about the whole plan.
const FIELDS = [] as const;

/** The semester plan as columns of course cards, the load of each semester, what binds, and re-planning. */
export function SemesterBoard({
  system,
  organisationId,
  canReplan,
  canRename,
  onReplanned,
}: {
  system: CourseSystemDetail;
  organisationId: string;
  canReplan: boolean;
  /** Teachers (and directors) rename courses; the names survive re-plans. */
  canRename: boolean;
  onReplanned: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [renaming, setRenaming] = useState<CourseDto | null>(null);
  const [form] = Form.useForm<Values>();
  const byId = new Map(coursesOf(system).map((course) => [course.id, course]));
  const practical = new Set(system.practical);
  const { submit, submitting, error } = useFormSubmit(form, FIELDS, async (values: Values) => {
    await replanCourseSystem(organisationId, system.id, {
      semesters: values.semesters,
      maxCredits: values.maxCredits,
      maxHours: values.maxHours ?? null,
      practical: values.practical,
      publicCourses: system.publicCourses,
    });
    void message.success(t('courses.board.replanned'));
    onReplanned();
  });
  const semesters = Form.useWatch('semesters', form) ?? system.semesters;
  return (
    <Flex vertical gap={16}>
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="replan-error"
          title={t('courses.board.replanFailed')}
          description={translateError(t, error)}
        />
      ) : null}
      {system.plan.binding.map((binding, index) => (
        <Alert
          key={index}
          type="info"
          showIcon
          data-testid="binding-constraint"
          title={
            binding.kind === 'prerequisite-chain'
              ? t('courses.board.bindingChain', {
                  chain: (binding.chain ?? []).map((id) => byId.get(id)?.titleZh ?? id).join(' → '),
                })
              : t(binding.kind === 'credit-cap' ? 'courses.board.bindingCredit' : 'courses.board.bindingHour', {
                  limit: binding.limit,
                  semesters: (binding.semesters ?? []).join('、'),
                })
          }
        />
      ))}
      <div style={{ overflowX: 'auto' }}>
        <Flex gap={12} style={{ minWidth: system.semesters * 230 }} data-testid="semester-board">
          {system.plan.semesters.map((ids, index) => {
            const publicCourses = system.publicCourses.filter((course) => course.semester === index + 1);
            return (
              <Card
                key={index}
                size="small"
                style={{ flex: '1 0 220px', background: practical.has(index + 1) ? '#f6ffed' : undefined }}
                title={t('courses.board.semester', { n: index + 1 })}
                extra={
                  practical.has(index + 1) ? (
                    <Tag color="green">{t('courses.board.practical')}</Tag>
                  ) : (
                    <Typography.Text type="secondary" data-testid={`semester-credits-${index + 1}`}>
                      {t('courses.board.credits', { credits: system.plan.load[index], cap: system.maxCredits })}
                    </Typography.Text>
                  )
                }
              >
                <Flex vertical gap={8}>
                  {publicCourses.map((course) => (
                    <Card key={course.code} size="small" styles={{ body: { padding: 8 } }}>
                      <Tag>{t('courses.board.publicCourse')}</Tag>
                      {pickName(course.titleZh, course.titleEn, i18n.language)} · {course.credits}
                    </Card>
                  ))}
                  {ids.map((id) => {
                    const course = byId.get(id);
                    if (!course) return null;
                    return (
                      <Tooltip
                        key={id}
                        title={
                          course.prerequisites.length > 0
                            ? t('courses.board.requires', {
                                list: course.prerequisites
                                  .map((before) => byId.get(before)?.titleZh ?? before)
                                  .join('、'),
                              })
                            : undefined
                        }
                      >
                        <Card size="small" styles={{ body: { padding: 8 } }} data-testid="semester-course">
                          <Tag color={KIND_COLOR[course.kind]}>{t(`courses.kind.${course.kind}`)}</Tag>
                          <Typography.Text data-testid={`course-title-${course.id}`}>
                            {courseTitle(course, i18n.language)}
                          </Typography.Text>
                          {course.renamed && (
                            <Tag color="gold" style={{ marginInlineStart: 4 }}>
                              {t('courses.board.renamed')}
                            </Tag>
                          )}
                          {canRename && (
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setRenaming(course)}
                              data-testid={`rename-course-${course.id}`}
                            >
                              {t('courses.board.rename')}
                            </Button>
                          )}
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {course.theoryHours !== null && course.practiceHours !== null
                                ? t('courses.board.hours', {
                                    credits: course.credits,
                                    hours: course.hours,
                                    theory: course.theoryHours,
                                    practice: course.practiceHours,
                                  })
                                : `${course.credits} / ${course.hours}h`}
                            </Typography.Text>
                          </div>
                        </Card>
                      </Tooltip>
                    );
                  })}
                  {publicCourses.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('courses.board.withPublic', { credits: system.plan.totalCredits[index] })}
                    </Typography.Text>
                  )}
                </Flex>
              </Card>
            );
          })}
        </Flex>
      </div>
      {renaming && (
        <RenameCourseModal
          course={renaming}
          organisationId={organisationId}
          courseSystemId={system.id}
          onClose={() => setRenaming(null)}
          onRenamed={() => {
            setRenaming(null);
            onReplanned();
          }}
        />
      )}
      {canReplan && (
        <Card size="small">
          <Form<Values>
            form={form}
            layout="inline"
            onFinish={(values) => void submit(values)}
            initialValues={{
              semesters: system.semesters,
              maxCredits: system.maxCredits,
              maxHours: system.maxHours,
              practical: system.practical,
            }}
            data-testid="replan-form"
          >
            <Form.Item name="semesters" label={t('courses.create.semesters')}>
              <InputNumber min={1} max={12} precision={0} />
            </Form.Item>
            <Form.Item name="maxCredits" label={t('courses.create.maxCredits')}>
              <InputNumber min={1} max={200} step={0.5} data-testid="replan-max-credits" />
            </Form.Item>
            <Form.Item name="maxHours" label={t('courses.create.maxHours')}>
              <InputNumber min={1} max={5000} precision={0} />
            </Form.Item>
            <Form.Item name="practical" label={t('courses.create.practical')}>
              <Select
                mode="multiple"
                style={{ minWidth: 160 }}
                options={Array.from({ length: semesters }, (_, index) => ({
                  value: index + 1,
                  label: t('courses.board.semester', { n: index + 1 }),
                }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={submitting} data-testid="replan-submit">
              {t('courses.board.replan')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
