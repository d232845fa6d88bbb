import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { Document } from '../model/index.js';
import { documentOutline, documentTitle, placeCells, tableTitle, type OutlineBlock, type PrintableColumnKind, type PrintableTable } from './layout.js';

/*
 * DOCX output in the style of an official disclosure (党政机关公文格式 GB/T 9704 as departments
 * apply it to 部门预算/决算公开): A4, 仿宋_GB2312 三号 body with 28 pt lines and two-character
 * indents, 黑体 part and section headings, 楷体 second-level headings, 宋体 tables; bordered
 * tables with merged header cells (gridSpan / vMerge), header rows repeated on every page, amounts
 * right-aligned, wide tables on landscape sections, a page-number footer.
 *
 * What is printed, and in which order and wording, is `documentOutline(doc)` — the same blocks
 * the HTML (and so the PDF) renderer prints: the cover, the 目录, then the parts with their
 * sections, each table where it stands, its note under (or, for Jiangxi, above) it. One function
 * per kind of block turns it into DOCX paragraphs and tables (`blockChildren`).
 *
 * The document reads back through yusuan's own DOCX reader to the same tables: one paragraph per
 * line of prose, a table's note as one paragraph with line breaks, titles as 「表N 标题」.
 */

// ---- styles -------------------------------------------------------------------------------------

const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SONGTI = '宋体';
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, tableTitle: 32, small: 21, cell: 20 } as const;
/** A4 in twips, and the GB/T 9704 margins (3.7 cm top, 3.5 cm bottom, 2.8 cm left, 2.6 cm right). */
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const LANDSCAPE_MARGIN = { top: 1304, bottom: 1134, left: 1134, right: 1134 };
const PORTRAIT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
const LINE_28PT = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT_2_CHARS = 640;

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
}

