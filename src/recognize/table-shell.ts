import { DEFAULT_REPORTING_LABEL } from '../model/index.js';
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
const REPORTING_UNIT = /^(单位名称|填报单位|编制单位|编制部门)\s*[:：]\s*(?:\d+\s*)?(.+)$/;

/** A meta line above a table's header: 「单位：万元」 (the table's unit) or 「单位名称：X」 (who reports it). */
export function metaLine(line: GridLine): { unit: MoneyUnit } | { reportingUnit: string; reportingLabel: string } | undefined {
  const t = line.text.trim();
  const u = UNIT_LINE.exec(t);
  if (u) return { unit: u[1] as MoneyUnit };
  const r = REPORTING_UNIT.exec(t);
  if (r && line.split !== 'tab') return { reportingUnit: r[2]!.trim(), reportingLabel: r[1]! };
  return undefined;
}

export interface HeaderBlock {
  table: Table;
  headerRows: GridLine[];
  /** Index of the first line after the header block. */
  next: number;
}

/**
 * The lines between a title and a table's body: meta lines (unit, reporting unit) and the header
 * rows, up to the first body line. Readers differ only in where a blank line ends the header and
 * where the body starts. A table with no header rows is reported as unrecognised.
 */
export function readHeaderBlock(
  ctx: RecognizeContext,
  spec: TableSpec,
  bounds: Placed & { bodyIndex: number; limit: number },
  ends: { atBlank: (index: number) => boolean; atLine: (line: GridLine, headerRows: GridLine[]) => boolean },
): HeaderBlock {
  let unit: MoneyUnit = ctx.defaultUnit;
  let reportingUnit: string | undefined;
  let reportingLabel: string | undefined;
  const headerRows: GridLine[] = [];
  let i = bounds.bodyIndex;
  for (; i < bounds.limit; i++) {
    const line = ctx.lines[i]!;
    if (line.text.trim() === '') {
      if (headerRows.length > 0 && ends.atBlank(i)) break;
      continue;
    }
    const meta = metaLine(line);
    if (meta) {
      if ('unit' in meta) unit = meta.unit;
      else ({ reportingUnit, reportingLabel } = meta);
      continue;
    }
    if (line.split !== 'tab' || ends.atLine(line, headerRows)) break;
    headerRows.push(line);
  }
  const table = emptyTable(ctx, spec, bounds, unit, i - 1);
  if (reportingUnit) table.reportingUnit = reportingUnit;
  if (reportingUnit && reportingLabel !== DEFAULT_REPORTING_LABEL) table.reportingLabel = reportingLabel;
  if (headerRows.length === 0) {
    ctx.unrecognised.push({ what: 'table', reason: `表「${bounds.title}」没有可识别的表头`, reasonEn: `table "${bounds.title}" has no recognisable header`, text: bounds.title, at: table.at });
  }
  return { table, headerRows, next: i };
}
