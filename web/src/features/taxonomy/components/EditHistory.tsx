import { Flex, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EditList, EditRecord } from '../../../api/contracts.js';
import type { ApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateDynamic } from '../../../i18n/translate-dynamic.js';
import { joinList } from '../bilingual.js';

interface Change {
  field: string;
  before: string;
  after: string;
}

/**
 * The recorded edits of a competency or post: when, who, why, and what changed. `labelOf` names the
 * competencies of a post's requirement edits where it can.
 */
export function EditHistory({
  query,
  testId,
  labelOf,
}: {
  query: ApiQuery<EditList>;
  testId: string;
  labelOf?: (competencyId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return null;
  if (query.data.items.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('taxonomy.history.empty')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={testId}>
      <Timeline
        items={query.data.items.map((edit) => ({
          key: edit.id,
          title: formatDateTime(edit.occurredAt, i18n.language),
          content: <EditEntry edit={edit} labelOf={labelOf} />,
        }))}
      />
    </div>
  );
}

function EditEntry({
  edit,
  labelOf = () => undefined,
}: {
  edit: EditRecord;
  labelOf?: (competencyId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const changes = describeChanges(edit, t, i18n.language, labelOf);
  return (
    <Flex vertical gap={4} data-testid={`edit-${edit.id}`}>
      <Flex gap={6} align="center" wrap>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {translateDynamic(t, `taxonomy.history.actions.${edit.action}`, edit.action)}
        </Tag>
        <Typography.Text strong>{edit.personName ?? t('taxonomy.history.system')}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.history.inVersion', { label: edit.versionLabel })}</Tag>
      </Flex>
      {edit.reason && <Typography.Text>{t('taxonomy.history.reason', { reason: edit.reason })}</Typography.Text>}
      {changes.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.map((change) => (
            <li key={change.field}>
              <Typography.Text type="secondary">{t('taxonomy.history.field', { field: change.field })}</Typography.Text>
              <Typography.Text delete type="secondary">
                {change.before}
              </Typography.Text>
              {' → '}
              <Typography.Text>{change.after}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

interface RequirementValue {
  competencyId: string;
  essential: boolean;
  weight: number;
  level: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requirementsOf(value: unknown): RequirementValue[] | null {
  if (!isRecord(value) || !Array.isArray(value.requirements)) return null;
  return value.requirements.filter(
    (item): item is RequirementValue => isRecord(item) && typeof item.competencyId === 'string',
  );
}

/**
 * What an edit changed, field by field, from its before/after snapshots. A post's requirement list is summed
 * up as added, removed and changed competencies.
 */
function describeChanges(
  edit: EditRecord,
  t: TFunction,
  language: string,
  labelOf: (competencyId: string) => string | undefined,
): Change[] {
  const emptyValue = t('taxonomy.history.emptyValue');
  const beforeRequirements = requirementsOf(edit.before);
  const afterRequirements = requirementsOf(edit.after);
  if (beforeRequirements && afterRequirements) {
    const before = new Map(beforeRequirements.map((item) => [item.competencyId, item]));
    const after = new Map(afterRequirements.map((item) => [item.competencyId, item]));
    const added = [...after.keys()].filter((id) => !before.has(id));
    const removed = [...before.keys()].filter((id) => !after.has(id));
    const changed = [...after.keys()].filter(
      (id) => before.has(id) && JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)),
    );
    const describe = (items: readonly RequirementValue[], ids: readonly string[]) =>
      ids.length === 0
        ? emptyValue
        : joinList(
            ids.map((id) => {
              const item = items.find((candidate) => candidate.competencyId === id);
              const name = labelOf(id) ?? id;
              return item ? `${name} (${item.essential ? '★ ' : ''}${item.weight} / L${item.level})` : name;
            }),
            language,
          );
    const field = t('taxonomy.history.requirementCount', {
      before: beforeRequirements.length,
      after: afterRequirements.length,
    });
    return [
      {
        field,
        before: describe(beforeRequirements, [...removed, ...changed]),
        after: describe(afterRequirements, [...added, ...changed]),
      },
    ];
  }
  const { before, after } = edit;
  if (!isRecord(before) || !isRecord(after)) return [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return emptyValue;
    if (Array.isArray(value)) return value.length === 0 ? emptyValue : joinList(value.map(text), language);
    if (field === 'type' || field === 'dimension') {
      const prefix = field === 'type' ? 'taxonomy.types' : 'taxonomy.dimensions';
      return translateDynamic(t, `${prefix}.${text(value)}`, text(value));
    }
    return text(value);
  };
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({
      field: translateDynamic(t, `taxonomy.competency.${field}`, field),
      before: show(field, before[field]),
      after: show(field, after[field]),
    }));
}
