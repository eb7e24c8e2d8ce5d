import { Badge, Button, Card, Collapse, Flex, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupSpecialty, SpecialtyGroupDto } from '../../../api/contracts.js';
import { primaryLabel } from '../../taxonomy/bilingual.js';
import {
  formatPercent,
  formatQuality,
  groupColour,
  groupName,
  postTitle,
  specialtyName,
  type NearestPost,
  type PostInfo,
} from '../groups-format.js';

/**
 * One group of a proposal: its name and quality, the leading specialty and the supporting ones, the shared core
 * (future platform courses), each post with its residue (future module courses), and the 组群逻辑 rationale.
 */
export function GroupCard({
  group,
  index,
  nearest,
  posts,
  onPair,
  onRename,
}: {
  group: SpecialtyGroupDto;
  index: number;
  /** The most similar other post of each post (any group), to open the pair's explanation from the card. */
  nearest: ReadonlyMap<string, NearestPost>;
  posts: ReadonlyMap<string, PostInfo>;
  onPair: (a: string, b: string) => void;
  onRename?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const colour = groupColour(index);
  const [leading, ...supporting] = group.specialties;
  const lead = leading?.leading ? leading : undefined;
  const others = lead ? supporting : group.specialties;
  return (
    <Card
      data-testid={`group-card-${group.id}`}
      styles={{ header: { borderTop: `4px solid ${colour}` } }}
      title={
        <Flex align="center" gap={8} wrap>
          <Badge color={colour} />
          <span data-testid={`group-name-${group.id}`}>{groupName(group, language)}</span>
        </Flex>
      }
      extra={
        onRename ? (
          <Button size="small" onClick={onRename} data-testid={`group-rename-${group.id}`}>
            {t('groups.detail.rename')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={32} wrap>
          <Statistic title={t('groups.quality.size')} value={group.quality.size} />
          <Statistic title={t('groups.quality.silhouette')} value={formatQuality(group.quality.silhouette)} />
          <Statistic title={t('groups.quality.cohesion')} value={formatQuality(group.quality.cohesion)} />
          <Statistic title={t('groups.quality.separation')} value={formatQuality(group.quality.separation)} />
        </Flex>

        <section>
          <Typography.Title level={5}>{t('groups.detail.specialties')}</Typography.Title>
          {group.specialties.length === 0 ? (
            <Typography.Text type="secondary">{t('groups.detail.noSpecialties')}</Typography.Text>
          ) : (
            <Flex vertical gap={8}>
              {lead && <SpecialtyLine specialty={lead} colour={colour} />}
              {others.map((specialty) => (
                <SpecialtyLine key={specialty.code} specialty={specialty} colour={colour} />
              ))}
            </Flex>
          )}
        </section>

        <section>
          <Typography.Title level={5}>{t('groups.detail.sharedCore')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('groups.detail.sharedCoreHint')}
          </Typography.Paragraph>
          {group.shared.length === 0 ? (
            <Typography.Text type="secondary">{t('groups.detail.noShared')}</Typography.Text>
          ) : (
            <Flex gap={6} wrap data-testid={`group-shared-${group.id}`}>
              {group.shared.map((competency) => (
                <Tooltip
                  key={competency.id}
                  title={t('groups.detail.sharedTooltip', {
                    posts: competency.posts,
                    strength: formatPercent(competency.strength),
                  })}
                >
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {primaryLabel(competency, language)}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          )}
        </section>

        <section>
          <Typography.Title level={5}>{t('groups.detail.posts')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('groups.detail.residueHint')}
          </Typography.Paragraph>
          <Flex vertical gap={8}>
            {group.posts.map((post) => (
              <div key={post.id} data-testid={`group-post-${post.id}`}>
                <Typography.Text strong>{postTitle(post, post.id, language)}</Typography.Text>{' '}
                <NearestLink postId={post.id} nearest={nearest.get(post.id)} posts={posts} onPair={onPair} />
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  {post.residue.length === 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('groups.detail.noResidue')}
                    </Typography.Text>
                  ) : (
                    post.residue.map((competency) => (
                      <Tag key={competency.id} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                        {primaryLabel(competency, language)}
                      </Tag>
                    ))
                  )}
                </Flex>
              </div>
            ))}
          </Flex>
        </section>

        <Collapse
          defaultActiveKey={['rationale']}
          items={[
            {
              key: 'rationale',
              label: t('groups.detail.rationale'),
              children: (
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-line', marginBottom: 0 }}
                  data-testid={`group-rationale-${group.id}`}
                >
                  {language === 'en' ? group.rationale.en || group.rationale.zh : group.rationale.zh}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

function SpecialtyLine({ specialty, colour }: { specialty: GroupSpecialty; colour: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex
      align="center"
      gap={8}
      wrap
      data-testid={`group-specialty-${specialty.code}`}
      data-leading={specialty.leading ? 'true' : 'false'}
      style={
        specialty.leading
          ? { padding: '8px 12px', borderRadius: 6, background: `${colour}14`, border: `1px solid ${colour}55` }
          : { padding: '0 12px' }
      }
    >
      {specialty.leading ? (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('groups.detail.leading')}
        </Tag>
      ) : (
        <Tag style={{ marginInlineEnd: 0 }}>{t('groups.detail.supporting')}</Tag>
      )}
      <Typography.Text strong={specialty.leading}>{specialtyName(specialty, i18n.language)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {specialty.code}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('groups.detail.specialtyFigures', {
          lead: formatQuality(specialty.leadScore),
          centrality: formatQuality(specialty.centrality),
          strength: specialty.strength === null ? '—' : formatQuality(specialty.strength),
          inGroup: specialty.postsInGroup,
          served: specialty.postsServed,
        })}
      </Typography.Text>
    </Flex>
  );
}

/** The post's closest other post, as a link that opens why the two are alike. */
function NearestLink({
  postId,
  nearest,
  posts,
  onPair,
}: {
  postId: string;
  nearest: NearestPost | undefined;
  posts: ReadonlyMap<string, PostInfo>;
  onPair: (a: string, b: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!nearest) return null;
  const title = postTitle(posts.get(nearest.id), nearest.id, i18n.language);
  return (
    <Button
      type="link"
      size="small"
      style={{ paddingInline: 4, height: 'auto' }}
      data-testid={`pair-open-${postId}`}
      onClick={() => onPair(postId, nearest.id)}
    >
      {t('groups.detail.nearest', { title, similarity: formatQuality(nearest.similarity) })}
    </Button>
  );
}
