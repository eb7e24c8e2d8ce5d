import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSystemDetail, SavePathwayRequest } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { getMyPathway, saveMyPathway } from '../api/courses-api.js';
import { PathwayNoticeAlert } from './PathwayNoticeAlert.js';

/**
 * A student's saved pathway in this course system version: what they saved (or what a revision carried here), the
 * notice a revision left, and saving the planner's current choice. Each yearly revision re-checks saved pathways.
 */
export function MyPathwayCard({
  system,
  organisationId,
  current,
}: {
  system: CourseSystemDetail;
  organisationId: string;
  /** What saving keeps: the planner's post, what the student has, and their own choice (omitted: the planned one). */
  current: SavePathwayRequest | null;
}) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery((signal) => getMyPathway(organisationId, system.id, signal), `my-pathway:${system.id}`);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saved = query.data?.pathway ?? null;
  const postTitle = (id: string) => {
    const post = system.posts.find((candidate) => candidate.id === id);
    return post ? pickName(post.titleZh, post.titleEn, i18n.language) : id;
  };

  async function save() {
    if (!current) return;
    setSaving(true);
    setError(null);
    try {
      await saveMyPathway(organisationId, system.id, current);
      query.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('courses.pathway.savedTitle')} data-testid="my-pathway">
      <Flex vertical gap={8}>
        {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
        {saved ? (
          <Typography.Text data-testid="my-pathway-summary">
            {t(saved.carriedFrom ? 'courses.pathway.savedCarried' : 'courses.pathway.savedSummary', {
              post: postTitle(saved.post),
              count: saved.chosen.length,
              at: formatDateTime(saved.savedAt, i18n.language),
            })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('courses.pathway.savedNone')}</Typography.Text>
        )}
        {saved?.notice ? <PathwayNoticeAlert notice={saved.notice} postTitle={postTitle(saved.post)} /> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        <div>
          <Button onClick={() => void save()} loading={saving} disabled={!current} data-testid="my-pathway-save">
            {t('courses.pathway.save')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
