import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardResponse } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';
import { calendarEntryLine, calendarEntryPath } from '../revision-calendar.js';

const STATE_COLOURS = {
  none: 'default',
  draft: 'gold',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  applied: 'cyan',
} as const;

/**
 * A college director's revision calendar: the revision of this year's demand for each current course system, with its
 * link, named for the plan year it prepares (demand through 2026 → the 2027 yearly revision).
 */
export function RevisionCalendarCard({ calendar }: { calendar: NonNullable<DashboardResponse['revisionCalendar']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      title={t('dashboard.revisionCalendar.title', { year: calendar.year + 1 })}
      data-testid="revision-calendar"
    >
      <List
        size="small"
        dataSource={calendar.items}
        renderItem={(entry) => (
          <List.Item data-testid="revision-calendar-entry" data-state={entry.state}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{pickName(entry.titleZh, entry.titleEn, i18n.language)}</Typography.Text>
              <Tag color={STATE_COLOURS[entry.state]} data-testid="revision-calendar-state">
                {calendarEntryLine(t, calendar.year + 1, entry)}
              </Tag>
              <Link to={calendarEntryPath(entry)} data-testid="revision-calendar-link">
                {entry.state === 'none' ? t('dashboard.revisionCalendar.start') : t('dashboard.revisionCalendar.open')}
              </Link>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
