import { Button, Popconfirm } from 'antd';
import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A danger button that deletes only after the person confirms; the one every page uses. */
export function ConfirmDeleteButton({
  label,
  question,
  help,
  loading,
  onConfirm,
  testId,
  confirmTestId,
}: {
  label: string;
  question: ReactNode;
  help?: ReactNode;
  loading: boolean;
  onConfirm: () => void;
  testId?: string;
  confirmTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={question}
      description={help}
      okText={label}
      okButtonProps={{ danger: true, ...(confirmTestId ? { 'data-testid': confirmTestId } : {}) }}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      <Button danger size="small" loading={loading} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
}

/** The actions column of a table whose rows may be deleted, each after a confirmation. */
export function confirmDeleteColumn<Row>({
  title,
  label,
  question,
  help,
  deleting,
  onConfirm,
  testId,
}: {
  title: string;
  label: string;
  question: (row: Row) => ReactNode;
  help?: (row: Row) => ReactNode;
  /** Whether this row is being deleted now. */
  deleting: (row: Row) => boolean;
  onConfirm: (row: Row) => void;
  testId?: (row: Row) => string;
}): TableColumnType<Row> {
  return {
    key: 'actions',
    title,
    render: (_: unknown, row: Row) => (
      <ConfirmDeleteButton
        label={label}
        question={question(row)}
        help={help?.(row)}
        loading={deleting(row)}
        onConfirm={() => onConfirm(row)}
        testId={testId?.(row)}
      />
    ),
  };
}
