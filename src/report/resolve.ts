import type { Column, Document, Location, Row, Section, Table } from '../model/index.js';

/**
 * What a finding's Location points at inside a parsed document. Indices are into `doc.tables`,
 * `table.rows` and `table.columns`. `other` is a place we cannot show (another file, a line
 * outside every table and section, or no place at all).
 */
export type Place =
  | { kind: 'cell'; table: number; row: number; column: number }
  | { kind: 'row'; table: number; row: number }
  | { kind: 'table'; table: number }
  | { kind: 'section'; section: Section; path: Section[] }
  | { kind: 'unrecognised'; index: number }
  | { kind: 'other' };

const within = (span: { from: number; to: number }, line: number) => line >= span.from && line <= span.to;

/** The index of the column a row's cell `key` is printed in (two-panel tables repeat keys per panel). */
export function columnIndex(table: Table, row: Row, key: string): number {
  return table.columns.findIndex((c) => c.key === key && (c.panel === undefined || row.panel === undefined || c.panel === row.panel));
}

/** True when the row has something printed under the column (an amount cell, an empty amount cell or a text cell). */
export function rowHasColumn(row: Row, column: Column): boolean {
  return (column.panel === undefined || row.panel === undefined || column.panel === row.panel) && (row.cells[column.key] !== undefined || row.text?.[column.key] !== undefined);
}

function rowLines(row: Row): number[] {
  const lines = [row.at.line];
  for (const a of Object.values(row.cells)) if (a) lines.push(a.at.line);
  return lines.filter((l): l is number => l !== undefined);
}

function rowMatches(row: Row, loc: Location): boolean {
  return (
    (loc.row === undefined || row.name === loc.row || `${row.code ?? ''} ${row.name}`.trim() === loc.row) &&
    (loc.code === undefined || row.code === loc.code) &&
    (loc.panel === undefined || row.panel === undefined || row.panel === loc.panel) &&
    (loc.unit === undefined || row.unit === undefined || row.unit === loc.unit)
  );
}

function candidateTables(doc: Document, loc: Location): number[] {
  let idx = doc.tables.map((_, i) => i);
  if (loc.line !== undefined) idx = idx.filter((i) => within(doc.tables[i]!.span, loc.line!));
  else if (loc.table === undefined && loc.tableTitle === undefined) return [];
  if (loc.table !== undefined) idx = idx.filter((i) => doc.tables[i]!.kind === loc.table);
  if (loc.tableTitle !== undefined) {
    const titled = idx.filter((i) => doc.tables[i]!.title === loc.tableTitle);
    if (titled.length) idx = titled;
    else if (loc.table === undefined) idx = idx.filter(() => loc.line !== undefined);
  }
  return idx;
}

function resolveInTable(table: Table, ti: number, loc: Location): Place {
  const { line, cell } = loc;
  if (line !== undefined && cell !== undefined) {
    for (const [ri, row] of table.rows.entries()) {
      for (const [key, a] of Object.entries(row.cells)) {
        if (a && a.at.line === line && a.at.cell === cell && (loc.column === undefined || loc.column === key)) {
          const ci = columnIndex(table, row, key);
          if (ci >= 0) return { kind: 'cell', table: ti, row: ri, column: ci };
        }
      }
    }
  }
  let rows = table.rows.map((_, ri) => ri);
  if (line !== undefined) {
    rows = rows.filter((ri) => rowLines(table.rows[ri]!).includes(line));
    const named = rows.filter((ri) => rowMatches(table.rows[ri]!, loc));
    if (named.length) rows = named;
  } else if (loc.row !== undefined || loc.code !== undefined) {
    rows = rows.filter((ri) => rowMatches(table.rows[ri]!, loc));
  } else rows = [];
  if (loc.column !== undefined) {
    for (const ri of rows) {
      const row = table.rows[ri]!;
      const ci = table.columns.findIndex((c) => c.key === loc.column && rowHasColumn(row, c));
      if (ci >= 0) return { kind: 'cell', table: ti, row: ri, column: ci };
    }
  }
  if (loc.text !== undefined) {
    // A text cell (绩效目标, indicator ...) quoted by the finding.
    for (const ri of rows) {
      const row = table.rows[ri]!;
      const ci = table.columns.findIndex((c) => c.type !== 'amount' && rowHasColumn(row, c) && (row.text?.[c.key] ?? '').includes(loc.text!));
      if (ci >= 0) return { kind: 'cell', table: ti, row: ri, column: ci };
    }
  }
  if (rows.length) return { kind: 'row', table: ti, row: rows[0]! };
  return { kind: 'table', table: ti };
}

function deepestSection(sections: Section[], line: number, path: Section[]): Section[] | undefined {
  for (const s of sections) {
    if (!within(s.span, line)) continue;
    return deepestSection(s.children, line, [...path, s]) ?? [...path, s];
  }
  return undefined;
}

/** Find what a location points at in the document (tables first: a section's span may enclose tables). */
export function resolveLocation(doc: Document, loc: Location): Place {
  if (loc.file !== doc.source.file) return { kind: 'other' };
  const tables = candidateTables(doc, loc);
  if (tables.length) return resolveInTable(doc.tables[tables[0]!]!, tables[0]!, loc);
  if (loc.line === undefined) return { kind: 'other' };
  const path = deepestSection(doc.narrative, loc.line, []);
  if (path) return { kind: 'section', section: path[path.length - 1]!, path };
  const u = doc.unrecognised.findIndex((x) => x.at.line === loc.line);
  if (u >= 0) return { kind: 'unrecognised', index: u };
  return { kind: 'other' };
}
