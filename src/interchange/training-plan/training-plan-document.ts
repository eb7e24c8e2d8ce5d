import type { PlanRuleResult } from '../../core/courses/check-plan-rules.js';
import type { TrainingPlanSection } from '../../core/courses/training-plan.js';

/** What the DOCX, XLSX and PDF writers print: one version of a Talent Training Plan. */
export interface TrainingPlanDocument {
  /** e.g. 软件测试技术专业人才培养方案 */
  titleZh: string;
  college: string;
  /** e.g. 第 2 版 · 已审定 2026-12-06 */
  versionLine: string;
  sections: readonly TrainingPlanSection[];
  /** The rules of 教职成〔2019〕13号 checked on this version, printed as the 附录; null when not recorded. */
  rules?: readonly PlanRuleResult[] | null;
}

/** The 附录 of an exported plan: every rule with what it requires, what the plan has, and the verdict. */
export function appendixTable(rules: readonly PlanRuleResult[]): {
  captionZh: string;
  columns: string[];
  rows: string[][];
  widths: number[];
} {
  return {
    captionZh: '人才培养方案规则核验（依据教职成〔2019〕13号）',
    columns: ['规则', '要求', '本方案', '结论', '说明'],
    rows: rules.map((rule) => [
      rule.labelZh,
      rule.requiredZh,
      rule.actualZh,
      rule.passed ? '符合' : '不符合',
      rule.explanationZh,
    ]),
    widths: [2, 2.2, 2.4, 0.9, 4.5],
  };
}

export const APPENDIX_TITLE = '附录  规则核验';
export const APPENDIX_NOT_RECORDED =
  '本版本起草时尚未记录方案数据，无法核验；以“新版本（按数据刷新）”重新起草后即附核验结果。';

export type Block = { kind: 'paragraph' | 'bullet' | 'heading'; text: string };

/**
 * A section's text as blocks: paragraphs are separated by blank lines, a line starting "- " is a list item, a
 * line that is only a Chinese enumeration heading ("（一）素质") is a sub-heading.
 */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let plain: string[] = [];
    const flush = () => {
      if (plain.length > 0) blocks.push({ kind: 'paragraph', text: plain.join('') });
      plain = [];
    };
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (line.startsWith('- ')) {
        flush();
        blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
      } else if (/^（[一二三四五六七八九十]+）[^。；]{0,20}$/.test(line)) {
        flush();
        blocks.push({ kind: 'heading', text: line });
      } else plain.push(line);
    }
    flush();
  }
  return blocks;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers of the national template). */
export function chineseNumeral(value: number): string {
  if (value < 10) return DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A file name for the download: the title with characters file systems refuse replaced. */
export function exportFileName(document: TrainingPlanDocument, number: number, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what file systems refuse
  const safe = document.titleZh.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
  return `${safe}-v${number}.${extension}`;
}

/** Relative column widths scaled to a printable width. */
export function scaled(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((value) => (value / sum) * total);
}
