import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query.js';
import { pickName } from '../../../i18n/pick-name.js';
import { listMyPathwayNotices } from '../../courses/api/courses-api.js';
import { PathwayNoticeAlert } from '../../courses/components/PathwayNoticeAlert.js';

/** A student's dashboard: the pathways a yearly revision carried that need courses added (nothing when none). */
export function PathwayNoticesCard({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery(
    (signal) => listMyPathwayNotices(organisationId, signal),
    `pathway-notices:${organisationId}`,
  );
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('dashboard.pathwayNotices')} size="small" data-testid="pathway-notices">
      <Flex vertical gap={8}>
        {items.map((item) => (
          <Flex vertical gap={4} key={item.courseSystemId}>
            <PathwayNoticeAlert
              notice={item.notice}
              postTitle={pickName(item.postTitleZh, item.postTitleEn, i18n.language)}
            />
            <Link to={`/course-systems/${item.courseSystemId}?tab=pathway`}>
              {t('dashboard.pathwayNoticeOpen', {
                title: pickName(item.courseSystemTitleZh, item.courseSystemTitleEn, i18n.language),
              })}
            </Link>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
