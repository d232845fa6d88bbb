import ExcelJS from 'exceljs';
import { InputError } from '../model/errors.js';
import { joinCellLines } from './flow.js';
import type { Grid, GridCell, GridLine, GridNote } from './grid.js';
import { formatNumber } from './numfmt.js';
import { corrupt, storeZip, unzipCapped, type ZipOptions } from './zip.js';

/*
 * XLSX reader. A workbook is read sheet by sheet in tab order (one table per sheet, or a whole
 * document in one sheet as WPS exports it), each sheet separated from the next by a blank line.
 *
 * A row becomes a tab-split line (one cell per column of its table) when it belongs to a table:
 * it has two or more non-empty cells, or bordered cells, or it sits between such rows. Any other
 * row with text (a title, 单位：万元, a paragraph) becomes a single-cell line. Merged cells print
 * their text in their top-left cell and '' in every other cell they cover, as in the text layout.
 * Numbers are printed with the cell's number format (`#,##0.00` → "1,081.18"), see numfmt.ts.
 *
 * Hidden rows, columns and sheets are skipped and reported in `grid.notes`.
 *
 * Provenance: GridLine.page is the 1-based sheet index (tab order), GridCell.box is
 * [column, row, column, row] (1-based) in that sheet.
 */

const ValueType = ExcelJS.ValueType;

interface XCell {
  text: string;
  bold: boolean;
  bordered: boolean;
  /** Covered by a merge whose master is elsewhere. */
  covered: boolean;
}

interface XRow {
  no: number;
  cells: XCell[]; // index 0 = column 1
}

function richText(rt: ExcelJS.RichText[]): { text: string; bold: boolean } {
  const text = rt.map((r) => r.text).join('');
  const visible = rt.filter((r) => r.text.trim() !== '');
  return { text, bold: visible.length > 0 && visible.every((r) => r.font?.bold === true) };
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The text a spreadsheet displays for a cell value. */
function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): { text: string; bold?: boolean } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('richText' in value) return richText(value.richText);
  if ('error' in value) return { text: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '' };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { text: result.error };
    return valueText(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in value) {
    const t = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (typeof t === 'string') return { text: t };
    if (t && typeof t === 'object' && 'richText' in t) return richText((t as ExcelJS.CellRichTextValue).richText);
    return { text: '' };
  }
  return { text: '' };
}

function hasBorder(cell: ExcelJS.Cell): boolean {
  const b = cell.border;
  return !!b && !!(b.top?.style || b.bottom?.style || b.left?.style || b.right?.style);
}

function readCell(cell: ExcelJS.Cell): XCell {
  const covered = cell.type === ValueType.Merge || (cell.isMerged && cell.master.address !== cell.address);
  const bordered = hasBorder(cell);
  if (covered) return { text: '', bold: false, bordered, covered: true };
  const { text, bold } = valueText(cell.value, cell.numFmt);
  return { text: text.replace(/\u00a0/g, ' '), bold: text.trim() !== '' && (bold ?? cell.font?.bold === true), bordered, covered: false };
}

const isEmpty = (r: XRow) => r.cells.every((c) => c.text.trim() === '');
const nonEmpty = (r: XRow) => r.cells.filter((c) => c.text.trim() !== '').length;

