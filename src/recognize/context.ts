import type { BudgetUnit, MoneyUnit, Provenance, Unrecognised } from '../model/index.js';
import type { GridLine } from '../read/grid.js';

/** What recognisers share while reading one document. */
export interface RecognizeContext {
  file: string;
  lines: GridLine[];
  /** Unit printed in the current table header (单位：万元). */
  defaultUnit: MoneyUnit;
  units: BudgetUnit[];
  unrecognised: Unrecognised[];
}

export function unrecognisedLine(ctx: RecognizeContext, line: GridLine, reason: string, reasonEn: string): void {
  ctx.unrecognised.push({ what: 'line', reason, reasonEn, text: line.text, at: { file: ctx.file, line: line.no } });
}

/** Provenance of one cell: line and cell index, plus page and box for paged sources. */
export function cellAt(ctx: RecognizeContext, line: GridLine, index: number): Provenance {
  const at: Provenance = { file: ctx.file, line: line.no, cell: index };
  if (line.page !== undefined) at.page = line.page;
  const box = line.cells[index]?.box;
  if (box) at.box = box;
  return at;
}
