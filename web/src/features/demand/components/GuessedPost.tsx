import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelsInOrder } from '../../taxonomy/bilingual.js';

/** The post a text reads like, how sure the classifier is, and (when known) the competencies that decided it. */
export function GuessedPost({
  postId,
  titleZh,
  titleEn,
  confidence,
  decidedBy = [],
}: {
  postId: string | null;
  titleZh: string | null;
  titleEn: string | null;
  confidence: number | null;
  decidedBy?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  if (!postId) {
    return (
      <Typography.Text type="secondary" data-testid="guessed-post">
        {t('demand.guess.none')}
      </Typography.Text>
    );
  }
  const [primary, secondary] = labelsInOrder(titleZh, titleEn, i18n.language);
  return (
    <Flex vertical gap={8} data-testid="guessed-post">
      <Flex gap={8} align="baseline" wrap>
        <Link to={`/demand/profile?post=${encodeURIComponent(postId)}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {primary || postId}
        </Link>
        {secondary && <Typography.Text type="secondary">{secondary}</Typography.Text>}
      </Flex>
      {confidence !== null && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('demand.guess.confidence')}</Typography.Text>
          <Progress
            percent={Math.round(confidence * 100)}
            size="small"
            style={{ width: 200, margin: 0 }}
            data-testid="guessed-post-confidence"
          />
        </Flex>
      )}
      {decidedBy.length > 0 && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">{t('demand.guess.decidedBy')}</Typography.Text>
          {decidedBy.map((label) => (
            <Tag key={label} style={{ marginInlineEnd: 0 }}>
              {label}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
