import type { Document, Row, Table, TableKind } from '../model/index.js';
import type { FigureSpec } from '../templates/identities.js';
import type { CellRef } from './identity.js';

export type { FigureSpec };

/** Any character normaliseRowName removes. */
const REMOVED_FROM_NAMES = /[“”"‘’'\s]/;

export function normaliseRowName(name: string): string {
  // Most names have nothing to remove: no new strings for them.
  if (!REMOVED_FROM_NAMES.test(name)) return name;
  return name.replace(/[“”"‘’']/g, '').replace(/\s/g, '');
}

function rowMatches(r: Row, spec: FigureSpec['row']): boolean {
  if (spec === 'total') return r.role === 'total' && /^(合计|总计)$/.test(r.name);
  if (spec instanceof RegExp) return spec.test(normaliseRowName(r.name));
  return r.code === spec.code;
}

/** The cell a figure spec names, if the document prints it (first matching table and row). */
export function figure(doc: Document, spec: FigureSpec): CellRef | undefined {
  for (const table of doc.tables) {
    if (table.kind !== spec.kind) continue;
    const row = table.rows.find((r) => (spec.panel === undefined || r.panel === spec.panel) && rowMatches(r, spec.row) && r.cells[spec.column] !== undefined);
    if (row && row.cells[spec.column]) return { table, row, column: spec.column };
  }
  return undefined;
}

export function tables(doc: Document, kind: TableKind): Table[] {
  return doc.tables.filter((t) => t.kind === kind);
}

export function amountColumns(table: Table, panel?: string): string[] {
  return table.columns.filter((c) => c.type === 'amount' && (panel === undefined || c.panel === undefined || c.panel === panel)).map((c) => c.key);
}

/** Rows grouped by panel ('' for single-panel tables), in printed order. */
export function panels(table: Table): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of table.rows) {
    const k = r.panel ?? '';
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(r);
  }
  return map;
}

export function ref(table: Table, row: Row, column: string): CellRef | undefined {
  return row.cells[column] ? { table, row, column } : undefined;
}
