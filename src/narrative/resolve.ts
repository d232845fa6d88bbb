import { tablesOfKind } from '../model/index.js';
import type { Document, MoneyUnit, Row, Table } from '../model/index.js';
import type { Claim } from '../model/index.js';
import { subjectEntry } from './vocabulary.js';
import type { CellSource, FigureSource, Measure, SubjectEntry, SumSource } from './vocabulary.js';

/** One amount cell of a table (the same shape as the check engine's CellRef). */
export interface CellRef {
  table: Table;
  row: Row;
  column: string;
}

/** A figure as the tables print it: one cell, or the sum of a code over several tables. */
export interface Figure {
  fen: number;
  cells: CellRef[];
  /** Tables looked at (for locations when no cell was found: the code is not printed, i.e. 0). */
  tables: Table[];
  unit: MoneyUnit;
  /** Printed decimals of the cells (the table's usual precision when no cell was found). */
  decimals: number;
  /** Set when the tables print only part of the subject: the figure is a lower bound. */
  partial?: { zh: string; en: string };
}

function applies(source: { templates?: string[]; kind?: string }, doc: Document): boolean {
  return (!source.templates || source.templates.includes(doc.template)) && (!source.kind || source.kind === doc.kind);
}

/** 「医疗保障改革专项经费项目情况说明」 → 医疗保障改革专项经费. */
function projectNames(headings: string[]): string[] {
  return headings.map((h) => h.replace(/\s+/g, '').replace(/(?:项目)?(?:情况|基本情况)?说明$|项目概况$/, '')).filter((h) => h.length >= 4);
}

/** Row-name patterns of the vocabulary, compiled once. */
const rowPatterns = new Map<string, RegExp>();
function rowPattern(source: string): RegExp {
  let re = rowPatterns.get(source);
  if (!re) rowPatterns.set(source, (re = new RegExp(source)));
  return re;
}

function pickRow(table: Table, source: CellSource, headings: string[]): Row | undefined {
  const inPanel = (r: Row) => source.panel === undefined || r.panel === source.panel;
  const pick = source.row;
  if ('projectOfSection' in pick) {
    const names = projectNames(headings);
    return table.rows.find((r) => r.role === 'item' && names.some((n) => r.name.replace(/\s+/g, '').includes(n) || (r.project !== undefined && r.project.includes(n))));
  }
  if ('single' in pick) return table.rows.find((r) => r.role !== 'header' && r.role !== 'indicator');
  if ('path' in pick) return pathRow(table, pick.path, pick.code);
  if ('total' in pick) return table.rows.find((r) => r.role === 'total' && inPanel(r) && /^(合计|总计)$/.test(r.name.replace(/\s+/g, ''))) ?? table.rows.find((r) => r.role === 'total' && inPanel(r));
  if ('code' in pick) return table.rows.find((r) => r.code === pick.code && inPanel(r));
  const re = rowPattern(pick.name);
  return table.rows.find((r) => inPanel(r) && re.test(r.name.replace(/\s+/g, '')));
}

const normName = (n: string) => n.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/^[“"]|[”"]$/g, '');

/**
 * The function 科目 row named by its 类/款/项 names: each level a row whose code extends the one above
 * (3, 5, 7 digits). With a printed code the row of that code, if its name is the printed 项 (or 款)
 * name — a code and a name that disagree are not guessed between.
 */
function pathRow(table: Table, names: string[], code?: string): Row | undefined {
  const rows = table.rows.filter((r) => r.role === 'item' && r.code !== undefined && /^\d+$/.test(r.code));
  if (code) {
    const row = rows.find((r) => r.code === code);
    return row && normName(row.name) === names[names.length - 1] ? row : undefined;
  }
  let parent: Row | undefined;
  for (const [i, name] of names.entries()) {
    const length = 3 + 2 * i;
    const found = rows.filter((r) => r.code!.length === length && (!parent || r.code!.startsWith(parent.code!)) && normName(r.name) === name);
    if (found.length !== 1) return undefined;
    parent = found[0];
  }
  return parent;
}

function columnKey(source: CellSource, doc: Document, measure: Measure | undefined): string {
  return source.measured && doc.kind === 'final' ? `${measure ?? 'final'}.${source.column}` : source.column;
}

