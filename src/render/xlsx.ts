import ExcelJS from 'exceljs';
import type { Document } from '../model/index.js';
import { documentOutline, documentTitle, placeCells, tableTitle, type OutlineBlock, type PrintableColumnKind, type PrintableTable } from './layout.js';

/*
 * XLSX output (exceljs): the whole disclosure as a workbook that reads back as a document.
 *
 * - Sheet 「说明」 first: the cover lines, the 目录 and the narrative (概况, 情况说明, 名词解释) as
 *   `documentOutline` prints them (the same as HTML, PDF and DOCX), one paragraph per row in a
 *   wide wrapped column.
 * - Then one sheet per table in the outline's order, named 表N (or a short title): the title row,
 *   单位名称 and 单位 lines, the header rows with merged cells (rowspan/colspan as merges),
 *   bordered cells, column widths by content, bold rows where the model says bold, the note below
 *   (above the title for Jiangxi), header rows frozen and repeated on printed pages; landscape
 *   when the outline prints the table on a landscape page.
 * - Amounts are numbers, converted from the exact printed text (itself printed exactly from fen by
 *   layout.ts) only here, with a number format that displays that same text: `#,##0.00` for
 *   「1,081.18」, `0.00` for 「5874.04」, as many decimals as printed.
 */

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const TABLE_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BODY_FONT: Partial<ExcelJS.Font> = { name: '仿宋', size: 12 };
const WIDTH: Record<PrintableColumnKind, number> = { code: 11, name: 34, amount: 15, text: 46, label: 18 };
const NARRATIVE_WIDTH = 60;

