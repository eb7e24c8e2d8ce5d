import { Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDto, CourseSystemDetail } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';
import { competencyLabels, courseTitle, KIND_COLOR } from './course-helpers.js';

/**
 * Courses × competencies for one post at a time (the posts are the column groups): the platform courses, the
 * post's own modules and the electives that teach any of its competencies; essential competencies first. A
 * column no course teaches would be a gap; the synthesis guarantees essential ones never are.
 */
export function CourseMatrix({ system }: { system: CourseSystemDetail }) {
  const { t, i18n } = useTranslation();
  const [postId, setPostId] = useState(system.posts[0]?.id ?? '');
  const post = system.posts.find((candidate) => candidate.id === postId) ?? system.posts[0];
  const label = competencyLabels(system, i18n.language);
  const { rows, columns } = useMemo(() => {
    if (!post) return { rows: [] as CourseDto[], columns: [] as CourseSystemDetail['posts'][number]['competencies'] };
    const wanted = new Set(post.competencies.map((competency) => competency.id));
    const own = system.modules.find((entry) => entry.post === post.id)?.courses ?? [];
    const courses = [...system.platform, ...own, ...system.electives].filter((course) =>
      course.competencies.some((id) => wanted.has(id)),
    );
    const sorted = [...post.competencies].sort(
      (a, b) => Number(b.essential) - Number(a.essential) || b.weight - a.weight,
    );
    return { rows: courses, columns: sorted };
  }, [post, system]);
  if (!post) return null;
  const taught = new Set(rows.flatMap((course) => course.competencies));
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('courses.matrix.intro')}</Typography.Text>
      {/* Many posts do not fit a phone (or long English titles a desktop): the picker scrolls on its own. */}
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented
          data-testid="matrix-post"
          value={post.id}
          onChange={(value) => setPostId(String(value))}
          options={system.posts.map((candidate) => ({
            value: candidate.id,
            label: pickName(candidate.titleZh, candidate.titleEn, i18n.language),
          }))}
        />
      </div>
      <Table<CourseDto>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        tableLayout="fixed"
        scroll={{ x: 240 + columns.length * 36, y: 560 }}
        data-testid="course-matrix"
        columns={[
          {
            title: t('courses.matrix.course'),
            fixed: 'left',
            width: 240,
            render: (_, course) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={KIND_COLOR[course.kind]}>{t(`courses.kind.${course.kind}`)}</Tag>
                  {courseTitle(course, i18n.language)}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {course.id} · {course.credits} {t('courses.matrix.credits')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: pickName(post.titleZh, post.titleEn, i18n.language),
            children: columns.map((competency) => ({
              key: competency.id,
              width: 36,
              align: 'center' as const,
              title: (
                <Tooltip
                  title={`${label(competency.id)} · ${competency.essential ? t('courses.matrix.essential') : ''} ${competency.weight.toFixed(2)} · L${competency.level}${taught.has(competency.id) ? '' : ` · ${t('courses.matrix.uncovered')}`}`}
                >
                  <div
                    style={{
                      writingMode: 'vertical-rl',
                      height: 150,
                      margin: '0 auto',
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      fontWeight: competency.essential ? 600 : 400,
                      color: taught.has(competency.id) ? undefined : '#cf1322',
                    }}
                  >
                    {label(competency.id)}
                  </div>
                </Tooltip>
              ),
              render: (_: unknown, course: CourseDto) =>
                course.competencies.includes(competency.id) ? (
                  <span style={{ color: competency.essential ? '#1677ff' : '#8c8c8c' }}>●</span>
                ) : null,
            })),
          },
        ]}
      />
    </Flex>
  );
}
