import { formatFenGrouped, TABLE_KINDS } from '../model/index.js';
import type { Location, Row, Table } from '../model/index.js';
import { roundingTolerance } from './tolerance.js';

/** A reference to one amount cell of the document. */
export interface CellRef {
  table: Table;
  row: Row;
  column: string;
}

/** A cell with its sign in a sum. A term is its own CellRef: one object per term, not two. */
export interface Term extends CellRef {
  sign: 1 | -1;
}

/**
 * A declared equality (or inequality) between sums of cells. Rules declare identities; one engine
 * evaluates them all with the rounding tolerance, reports failures with every cell involved, and
 * ranks the cell most likely wrong first.
 */
export interface Identity {
  rule: string;
  left: Term[];
  right: Term[];
  relation: '=' | '>=' | '<=';
  /** What the identity says, e.g. 「合计 = 基本支出 + 项目支出」. */
  zh: string;
  en: string;
}

/** The cell in `column` of `row`, added to (plus) or subtracted from (minus) a sum. */
export const plus = (table: Table, row: Row, column: string): Term => ({ table, row, column, sign: 1 });
export const minus = (table: Table, row: Row, column: string): Term => ({ table, row, column, sign: -1 });
/** A cell found by `figure`, added to a sum. */
export const plusRef = (ref: CellRef): Term => plus(ref.table, ref.row, ref.column);

/** `plus` of the cell in `column` of each row that prints one there (the others are skipped). */
export function plusEach(table: Table, rows: readonly Row[], column: string): Term[] {
  const terms: Term[] = [];
  for (const row of rows) if (row.cells[column]) terms.push({ table, row, column, sign: 1 });
  return terms;
}

/** Identity of a cell: its Amount object (unique per printed cell), or the row for an empty cell. */
export function refKey(ref: CellRef): object {
  return ref.row.cells[ref.column] ?? ref.row;
}

export function valueOf(ref: CellRef): number {
  return ref.row.cells[ref.column]?.fen ?? 0;
}


/** An identity that does not hold (beyond rounding, or within it). */
export interface Evaluation {
  identity: Identity;
  left: number;
  right: number;
  /** left − right. */
  difference: number;
  tolerance: number;
  /** Fails, but by no more than rounding explains. */
  rounding: boolean;
}

/**
 * Evaluates an identity with the rounding tolerance: its Evaluation when it fails (an exact-equality
 * identity off by rounding fails too, reported as info), undefined when it holds. Most identities
 * hold, and for them nothing is allocated.
 */
export function failureOf(identity: Identity): Evaluation | undefined {
  let left = 0;
  let right = 0;
  let decimals = 0;
  // Printed zeros are exact in practice; only non-zero figures carry rounding error.
  let nonZero = 0;
  for (const t of identity.left) {
    const a = t.row.cells[t.column];
    const v = a?.fen ?? 0;
    left += t.sign * v;
    if (v !== 0) nonZero++;
    if (a && a.decimals > decimals) decimals = a.decimals;
  }
  for (const t of identity.right) {
    const a = t.row.cells[t.column];
    const v = a?.fen ?? 0;
    right += t.sign * v;
    if (v !== 0) nonZero++;
    if (a && a.decimals > decimals) decimals = a.decimals;
  }
  const difference = left - right;
  if (difference === 0) return undefined;
  const first = identity.left[0] ?? identity.right[0];
  const unit = first?.table.unit ?? '万元';
  decimals = Math.max(decimals, first?.table.decimals ?? 2);
  const tolerance = roundingTolerance(nonZero - 1, unit, decimals);
  const holds = identity.relation === '>=' ? difference >= -tolerance : identity.relation === '<=' ? difference <= tolerance : false;
  if (holds) return undefined;
  const rounding = identity.relation === '=' && Math.abs(difference) <= tolerance;
  return { identity, left, right, difference, tolerance, rounding };
}

/** Short name of a table for messages: 表3「本年支出总体情况表」. */
export function tableName(t: Table): string {
  return `${t.number !== undefined ? `表${t.number}` : ''}「${t.title || TABLE_KINDS[t.kind]}」`;
}

export function rowName(r: Row): string {
  return r.code ? `${r.code} ${r.name}` : r.name;
}

export function columnLabel(t: Table, key: string, panel?: string): string {
  let label = key;
  for (const c of t.columns) {
    if (c.key === key && (panel === undefined || c.panel === undefined || c.panel === panel)) {
      label = c.label;
      break;
    }
  }
  if (!label.includes('/')) return label;
  // The leaf names the column, unless it is a bare 小计/合计 under a group (预算数/合计, …/公务用车…/小计).
  const path = label.split('/');
  const leaf = path[path.length - 1]!;
  return GENERIC_LEAF.test(leaf) && path.length > 1 ? `${path[path.length - 2]}${leaf}` : leaf;
}

const GENERIC_LEAF = /^(?:小计|合计)$/;

/** The label of the column a cell is in (as `columnLabel`). */
export function labelOf(ref: CellRef): string {
  return columnLabel(ref.table, ref.column, ref.row.panel);
}

export function locationOf(ref: CellRef): Location {
  return cellLocation(ref, labelOf(ref));
}

/** `locationOf` with the column label already looked up (a finding names each of its cells twice). */
export function cellLocation(ref: CellRef, label: string): Location {
  const a = ref.row.cells[ref.column];
  const at = a?.at ?? ref.row.at;
  // Built by assignment (conditional spreads are slow in V8); the keys keep this order.
  const loc: Location = { file: at.file };
  if (at.line !== undefined) loc.line = at.line;
  if (at.page !== undefined) loc.page = at.page;
  if (at.cell !== undefined) loc.cell = at.cell;
  loc.table = ref.table.kind;
  loc.tableTitle = ref.table.title;
  loc.row = ref.row.name;
  if (ref.row.code) loc.code = ref.row.code;
  if (ref.row.panel) loc.panel = ref.row.panel;
  if (ref.row.unit) loc.unit = ref.row.unit;
  loc.column = ref.column;
  loc.columnLabel = label;
  if (a) loc.value = a.raw;
  return loc;
}

/** 「表3「…」 2101501 行政运行 / 合计」 */
export function describeRef(ref: CellRef): string {
  return describeCell(ref, labelOf(ref));
}

/** `describeRef` with the column label already looked up. */
export function describeCell(ref: CellRef, label: string): string {
  return `${tableName(ref.table)}${ref.row.panel === 'income' ? '收入方' : ref.row.panel === 'expense' ? '支出方' : ''}「${rowName(ref.row)}」${label}`;
}

/** An amount in findings: 「-1,234,567.89」. */
export function printed(fen: number, unit: '元' | '万元'): string {
  return formatFenGrouped(fen, unit, 2);
}
