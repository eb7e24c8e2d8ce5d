import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelsInOrder } from '../bilingual.js';

/** A label in the UI language with the other language beneath it, in secondary text. */
export function BilingualText({
  zh,
  en,
  fallback,
  render = (text) => text,
  strong = false,
}: {
  zh: string | null | undefined;
  en: string | null | undefined;
  /** Shown when there is neither (e.g. the id). */
  fallback?: string;
  /** Wraps the first line, e.g. in a link. */
  render?: (text: string) => ReactNode;
  strong?: boolean;
}) {
  const { i18n } = useTranslation();
  const [primary, secondary] = labelsInOrder(zh, en, i18n.language);
  return (
    <div>
      <div style={strong ? { fontWeight: 600 } : undefined}>{render(primary || fallback || '')}</div>
      {secondary && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {secondary}
        </Typography.Text>
      )}
    </div>
  );
}
