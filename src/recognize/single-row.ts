import { looksLikeAmount, TABLE_KINDS } from '../model/index.js';
import type { Row, Table } from '../model/index.js';
import type { GridLine } from '../read/grid.js';
import type { TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { readHeaderBlock } from './table-shell.js';
import { amountCell, reportUnreadCells, unrecognisedLine } from './context.js';
import { isNoteLine, proseFollows, type TableBounds } from './grid-table.js';
import { headerColumns, isColumnNumberRow, mapColumns } from './header.js';
import { roleOf } from './labels.js';
import { joinLines } from './narrative.js';


/** A line of amounts: every non-empty cell is printed like an amount (and it is not the 栏次 row). */
function isAmountLine(line: GridLine): boolean {
  if (line.split !== 'tab' || isColumnNumberRow(line)) return false;
  const cells = line.cells.filter((c) => c.text !== '');
  return cells.length > 0 && cells.every((c) => looksLikeAmount(c.text));
}

/** A data line: amounts, possibly after a label cell (合计, 本年预算). */
function isDataLine(line: GridLine): boolean {
  if (line.split !== 'tab' || isColumnNumberRow(line)) return false;
  const cells = line.cells.filter((c) => c.text !== '');
  if (cells.length < 2) return false;
  return cells.slice(1).every((c) => looksLikeAmount(c.text)) && (looksLikeAmount(cells[0]!.text) || cells.length > 2);
}

/** The subject of a table, from its kind: 「“三公”经费表」 → 「“三公”经费」. */
function subjectOf(spec: TableSpec): string {
  return TABLE_KINDS[spec.kind].replace(/[（(].*$/, '').replace(/表$/, '');
}

/**
 * Layout 'single-row': a table that is one line of amounts under a (multi-row) header, e.g. the
 * Jiangxi 财政拨款“三公”经费支出表 (合计 | 因公出国(境)费: 小计 … | 公务接待费 | 公务用车…: 小计 …).
 *
 * Columns are mapped by header path ("因公出国(境)费/小计") as in grid tables. The data row has no
 * label of its own: it is named after the table's subject (「“三公”经费」 for threePublic) and
 * has role 'item' — it is the table's one line, not a total of other rows. If the line does
 * print a label cell (a column headed 项目 …), that label names the row instead.
 */
export function readSingleRowTable(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): Table {
  const { lines } = ctx;
  const { table, headerRows, next } = readHeaderBlock(ctx, spec, bounds, {
    // A blank line ends the header only when no tab line follows (the 栏次 row may stand apart).
    atBlank: (index) => !lines.slice(index + 1, bounds.limit).some((l) => l.split === 'tab'),
    atLine: (line, rows) => isAmountLine(line) || (rows.length > 0 && isDataLine(line)),
  });
  if (headerRows.length === 0) return table;
  const unit = table.unit;
  let i = next;
  const mapping = mapColumns(headerColumns(headerRows), spec.columns, ctx.file, headerRows[0]!.no, ctx.unrecognised);
  const read = new Set([...(mapping.nameIndex !== undefined ? [mapping.nameIndex] : []), ...mapping.values.map((v) => v.index)]);
  table.columns = mapping.values.map((v) => v.column);
  let last = i - 1;
  for (; i < bounds.limit; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    if (isNoteLine(line) && bounds.noteBefore === undefined && table.note === undefined) {
      // Templates that print the note after the table (a Jiangxi next-table note is outside bounds).
      const note = [t];
      while (i + 1 < bounds.limit && lines[i + 1]!.text.trim() !== '' && lines[i + 1]!.split !== 'tab') note.push(lines[++i]!.text.trim());
      table.note = joinLines(note);
      last = i;
      break;
    }
    if (!isAmountLine(line) && !isDataLine(line)) {
      if (table.rows.length > 0 && line.split !== 'tab' && proseFollows(lines, i, bounds.limit)) break;
      unrecognisedLine(ctx, line, `表「${bounds.title}」中无法识别的行`, `unrecognised line inside table "${bounds.title}"`);
      last = i;
      continue;
    }
    const label = mapping.nameIndex !== undefined ? (line.cells[mapping.nameIndex]?.text ?? '') : '';
    const name = label || subjectOf(spec);
    const row: Row = {
      name,
      role: label ? roleOf(label) : 'item',
      cells: {},
      ...(line.cells.some((c) => c.bold) ? { bold: true } : {}),
      at: { file: ctx.file, line: line.no },
    };
    for (const { index, column } of mapping.values) {
      if (column.type === 'text') {
        const text = line.cells[index]?.text ?? '';
        if (text !== '') (row.text ??= {})[column.key] = text;
      } else {
        row.cells[column.key] = amountCell(ctx, line, index, unit);
      }
    }
    table.rows.push(row);
    reportUnreadCells(ctx, line, read, bounds.title);
    last = i;
  }
  table.span.to = lines[Math.max(last, bounds.titleIndex)]!.no;
  return table;
}
