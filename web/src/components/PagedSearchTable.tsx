import { Flex, Input, Table, type TableProps } from 'antd';
import {
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type HTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiQuery } from '../api/use-api-query.js';
import { tablePagination, type Paging } from '../hooks/use-url-filters.js';
import { ApiErrorAlert } from './ApiErrorAlert.js';

/** How long typing pauses before the search is sent; Enter sends at once. */
export const SEARCH_DEBOUNCE_MS = 400;

export interface SearchBoxProps {
  /** The search in force (from the URL or the page's state). */
  value: string | undefined;
  /** Called with the trimmed text, or undefined when it is empty. */
  onChange: (value: string | undefined) => void;
  label: string;
  placeholder: string;
  testId: string;
  maxLength?: number;
  width?: number;
}

/**
 * The one server-paged list: an optional search box (sent after a pause in typing, or on Enter), filters beside
 * it, actions on the right, the load's error with a retry, and an antd table paged by the server (`page` and
 * `pageSize` from `paging`, `total` from the answer).
 */
export function PagedSearchTable<Row extends object>({
  testId,
  query,
  paging,
  columns,
  rowKey,
  search,
  filters,
  actions,
  emptyText,
  instead,
  rowTestId,
  onRowClick,
  size,
  hideOnSinglePage,
}: {
  /** The table's test id. */
  testId: string;
  query: ApiQuery<{ items: readonly Row[]; total: number }>;
  paging: Paging;
  columns: TableProps<Row>['columns'];
  rowKey: TableProps<Row>['rowKey'];
  search?: SearchBoxProps;
  /** Filters shown after the search box. */
  filters?: ReactNode;
  /** Buttons at the right of the toolbar (create, import, …). */
  actions?: ReactNode;
  /** What an empty page says. */
  emptyText?: ReactNode;
  /** Shown in place of the table (e.g. nothing stored at all yet). */
  instead?: ReactNode;
  rowTestId?: (row: Row) => string;
  /** Makes rows clickable; a click on a link inside the row is left to the link. */
  onRowClick?: (row: Row) => void;
  size?: TableProps<Row>['size'];
  hideOnSinglePage?: boolean;
}) {
  const { t } = useTranslation();
  const toolbar = search || filters || actions;

  function rowProps(row: Row): HTMLAttributes<HTMLElement> {
    const props: HTMLAttributes<HTMLElement> & { 'data-testid'?: string } = {};
    if (rowTestId) props['data-testid'] = rowTestId(row);
    if (onRowClick) {
      props.style = { cursor: 'pointer' };
      props.onClick = (event: MouseEvent<HTMLElement>) => {
        if ((event.target as HTMLElement).closest('a')) return;
        onRowClick(row);
      };
    }
    return props;
  }

  return (
    <Flex vertical gap={16}>
      {toolbar && (
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex wrap gap={12} align="center">
            {search && <SearchBox {...search} />}
            {filters}
          </Flex>
          {actions}
        </Flex>
      )}
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {instead ?? (
        <Table<Row>
          data-testid={testId}
          rowKey={rowKey}
          size={size}
          columns={columns}
          dataSource={[...(query.data?.items ?? [])]}
          loading={query.loading}
          scroll={{ x: 'max-content' }}
          locale={emptyText === undefined ? undefined : { emptyText }}
          onRow={rowTestId || onRowClick ? rowProps : undefined}
          pagination={{
            ...tablePagination(paging, query.data?.total, (total) => t('common.total', { total })),
            hideOnSinglePage,
          }}
        />
      )}
    </Flex>
  );
}

/** A search input that sends after a pause in typing or on Enter, and follows `value` when it changes elsewhere. */
function SearchBox({ value, onChange, label, placeholder, testId, maxLength = 100, width = 320 }: SearchBoxProps) {
  const [text, setText] = useState(value ?? '');
  // The search last sent (or received): typing that was sent already must not be overwritten when it comes back.
  const sent = useRef(value ?? '');
  function send(raw: string) {
    const trimmed = raw.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onChange(trimmed || undefined);
  }
  // The timer calls the latest `send` (and so the latest `onChange`) without restarting on every render.
  const sendAfterPause = useEffectEvent(send);

  useEffect(() => {
    if ((value ?? '') === sent.current) return;
    sent.current = value ?? '';
    setText(value ?? '');
  }, [value]);

  useEffect(() => {
    const timer = window.setTimeout(() => sendAfterPause(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <Input.Search
      aria-label={label}
      data-testid={testId}
      placeholder={placeholder}
      value={text}
      allowClear
      maxLength={maxLength}
      style={{ width, maxWidth: '100%' }}
      onChange={(event) => setText(event.target.value)}
      onSearch={(raw) => {
        setText(raw);
        send(raw);
      }}
    />
  );
}
