/**
 * Helpers for the classification rules: which scheme a table's codes follow, and the coded rows of
 * a table split into the independent hierarchies it prints (one per panel; a unit subtotal row
 * starts a new one).
 */
import { codeLevel, type CodeScheme } from '../../catalog/index.js';
import type { Document, Row, Table, TableKind } from '../../model/index.js';
import { templateById } from '../../templates/index.js';

export const SCHEME_ZH: Record<CodeScheme, string> = { function: '支出功能分类', economic: '支出经济分类' };
export const LEVEL_ZH: Record<CodeScheme, readonly string[]> = { function: ['类', '款', '项'], economic: ['类', '款'] };
export const DIGITS: Record<CodeScheme, readonly number[]> = { function: [3, 5, 7], economic: [3, 5] };

const FUNCTION_KINDS: readonly TableKind[] = ['income', 'expenditure', 'gpbExpenditure', 'govFund', 'stateCapital'];
const ECONOMIC_KINDS: readonly TableKind[] = ['gpbBasicEconomic', 'gpbProjectEconomic'];

/** The scheme of a table's codes: the template's declaration, else the standard one for its kind. */
export function tableScheme(doc: Document, t: Table): CodeScheme | undefined {
  const spec = templateById(doc.template)?.tables.find((s) => s.kind === t.kind);
  if (spec?.codes) return spec.codes;
  if (FUNCTION_KINDS.includes(t.kind)) return 'function';
  if (ECONOMIC_KINDS.includes(t.kind)) return 'economic';
  return undefined;
}

export interface CodedRow {
  row: Row;
  code: string;
  scheme: CodeScheme;
  /** From the digit count; undefined when the code is malformed. */
  level: 1 | 2 | 3 | undefined;
}

export function codedRows(doc: Document, t: Table): CodedRow[] {
  const fallback = tableScheme(doc, t);
  const out: CodedRow[] = [];
  for (const row of t.rows) {
    const scheme = row.scheme ?? fallback;
    if (!row.code || !scheme) continue;
    out.push({ row, code: row.code, scheme, level: codeLevel(scheme, row.code) });
  }
  return out;
}

/**
 * The hierarchies a table prints: coded rows grouped by panel (a two-panel table such as 人员经费 |
 * 公用经费 lists two), split where a unit subtotal or a total row intervenes.
 */
export function codedGroups(doc: Document, t: Table): CodedRow[][] {
  const fallback = tableScheme(doc, t);
  const groups = new Map<string, CodedRow[][]>();
  for (const row of t.rows) {
    const key = row.panel ?? '';
    if (!groups.has(key)) groups.set(key, [[]]);
    const list = groups.get(key)!;
    if (row.role === 'subtotal' || row.role === 'total') {
      if (list[list.length - 1]!.length > 0) list.push([]);
      continue;
    }
    const scheme = row.scheme ?? fallback;
    if (!row.code || !scheme) continue;
    list[list.length - 1]!.push({ row, code: row.code, scheme, level: codeLevel(scheme, row.code) });
  }
  return [...groups.values()].flat().filter((g) => g.length > 0);
}

/** True when any amount cell of the row is non-zero. */
export function hasAmount(row: Row): boolean {
  return Object.values(row.cells).some((a) => a !== null && a.fen !== 0);
}
