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
import type { Document, Section, Table } from '../model/index.js';
import { printableTable, type PrintableColumnKind, type PrintableHeaderCell, type PrintableCell, type PrintableTable } from './layout.js';

/*
 * DOCX output in the style of an official disclosure (党政机关公文格式 GB/T 9704 as departments
 * apply it to 部门预算/决算公开): A4, 仿宋_GB2312 三号 body with 28 pt lines and two-character
 * indents, 黑体 part and section headings, 楷体 second-level headings, a 宋体 title; the title
 * page, the 目录, then the parts in order (第一部分 …), each table where the source printed it
 * (the tables of 第二部分 on landscape pages when wide), bordered, merged header cells (gridSpan /
 * vMerge), header rows repeated on every page, amounts right-aligned, the note under (or, for
 * Jiangxi, above) its table.
 *
 * The document reads back through yusuan's own DOCX reader to the same tables: one paragraph per
 * line of prose, a table's note as one paragraph with line breaks, titles as 「表N 标题」.
 */

// ---- the document as a flow (shared with the XLSX renderer) ------------------------------------

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'toc'; heading: string; entries: { text: string; level: number }[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: Table; print: PrintableTable };

/** The printed heading of a section: 「第一部分 X」, 「一、X」, 「（一）X」, 「1.X」. */
export function sectionHeading(s: Section): string {
  const n = s.number;
  if (!n) return s.heading;
  if (/^第.+部分$/.test(n)) return `${n} ${s.heading}`;
  if (/^[一二三四五六七八九十百]+$/.test(n)) return `${n}、${s.heading}`;
  if (/^\d+$/.test(n)) return `${n}.${s.heading}`;
  if (/^\d+[)）]$/.test(n)) return `${n} ${s.heading}`;
  return `${n}${s.heading}`;
}

/**
 * The cover title, worded so that the identity reads back: 「江门市医疗保障局2026年部门预算」,
 * 「江门市医疗保障局（本级）2023年度部门决算」 for a unit's own (本级) disclosure.
 */
export function documentTitle(doc: Document): string {
  const name = doc.scope === 'unit' ? `${doc.department}（本级）` : doc.department;
  return doc.kind === 'final' ? `${name}${doc.year}年度部门决算` : `${name}${doc.year}年部门预算`;
}

/** A table's title line: 「表1 收支总体情况表」. */
export function tableTitle(print: PrintableTable): string {
  return print.number !== undefined ? `表${print.number} ${print.title}` : print.title;
}

const DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1]! : ''}十${ones ? DIGITS[ones - 1]! : ''}`;
}

/** 第三部分 → 3. */
function partNumber(number: string | undefined): number | undefined {
  const m = /^第([一二三四五六七八九十]+)部分$/.exec(number ?? '');
  if (!m) return undefined;
  for (let n = 1; n < 100; n++) if (chineseNumber(n) === m[1]) return n;
  return undefined;
}

/** 目录 entries that the contents reader would take for table titles (…表, …绩效目标). */
const LOOKS_LIKE_TABLE = /表$|表[（(].*[)）]$|绩效目标$/;
/** A 「表N」 line of the prose: printed with its table's title instead. */
const TABLE_NUMBER_LINE = /^表\s*\d+$/;

/**
 * The document in reading order: the title, the 目录 (when the parts are numbered), then every
 * part and section with its paragraphs; each table follows the section it was printed in (by
 * source position). `withTables: false` leaves the tables out (the XLSX 说明 sheet).
 */
export function documentFlow(doc: Document, withTables = true): Block[] {
  const blocks: Block[] = [{ kind: 'title', text: documentTitle(doc) }];
  const sections: { s: Section; level: number }[] = [];
  const walk = (s: Section, level: number) => {
    sections.push({ s, level });
    for (const c of s.children) walk(c, level + 1);
  };
  for (const p of doc.narrative) walk(p, 0);
  const tables = [...doc.tables].sort((a, b) => a.span.from - b.span.from);

  if (doc.narrative.length > 0 && doc.narrative.every((p) => p.number !== undefined && /部分$/.test(p.number))) {
    // The contents list goes under the part holding the tables (第二部分 …表), else after the part they follow.
    const first = tables[0]?.span.from ?? Infinity;
    const holder = [...doc.narrative].reverse().find((p) => p.span.from <= first);
    const entries: { text: string; level: number }[] = [];
    const contents = () => doc.contents.forEach((c, k) => entries.push({ text: `${chineseNumber(k + 1)}、${c}`, level: 1 }));
    doc.narrative.forEach((p, k) => {
      entries.push({ text: sectionHeading(p), level: 0 });
      const own = p === holder && p.part === 'other';
      if (!own) for (const c of p.children) if (!LOOKS_LIKE_TABLE.test(sectionHeading(c))) entries.push({ text: sectionHeading(c), level: 1 });
      if (p === holder && !own && doc.contents.length > 0) {
        // The tables' part is not printed in the body (the part numbers skip it): the 目录 names it, as the source did.
        const n = partNumber(p.number);
        const following = partNumber(doc.narrative[k + 1]?.number);
        if (n !== undefined && (following === undefined || following > n + 1)) entries.push({ text: `第${chineseNumber(n + 1)}部分 ${documentTitle(doc)}表`, level: 0 });
      }
      if (p === holder || (holder === undefined && k === doc.narrative.length - 1)) contents();
    });
    blocks.push({ kind: 'toc', heading: '目 录', entries });
  }

  // Tables in source order, each placed once, before the first section that starts after it.
  let next = 0;
  const tablesBefore = (limit: number) => {
    for (; next < tables.length && tables[next]!.span.from < limit; next++) {
      const t = tables[next]!;
      if (withTables) blocks.push({ kind: 'table', table: t, print: printableTable(t, { template: doc.template, year: doc.year }) });
    }
  };
  for (const { s, level } of sections) {
    tablesBefore(s.span.from);
    blocks.push({ kind: 'heading', level, text: sectionHeading(s) });
    for (const line of s.text.split('\n')) {
      const text = line.trim();
      if (text !== '' && !TABLE_NUMBER_LINE.test(text)) blocks.push({ kind: 'paragraph', text });
    }
  }
  tablesBefore(Infinity);
  return blocks;
}

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
const LINE_28PT = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT_2_CHARS = 640;

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function run(text: string, options: { font?: string; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: font(options.font ?? FANGSONG), size: options.size ?? SIZE.body, bold: options.bold ?? false });
}

/** Lines of one paragraph (w:br between them). */
function lines(text: string, options: { font?: string; size?: number; bold?: boolean } = {}): TextRun[] {
  return text.split('\n').map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : 0, font: font(options.font ?? FANGSONG), size: options.size ?? SIZE.body, bold: options.bold ?? false }));
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function heading(level: number, text: string, pageBreakBefore: boolean): Paragraph {
  const l = Math.min(level, 3);
  const style = [
    { font: HEITI, align: AlignmentType.CENTER, indent: 0 },
    { font: HEITI, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
    { font: KAITI, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
    { font: FANGSONG, align: AlignmentType.LEFT, indent: INDENT_2_CHARS },
  ][l]!;
  return new Paragraph({
    heading: HEADINGS[l],
    alignment: style.align,
    pageBreakBefore,
    keepNext: true,
    spacing: l === 0 ? { before: 240, after: 240, ...LINE_28PT } : LINE_28PT,
    indent: { firstLine: style.indent },
    children: [run(text, { font: style.font, bold: l >= 3 })],
  });
}

function paragraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: LINE_28PT, indent: { firstLine: INDENT_2_CHARS }, children: [run(text)] });
}

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

/** Wide tables (many columns) go on landscape pages. */
function isWide(print: PrintableTable): boolean {
  return print.width > 6;
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

/** Start columns of HTML-like rows (cells listed where they start). */
function startColumns<C extends { rowSpan?: number; colSpan?: number }>(rows: C[][]): number[][] {
  const taken: boolean[][] = [];
  return rows.map((cells, r) => {
    let c = 0;
    return cells.map((x) => {
      while (taken[r]?.[c]) c++;
      const at = c;
      for (let dr = 0; dr < (x.rowSpan ?? 1); dr++) for (let dc = 0; dc < (x.colSpan ?? 1); dc++) (taken[r + dr] ??= [])[at + dc] = true;
      c += x.colSpan ?? 1;
      return at;
    });
  });
}

function docxTable(print: PrintableTable, textWidth: number): DocxTable {
  const widths = columnWidths(print, textWidth);
  const rows: TableRow[] = [];
  const headerStarts = startColumns(print.headers);
  print.headers.forEach((cells: PrintableHeaderCell[], r) => {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: cells.map(
          (c, k) =>
            new TableCell({
              children: cellParagraphs(c.text, 'center', true),
              verticalAlign: VerticalAlignTable.CENTER,
              width: { size: spanWidth(widths, headerStarts[r]![k]!, c.colSpan), type: WidthType.DXA },
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
            }),
        ),
      }),
    );
  });
  const bodyStarts = startColumns(print.rows.map((r) => r.cells));
  print.rows.forEach((row, r) => {
    rows.push(
      new TableRow({
        cantSplit: row.cells.every((c) => c.text.length <= LONG_CELL),
        children: row.cells.map((c: PrintableCell, k) => {
          const col = bodyStarts[r]![k]!;
          const indent = print.columns[col] === 'name' && row.level && row.level > 1 ? (row.level - 1) * 210 : 0;
          return new TableCell({
            children: cellParagraphs(c.text, row.header ? 'center' : c.align, row.header === true || c.bold, indent),
            verticalAlign: VerticalAlignTable.CENTER,
            width: { size: spanWidth(widths, col, c.colSpan ?? 1), type: WidthType.DXA },
            ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
            ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
          });
        }),
      }),
    );
  });
  return new DocxTable({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function tableChildren(print: PrintableTable, textWidth: number, newPage: boolean): FileChild[] {
  const out: FileChild[] = [];
  let first = newPage;
  const push = (p: Paragraph | DocxTable) => {
    out.push(p);
    first = false;
  };
  const note = (text: string) =>
    new Paragraph({ pageBreakBefore: first, spacing: { before: 60, after: 60 }, children: lines(text, { size: SIZE.small }) });
  if (print.note !== undefined && print.notePosition === 'before') push(note(print.note));
  if (!print.inline) {
    push(new Paragraph({ heading: HeadingLevel.HEADING_5, alignment: AlignmentType.CENTER, pageBreakBefore: first, keepNext: true, spacing: { before: 120, after: 120 }, children: [run(tableTitle(print), { font: SONGTI, size: SIZE.tableTitle, bold: true })] }));
    if (print.subtitle) push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(print.subtitle, { size: SIZE.small })] }));
    if (print.reportingUnit) push(new Paragraph({ keepNext: true, children: [run(print.reportingUnit, { size: SIZE.small })] }));
    if (print.unitLine) push(new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, children: [run(print.unitLine, { size: SIZE.small })] }));
  }
  push(docxTable(print, textWidth));
  if (print.note !== undefined && print.notePosition === 'after') push(note(print.note));
  return out;
}

// ---- the document -------------------------------------------------------------------------------

function footer(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(SONGTI), size: 28 })] })] });
}

function section(children: FileChild[], landscape: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        size: landscape ? { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE } : { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
      },
    },
    footers: { default: footer() },
    children,
  };
}

/** The disclosure as a DOCX document. */
export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const portraitWidth = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
  const landscapeWidth = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
  const sections: ISectionOptions[] = [];
  let children: FileChild[] = [];
  let landscape = false;
  /** Start a section of the given orientation (a new page); false if the current one already is. */
  const orient = (wide: boolean): boolean => {
    if (wide === landscape && (children.length > 0 || sections.length > 0)) return false;
    if (children.length > 0) sections.push(section(children, landscape));
    children = [];
    landscape = wide;
    return true;
  };
  let previous: Block | undefined;
  for (const b of documentFlow(doc)) {
    const after = previous;
    previous = b;
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ spacing: { before: 3600 } }));
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: [run(b.text, { font: SONGTI, size: SIZE.title, bold: true })] }));
        break;
      case 'toc':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 240 }, children: [run(b.heading, { font: HEITI })] }));
        for (const e of b.entries) children.push(new Paragraph({ spacing: LINE_28PT, indent: { left: e.level * INDENT_2_CHARS }, children: [run(e.text, { font: e.level === 0 ? HEITI : FANGSONG })] }));
        break;
      case 'heading': {
        const fresh = orient(false);
        children.push(heading(b.level, b.text, b.level === 0 && !fresh));
        break;
      }
      case 'paragraph':
        children.push(paragraph(b.text));
        break;
      case 'table': {
        const wide = !b.print.inline && isWide(b.print);
        const fresh = orient(wide);
        // Each table on a page of its own, but the first under its part heading follows it.
        const underHeading = after?.kind === 'heading' && after.level === 0;
        children.push(...tableChildren(b.print, wide ? landscapeWidth : portraitWidth, !b.print.inline && !fresh && !underHeading));
        break;
      }
    }
  }
  if (children.length > 0 || sections.length === 0) sections.push(section(children, landscape));
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
