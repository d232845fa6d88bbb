import type { MoneyUnit, Table } from '../model/index.js';
import type { GridLine } from '../read/grid.js';
import type { TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';

/** What of a table's bounds the shell needs (a structural subset of TableBounds, to avoid an import cycle). */
interface Placed {
  titleIndex: number;
  title: string;
  number?: number;
  noteBefore?: string;
  project?: string;
}

/** A table with its identity (kind, number, title, unit, note, place) and no columns or rows yet. */
export function emptyTable(ctx: RecognizeContext, spec: TableSpec, bounds: Placed, unit: MoneyUnit, lastIndex = bounds.titleIndex): Table {
  const from = ctx.lines[bounds.titleIndex]!.no;
  const table: Table = { kind: spec.kind, title: bounds.title, unit, decimals: 2, columns: [], rows: [], pieces: 1, at: { file: ctx.file, line: from }, span: { file: ctx.file, from, to: ctx.lines[Math.max(bounds.titleIndex, lastIndex)]!.no } };
  const number = bounds.number ?? spec.number;
  if (number !== undefined) table.number = number;
  if (bounds.noteBefore) table.note = bounds.noteBefore;
  if (bounds.project) table.project = bounds.project;
  return table;
}

const UNIT_LINE = /^(?:金额)?单位\s*[:：]\s*(万元|元)\s*$/;
const REPORTING_UNIT = /^(?:单位名称|填报单位|编制单位|编制部门)\s*[:：]\s*(?:\d+\s*)?(.+)$/;

/** A meta line above a table's header: 「单位：万元」 (the table's unit) or 「单位名称：X」 (who reports it). */
export function metaLine(line: GridLine): { unit: MoneyUnit } | { reportingUnit: string } | undefined {
  const t = line.text.trim();
  const u = UNIT_LINE.exec(t);
  if (u) return { unit: u[1] as MoneyUnit };
  const r = REPORTING_UNIT.exec(t);
  if (r && line.split !== 'tab') return { reportingUnit: r[1]!.trim() };
  return undefined;
}
