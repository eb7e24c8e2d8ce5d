import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

const MARK_STYLE = {
  display: 'inline-block',
  width: 14,
  height: 14,
  lineHeight: '12px',
  fontSize: 10,
  textAlign: 'center' as const,
  border: '1px solid #8c8c8c',
  borderRadius: '50%',
  color: '#8c8c8c',
  marginInlineStart: 4,
};

/** A column title or figure with a plain-words explanation of the statistical term behind it. */
export function TermHelp({
  children,
  help,
  wrap = false,
}: {
  children: ReactNode;
  help: string;
  /** Long text (a sentence) may wrap on a narrow screen; column titles stay on one line. */
  wrap?: boolean;
}) {
  return (
    <Tooltip title={help}>
      <span style={{ cursor: 'help', whiteSpace: wrap ? 'normal' : 'nowrap' }} tabIndex={0}>
        {children}
        <span style={MARK_STYLE} aria-hidden>
          ?
        </span>
      </span>
    </Tooltip>
  );
}
