import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PathwayNotice } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';

/**
 * What a yearly revision left on a student's carried pathway: the essential competencies the chosen courses no
 * longer cover, and the fewest-credit courses of the new version that would cover them.
 */
export function PathwayNoticeAlert({ notice, postTitle }: { notice: PathwayNotice; postTitle: string }) {
  const { t, i18n } = useTranslation();
  const separator = t('common.listSeparator');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pathway-notice"
      title={t('courses.pathway.noticeTitle', { post: postTitle })}
      description={
        <Flex vertical gap={4}>
          {notice.missing.length > 0 && (
            <Typography.Text>
              {t('courses.pathway.noticeMissing', {
                list: notice.missing
                  .map((entry) => pickName(entry.labelZh, entry.labelEn, i18n.language))
                  .join(separator),
              })}
            </Typography.Text>
          )}
          {notice.add.length > 0 && (
            <Typography.Text>
              {t('courses.pathway.noticeAdd', {
                list: notice.add
                  .map((course) => `${pickName(course.titleZh, course.titleEn, i18n.language)}（${course.credits}）`)
                  .join(separator),
              })}
            </Typography.Text>
          )}
          {notice.retired.length > 0 && (
            <Typography.Text type="secondary">
              {t('courses.pathway.noticeRetired', { count: notice.retired.length })}
            </Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
