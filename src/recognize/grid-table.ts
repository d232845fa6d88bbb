import { looksLikeAmount } from '../model/index.js';
import type { MoneyUnit, Row, Table } from '../model/index.js';
import type { GridLine } from '../read/grid.js';
import type { PanelSpec, TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { readHeaderBlock } from './table-shell.js';
import { amountCell, reportUnreadCells, unrecognisedLine } from './context.js';
import { headerColumns, isColumnNumberRow, mapColumns, type ColumnMapping, type HeaderColumn } from './header.js';
import { isTotalName, parseLabel, roleOf } from './labels.js';
import { joinLines } from './narrative.js';
import { assignUnits } from './units.js';

/** Printed ordinals before a row name: 一、 （一） 1. — and a leading 其中： */
const ORDINAL = /^(?:其中[:：]\s*)?([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d))\s*/;
const DECIMAL_AMOUNT = /^[（(]?-?[\d,]+\.\d+[)）]?$/;
/** Whole-元 amounts (Shanghai district tables print 156,211,123 and 0): digits, grouped or not. */
const WHOLE_AMOUNT = /^[（(]?-?(?:\d{1,3}(?:,\d{3})+|\d+)[)）]?$/;

export function isBlank(line: GridLine | undefined): boolean {
  return !line || line.text.trim() === '';
}
export function isNoteLine(line: GridLine): boolean {
  return /^注[:：]/.test(line.text.trim());
}
export function hasDecimalAmount(line: GridLine): boolean {
  return line.cells.some((c) => DECIMAL_AMOUNT.test(c.text));
}
function isDataLine(line: GridLine): boolean {
  if (line.split !== 'tab' || isColumnNumberRow(line)) return false;
  // Header cells never print a bare number (the 栏次 row is excluded above).
  return hasDecimalAmount(line) || line.cells.some((c) => WHOLE_AMOUNT.test(c.text));
}

/** A row label no header prints first: an ordinal (一、 1.), a code, 合计/总计, or 「无」 (an empty table's only row). */
const ROW_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d)|\d{3}(?:\d{2}){0,2}$|无$)/;

/** A row of a table whose amounts are all blank (empty templates, empty tables): it starts like a row. */
function startsLikeRow(line: GridLine): boolean {
  if (line.split !== 'tab') return false;
  const first = line.cells.find((c) => c.text !== '')?.text ?? '';
  // 合计 also heads a column (单位预算 收支总表: 预算数 / 合计 | 基本支出…): only in the label column is it a row,
  // and only when no other label follows it (the blank 决算 template prints 本年支出's 合计 | 基本支出 in that row).
  if (ROW_START.test(first)) return true;
  return line.cells[0]?.text === first && isTotalName(first) && line.cells.slice(1).every((c) => c.text === '' || looksLikeAmount(c.text));
}

/** Prose after a table's last row (no tab line follows before the limit) is not part of the table. */
export function proseFollows(lines: GridLine[], from: number, limit: number): boolean {
  for (let j = from; j < limit; j++) if (lines[j]!.split === 'tab') return false;
  return true;
}

interface Panel {
  key: string;
  mapping: ColumnMapping;
}

/** Where a table begins and where the recogniser must stop (next title, next part). */
export interface TableBounds {
  titleIndex: number;
  title: string;
  /** Index of the first line after the title (the header line itself for untitled tables). */
  bodyIndex: number;
  /** Index the table must not reach (start of the next table or part). */
  limit: number;
  number?: number;
  /** Note printed before the table (Jiangxi template), and the index of its first line. */
  noteBefore?: string;
  noteBeforeIndex?: number;
  project?: string;
}

/**
 * Panels printed side by side under identical headers (经济分类科目编码 | 科目名称 | 决算数, twice):
 * the header repeats, and the panels are the template's, in order.
 */
function repeatedPanels(headers: HeaderColumn[], specs: PanelSpec[]): { spec: PanelSpec; columns: HeaderColumn[] }[] {
  const n = specs.length;
  if (n < 2 || headers.length % n !== 0) return [];
  const width = headers.length / n;
  const part = (k: number) => headers.slice(k * width, (k + 1) * width);
  const labels = (k: number) => part(k).map((h) => h.leaf).join('|');
  if (labels(0).replace(/\|/g, '') === '' || !specs.every((_, k) => labels(k) === labels(0))) return [];
  return specs.map((spec, k) => ({ spec, columns: part(k).map((h) => ({ ...h, group: '', path: h.leaf })) }));
}

function splitPanels(headers: HeaderColumn[], top: GridLine, specs: PanelSpec[]): { spec: PanelSpec; columns: HeaderColumn[] }[] {
  const starts = top.cells.filter((c) => c.text !== '').map((c) => c.index);
  if (!starts.some((start) => specs.some((s) => s.header.test(top.cells[start]!.text)))) return repeatedPanels(headers, specs);
  return starts.flatMap((start, k) => {
    const end = starts[k + 1] ?? Infinity;
    const label = top.cells[start]!.text;
    const spec = specs.find((s) => s.header.test(label));
    if (!spec) return [];
    return [{ spec, columns: headers.filter((h) => h.index >= start && h.index < end).map((h) => ({ ...h, group: '', path: h.leaf })) }];
  });
}