/** Width of text in half-width characters: CJK and full-width characters count 2. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2010-\u201f]/.test(ch) ? 2 : 1;
  return w;
}

/** Fixed workbook dates: the same document renders to the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** A header or body cell of the printable grid. */
type GridCell = { text: string; rowSpan?: number; colSpan?: number; align?: 'left' | 'right'; bold?: boolean };

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** The number format that displays `text` (an amount as printed) from its value. */
export function numberFormat(text: string): string {
  const m = NUMBER.exec(text)!;
  const decimals = m[1]?.length ?? 0;
  const whole = text.replace(/^-/, '').split('.')[0]!;
  const grouped = whole.includes(',') || whole.length <= 3;
  return `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

/** A sheet name: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

function narrativeSheet(wb: ExcelJS.Workbook, blocks: OutlineBlock[], name: string): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = NARRATIVE_WIDTH;
  let row = 0;
  const add = (text: string, font: Partial<ExcelJS.Font>, alignment: Partial<ExcelJS.Alignment> = {}) => {
    const cell = ws.getCell(++row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top', ...alignment };
    // Wrapped rows get their height here: spreadsheets do not all size them on opening.
    const size = font.size ?? 11;
    const perLine = Math.max(1, Math.floor((NARRATIVE_WIDTH * 11) / (size * 2)) - (alignment.indent ?? 0));
    const lines = Math.max(1, Math.ceil(displayWidth(text) / 2 / perLine));
    ws.getRow(row).height = Math.ceil(lines * size * 1.45);
  };
  const blank = () => row++;
  for (const b of blocks) {
    switch (b.type) {
      case 'cover':
        for (const l of b.lines) add(l, { name: '宋体', size: 18, bold: true }, { horizontal: 'center' });
        break;
      case 'contents':
        blank();
        add(b.title, { name: '黑体', size: 14 }, { horizontal: 'center' });
        for (const e of b.entries) add(e.text, { ...BODY_FONT, bold: e.level === 1 }, { indent: (e.level - 1) * 2 });
        break;
      case 'heading':
        if (b.level === 1) blank();
        add(b.text, { name: '黑体', size: b.level === 1 ? 14 : 12, bold: b.level > 1 }, b.level === 1 ? { horizontal: 'center' } : {});
        break;
      case 'paragraph':
        add(b.text, BODY_FONT, { indent: 2 });
        break;
      case 'table':
        break;
    }
  }
}

function tableSheet(wb: ExcelJS.Workbook, print: PrintableTable, landscape: boolean, name: string): void {
  const width = Math.max(1, print.width);
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  print.columns.forEach((k, i) => (ws.getColumn(i + 1).width = WIDTH[k]));
  let row = 0;
  const line = (text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right' = 'left', merge = false) => {
    row++;
    const col = horizontal === 'right' ? width : 1;
    const cell = ws.getCell(row, col);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'middle' };
    if (merge && width > 1) ws.mergeCells(row, 1, row, width);
  };
  const noteLines = (note: string) => {
    for (const l of note.split('\n')) line(l, { ...TABLE_FONT });
  };
  if (print.note !== undefined && print.notePosition === 'before') noteLines(print.note);
  if (!print.inline) {
    line(tableTitle(print), { name: '宋体', size: 16, bold: true }, 'center', true);
    ws.getRow(row).height = 30;
    if (print.subtitle) line(print.subtitle, TABLE_FONT, 'center', true);
    if (print.reportingUnit) line(print.reportingUnit, TABLE_FONT);
    if (print.unitLine) line(print.unitLine, TABLE_FONT, 'right');
  }
  const top = row + 1;
  const headerRows = print.headers.length;
  const grid: { cells: GridCell[]; header: boolean; level?: number }[] = [
    ...print.headers.map((cells) => ({ cells, header: true })),
    ...print.rows.map((r) => ({ cells: r.cells, header: r.header === true, ...(r.level ? { level: r.level } : {}) })),
  ];
  const placed = placeCells(grid.map((g) => g.cells));
  // Every cell of the table area is bordered (covered cells of merges too).
  for (let r = 0; r < grid.length; r++) for (let c = 1; c <= width; c++) ws.getCell(top + r, c).border = THIN;
  for (const p of placed) {
    const g = grid[p.row]!;
    const c = p.cell;
    const cell = ws.getCell(top + p.row, p.column + 1);
    const kind = print.columns[p.column];
    const header = g.header;
    if (!header && c.align === 'right' && NUMBER.test(c.text)) {
      // fen → number here only: the exact decimal text read as the nearest double, displayed back as that text.
      cell.value = Number(c.text.replace(/,/g, ''));
      cell.numFmt = numberFormat(c.text);
    } else if (c.text !== '') {
      cell.value = c.text;
    }
    cell.font = { ...TABLE_FONT, bold: header || c.bold === true };
    cell.alignment = {
      horizontal: header ? 'center' : c.align === 'right' ? 'right' : 'left',
      vertical: 'middle',
      wrapText: header || kind === 'text' || kind === 'label' || (c.colSpan ?? 1) > 1,
      ...(kind === 'name' && !header && g.level && g.level > 1 ? { indent: g.level - 1 } : {}),
    };
    const rs = c.rowSpan ?? 1;
    const cs = c.colSpan ?? 1;
    if (rs > 1 || cs > 1) ws.mergeCells(top + p.row, p.column + 1, top + p.row + rs - 1, p.column + cs);
  }
  // Row heights for wrapped text (merged cells are not sized by spreadsheets): lines × 10 pt type.
  const lines = new Map<number, number>();
  for (const p of placed) {
    if ((p.cell.rowSpan ?? 1) > 1 || p.cell.text === '') continue;
    let units = 0;
    for (let c = p.column; c < p.column + (p.cell.colSpan ?? 1); c++) units += WIDTH[print.columns[c] ?? 'amount'];
    const n = Math.ceil((displayWidth(p.cell.text) * 0.95) / Math.max(1, units - 1.5));
    if (n > (lines.get(p.row) ?? 1)) lines.set(p.row, n);
  }
  for (const [r, n] of lines) ws.getRow(top + r).height = Math.ceil(n * 13.5 + 2);
  row = top + grid.length - 1;
  if (print.note !== undefined && print.notePosition === 'after') noteLines(print.note);
  const frozen = headerRows > 0 ? top + headerRows - 1 : top - 1;
  if (frozen > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }];
  if (headerRows > 0) ws.pageSetup.printTitlesRow = `${top}:${top + headerRows - 1}`;
}

/** The disclosure as an XLSX workbook: 「说明」 (the narrative), then one sheet per table. */
export async function renderXlsx(doc: Document): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  wb.title = documentTitle(doc);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const used = new Set<string>();
  const blocks = documentOutline(doc);
  narrativeSheet(wb, blocks, sheetName('说明', used));
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    const p = b.table;
    tableSheet(wb, p, b.landscape, sheetName(p.number !== undefined ? `表${p.number}` : p.title.slice(0, 20) || p.kind, used));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
