import { Card, Descriptions, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { fetchPosting } from '../api/demand-api.js';
import { placeName } from '../demand-format.js';
import { GuessedPost } from './GuessedPost.js';
import { EvidenceLegend, HighlightedText, LinkedCompetencyTable, useCompetencyFocus } from './LinkedText.js';

/** `/demand/postings/:postingId`: the posting with its linked competencies highlighted, over the list. */
export function PostingDrawer() {
  const { t } = useTranslation();
  const { postingId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  return (
    <Drawer
      open
      size={880}
      styles={{ wrapper: { maxWidth: '100vw' } }}
      title={t('demand.posting.title')}
      onClose={() => void navigate({ pathname: '/demand/postings', search })}
    >
      <PostingDetailView key={postingId} postingId={postingId} />
    </Drawer>
  );
}

function PostingDetailView({ postingId }: { postingId: string }) {
  const { t } = useTranslation();
  const posting = useApiQuery((signal) => fetchPosting(postingId, signal), postingId);
  const focus = useCompetencyFocus();
  if (posting.error) return <ApiErrorAlert error={posting.error} onRetry={posting.reload} />;
  const data = posting.data;
  if (!data) return <PageLoading />;
  return (
    <Flex vertical gap={16} data-testid="posting-detail">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="posting-title">
          {data.title}
        </Typography.Title>
        <Typography.Text type="secondary">{data.enterprise}</Typography.Text>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'place',
            label: t('demand.postings.columns.place'),
            children: placeName(data.province, data.city) ?? t('common.none'),
          },
          { key: 'postedOn', label: t('demand.postings.columns.postedOn'), children: data.postedOn },
          {
            key: 'sourceId',
            label: t('demand.posting.sourceId'),
            children: <Typography.Text code>{data.sourceId}</Typography.Text>,
          },
        ]}
      />
      <Card size="small" title={t('demand.guess.title')}>
        <GuessedPost
          postId={data.postId}
          titleZh={data.postTitleZh}
          titleEn={data.postTitleEn}
          confidence={data.postConfidence}
        />
      </Card>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>{t('demand.posting.text')}</Typography.Text>
          <EvidenceLegend />
        </Flex>
        <HighlightedText text={data.linkedText} competencies={data.competencies} focus={focus} maxHeight={420} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('demand.posting.focusHelp')}
        </Typography.Text>
      </Flex>
      <LinkedCompetencyTable competencies={data.competencies} focus={focus} />
    </Flex>
  );
}
