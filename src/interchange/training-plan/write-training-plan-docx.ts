import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TrainingPlanTable } from '../../core/courses/training-plan.js';
import {
  APPENDIX_NOT_RECORDED,
  APPENDIX_TITLE,
  appendixTable,
  blocksOf,
  chineseNumeral,
  scaled,
  type TrainingPlanDocument,
} from './training-plan-document.js';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
/** A4 portrait width less the margins; landscape prints on the height. */
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const LANDSCAPE_TEXT_WIDTH = A4.height - 2 * MARGIN;

// 宋体 for body text, 黑体 for headings (the fonts of Chinese official documents), Times New Roman for Latin.
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(value: TrainingPlanTable, textWidth = TEXT_WIDTH): (Paragraph | Table)[] {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text, font: header ? HEADING : BODY, size: 18, bold: header })],
        }),
      ],
      borders: { top: border, bottom: border, left: border, right: border },
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: value.captionZh, font: HEADING, size: 21 })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(value.widths ? { columnWidths: scaled(value.widths, textWidth).map(Math.round) } : {}),
      rows: [
        new TableRow({ tableHeader: true, children: value.columns.map((column) => cell(column.zh, true)) }),
        ...value.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
      ],
    }),
  ];
}

const paragraph = (text: string, font = BODY) =>
  new Paragraph({
    spacing: { line: 360 },
    indent: { firstLine: 480 },
    children: [new TextRun({ text, font, size: 24 })],
  });

/**
 * The plan as a Word document: A4, 小二 黑体 title, 四号 黑体 section headings numbered 一、二、…, 小四 宋体 body with
 * a two-character first-line indent and 1.5 line spacing, bordered tables with repeated header rows. A table
 * marked landscape (the 教学进程表) gets a landscape section of its own; the 附录 lists the rules checked.
 */
export async function writeTrainingPlanDocx(document: TrainingPlanDocument): Promise<Buffer> {
  const parts: { landscape: boolean; children: (Paragraph | Table)[] }[] = [];
  let children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: document.titleZh, font: HEADING, size: 36, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: `${document.college}\u3000${document.versionLine}`, font: BODY, size: 24 })],
    }),
  ];
  document.sections.forEach((section, index) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: `${chineseNumeral(index + 1)}、${section.titleZh}`, font: HEADING, size: 28 })],
      }),
    );
    for (const block of blocksOf(section.text)) {
      children.push(
        new Paragraph({
          spacing: { line: 360 },
          indent: block.kind === 'paragraph' ? { firstLine: 480 } : block.kind === 'bullet' ? { left: 480 } : {},
          children: [
            new TextRun({
              text: block.kind === 'bullet' ? `· ${block.text}` : block.text,
              font: block.kind === 'heading' ? HEADING : BODY,
              size: 24,
            }),
          ],
        }),
      );
    }
    for (const value of section.tables) {
      if (value.landscape) {
        parts.push({ landscape: false, children });
        parts.push({ landscape: true, children: table(value, LANDSCAPE_TEXT_WIDTH) });
        children = [];
      } else children.push(...table(value));
    }
  });
  if (document.rules !== undefined) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: APPENDIX_TITLE, font: HEADING, size: 28 })],
      }),
    );
    if (document.rules === null) children.push(paragraph(APPENDIX_NOT_RECORDED));
    else {
      const appendix = appendixTable(document.rules);
      const passed = document.rules.filter((rule) => rule.passed).length;
      children.push(
        paragraph(
          `本方案按教职成〔2019〕13号核验${document.rules.length}项，符合${passed}项，不符合${document.rules.length - passed}项。`,
        ),
        ...table({
          captionZh: appendix.captionZh,
          captionEn: '',
          columns: appendix.columns.map((zh) => ({ zh, en: '' })),
          rows: appendix.rows,
          widths: appendix.widths,
        }),
      );
    }
  }
  parts.push({ landscape: false, children });
  const doc = new Document({
    creator: 'Zerodock',
    title: document.titleZh,
    styles: { default: { document: { run: { font: BODY, size: 24 } } } },
    sections: parts
      .filter((part) => part.children.length > 0)
      .map((part) => ({
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: part.children,
      })),
  });
  return Packer.toBuffer(doc);
}