function buildRow(ctx: RecognizeContext, spec: TableSpec, line: GridLine, mapping: ColumnMapping, unit: MoneyUnit, panel?: string): Row | undefined {
  const cells = line.cells;
  const cellText = (i: number | undefined) => (i === undefined ? '' : (cells[i]?.text ?? ''));
  let name = cellText(mapping.nameIndex);
  let codeText = mapping.codeParts ? mapping.codeParts.map((i) => cellText(i)).join('') : cellText(mapping.codeIndex);
  if (codeText !== '' && !/\d/.test(codeText)) {
    // Not a code: a label spread over the code columns (合计, 人员经费合计) or the 类款项 header.
    if (name === '' && !/^[类款项]+$/.test(codeText)) name = codeText;
    codeText = '';
  }
  if (name === '' && codeText === '' && mapping.values.every((v) => cellText(v.index) === '')) return undefined;
  let printedNumber: string | undefined;
  const ord = name === '' ? null : ORDINAL.exec(name);
  if (ord) {
    printedNumber = ord[1]!.replace(/、$/, '');
    name = name.slice(ord[0].length);
  }
  const label = parseLabel(codeText, name, spec.codes);
  // Built field by field (optional fields only when present): this is the hot path of parsing.
  const row = { name: label.name, role: roleOf(label.name), cells: {}, at: { file: ctx.file, line: line.no } } as Row;
  if (label.code) {
    row.code = label.code;
    if (spec.codes) row.scheme = spec.codes;
  }
  if (label.level) row.level = label.level;
  if (panel) row.panel = panel;
  if (printedNumber) row.printedNumber = printedNumber;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.bold) {
      row.bold = true;
      break;
    }
  }
  for (const { index, column } of mapping.values) {
    if (column.type === 'text') {
      const t = cellText(index);
      if (t !== '') (row.text ??= {})[column.key] = t;
    } else {
      row.cells[column.key] = amountCell(ctx, line, index, unit);
    }
  }
  if (label.code && !label.level) {
    ctx.unrecognised.push({ what: 'cell', reason: `科目编码「${label.code}」格式不符`, reasonEn: `malformed classification code "${label.code}"`, text: label.code, at: { file: ctx.file, line: line.no } });
  }
  return row;
}

/** Cell positions a row is read from: name, code and value columns of every panel. */
function readPositions(panels: Panel[]): Set<number> {
  const read = new Set<number>();
  for (const { mapping } of panels) {
    if (mapping.nameIndex !== undefined) read.add(mapping.nameIndex);
    if (mapping.codeIndex !== undefined) read.add(mapping.codeIndex);
    for (const i of mapping.codeParts ?? []) read.add(i);
    for (const v of mapping.values) read.add(v.index);
  }
  return read;
}

/** Recognise one tab-separated table (grid or panels layout) starting at its title. */
export function readGridTable(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): Table {
  const { lines } = ctx;
  const { table, headerRows, next } = readHeaderBlock(ctx, spec, bounds, {
    atBlank: () => true,
    atLine: (line, rows) => isDataLine(line) || (rows.length > 0 && startsLikeRow(line)),
  });
  if (headerRows.length === 0) return table;
  const unit = table.unit;
  let i = next;
  const headers = headerColumns(headerRows);
  const panels: Panel[] = [];
  if (spec.layout === 'panels' && spec.panels) {
    for (const p of splitPanels(headers, headerRows[0]!, spec.panels)) {
      panels.push({ key: p.spec.key, mapping: mapColumns(p.columns, p.spec.columns, ctx.file, headerRows[0]!.no, ctx.unrecognised, p.spec.key) });
    }
  } else {
    panels.push({ key: '', mapping: mapColumns(headers, spec.columns, ctx.file, headerRows[0]!.no, ctx.unrecognised) });
  }
  table.columns = panels.flatMap((p) => p.mapping.values.map((v) => v.column));
  const read = readPositions(panels);
  const headerKey = headerRows[0]!.cells[0]?.text ?? '';
  let last = i - 1;
  for (; i < bounds.limit; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    if (isNoteLine(line)) {
      if (bounds.noteBefore !== undefined) break; // Jiangxi: a note introduces the next table
      const note = [t];
      last = i;
      while (i + 1 < bounds.limit && !isBlank(lines[i + 1]) && lines[i + 1]!.split !== 'tab') note.push(lines[++i]!.text.trim());
      table.note = joinLines(note);
      last = i;
      break;
    }
    if (line.split === 'tab' && (line.cells[0]?.text ?? '') === headerKey && !isDataLine(line)) {
      // A header repeated after a page break: the table continues.
      let k = 1;
      while (k < headerRows.length && i + 1 < bounds.limit && lines[i + 1]!.split === 'tab' && !isDataLine(lines[i + 1]!)) {
        i++;
        k++;
      }
      table.pieces++;
      last = i;
      continue;
    }
    if (line.split !== 'tab') {
      if (table.rows.length > 0 && proseFollows(lines, i, bounds.limit)) break;
      unrecognisedLine(ctx, line, `表「${bounds.title}」中无法识别的行`, `unrecognised line inside table "${bounds.title}"`);
      last = i;
      continue;
    }
    for (const p of panels) {
      const row = buildRow(ctx, spec, line, p.mapping, unit, p.key || undefined);
      if (row) table.rows.push(row);
    }
    reportUnreadCells(ctx, line, read, bounds.title);
    last = i;
  }
  table.span.to = lines[Math.max(last, bounds.titleIndex)]!.no;
  if (spec.byUnit) assignUnits(ctx, table);
  return table;
}

