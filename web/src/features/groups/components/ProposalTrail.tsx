import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto, ProposalEventKind } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import {
  deltaColour,
  formatDelta,
  formatQuality,
  groupName,
  postsById,
  postTitle,
  specialtiesByCode,
  specialtyName,
} from '../groups-format.js';

const KIND_COLOURS: Record<ProposalEventKind, string> = {
  proposed: 'blue',
  moved_post: 'orange',
  moved_specialty: 'orange',
  renamed: 'gray',
  submitted: 'blue',
  commented: 'purple',
  voted: 'cyan',
  approved: 'green',
  rejected: 'red',
};

/** The audit trail: what the system proposed and every change people made, with who, why and the quality. */
export function ProposalTrail({ detail }: { detail: ProposalDetailDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const posts = postsById(detail);
  const specialties = specialtiesByCode(detail);
  const groups = new Map(detail.groups.map((group) => [group.id, group]));

  function itemName(kind: ProposalEventKind, item: string): string {
    if (kind === 'moved_specialty') {
      const specialty = specialties.get(item);
      return specialty ? `${specialtyName(specialty, language)} (${item})` : item;
    }
    if (kind === 'renamed') {
      const group = groups.get(item);
      return group ? groupName(group, language) : item;
    }
    return postTitle(posts.get(item), item, language);
  }

  function groupLabel(id: string): string {
    const group = groups.get(id);
    return group ? groupName(group, language) : id;
  }

  // Newest first: what the committee needs to see is at the top.
  const events = [...detail.events].reverse();
  return (
    <Timeline
      data-testid="proposal-trail"
      items={events.map((event) => ({
        key: event.id,
        color: KIND_COLOURS[event.kind],
        content: (
          <Flex vertical gap={4} data-testid={`trail-event-${event.kind}`}>
            <Flex gap={8} align="center" wrap>
              <Tag color={KIND_COLOURS[event.kind]} style={{ marginInlineEnd: 0 }}>
                {t(`groups.events.${event.kind}`)}
              </Tag>
              <Typography.Text strong>{event.actorName}</Typography.Text>
              {event.actorOrganisation && <Typography.Text type="secondary">{event.actorOrganisation}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.at, language)}
              </Typography.Text>
            </Flex>
            {event.item && (
              <Typography.Text>
                {itemName(event.kind, event.item)}
                {event.fromGroup && event.toGroup && (
                  <>
                    {language === 'en' ? ': ' : '：'}
                    {groupLabel(event.fromGroup)} → {groupLabel(event.toGroup)}
                  </>
                )}
              </Typography.Text>
            )}
            {event.qualityBefore !== null && event.qualityAfter !== null && (
              <Typography.Text type="secondary">
                {t('groups.events.quality')} {formatQuality(event.qualityBefore)} →{' '}
                <span style={{ color: deltaColour(event.qualityBefore, event.qualityAfter) }}>
                  {formatQuality(event.qualityAfter)} ({formatDelta(event.qualityBefore, event.qualityAfter)})
                </span>
              </Typography.Text>
            )}
            {event.reason && (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>
                {event.reason}
              </Typography.Paragraph>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
