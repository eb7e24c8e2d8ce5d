import { ROSTER_COLUMNS } from './roster-columns.js';
import type { RosterKind } from './roster-row.js';

export interface RosterTemplate {
  readonly headers: string[];
  /** One example row, in header order. */
  readonly example: string[];
}

/** The import template (导入模板) of a kind of roster: its headers in Chinese or English, and one example row. */
export function rosterTemplate(kind: RosterKind, lang: 'zh-CN' | 'en'): RosterTemplate {
  const columns = ROSTER_COLUMNS[kind];
  return {
    headers: columns.map((column) => (lang === 'en' ? column.en : column.zh)),
    example: columns.map((column) => column.example),
  };
}
