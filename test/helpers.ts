import type { Document, Row, Table, TableKind } from '../src/model/index.js';
import { parseFile } from '../src/index.js';

export const SEEDS = {
  s000: 'samples/000_f372449499700e8d.txt',
  s001: 'samples/001_e2aa0d4e68ff0396.txt',
  s002: 'samples/002_ba977ca05abbe1e1.txt',
  s003: 'samples/003_613ecebee573eef3.txt',
  s004: 'samples/004_0d3306247bd7dd48.txt',
} as const;

const cache = new Map<string, Promise<Document>>();
export function seed(path: string): Promise<Document> {
  if (!cache.has(path)) cache.set(path, parseFile(path));
  return cache.get(path)!;
}

/** 万元 with 2 decimals → fen, written as a string so the test states the printed figure. */
export function wan(printed: string): number {
  const [whole, frac = ''] = printed.replace(/,/g, '').split('.');
  return Number(whole) * 1_000_000 + Number((frac + '000000').slice(0, 6));
}

export function table(doc: Document, kind: TableKind, index = 0): Table {
  const t = doc.tables.filter((x) => x.kind === kind)[index];
  if (!t) throw new Error(`no ${kind} table`);
  return t;
}

/** The row whose code or name matches (and panel, unit if given); fails if not exactly one. */
export function row(t: Table, key: string, opts: { panel?: string; unit?: string } = {}): Row {
  const found = t.rows.filter((r) => (r.code === key || r.name === key) && (opts.panel === undefined || r.panel === opts.panel) && (opts.unit === undefined || r.unit === opts.unit));
  if (found.length !== 1) throw new Error(`${found.length} rows match ${key} in ${t.kind}`);
  return found[0]!;
}

export function cell(t: Table, key: string, column: string, opts: { panel?: string; unit?: string } = {}): number | null {
  const c = row(t, key, opts).cells[column];
  if (c === undefined) throw new Error(`no column ${column} in row ${key} of ${t.kind}`);
  return c === null ? null : c.fen;
}

export function kinds(doc: Document): string[] {
  return doc.tables.map((t) => t.kind);
}

/**
 * Seed 002's 表9 财政拨款“三公”经费支出决算表: column keys and header paths, as printed (预算数 | 决算数,
 * each over 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计 | 公务用车购置费 | 公务用车运行维护费) | 公务接待费).
 */
export const THREE_PUBLIC_002_COLUMNS: [key: string, label: string][] = (['budget', 'final'] as const).flatMap((g) => {
  const top = g === 'budget' ? '预算数' : '决算数';
  const vehicle = `${top}/公务用车购置及运行维护费`;
  return [
    [`${g}.total`, `${top}/合计`],
    [`${g}.abroad`, `${top}/因公出国（境）费`],
    [`${g}.vehicle`, `${vehicle}/小计`],
    [`${g}.vehiclePurchase`, `${vehicle}/公务用车购置费`],
    [`${g}.vehicleRunning`, `${vehicle}/公务用车运行维护费`],
    [`${g}.reception`, `${top}/公务接待费`],
  ] as [string, string][];
});
