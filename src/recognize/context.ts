import { AmountSyntaxError, parseAmount } from '../model/index.js';
import type { Amount, BudgetUnit, MoneyUnit, Provenance, Unrecognised } from '../model/index.js';
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

/** The amount in cell `index` of `line` (null when blank); an unparseable one is reported, not guessed. */
export function amountCell(ctx: RecognizeContext, line: GridLine, index: number, unit: MoneyUnit): Amount | null {
  const text = line.cells[index]?.text ?? '';
  if (text === '') return null;
  const at = cellAt(ctx, line, index);
  try {
    return parseAmount(text, unit, at);
  } catch (e) {
    if (!(e instanceof AmountSyntaxError)) throw e;
    ctx.unrecognised.push({ what: 'cell', reason: `无法解析的金额「${text}」`, reasonEn: `unparseable amount "${text}"`, text, at });
    return null;
  }
}

/**
 * Text in a cell of a table line that no column was read from (`read`: the positions that were) is
 * reported, not dropped: a grid printed off its header, a value past the last column.
 */
export function reportUnreadCells(ctx: RecognizeContext, line: GridLine, read: ReadonlySet<number>, title: string): void {
  for (let c = 0; c < line.cells.length; c++) {
    const text = line.cells[c]!.text.trim();
    if (text === '' || read.has(c)) continue;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    ctx.unrecognised.push({ what: 'cell', reason: `表「${title}」中不在任何栏目之下的内容「${shown}」`, reasonEn: `text under no column of table "${title}": "${shown}"`, text, at: cellAt(ctx, line, c) });
  }
}
