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
/** A code printed in parts, one column each: 类 | 款 | 项 (Shanghai and national 决算 tables). */
const CODE_PART = /^[类款项]$/;

/** A 栏次 row: column numbers 1..n (label cells empty, `**` or 栏次). */
export function isColumnNumberRow(line: GridLine): boolean {
  const cells = line.cells.map((c) => c.text).filter((t) => t !== '' && t !== '**' && t !== '栏次');
  return cells.length > 0 && cells.every((t, i) => t === String(Number(cells[0]) + i)) && cells[0] === '1';
}

/** Work out each column's group and leaf label from stacked header rows (merged cells print once). */
export function headerColumns(rows: GridLine[]): HeaderColumn[] {
  if (rows.some((r) => r.cells.some((c) => (c.span ?? 1) > 1))) return spannedHeaderColumns(rows);
  const labelRows = rows.filter((r) => !isColumnNumberRow(r));
  const numberRow = rows.find(isColumnNumberRow);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const text = (r: GridLine | undefined, i: number) => r?.cells[i]?.text ?? '';
  const top = labelRows[0];
  const cols: HeaderColumn[] = [];
  for (let i = 0; i < width; i++) {
    let leaf = '';
    let leafRow = labelRows.length - 1;
    for (; leafRow >= 0 && !leaf; leafRow--) leaf = text(labelRows[leafRow], i);
    leafRow++;
    let group = '';
    if (labelRows.length > 1 && leafRow > 0) {
      for (let j = i; j >= 0 && !group; j--) group = text(top, j);
      if (group === leaf) group = '';
      // Middle rows of a three-row header (merged cells printed once, e.g. read from HTML): the
      // label to the left that heads a run of columns labelled below it, reaching this column
      // (「“三公”经费预算数/公务用车购置及运行费/购置费」).
      for (let r = 1; r < leafRow; r++) {
        let j = i;
        while (j >= 0 && text(labelRows[r], j) === '') j--;
        if (j < 0) continue;
        let run = true;
        for (let k = j; k <= i && run; k++) run = labelRows.slice(r + 1).some((x) => text(x, k) !== '');
        if (run) group = group ? `${group}/${text(labelRows[r], j)}` : text(labelRows[r], j);
      }
    }
    const printed = numberRow ? text(numberRow, i) : '';
    cols.push({ index: i, group, leaf, path: group ? `${group}/${leaf}` : leaf, ...(printed && printed !== '**' ? { printedNumber: printed } : {}) });
  }
  return cols;
}

/**
 * Header rows whose merged cells state their span (ruled PDF tables): a column's leaf is the
 * lowest label printed in it, and its group is every label above the leaf whose cell covers the
 * column, outermost first ("“三公”经费预算数/公务用车购置及运行费/小计").
 */
function spannedHeaderColumns(rows: GridLine[]): HeaderColumn[] {
  const labelRows = rows.filter((r) => !isColumnNumberRow(r));
  const numberRow = rows.find(isColumnNumberRow);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  /** The label of the cell covering column i in a row, and whether the cell starts there. */
  const covering = (r: GridLine, i: number): { text: string; own: boolean } => {
    for (let j = Math.min(i, r.cells.length - 1); j >= 0; j--) {
      const c = r.cells[j]!;
      if (c.text === '') continue;
      return j + (c.span ?? 1) > i ? { text: c.text, own: j === i } : { text: '', own: false };
    }
    return { text: '', own: false };
  };
  const cols: HeaderColumn[] = [];
  for (let i = 0; i < width; i++) {
    let leaf = '';
    let leafRow = -1;
    for (let r = labelRows.length - 1; r >= 0; r--) {
      const c = covering(labelRows[r]!, i);
      if (c.text === '') continue;
      // A spanning leaf names its first column only; the others it covers stay unlabelled.
      if (c.own) {
        leaf = c.text;
        leafRow = r;
      }
      break;
    }
    const groups: string[] = [];
    for (let r = 0; r < leafRow; r++) {
      const c = covering(labelRows[r]!, i);
      if (c.text !== '' && c.text !== leaf) groups.push(c.text);
    }
    const group = groups.join('/');
    const printed = numberRow ? (numberRow.cells[i]?.text ?? '') : '';
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
  /** Positions of the cells a code is printed in, when it is split into 类 | 款 | 项 columns. */
  codeParts?: number[];
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
    if (CODE_PART.test(h.leaf)) {
      (mapping.codeParts ??= []).push(h.index);
      continue;
    }
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
  // 「科目编码」 over unlabelled columns up to the name column: the code is printed in parts there.
  if (mapping.codeIndex !== undefined && mapping.nameIndex !== undefined && mapping.nameIndex > mapping.codeIndex + 1) {
    const between = headers.filter((h) => h.index > mapping.codeIndex! && h.index < mapping.nameIndex!);
    if (between.length > 0 && between.every((h) => h.leaf === '' && h.group === '')) mapping.codeParts = [mapping.codeIndex, ...between.map((h) => h.index)];
  }
  if (mapping.codeParts) delete mapping.codeIndex;
  return mapping;
}
