import { Alert, App, Button, Card, Flex, Input, Radio, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MovePreviewDto, ProposalDetailDto } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { translateError } from '../../../i18n/translate-error.js';
import { moveItem, previewMove, type ProposalScope } from '../api/groups-api.js';
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

type Kind = 'post' | 'specialty';

/**
 * Move a post or a specialty to another group or a new one: the quality the move would give is previewed as soon
 * as the item and the target are chosen (nothing is written), and the move itself needs a reason for the trail.
 */
export function MoveEditor({
  scope,
  detail,
  onMoved,
}: {
  scope: ProposalScope;
  detail: ProposalDetailDto;
  onMoved: (detail: ProposalDetailDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('post');
  const [item, setItem] = useState<string | undefined>(undefined);
  const [toGroup, setToGroup] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<MovePreviewDto | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [moving, setMoving] = useState(false);

  const posts = useMemo(() => postsById(detail), [detail]);
  const specialties = useMemo(() => specialtiesByCode(detail), [detail]);
  const groupsById = useMemo(() => new Map(detail.groups.map((group) => [group.id, group])), [detail]);
  const currentGroup = kind === 'post' ? posts.get(item ?? '')?.groupId : specialties.get(item ?? '')?.groupId;

  const itemOptions =
    kind === 'post'
      ? [...posts.values()].map((post) => ({
          value: post.id,
          label: `${postTitle(post, post.id, language)} · ${groupLabel(post.groupId)}`,
        }))
      : [...specialties.values()].map((specialty) => ({
          value: specialty.code,
          label: `${specialtyName(specialty, language)} (${specialty.code}) · ${groupLabel(specialty.groupId)}`,
        }));
  // A specialty may only join a group holding a post it serves.
  const servedPosts = kind === 'specialty' ? new Set(specialties.get(item ?? '')?.servedPosts ?? []) : null;
  const targetOptions = [
    ...detail.groups
      .filter((group) => group.id !== currentGroup)
      .filter((group) => servedPosts === null || group.posts.some((post) => servedPosts.has(post.id)))
      .map((group) => ({ value: group.id, label: groupName(group, language) })),
    ...(kind === 'post' ? [{ value: 'new', label: t('groups.move.newGroup') }] : []),
  ];

  function groupLabel(id: string): string {
    const group = groupsById.get(id);
    return group ? groupName(group, language) : id;
  }

  useEffect(() => {
    if (!item || !toGroup) return;
    const controller = new AbortController();
    setPreviewing(true);
    setPreviewError(null);
    previewMove(scope, detail.id, { kind, item, toGroup }, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setPreview(result);
        setPreviewing(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setPreview(null);
        setPreviewError(failure);
        setPreviewing(false);
      },
    );
    return () => controller.abort();
    // The detail's updatedAt changes after every write, which changes what a preview starts from.
  }, [scope, detail.id, detail.updatedAt, kind, item, toGroup]);

  async function move() {
    if (!item || !toGroup) return;
    setMoving(true);
    try {
      const next = await moveItem(scope, detail.id, { kind, item, toGroup, reason: reason.trim() });
      void message.success(t('groups.move.moved'));
      setItem(undefined);
      setToGroup(undefined);
      setReason('');
      setPreview(null);
      onMoved(next);
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setMoving(false);
    }
  }

  const ready = Boolean(item && toGroup);
  const reasonOk = reason.trim().length >= 2;
  const shownPreview = ready ? preview : null;

  return (
    <Card title={t('groups.move.title')} data-testid="move-editor">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('groups.move.intro')}</Typography.Text>
        <Radio.Group
          value={kind}
          optionType="button"
          onChange={(event) => {
            setKind(event.target.value as Kind);
            setItem(undefined);
            setToGroup(undefined);
            setPreview(null);
          }}
          options={[
            { value: 'post', label: <span data-testid="move-kind-post">{t('groups.move.post')}</span> },
            { value: 'specialty', label: <span data-testid="move-kind-specialty">{t('groups.move.specialty')}</span> },
          ]}
        />
        <Flex gap={12} wrap>
          <Select
            data-testid="move-item"
            aria-label={t('groups.move.item')}
            placeholder={t('groups.move.item')}
            style={{ flex: '1 1 280px', minWidth: 220 }}
            value={item}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.trim().toLowerCase()),
            }}
            onChange={(next: string) => {
              setItem(next);
              setToGroup(undefined);
              setPreview(null);
            }}
            options={itemOptions}
            optionRender={(option) => (
              <span data-testid={`move-item-option-${String(option.value)}`}>{option.label}</span>
            )}
          />
          <Select
            data-testid="move-target"
            aria-label={t('groups.move.target')}
            placeholder={t('groups.move.target')}
            style={{ flex: '1 1 240px', minWidth: 200 }}
            value={toGroup}
            disabled={!item}
            onChange={(next: string) => setToGroup(next)}
            options={targetOptions}
            optionRender={(option) => (
              <span data-testid={`move-target-option-${String(option.value)}`}>{option.label}</span>
            )}
          />
        </Flex>
        {item && targetOptions.length === 0 && (
          <Alert type="info" showIcon title={t('groups.move.noTarget')} data-testid="move-no-target" />
        )}
        {previewError !== null && ready ? <ApiErrorAlert error={previewError} /> : null}
        {ready && <MovePreview preview={shownPreview} loading={previewing} groupLabel={groupLabel} />}
        <Input.TextArea
          data-testid="move-reason"
          placeholder={t('groups.move.reasonPlaceholder')}
          aria-label={t('groups.move.reason')}
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) => setReason(event.target.value)}
        />
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text type="secondary">{reasonOk ? '' : t('groups.move.reasonRequired')}</Typography.Text>
          <Button
            type="primary"
            data-testid="move-submit"
            disabled={!ready || !reasonOk}
            loading={moving}
            onClick={() => void move()}
          >
            {t('groups.move.submit')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function MovePreview({
  preview,
  loading,
  groupLabel,
}: {
  preview: MovePreviewDto | null;
  loading: boolean;
  groupLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  if (!preview) {
    return <Alert type="info" showIcon title={loading ? t('groups.move.previewing') : t('groups.move.noPreview')} />;
  }
  const before = new Map(preview.groupsBefore.map((group) => [group.id, group.silhouette]));
  const after = new Map(preview.groupsAfter.map((group) => [group.id, group.silhouette]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const colour = deltaColour(preview.qualityBefore, preview.qualityAfter);
  return (
    <Flex vertical gap={8} data-testid="move-preview" data-loading={loading ? 'true' : 'false'}>
      <Typography.Text>
        {t('groups.move.overall')}{' '}
        <Typography.Text strong data-testid="move-preview-before">
          {formatQuality(preview.qualityBefore)}
        </Typography.Text>
        {' → '}
        <Typography.Text strong style={{ color: colour }} data-testid="move-preview-after">
          {formatQuality(preview.qualityAfter)}
        </Typography.Text>{' '}
        <Typography.Text style={{ color: colour }}>
          ({formatDelta(preview.qualityBefore, preview.qualityAfter)})
        </Typography.Text>
      </Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ids.map((id) => ({ id, before: before.get(id), after: after.get(id) }))}
        columns={[
          {
            key: 'group',
            title: t('groups.move.group'),
            render: (_, row) => (before.has(row.id) ? groupLabel(row.id) : t('groups.move.newGroupRow')),
          },
          {
            key: 'before',
            title: t('groups.move.before'),
            align: 'right',
            render: (_, row) => formatQuality(row.before),
          },
          {
            key: 'after',
            title: t('groups.move.after'),
            align: 'right',
            render: (_, row) => (
              <span
                style={{
                  color:
                    row.before !== undefined && row.after !== undefined
                      ? deltaColour(row.before, row.after)
                      : undefined,
                }}
              >
                {row.after === undefined ? t('groups.move.gone') : formatQuality(row.after)}
              </span>
            ),
          },
        ]}
      />
    </Flex>
  );
}
