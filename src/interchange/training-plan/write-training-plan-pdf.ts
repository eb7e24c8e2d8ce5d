import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DomainError } from '../../core/errors/domain-error.js';
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

/** A font with Chinese glyphs: the file and, for a collection (.ttc), the PostScript name of the face. */
export interface CjkFont {
  path: string;
  face: string | undefined;
}

// Debian's packages: fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk, fonts-droid-fallback.
const CANDIDATES: readonly string[] = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

/**
 * The CJK font for PDF: `ZERODOCK_PDF_FONT` (`/path/font.ttf` or `/path/fonts.ttc#PostScriptName`) when set,
 * otherwise the first installed of the Debian CJK fonts. Null when there is none: PDF export is then refused
 * (EXPORT_UNAVAILABLE) rather than printing empty boxes.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const configured = env.ZERODOCK_PDF_FONT?.trim();
  for (const spec of configured ? [configured] : CANDIDATES) {
    const [path = '', face] = spec.split('#');
    if (existsSync(path)) return { path, face: face || undefined };
  }
  return null;
}

const PAGE_MARGIN = 56; // 2 cm

const BODY_SIZE = 10.5; // 五号
const TABLE_SIZE = 8;

/**
 * The plan as a PDF (A4): the CJK font embedded (subset), title and version line centred, sections numbered
 * 一、二、…, body paragraphs justified with a two-character first-line indent, bordered tables with a shaded
 * header row, a table marked landscape (the 教学进程表) on landscape pages of its own, the 附录 of the rules
 * checked, page numbers "第 n 页 共 m 页" in the footer.
 */
export async function writeTrainingPlanPdf(document: TrainingPlanDocument, font = findCjkFont()): Promise<Buffer> {
  if (!font) {
    throw new DomainError(
      'EXPORT_UNAVAILABLE',
      'No Chinese font is installed for PDF export (apt-get install fonts-wqy-microhei, or set ZERODOCK_PDF_FONT).',
      { format: 'pdf' },
    );
  }
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    bufferPages: true,
    info: { Title: document.titleZh, Creator: 'Zerodock' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  let width = doc.page.width - 2 * PAGE_MARGIN;
  const portrait = () => {
    doc.addPage({ size: 'A4', layout: 'portrait', margin: PAGE_MARGIN });
    width = doc.page.width - 2 * PAGE_MARGIN;
  };
  const printTable = (table: Pick<TrainingPlanTable, 'captionZh' | 'columns' | 'rows' | 'widths'>) => {
    doc.moveDown(0.5);
    doc.x = PAGE_MARGIN;
    doc.fontSize(BODY_SIZE).text(table.captionZh, { width, align: 'center' });
    doc.moveDown(0.2);
    doc.fontSize(TABLE_SIZE);
    doc.table({
      position: { x: PAGE_MARGIN, y: doc.y },
      maxWidth: width,
      ...(table.widths ? { columnStyles: scaled(table.widths, width) } : {}),
      defaultStyle: { border: 0.5, borderColor: '#444444', padding: 2 },
      rowStyles: (row) => (row === 0 ? { backgroundColor: '#e8e8e8' } : undefined),
      data: [table.columns.map((column) => column.zh), ...table.rows],
    });
    doc.moveDown(0.5);
  };
  const paragraph = (text: string) =>
    doc.fontSize(BODY_SIZE).text(text, { width, lineGap: 4, align: 'justify', indent: 2 * BODY_SIZE, paragraphGap: 2 });

  doc.fontSize(18).text(document.titleZh, { align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(11).fillColor('#333333').text(`${document.college}\u3000${document.versionLine}`, { align: 'center' });
  doc.fillColor('black').moveDown(1.2);

  document.sections.forEach((section, index) => {
    if (doc.y > doc.page.height - PAGE_MARGIN - 60) doc.addPage();
    doc.x = PAGE_MARGIN;
    doc.fontSize(14).text(`${chineseNumeral(index + 1)}、${section.titleZh}`, { width });
    doc.moveDown(0.3);
    for (const block of blocksOf(section.text)) {
      doc.x = PAGE_MARGIN;
      if (block.kind === 'heading') doc.fontSize(BODY_SIZE + 0.5).text(block.text, { width, lineGap: 4 });
      else if (block.kind === 'bullet')
        doc.fontSize(BODY_SIZE).text(`· ${block.text}`, PAGE_MARGIN + 2 * BODY_SIZE, doc.y, {
          width: width - 2 * BODY_SIZE,
          lineGap: 4,
          align: 'justify',
        });
      else paragraph(block.text);
    }
    for (const table of section.tables) {
      if (table.landscape) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: PAGE_MARGIN });
        width = doc.page.width - 2 * PAGE_MARGIN;
        printTable(table);
        portrait();
      } else printTable(table);
    }
    doc.moveDown(0.6);
  });

  if (document.rules !== undefined) {
    portrait();
    doc.x = PAGE_MARGIN;
    doc.fontSize(14).text(APPENDIX_TITLE, { width });
    doc.moveDown(0.3);
    if (document.rules === null) paragraph(APPENDIX_NOT_RECORDED);
    else {
      const passed = document.rules.filter((rule) => rule.passed).length;
      paragraph(
        `本方案按教职成〔2019〕13号核验${document.rules.length}项，符合${passed}项，不符合${document.rules.length - passed}项。`,
      );
      const appendix = appendixTable(document.rules);
      printTable({
        captionZh: appendix.captionZh,
        columns: appendix.columns.map((zh) => ({ zh, en: '' })),
        rows: appendix.rows,
        widths: appendix.widths,
      });
    }
  }

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text(`第 ${page + 1} 页 共 ${range.count} 页`, PAGE_MARGIN, doc.page.height - PAGE_MARGIN / 2 - 9, {
        width: doc.page.width - 2 * PAGE_MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
