import { Button, Card, Collapse, Descriptions, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDecision, RevisionProposalView } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import {
  formatQValue,
  formatShare,
  formatWeight,
  KIND_COLOURS,
  kindLabel,
  nameAll,
  personName,
  pickLabel,
  type Bilingual,
  type RevisionNames,
} from '../revision-format.js';
import { TermHelp } from './TermHelp.js';

const DECISION_COLOURS: Record<ProposalDecision, string> = {
  accepted: 'green',
  rejected: 'red',
  amended: 'blue',
};

/**
 * One ranked proposal: what it says, why (evidence), what it touches (impact), and its decision. Read-only (the
 * committee's page, a decided revision) unless `editable` with the three handlers.
 */
export function ProposalCard({
  proposal,
  names,
  editable = false,
  busy = false,
  onAccept,
  onReject,
  onAmend,
}: {
  proposal: RevisionProposalView;
  names: RevisionNames;
  editable?: boolean;
  busy?: boolean;
  onAccept?: () => void;
  onReject?: () => void;
  onAmend?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const decision = proposal.decision;
  return (
    <Card size="small" data-testid="revision-proposal" data-rank={proposal.rank}>
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <Tag>{t('revisions.proposals.rank', { rank: proposal.rank })}</Tag>
          <Tag color={KIND_COLOURS[proposal.kind]} data-testid="revision-proposal-kind">
            {kindLabel(t, proposal.kind)}
          </Tag>
          {decision && (
            <Tag color={DECISION_COLOURS[decision.decision]} data-testid="revision-proposal-decision">
              {t(`revisions.proposals.decision.${decision.decision}`)}
            </Tag>
          )}
        </Flex>
        <Typography.Text strong data-testid="revision-proposal-summary">
          {pickLabel(proposal.summary, language, kindLabel(t, proposal.kind))}
        </Typography.Text>
        <ImpactLine proposal={proposal} />
        {decision && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="revision-proposal-decision-detail">
            {[
              decision.amendedWeight !== null
                ? t('revisions.proposals.amendedWeight', { weight: formatWeight(decision.amendedWeight) })
                : null,
              decision.comment || null,
              personName(decision.by)
                ? t('revisions.proposals.decidedBy', {
                    name: personName(decision.by),
                    date: formatDateTime(decision.at, language),
                  })
                : formatDateTime(decision.at, language),
            ]
              .filter((part): part is string => part !== null)
              .join(' · ')}
          </Typography.Text>
        )}
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'evidence',
              label: t('revisions.proposals.evidence'),
              children: <Evidence proposal={proposal} names={names} />,
            },
          ]}
        />
        {editable && onAccept && onReject && onAmend && (
          <Flex gap={8} wrap>
            <Button
              size="small"
              type={decision?.decision === 'accepted' ? 'primary' : 'default'}
              loading={busy}
              onClick={onAccept}
              data-testid="revision-proposal-accept"
            >
              {t('revisions.proposals.accept')}
            </Button>
            <Button
              size="small"
              danger={decision?.decision === 'rejected'}
              type={decision?.decision === 'rejected' ? 'primary' : 'default'}
              disabled={busy}
              onClick={onReject}
              data-testid="revision-proposal-reject"
            >
              {t('revisions.proposals.reject')}
            </Button>
            <Button
              size="small"
              type={decision?.decision === 'amended' ? 'primary' : 'default'}
              disabled={busy}
              onClick={onAmend}
              data-testid="revision-proposal-amend"
            >
              {t('revisions.proposals.amend')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** Names joined in the UI language, with "n more" for ids that have no label. */
function joinNames(t: TFunction, result: { names: string[]; unnamed: number }): string {
  const parts = [...result.names];
  if (result.unnamed > 0) parts.push(t('revisions.proposals.more', { count: result.unnamed }));
  return parts.length ? parts.join(t('common.listSeparator')) : t('revisions.proposals.nothing');
}

function labels(items: readonly { label: Bilingual }[] | readonly { title: Bilingual }[], language: string): string[] {
  return items
    .map((item) => pickLabel('label' in item ? item.label : item.title, language, ''))
    .filter((name) => name !== '');
}

/** At most this many names in one impact line; the rest are counted ("n more"). */
const SHOWN_NAMES = 8;

function ImpactLine({ proposal }: { proposal: RevisionProposalView }) {
  const { t, i18n } = useTranslation();
  const courses = labels(proposal.impact.courses, i18n.language);
  const posts = labels(proposal.impact.posts, i18n.language);
  const semesters = [...proposal.impact.semesters]
    .sort((a, b) => a - b)
    .map((n) => t('revisions.proposals.semester', { n }));
  const shown = (names: string[]) =>
    joinNames(t, { names: names.slice(0, SHOWN_NAMES), unnamed: Math.max(0, names.length - SHOWN_NAMES) });
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="revision-proposal-impact"
      items={[
        { key: 'courses', label: t('revisions.proposals.courses'), children: shown(courses) },
        { key: 'posts', label: t('revisions.proposals.posts'), children: shown(posts) },
        { key: 'semesters', label: t('revisions.proposals.semesters'), children: shown(semesters) },
      ]}
    />
  );
}

function Evidence({ proposal, names }: { proposal: RevisionProposalView; names: RevisionNames }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const evidence = proposal.evidence;
  const items: { key: string; label: ReactNode; children: ReactNode }[] = evidence.changes.map((change, index) => ({
    key: `change-${index}`,
    label: <TermHelp help={t('revisions.changes.qHelp')}>{t('revisions.proposals.changeLabel')}</TermHelp>,
    children: t('revisions.proposals.change', {
      competency: pickLabel(names.competency(change.competency), language, t('revisions.proposals.competencyFallback')),
      post:
        change.post === null
          ? t('revisions.changes.wholeGroup')
          : pickLabel(names.post(change.post), language, t('revisions.changes.wholeGroup')),
      before: formatShare(change.before.share),
      after: formatShare(change.after.share),
      q: formatQValue(change.q),
    }),
  }));
  if (evidence.currentWeight !== undefined && evidence.currentWeight !== null) {
    items.push({
      key: 'current',
      label: t('revisions.proposals.currentWeight'),
      children: formatWeight(evidence.currentWeight),
    });
  }
  if (evidence.suggestedWeight !== undefined && evidence.suggestedWeight !== null) {
    items.push({
      key: 'suggested',
      label: t('revisions.proposals.suggestedWeight'),
      children: formatWeight(evidence.suggestedWeight),
    });
  }
  if (evidence.volume) {
    items.push({
      key: 'volume',
      label: t('revisions.proposals.volume'),
      children: t('revisions.proposals.volumeValue', {
        before: evidence.volume.before.postings,
        after: evidence.volume.after.postings,
        beforeShare: formatShare(evidence.volume.before.share),
        afterShare: formatShare(evidence.volume.after.share),
        q: formatQValue(evidence.volume.q),
      }),
    });
  }
  if (evidence.taughtElsewhere && evidence.taughtElsewhere.length > 0) {
    items.push({
      key: 'taught',
      label: t('revisions.proposals.taughtElsewhere'),
      children: joinNames(t, nameAll(evidence.taughtElsewhere, names.course, language)),
    });
  }
  if (evidence.stillRequiredBy && evidence.stillRequiredBy.length > 0) {
    items.push({
      key: 'required',
      label: t('revisions.proposals.stillRequiredBy'),
      children: joinNames(t, nameAll(evidence.stillRequiredBy, names.post, language)),
    });
  }
  return (
    <Descriptions
      size="small"
      column={1}
      items={items.length ? items : [{ key: 'none', label: '', children: t('revisions.proposals.nothing') }]}
      data-testid="revision-proposal-evidence"
    />
  );
}
