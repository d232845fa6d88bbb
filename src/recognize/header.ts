import type { GridLine } from '../read/grid.js';
import type { Column, Unrecognised } from '../model/index.js';
import type { ColumnSpec } from '../templates/types.js';

/** A header column: its position in the line and its printed path, "group/leaf". */
export interface HeaderColumn {
  index: number;
  group: string;
  leaf: string;
  path: string;
  printedNumber?: string;
}

const LABEL_COLUMN = /科目编码|^编码$|科目名称|^项目$|单位名称|功能科目名称|经济科目|支出项目类别|^项目名称$/;
const CODE_COLUMN = /科目编码|^编码$/;

/** A 栏次 row: column numbers 1..n (label cells empty, `**` or 栏次). */
export function isColumnNumberRow(line: GridLine): boolean {
  const cells = line.cells.map((c) => c.text).filter((t) => t !== '' && t !== '**' && t !== '栏次');
  return cells.length > 0 && cells.every((t, i) => t === String(Number(cells[0]) + i)) && cells[0] === '1';
}

/** Work out each column's group and leaf label from stacked header rows (merged cells print once). */
export function headerColumns(rows: GridLine[]): HeaderColumn[] {
  const labelRows = rows.filter((r) => !isColumnNumberRow(r));
  const numberRow = rows.find(isColumnNumberRow);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const text = (r: GridLine | undefined, i: number) => r?.cells[i]?.text ?? '';
  const top = labelRows[0];
  const bottom = labelRows[labelRows.length - 1];
  const cols: HeaderColumn[] = [];
  for (let i = 0; i < width; i++) {
    let leaf = '';
    for (let r = labelRows.length - 1; r >= 0 && !leaf; r--) leaf = text(labelRows[r], i);
    let group = '';
    if (labelRows.length > 1 && text(bottom, i) !== '') {
      for (let j = i; j >= 0 && !group; j--) group = text(top, j);
      if (group === leaf) group = '';
    }
    const printed = numberRow ? text(numberRow, i) : '';
    cols.push({ index: i, group, leaf, path: group ? `${group}/${leaf}` : leaf, ...(printed && printed !== '**' ? { printedNumber: printed } : {}) });
  }
  return cols;
}

export function isLabelColumn(h: HeaderColumn): boolean {
  return LABEL_COLUMN.test(h.leaf) && !/合计|小计/.test(h.leaf);
}
export function isCodeColumn(h: HeaderColumn): boolean {
  return CODE_COLUMN.test(h.leaf);
}

export interface ColumnMapping {
  /** Position of the code cell, if a separate code column exists. */
  codeIndex?: number;
  /** Position of the name cell. */
  nameIndex?: number;
  /** Value columns: position and model column. */
  values: { index: number; column: Column }[];
}

/** Map header columns to the template's column keys. Unmatched headers are kept under a generic key. */
export function mapColumns(
  headers: HeaderColumn[],
  specs: ColumnSpec[],
  file: string,
  line: number,
  unrecognised: Unrecognised[],
  panel?: string,
): ColumnMapping {
  const mapping: ColumnMapping = { values: [] };
  const used = new Set<string>();
  for (const h of headers) {
    if (h.leaf === '' && h.group === '') continue;
    if (isLabelColumn(h)) {
      if (isCodeColumn(h)) mapping.codeIndex = h.index;
      else mapping.nameIndex ??= h.index;
      continue;
    }
    const spec = specs.find((s) => !used.has(s.key) && s.header.test(h.path));
    const label = h.path;
    if (spec) {
      used.add(spec.key);
      mapping.values.push({ index: h.index, column: { key: spec.key, label, type: spec.type ?? 'amount', ...(panel ? { panel } : {}), ...(h.printedNumber ? { printedNumber: h.printedNumber } : {}) } });
    } else {
      const key = `column${h.index + 1}`;
      unrecognised.push({ what: 'cell', reason: `未识别的表头「${label}」，按金额列保留为 ${key}`, reasonEn: `unrecognised column header "${label}", kept as amount column ${key}`, text: label, at: { file, line } });
      mapping.values.push({ index: h.index, column: { key, label, type: 'amount', ...(panel ? { panel } : {}) } });
    }
  }
  return mapping;
}
