import { Alert, Button, Checkbox, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSystemDetail, PathwayResult } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { planPathway } from '../api/courses-api.js';
import { competencyLabels, coursesOf, courseTitle, KIND_COLOR } from './course-helpers.js';
import { MyPathwayCard } from './MyPathwayCard.js';

/**
 * A student's pathway: target post, the essential competencies already attained (with a level), the minimum-credit
 * courses in teaching order; and a check of the student's own choice that warns when it leaves the post uncovered.
 */
export function PathwayPlanner({ system, organisationId }: { system: CourseSystemDetail; organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { activeRoles } = useSession();
  const [postId, setPostId] = useState(system.posts[0]?.id ?? '');
  const [have, setHave] = useState<Record<string, number>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<PathwayResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const post = system.posts.find((candidate) => candidate.id === postId);
  const label = competencyLabels(system, i18n.language);
  const courses = coursesOf(system);
  const byId = new Map(courses.map((course) => [course.id, course]));
  const essential = post?.competencies.filter((competency) => competency.essential) ?? [];

  async function run(withChoice: boolean) {
    if (!post) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await planPathway(organisationId, system.id, {
          post: post.id,
          have: Object.entries(have).map(([id, level]) => ({ id, level })),
          ...(withChoice ? { chosen } : {}),
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={16} data-testid="pathway-planner">
      <Typography.Text type="secondary">{t('courses.pathway.intro')}</Typography.Text>
      {activeRoles.includes('student') && (
        <MyPathwayCard
          system={system}
          organisationId={organisationId}
          current={post ? { post: post.id, have: Object.keys(have), ...(chosen.length > 0 ? { chosen } : {}) } : null}
        />
      )}
      <Space wrap>
        <span>{t('courses.pathway.post')}</span>
        <Select
          style={{ minWidth: 260 }}
          value={postId}
          data-testid="pathway-post"
          onChange={(value: string) => {
            setPostId(value);
            setHave({});
            setResult(null);
          }}
          options={system.posts.map((candidate) => ({
            value: candidate.id,
            label: pickName(candidate.titleZh, candidate.titleEn, i18n.language),
          }))}
        />
      </Space>
      <div>
        <Typography.Text strong>{t('courses.pathway.have')}</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          {essential.map((competency) => (
            <Space
              key={competency.id}
              size={4}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '2px 6px' }}
            >
              <Checkbox
                checked={competency.id in have}
                data-testid={`have-${competency.id}`}
                onChange={(event) => {
                  const next = { ...have };
                  if (event.target.checked) next[competency.id] = competency.level;
                  else delete next[competency.id];
                  setHave(next);
                }}
              >
                {label(competency.id)}
              </Checkbox>
              {competency.id in have && (
                <Select
                  size="small"
                  value={have[competency.id]}
                  onChange={(level: number) => setHave({ ...have, [competency.id]: level })}
                  options={[1, 2, 3, 4, 5].map((level) => ({
                    value: level,
                    label: `${t('courses.pathway.level')} ${level}${level === competency.level ? ' ✓' : ''}`,
                  }))}
                />
              )}
            </Space>
          ))}
        </Flex>
      </div>
      <div>
        <Button type="primary" loading={busy} onClick={() => void run(false)} data-testid="pathway-plan">
          {t('courses.pathway.plan')}
        </Button>
      </div>
      {error ? <ApiErrorAlert error={error} /> : null}
      {result && (
        <Flex vertical gap={8} data-testid="pathway-result">
          <Typography.Text>{t('courses.pathway.needed', { count: result.needed.length })}</Typography.Text>
          {result.courses.length === 0 ? (
            <Alert type="success" showIcon title={t('courses.pathway.none')} />
          ) : (
            <Alert
              type="info"
              showIcon
              title={t('courses.pathway.result', {
                count: result.courses.length,
                credits: result.credits,
                method: t(result.method === 'mip' ? 'courses.pathway.methodMip' : 'courses.pathway.methodGreedy'),
              })}
            />
          )}
          {result.uncovered.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('courses.pathway.uncoveredPlan', { list: result.uncovered.map(label).join('、') })}
            />
          )}
          {result.waived.length > 0 && (
            <Typography.Text type="secondary">
              {t('courses.pathway.waived', {
                list: result.waived.map((id) => byId.get(id)?.titleZh ?? id).join('、'),
              })}
            </Typography.Text>
          )}
          <List
            size="small"
            bordered
            dataSource={result.courses}
            renderItem={(id, index) => {
              const course = byId.get(id);
              return (
                <List.Item>
                  {index + 1}.{' '}
                  <Tag color={KIND_COLOR[course?.kind ?? 'module']}>
                    {t(`courses.kind.${course?.kind ?? 'module'}`)}
                  </Tag>
                  {course ? courseTitle(course, i18n.language) : id} · {course?.credits}{' '}
                  {course && course.semester >= 0 ? `· ${t('courses.board.semester', { n: course.semester + 1 })}` : ''}
                </List.Item>
              );
            }}
          />
          {result.choice && (
            <ChoiceVerdict
              result={result}
              label={label}
              titleOf={(id) => {
                const course = byId.get(id);
                return course ? courseTitle(course, i18n.language) : id;
              }}
            />
          )}
        </Flex>
      )}
      <div>
        <Typography.Text strong>{t('courses.pathway.chosen')}</Typography.Text>
        <div>
          <Typography.Text type="secondary">{t('courses.pathway.chosenHelp')}</Typography.Text>
        </div>
        <Checkbox.Group
          value={chosen}
          onChange={(values) => setChosen(values)}
          style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 8 }}
          data-testid="pathway-chosen"
          options={courses
            .filter((course) => course.kind !== 'module' || course.post === postId)
            .map((course) => ({
              value: course.id,
              label: `${courseTitle(course, i18n.language)} (${course.credits})`,
            }))}
        />
        <Button style={{ marginTop: 8 }} loading={busy} onClick={() => void run(true)} data-testid="pathway-check">
          {t('courses.pathway.check')}
        </Button>
      </div>
    </Flex>
  );
}

function ChoiceVerdict({
  result,
  label,
  titleOf,
}: {
  result: PathwayResult;
  label: (id: string) => string;
  titleOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const choice = result.choice!;
  return (
    <Flex vertical gap={8} data-testid="pathway-choice">
      {choice.uncovered.length === 0 ? (
        <Alert type="success" showIcon title={t('courses.pathway.choiceOk', { credits: choice.credits })} />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="pathway-choice-warning"
          title={t('courses.pathway.choiceUncovered', {
            count: choice.uncovered.length,
            list: choice.uncovered.map(label).join('、'),
          })}
        />
      )}
      {choice.missingPrerequisites.map((missing) => (
        <Alert
          key={`${missing.course}:${missing.requires}`}
          type="warning"
          title={t('courses.pathway.missingPrerequisite', {
            course: titleOf(missing.course),
            requires: titleOf(missing.requires),
          })}
        />
      ))}
    </Flex>
  );
}