/** The cell a source names, if the document prints that table, row and column. */
function cellOf(doc: Document, source: CellSource, measure: Measure | undefined, headings: string[] = []): { ref?: CellRef; table?: Table } | undefined {
  const column = columnKey(source, doc, measure);
  let seen: Table | undefined;
  for (const table of tablesOfKind(doc, source.table)) {
    if (!table.columns.some((c) => c.key === column && (source.panel === undefined || c.panel === undefined || c.panel === source.panel))) continue;
    seen ??= table;
    const row = pickRow(table, source, headings);
    if (row && column in row.cells) return { ref: { table, row, column }, table };
  }
  return seen ? { table: seen } : undefined;
}

function decimalsOf(cells: CellRef[], tables: Table[]): number {
  const printed = cells.map((c) => c.row.cells[c.column]?.decimals).filter((d): d is number => d !== undefined && d > 0);
  return printed.length ? Math.max(...printed) : Math.max(0, ...tables.map((t) => t.decimals));
}

function fromCell(doc: Document, source: CellSource, measure: Measure | undefined, headings: string[]): Figure | undefined {
  const found = cellOf(doc, source, measure, headings);
  if (!found?.ref) return undefined;
  const { ref } = found;
  const cells = [ref];
  return { fen: ref.row.cells[ref.column]?.fen ?? 0, cells, tables: [ref.table], unit: ref.table.unit, decimals: decimalsOf(cells, [ref.table]) };
}

function fromSum(doc: Document, source: SumSource, measure: Measure | undefined): Figure | undefined {
  const cells: CellRef[] = [];
  const tables: Table[] = [];
  for (const part of source.sum) {
    const found = cellOf(doc, part, measure);
    if (found?.table && !tables.includes(found.table)) tables.push(found.table);
    if (found?.ref) cells.push(found.ref);
  }
  const kindsPrinted = new Set(doc.tables.map((t) => t.kind));
  if (tables.length === 0 && !source.sum.some((p) => kindsPrinted.has(p.table))) return undefined;
  const missing = source.complete.filter((k) => !kindsPrinted.has(k));
  const allTables = [...tables, ...source.sum.flatMap((p) => tablesOfKind(doc, p.table)).filter((t, i, a) => a.indexOf(t) === i && !tables.includes(t))];
  const unit = cells[0]?.table.unit ?? allTables[0]?.unit ?? '万元';
  const figure: Figure = {
    fen: cells.reduce((s, c) => s + (c.row.cells[c.column]?.fen ?? 0), 0),
    cells,
    tables: allTables,
    unit,
    decimals: decimalsOf(cells, allTables),
  };
  if (missing.length) figure.partial = source.partialNote ?? { zh: '部分表格未公开', en: 'some tables are not published' };
  return figure;
}

function fromSource(doc: Document, source: FigureSource, measure: Measure | undefined, headings: string[]): Figure | undefined {
  if (!applies(source, doc)) return undefined;
  return 'sum' in source ? fromSum(doc, source, measure) : fromCell(doc, source, measure, headings);
}

/**
 * The figure the tables print for a vocabulary subject, from the first source the document has.
 * `headings` are the headings of the sections the subject was stated in (for project subjects).
 */
export function figureOf(doc: Document, entry: SubjectEntry, measure?: Measure, headings: string[] = []): Figure | undefined {
  for (const source of entry.sources) {
    // A 决算's 预算数 is printed only where the table has both (“三公” 表9).
    if (measure === 'budget' && doc.kind === 'final' && !('measured' in source && source.measured)) continue;
    const f = fromSource(doc, source, measure, headings);
    if (f) return f;
  }
  return undefined;
}

export interface Resolution {
  entry: SubjectEntry;
  /** Undefined when the document prints no table for the subject. */
  figure?: Figure;
}

/** What a claim's subject is, and the figure the tables print for it (决算: the 决算数, or the 预算数 the claim or `measure` names). */
export function resolveClaim(doc: Document, claim: Claim, measure?: Measure): Resolution | undefined {
  const entry = claim.key ? subjectEntry(claim.key) : undefined;
  if (!entry) return undefined;
  const figure = figureOf(doc, entry, measure ?? claim.measure ?? (doc.kind === 'final' ? 'final' : undefined), claim.section);
  const resolution: Resolution = { entry };
  if (figure) resolution.figure = figure;
  return resolution;
}
