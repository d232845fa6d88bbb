import type { Table } from '../model/index.js';
import type { TableLayout, TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { readLayoutTable } from './final-layout.js';
import { readGridTable, type TableBounds } from './grid-table.js';
import { readDeptPerformance, readProjectPerformance } from './performance.js';
import { readSingleRowTable } from './single-row.js';

export type TableReader = (ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds) => Table;

/** One reader per table layout; tab-separated grids share one generic reader. */
const READERS: Partial<Record<TableLayout, TableReader>> = {
  grid: readGridTable,
  panels: readGridTable,
  'single-row': readSingleRowTable,
  'dept-performance': readDeptPerformance,
  'project-performance': readProjectPerformance,
};

/** Reader for tables printed as a space-separated PDF-to-text layout (no tabs), e.g. seed 002. */
const LAYOUT_READER: TableReader | undefined = readLayoutTable;

export function readerFor(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): TableReader | undefined {
  const body = ctx.lines.slice(bounds.bodyIndex, bounds.limit);
  const tabbed = body.some((l) => l.split === 'tab');
  if (!tabbed && body.some((l) => l.split === 'space')) return LAYOUT_READER;
  return READERS[spec.layout];
}
