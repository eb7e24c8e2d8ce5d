import { Flex, Progress, Table, Tag, Tooltip, Typography, theme, type TableProps } from 'antd';
import { useMemo, useState, type CSSProperties, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkEvidence, LinkedCompetencyDto } from '../../../api/contracts.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { highlightSegments, mentionCount } from '../highlight-segments.js';

/** Exact dictionary matches in gold, implicit (inferred) mentions in purple; the chosen competency is outlined. */
const EVIDENCE_COLOURS: Record<LinkEvidence, { background: string; strong: string; tag: string }> = {
  exact: { background: '#fff1b8', strong: '#ffd666', tag: 'gold' },
  implicit: { background: '#efdbff', strong: '#d3adf7', tag: 'purple' },
};

/** The competency a person points at (hover) and the one they chose (click); hover wins while it lasts. */
export function useCompetencyFocus() {
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return {
    active: hovered ?? selected,
    selected,
    hover: setHovered,
    toggle: (key: string) => setSelected((current) => (current === key ? null : key)),
  };
}

export type CompetencyFocus = ReturnType<typeof useCompetencyFocus>;

/**
 * The text with every linked competency's mentions highlighted (colour by evidence). Pointing at a competency
 * in the list, or at a mention, makes its mentions stand out; clicking keeps it chosen.
 */
export function HighlightedText({
  text,
  competencies,
  focus,
  testId = 'linked-text',
  maxHeight,
}: {
  text: string;
  competencies: readonly LinkedCompetencyDto[];
  focus: CompetencyFocus;
  testId?: string;
  maxHeight?: number;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const segments = useMemo(() => highlightSegments(text, competencies), [text, competencies]);
  const labels = useMemo(
    () =>
      new Map(
        competencies.map((competency) => [
          competency.key,
          labelsInOrder(competency.labelZh, competency.labelEn, i18n.language)[0] || competency.id,
        ]),
      ),
    [competencies, i18n.language],
  );

  return (
    <div
      data-testid={testId}
      style={{
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        lineHeight: 1.9,
        padding: 12,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        background: token.colorFillQuaternary,
        maxHeight,
        overflowY: maxHeight ? 'auto' : undefined,
      }}
    >
      {segments.map((segment) => {
        if (segment.evidence === null) return <span key={segment.start}>{segment.text}</span>;
        const colours = EVIDENCE_COLOURS[segment.evidence];
        const isActive = focus.active !== null && segment.keys.includes(focus.active);
        const dimmed = focus.active !== null && !isActive;
        const style: CSSProperties = {
          background: isActive ? colours.strong : colours.background,
          borderRadius: 3,
          padding: '1px 0',
          cursor: 'pointer',
          opacity: dimmed ? 0.55 : 1,
          outline: isActive ? `2px solid ${token.colorPrimary}` : undefined,
          borderBottom: segment.evidence === 'implicit' ? '2px dashed #9254de' : undefined,
          color: 'inherit',
        };
        const names = segment.keys.map((key) => labels.get(key) ?? key);
        return (
          <Tooltip
            key={segment.start}
            title={`${names.join(' · ')} — ${t(`demand.evidence.${segment.evidence}`)}`}
            mouseEnterDelay={0.2}
          >
            <mark
              data-testid="mention"
              data-keys={segment.keys.join(' ')}
              data-evidence={segment.evidence}
              data-active={isActive ? 'true' : undefined}
              style={style}
              onMouseEnter={() => focus.hover(segment.keys[0] ?? null)}
              onMouseLeave={() => focus.hover(null)}
              onClick={() => {
                const key = segment.keys[0];
                if (key) focus.toggle(key);
              }}
            >
              {segment.text}
            </mark>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** What the two highlight colours mean. */
export function EvidenceLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center">
      {(['exact', 'implicit'] as const).map((evidence) => (
        <Flex key={evidence} gap={6} align="center">
          <mark
            aria-hidden="true"
            style={{
              background: EVIDENCE_COLOURS[evidence].background,
              borderBottom: evidence === 'implicit' ? '2px dashed #9254de' : undefined,
              width: 28,
              height: 14,
              display: 'inline-block',
              borderRadius: 3,
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`demand.evidence.${evidence}Help`)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export function EvidenceTag({ evidence }: { evidence: LinkEvidence }) {
  const { t } = useTranslation();
  return (
    <Tag color={EVIDENCE_COLOURS[evidence].tag} style={{ marginInlineEnd: 0 }}>
      {t(`demand.evidence.${evidence}`)}
    </Tag>
  );
}

/** The linked competencies, strongest first, with score, evidence and how often they are mentioned. */
export function LinkedCompetencyTable({
  competencies,
  focus,
  testId = 'linked-competencies',
}: {
  competencies: readonly LinkedCompetencyDto[];
  focus: CompetencyFocus;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const columns: TableProps<LinkedCompetencyDto>['columns'] = [
    {
      key: 'label',
      title: t('demand.linked.columns.competency'),
      render: (_, competency) => {
        const [primary, secondary] = labelsInOrder(competency.labelZh, competency.labelEn, i18n.language);
        return (
          <div>
            <div>{primary || competency.id}</div>
            {secondary && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {secondary}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      key: 'score',
      title: t('demand.linked.columns.score'),
      width: 140,
      render: (_, competency) => (
        <Progress
          percent={Math.round(Math.min(1, Math.max(0, competency.score)) * 100)}
          size="small"
          format={() => competency.score.toFixed(2)}
        />
      ),
    },
    {
      key: 'evidence',
      title: t('demand.linked.columns.evidence'),
      width: 110,
      render: (_, competency) => <EvidenceTag evidence={competency.evidence} />,
    },
    {
      key: 'decision',
      title: t('demand.linked.columns.decision'),
      width: 110,
      render: (_, competency) =>
        competency.linked ? (
          <Tag color="green" data-testid="link-decision-linked">
            {t('demand.linked.decision.linked')}
          </Tag>
        ) : (
          <Tag data-testid="link-decision-not-linked">{t('demand.linked.decision.notLinked')}</Tag>
        ),
    },
    {
      key: 'mentions',
      title: t('demand.linked.columns.mentions'),
      width: 90,
      align: 'right',
      render: (_, competency) => mentionCount(competency),
    },
  ];
  return (
    <Table<LinkedCompetencyDto>
      data-testid={testId}
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...competencies]}
      locale={{ emptyText: t('demand.linked.empty') }}
      onRow={(competency) =>
        ({
          'data-testid': `linked-competency-${competency.key}`,
          style: {
            cursor: 'pointer',
            background: focus.active === competency.key ? token.colorPrimaryBg : undefined,
          },
          onMouseEnter: () => focus.hover(competency.key),
          onMouseLeave: () => focus.hover(null),
          onClick: () => focus.toggle(competency.key),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