/** The lines of one sheet. */
function sheetLines(ws: ExcelJS.Worksheet, page: number, notes: GridNote[], lines: GridLine[]): void {
  // The last column that holds anything (a styled but empty row may reach column XFD).
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > width && (cell.value !== null || cell.isMerged || hasBorder(cell))) width = col;
    });
  });
  const hiddenCols = new Set<number>();
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
  const rows: XRow[] = [];
  const hiddenRows: number[] = [];
  const hiddenColsUsed = new Set<number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: XCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = readCell(row.getCell(c));
      if (hiddenCols.has(c)) {
        if (cell.text.trim() !== '') hiddenColsUsed.add(c);
        continue;
      }
      cells.push(cell);
    }
    const x: XRow = { no: r, cells };
    if (row.hidden) {
      if (!isEmpty(x)) hiddenRows.push(r);
      continue;
    }
    rows.push(x);
  }
  const visibleCols: number[] = [];
  for (let c = 1; c <= width; c++) if (!hiddenCols.has(c)) visibleCols.push(c);
  if (hiddenRows.length > 0) {
    const list = hiddenRows.slice(0, 20).join('、') + (hiddenRows.length > 20 ? '…' : '');
    notes.push({ page, zh: `工作表「${ws.name}」有 ${hiddenRows.length} 个隐藏行未读取（第 ${list} 行）`, en: `sheet "${ws.name}": ${hiddenRows.length} hidden row(s) not read (row ${list.replace(/、/g, ', ')})` });
  }
  if (hiddenColsUsed.size > 0) {
    const list = [...hiddenColsUsed].map((c) => ws.getColumn(c).letter).join('、');
    notes.push({ page, zh: `工作表「${ws.name}」有隐藏列未读取（${list} 列）`, en: `sheet "${ws.name}": hidden column(s) not read (${list.replace(/、/g, ', ')})` });
  }

  // Which rows belong to a table.
  const tabular = rows.map((r) => nonEmpty(r) >= 2 || r.cells.some((c) => c.bordered && !c.covered));
  // A row with one cell between table rows (a borderless table's 「(2026年度)」 row) is a table row.
  for (let i = 1; i < rows.length - 1; i++) {
    if (!tabular[i] && !isEmpty(rows[i]!) && tabular[i - 1] && tabular[i + 1]) tabular[i] = true;
  }

  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    if (!tabular[i]) {
      const cells = row.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.text.trim() !== '');
      if (cells.length === 0) {
        lines.push({ no: lines.length + 1, text: '', split: 'none', cells: [{ text: '', index: 0, bold: false }], page });
      } else {
        const { c, k } = cells[0]!;
        const col = visibleCols[k]!;
        for (const part of c.text.split(/\r?\n/)) {
          const text = part.trim();
          lines.push({ no: lines.length + 1, text, split: 'none', cells: [{ text, index: 0, bold: c.bold, box: [col, row.no, col, row.no] }], page });
        }
      }
      i++;
      continue;
    }
    // A block of table rows: one tab line per row, all as wide as the block.
    let j = i;
    while (j < rows.length && tabular[j]) j++;
    const block = rows.slice(i, j);
    let from = Infinity;
    let to = -1;
    for (const r of block) {
      r.cells.forEach((c, k) => {
        if (c.text.trim() !== '' || c.bordered || c.covered) {
          from = Math.min(from, k);
          to = Math.max(to, k);
        }
      });
    }
    for (const r of block) {
      const cells: GridCell[] = [];
      for (let k = from; k <= to; k++) {
        const c = r.cells[k]!;
        const col = visibleCols[k]!;
        cells.push({ text: joinCellLines(c.text.split(/\r?\n/)), index: k - from, bold: c.bold, box: [col, r.no, col, r.no] });
      }
      lines.push({ no: lines.length + 1, text: cells.map((c) => c.text).join('\t'), split: 'tab', cells, page });
    }
    i = j;
  }
}

export type XlsxOptions = ZipOptions;

/** Read an XLSX workbook into a grid: sheets in tab order, tables as tab-split lines. */
export async function readXlsx(bytes: Uint8Array, file: string, options: XlsxOptions = {}): Promise<Grid> {
  const entries = unzipCapped(bytes, file, 'XLSX', options);
  if (![...entries.keys()].some((n) => /^xl\/workbook\.xml$/i.test(n))) {
    throw new InputError(file, '不是有效的 XLSX 工作簿（缺少 xl/workbook.xml）', 'not a valid XLSX workbook (no xl/workbook.xml)');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(storeZip(entries) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw corrupt(file, 'XLSX', e);
  }
  const sheets = [...wb.worksheets].sort((a, b) => ((a as unknown as { orderNo: number }).orderNo ?? 0) - ((b as unknown as { orderNo: number }).orderNo ?? 0));
  const notes: GridNote[] = [];
  const lines: GridLine[] = [];
  sheets.forEach((ws, k) => {
    const page = k + 1;
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      if (ws.actualRowCount > 0) notes.push({ page, zh: `隐藏的工作表「${ws.name}」未读取`, en: `hidden sheet "${ws.name}" not read` });
      return;
    }
    if (lines.length > 0) lines.push({ no: lines.length + 1, text: '', split: 'none', cells: [{ text: '', index: 0, bold: false }] });
    sheetLines(ws, page, notes, lines);
  });
  if (!lines.some((l) => l.text.trim() !== '')) {
    throw new InputError(file, sheets.length === 0 ? '工作簿中没有工作表' : '工作簿是空的，没有任何数据', sheets.length === 0 ? 'workbook has no sheets' : 'workbook is empty: no data in any sheet');
  }
  const grid: Grid = { file, format: 'xlsx', encoding: 'utf-8', bytes: bytes.length, lines };
  if (notes.length > 0) grid.notes = notes;
  return grid;
}

