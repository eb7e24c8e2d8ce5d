import { Input, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingPlanSectionDto } from '../../../api/contracts.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** One section of a plan version: its numbered title, its text (editable or read-only) and its tables. */
export function TrainingPlanSection({
  index,
  section,
  editable,
  text,
  onChange,
}: {
  index: number;
  section: TrainingPlanSectionDto;
  editable: boolean;
  text: string;
  onChange: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={`section-${section.key}`}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {NUMERALS[index]}、{section.titleZh}
        {i18n.language === 'en' ? (
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
            {' '}
            · {section.titleEn}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {editable ? (
        <Input.TextArea
          value={text}
          autoSize={{ minRows: 2, maxRows: 16 }}
          onChange={(event) => onChange(event.target.value)}
          data-testid={`section-text-${section.key}`}
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
      )}
      {section.tables.map((table) => (
        <div key={table.captionZh} style={{ marginTop: 8 }}>
          <Typography.Text strong>{i18n.language === 'en' ? table.captionEn : table.captionZh}</Typography.Text>
          <Table
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={table.rows.map((cells, rowIndex) => ({ key: rowIndex, cells }))}
            columns={table.columns.map((column, columnIndex) => ({
              key: String(columnIndex),
              title: i18n.language === 'en' ? column.en : column.zh,
              render: (_: unknown, row: { cells: string[] }) => row.cells[columnIndex],
            }))}
            locale={{ emptyText: t('courses.plans.tables') }}
          />
        </div>
      ))}
    </div>
  );
}
