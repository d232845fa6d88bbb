import type { BudgetUnit, Table } from '../model/index.js';
import type { RecognizeContext } from './context.js';

const SUBTOTAL = /^(.+?)\s*[-—－]\s*小计$/;
const SELF = /[（(]本级[)）]$/;

export function sameUnit(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(SELF, '').replace(/\s/g, '');
  return norm(a) === norm(b);
}

export function addUnit(units: BudgetUnit[], name: string, self: boolean): void {
  if (!units.some((u) => sameUnit(u.name, name))) units.push({ name, self });
}

/**
 * Per-unit tables: mark unit subtotal rows (「X-小计」, or a row named like a known unit) and give
 * every following row its unit; project tables also name each item row's project.
 */
export function assignUnits(ctx: RecognizeContext, table: Table): void {
  const byUnitName = table.kind === 'income';
  let current: string | undefined;
  for (const row of table.rows) {
    if (row.role === 'total') continue;
    if (byUnitName) {
      if (!row.code) row.unit = row.name;
      continue;
    }
    const m = SUBTOTAL.exec(row.name);
    const known = ctx.units.find((u) => sameUnit(u.name, row.name));
    if (m || known) {
      row.role = 'subtotal';
      current = known?.name ?? m![1]!;
      row.unit = current;
      continue;
    }
    if (current === undefined) {
      ctx.unrecognised.push({ what: 'row', reason: `「${row.name}」之前没有单位小计行，无法确定所属单位`, reasonEn: `row "${row.name}" precedes any unit subtotal; its unit is unknown`, text: row.name, at: row.at });
      continue;
    }
    row.unit = current;
    if (table.kind === 'unitProject') row.project = row.name;
  }
}
