import type { MoneyUnit, Table } from '../model/index.js';
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
