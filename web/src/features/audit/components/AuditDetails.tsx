import { Tooltip, Typography } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickName } from '../../../i18n/pick-name.js';
import { translateDynamic } from '../../../i18n/translate-dynamic.js';

type Value = unknown;

/** Keys whose values are codes the UI has words for (roles, organisation kinds, error codes). */
const CODE_PREFIX: Record<string, string> = {
  roles: 'roles',
  rolesRemoved: 'roles',
  added: 'roles',
  removed: 'roles',
  organisationKind: 'kinds',
  kind: 'kinds',
  refused: 'errors.codes',
};

export type AuditNames = Readonly<Record<string, { zh: string; en: string }>>;
const NamesContext = createContext<AuditNames>({});

/**
 * The stored record of an audit event as a readable list: each field by its name in the UI language, values
 * formatted, nested records indented. Ids the server could name (people, organisations, plans, revisions…) show
 * as names, the id in a tooltip; the values are the record as it was written: they are marked as record data, not
 * UI text.
 */
export function AuditDetails({ details, names = {} }: { details: Record<string, Value>; names?: AuditNames }) {
  return (
    <NamesContext.Provider value={names}>
      <Entries record={details} depth={0} />
    </NamesContext.Provider>
  );
}

function Entries({ record, depth }: { record: Record<string, Value>; depth: number }) {
  const { t } = useTranslation();
  return (
    <dl
      style={{ margin: 0, paddingInlineStart: depth === 0 ? 0 : 16 }}
      data-testid={depth === 0 ? 'audit-details' : undefined}
    >
      {Object.entries(record).map(([key, value]) => {
        const labelKey = `audit.detailKeys.${key}`;
        const label = translateDynamic(t, labelKey, labelKey);
        const nested = isRecord(value) && Object.keys(value).length > 0;
        return (
          <div key={key} style={{ display: nested ? 'block' : 'flex', gap: 6, lineHeight: 1.6 }}>
            <dt style={{ color: 'rgba(0,0,0,0.55)', flex: 'none' }}>
              {label === labelKey ? <span data-user-data="audit-record">{key}</span> : label}
              {t('audit.detailSeparator')}
            </dt>
            <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
              {nested ? <Entries record={value} depth={depth + 1} /> : <Formatted name={key} value={value} />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Formatted({ name, value }: { name: string; value: Value }): ReactNode {
  const { t, i18n } = useTranslation();
  const names = useContext(NamesContext);
  const named = typeof value === 'string' ? names[value.toLowerCase()] : undefined;
  if (named) {
    return (
      <Tooltip title={value as string}>
        <Typography.Text data-user-data="audit-record" data-testid="audit-named-id" style={{ fontSize: 'inherit' }}>
          {pickName(named.zh, named.en, i18n.language)}
        </Typography.Text>
      </Tooltip>
    );
  }
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('common.none');
  }
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  const prefix = CODE_PREFIX[name];
  const one = (item: Value): string => {
    const text = typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item);
    return translateDynamic(t, prefix ? `${prefix}.${text}` : `audit.detailValues.${name}.${text}`, text);
  };
  const text = Array.isArray(value) ? value.map(one).join(t('common.listSeparator')) : one(value);
  return (
    <Typography.Text data-user-data="audit-record" style={{ fontSize: 'inherit' }}>
      {text}
    </Typography.Text>
  );
}

function isRecord(value: Value): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
