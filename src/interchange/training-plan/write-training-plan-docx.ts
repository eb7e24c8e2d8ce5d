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
import { blocksOf, chineseNumeral, scaled, type TrainingPlanDocument } from './training-plan-document.js';

/** A4 width 11906 twips less 1440 on either side. */
const TEXT_WIDTH = 11906 - 2 * 1440;

// 宋体 for body text, 黑体 for headings (the fonts of Chinese official documents), Times New Roman for Latin.
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(value: TrainingPlanTable): (Paragraph | Table)[] {
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
      ...(value.widths ? { columnWidths: scaled(value.widths, TEXT_WIDTH).map(Math.round) } : {}),
      rows: [
        new TableRow({ tableHeader: true, children: value.columns.map((column) => cell(column.zh, true)) }),
        ...value.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
      ],
    }),
  ];
}

/**
 * The plan as a Word document: A4, 小二 黑体 title, 四号 黑体 section headings numbered 一、二、…, 小四 宋体 body with
 * a two-character first-line indent and 1.5 line spacing, bordered tables with repeated header rows.
 */
export async function writeTrainingPlanDocx(document: TrainingPlanDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
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
    for (const value of section.tables) children.push(...table(value));
  });
  const doc = new Document({
    creator: 'Zerodock',
    title: document.titleZh,
    styles: { default: { document: { run: { font: BODY, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