/** The lines of one paragraph (w:br between them). */
function lines(text: string, options: RunStyle = {}): TextRun[] {
  return text.split('\n').map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : 0, font: font(options.font ?? FANGSONG), size: options.size ?? SIZE.body, bold: options.bold ?? false }));
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
/** Part headings (level 1) centred in 黑体; sections in 黑体, 楷体, then bold 仿宋, indented. */
const HEADING_STYLES = [
  { font: HEITI, align: AlignmentType.CENTER, indent: 0 },
  { font: HEITI, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
  { font: KAITI, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
  { font: FANGSONG, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
] as const;

// ---- tables -------------------------------------------------------------------------------------

const COLUMN_WEIGHT: Record<PrintableColumnKind, number> = { code: 1.1, name: 3, amount: 1.35, text: 5, label: 1.6 };
/** Rows with long text may break across pages; others are kept whole. */
const LONG_CELL = 60;

/** Column widths in twips over the text width, by what each column holds. */
function columnWidths(print: PrintableTable, textWidth: number): number[] {
  const weights = print.columns.map((k) => COLUMN_WEIGHT[k]);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.floor((textWidth * w) / total));
}

/** The paragraph style of table cells (宋体 10 pt, no spacing): cells carry only what differs. */
const CELL_STYLE = 'TableText';

function cellParagraphs(text: string, align: 'left' | 'right' | 'center', bold: boolean, indent = 0): Paragraph[] {
  const alignment = align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const children = text.split('\n').map((t, i) => new TextRun({ text: t, ...(i > 0 ? { break: 1 } : {}), ...(bold ? { bold: true } : {}) }));
  return [new Paragraph({ style: CELL_STYLE, alignment, ...(indent ? { indent: { left: indent } } : {}), children })];
}

function spanWidth(widths: number[], col: number, span: number): number {
  let w = 0;
  for (let i = col; i < col + span && i < widths.length; i++) w += widths[i]!;
  return w;
}

/** A row of the printed grid: header cells (no align / bold) or body cells. */
interface GridRow {
  cells: { text: string; align?: 'left' | 'right'; bold?: boolean; rowSpan?: number; colSpan?: number }[];
  /** Printed as header cells: centred, bold. */
  header: boolean;
  /** One of the table's header rows (repeated on every page). */
  head: boolean;
  level?: number;
}

/** The bordered grid: header rows (repeated on every page, kept whole), then the body rows. */
function docxTable(print: PrintableTable, textWidth: number): DocxTable {
  const widths = columnWidths(print, textWidth);
  // The header rows, then the body (whose indicator-header rows print like header cells).
  const grid: GridRow[] = [
    ...print.headers.map((cells): GridRow => ({ cells, header: true, head: true })),
    ...print.rows.map((r): GridRow => ({ cells: r.cells, header: r.header === true, head: false, ...(r.level ? { level: r.level } : {}) })),
  ];
  const cells: TableCell[][] = grid.map(() => []);
  for (const { row, column, cell: c } of placeCells(grid)) {
    const g = grid[row]!;
    const indent = !g.header && print.columns[column] === 'name' && g.level && g.level > 1 ? (g.level - 1) * 210 : 0;
    cells[row]!.push(
      new TableCell({
        children: cellParagraphs(c.text, g.header ? 'center' : (c.align ?? 'left'), g.header || c.bold === true, indent),
        verticalAlign: VerticalAlignTable.CENTER,
        width: { size: spanWidth(widths, column, c.colSpan ?? 1), type: WidthType.DXA },
        ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
        ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      }),
    );
  }
  const rows = grid.map(
    (g, r) =>
      new TableRow({
        ...(g.head ? { tableHeader: true } : {}),
        cantSplit: g.head || g.cells.every((c) => c.text.length <= LONG_CELL),
        children: cells[r]!,
      }),
  );
  return new DocxTable({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

// ---- one function per outline block ------------------------------------------------------------

/** Where a block lands: whether it starts a page of its own, and the text width of its page. */
interface Placement {
  /** The block must begin a new page, and the page does not begin with it already. */
  pageBreak: boolean;
  textWidth: number;
}

function coverChildren(b: Extract<OutlineBlock, { type: 'cover' }>): FileChild[] {
  return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 3600, after: 480 }, children: lines(b.lines.join('\n'), { font: SONGTI, size: SIZE.title, bold: true }) })];
}

function contentsChildren(b: Extract<OutlineBlock, { type: 'contents' }>, at: Placement): FileChild[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: at.pageBreak, spacing: { after: 240 }, children: lines(b.title, { font: HEITI }) }),
    ...b.entries.map((e) => new Paragraph({ spacing: LINE_28PT, indent: { left: (e.level - 1) * INDENT_2_CHARS }, children: lines(e.text, { font: e.level === 1 ? HEITI : FANGSONG }) })),
  ];
}

function headingChildren(b: Extract<OutlineBlock, { type: 'heading' }>, at: Placement): FileChild[] {
  const l = Math.min(b.level, HEADINGS.length) - 1;
  const style = HEADING_STYLES[l]!;
  return [
    new Paragraph({
      heading: HEADINGS[l],
      alignment: style.align,
      pageBreakBefore: at.pageBreak,
      keepNext: true,
      spacing: l === 0 ? { before: 240, after: 240, ...LINE_28PT } : LINE_28PT,
      indent: { firstLine: style.indent },
      children: lines(b.text, { font: style.font, bold: l >= 3 }),
    }),
  ];
}

function paragraphChildren(b: Extract<OutlineBlock, { type: 'paragraph' }>): FileChild[] {
  return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: LINE_28PT, indent: { firstLine: INDENT_2_CHARS }, children: lines(b.text) })];
}

/** A table: its note (Jiangxi: above), 「表N 标题」, sub-title, 单位名称 | 单位 lines, the grid, its note. */
function tableChildren(b: Extract<OutlineBlock, { type: 'table' }>, at: Placement): FileChild[] {
  const print = b.table;
  const out: FileChild[] = [];
  let first = at.pageBreak;
  const push = (p: Paragraph | DocxTable) => {
    out.push(p);
    first = false;
  };
  const note = (text: string) => new Paragraph({ pageBreakBefore: first, spacing: { before: 60, after: 60 }, children: lines(text, { size: SIZE.small }) });
  const small = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment, keepNext: true, children: lines(text, { size: SIZE.small }) });
  if (print.note !== undefined && print.notePosition === 'before') push(note(print.note));
  if (!print.inline) {
    push(new Paragraph({ heading: HeadingLevel.HEADING_5, alignment: AlignmentType.CENTER, pageBreakBefore: first, keepNext: true, spacing: { before: 120, after: 120 }, children: lines(tableTitle(print), { font: SONGTI, size: SIZE.tableTitle, bold: true }) }));
    if (print.subtitle) push(small(print.subtitle, AlignmentType.CENTER));
    if (print.reportingUnit) push(small(print.reportingUnit, AlignmentType.LEFT));
    if (print.unitLine) push(small(print.unitLine, AlignmentType.RIGHT));
  }
  push(docxTable(print, at.textWidth));
  if (print.note !== undefined && print.notePosition === 'after') push(note(print.note));
  return out;
}

/** The DOCX paragraphs and tables of one outline block. */
function blockChildren(b: OutlineBlock, at: Placement): FileChild[] {
  switch (b.type) {
    case 'cover':
      return coverChildren(b);
    case 'contents':
      return contentsChildren(b, at);
    case 'heading':
      return headingChildren(b, at);
    case 'paragraph':
      return paragraphChildren(b);
    case 'table':
      return tableChildren(b, at);
  }
}

/**
 * Does the block start a new page? The 目录, each part and each titled table do — but not a
 * table right under its part heading (as the HTML prints it).
 */
function startsPage(b: OutlineBlock, previous: OutlineBlock | undefined): boolean {
  switch (b.type) {
    case 'contents':
      return true;
    case 'heading':
      return b.level === 1;
    case 'table':
      return !b.table.inline && !(previous?.type === 'heading' && previous.level === 1);
    default:
      return false;
  }
}

// ---- the document -------------------------------------------------------------------------------

function footer(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(SONGTI), size: 28 })] })] });
}

function section(children: FileChild[], landscape: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
      },
    },
    footers: { default: footer() },
    children,
  };
}

/**
 * The disclosure as a DOCX document: the blocks of `documentOutline(doc)` in order, in portrait
 * sections, a landscape section (a new page) for each run of wide tables.
 */
export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  let children: FileChild[] = [];
  let landscape = false;
  let previous: OutlineBlock | undefined;
  for (const b of documentOutline(doc)) {
    const wide = b.type === 'table' && b.landscape;
    // A change of orientation is a new section, which starts a new page by itself.
    const fresh = children.length === 0 || wide !== landscape;
    if (wide !== landscape && children.length > 0) {
      sections.push(section(children, landscape));
      children = [];
    }
    landscape = wide;
    children.push(...blockChildren(b, { pageBreak: !fresh && startsPage(b, previous), textWidth: wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH }));
    previous = b;
  }
  sections.push(section(children, landscape));
  const out = new DocxDocument({
    creator: 'yusuan',
    title: documentTitle(doc),
    styles: {
      default: {
        document: { run: { font: font(FANGSONG), size: SIZE.body }, paragraph: { spacing: { before: 0, after: 0 } } },
        heading1: { run: { font: font(HEITI), size: SIZE.body, bold: false, color: '000000' } },
        heading2: { run: { font: font(HEITI), size: SIZE.body, bold: false, color: '000000' } },
        heading3: { run: { font: font(KAITI), size: SIZE.body, bold: false, color: '000000' } },
        heading4: { run: { font: font(FANGSONG), size: SIZE.body, bold: true, color: '000000' } },
        heading5: { run: { font: font(SONGTI), size: SIZE.tableTitle, bold: true, color: '000000' } },
      },
      paragraphStyles: [
        {
          id: CELL_STYLE,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: font(SONGTI), size: SIZE.cell },
          paragraph: { spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AT_LEAST } },
        },
      ],
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(out));
}
