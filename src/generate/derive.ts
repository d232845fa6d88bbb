import { lookupCode } from '../catalog/index.js';
import { groupThousands } from '../model/index.js';
import type { Amount, Column, Row, Table, TableKind } from '../model/index.js';
import type { EntryProblem } from './errors.js';
import type { BudgetLine, EntryInput, FundSource } from './types.js';

/**
 * Shared arithmetic of the generated tables: exact fen sums over budget lines, classification
 * roll-ups (功能 项 → 款 → 类, 经济 款 → 类) and Amount/Row/Table construction. Amounts are 万元 with
 * 2 decimals, as every seed prints them.
 */

export const FEN_PER_WAN = 1_000_000;

/** 1081.18 万元 as printed: 「1,081.18」. */
export function printWan(fen: number, decimals = 2): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  const rest = abs % FEN_PER_WAN;
  const frac = String(rest).padStart(6, '0').slice(0, decimals);
  const grouped = groupThousands(String(whole));
  return `${neg ? '-' : ''}${grouped}${decimals > 0 ? `.${frac}` : ''}`;
}

export function amountOf(fen: number, file: string): Amount {
  return { fen, unit: '万元', decimals: 2, raw: printWan(fen), at: { file } };
}

export type Sums = Record<string, number>;

export function add(into: Sums, key: string, fen: number): void {
  into[key] = (into[key] ?? 0) + fen;
}

export function sumOf(lines: readonly BudgetLine[], pick: (l: BudgetLine) => boolean = () => true): number {
  let s = 0;
  for (const l of lines) if (pick(l)) s += l.fen;
  return s;
}

/** Classification names: the catalogue, then names typed on the lines; unknown codes are reported. */
export class Names {
  private readonly missing = new Set<string>();
  constructor(
    private readonly input: EntryInput,
    private readonly problems: EntryProblem[],
  ) {}

  name(scheme: 'function' | 'economic', code: string): string {
    const typed = this.input.names?.[scheme][code];
    const known = lookupCode(scheme, code)?.name;
    if (known) return known;
    if (typed) return typed;
    const key = `${scheme}:${code}`;
    if (!this.missing.has(key)) {
      this.missing.add(key);
      const what = scheme === 'function' ? '功能' : '经济';
      const line = this.input.lines.find((l) => (scheme === 'function' ? l.functionCode : l.economicCode).startsWith(code));
      this.problems.push({
        at: line?.at ?? { sheet: '预算明细' },
        zh: `${what}科目 ${code} 不在内置科目表中，无法取得名称（请在「${what}科目名称」列填写名称${scheme === 'function' ? '；款或类不在科目表中时写「类名/款名/项名」' : ''}）`,
        en: `${scheme} code ${code} is not catalogued; type its name in the name column`,
      });
    }
    return code;
  }
}

/** Per-code sums of some columns, rolled up 项 → 款 → 类 (function) or 款 → 类 (economic). */
export interface CodeTree {
  /** Codes in print order: each 类, then its 款, then (function) each 款's 项. */
  codes: string[];
  sums: Map<string, Sums>;
  total: Sums;
}

export function codeTree(lines: readonly BudgetLine[], scheme: 'function' | 'economic', columns: (l: BudgetLine) => string[]): CodeTree {
  return rollUp(
    lines.map((l) => {
      const sums: Sums = {};
      for (const col of columns(l)) add(sums, col, l.fen);
      return { code: scheme === 'function' ? l.functionCode : l.economicCode, sums };
    }),
    scheme,
  );
}

/** Sums per leaf code rolled up 项 → 款 → 类 (function) or 款 → 类 (economic); every code prints, even at zero. */
export function rollUp(items: readonly { code: string; sums: Sums }[], scheme: 'function' | 'economic'): CodeTree {
  const sums = new Map<string, Sums>();
  const total: Sums = {};
  for (const it of items) {
    const chain = scheme === 'function' ? [it.code.slice(0, 3), it.code.slice(0, 5), it.code] : [it.code.slice(0, 3), it.code];
    for (const code of chain) {
      let s = sums.get(code);
      if (!s) sums.set(code, (s = {}));
      for (const [k, v] of Object.entries(it.sums)) add(s, k, v);
    }
    for (const [k, v] of Object.entries(it.sums)) add(total, k, v);
  }
  const codes = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { codes, sums, total };
}

export function levelOf(scheme: 'function' | 'economic', code: string): 1 | 2 | 3 {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

export function cellsOf(sums: Sums, keys: readonly string[], file: string): Record<string, Amount | null> {
  const cells: Record<string, Amount | null> = {};
  for (const k of keys) cells[k] = amountOf(sums[k] ?? 0, file);
  return cells;
}

export function codeRows(tree: CodeTree, scheme: 'function' | 'economic', keys: readonly string[], names: Names, file: string): Row[] {
  return tree.codes.map((code) => ({
    code,
    scheme,
    level: levelOf(scheme, code),
    name: names.name(scheme, code),
    role: 'item' as const,
    cells: cellsOf(tree.sums.get(code) ?? {}, keys, file),
    at: { file },
  }));
}

export function totalRow(name: string, sums: Sums, keys: readonly string[], file: string, extra: Partial<Row> = {}): Row {
  return { name, role: 'total', cells: cellsOf(sums, keys, file), at: { file }, ...extra };
}

export interface TableParts {
  kind: TableKind;
  number?: number;
  title: string;
  columns: Column[];
  rows: Row[];
  note?: string;
  reportingUnit?: string;
}

export function makeTable(p: TableParts, file: string): Table {
  return {
    kind: p.kind,
    ...(p.number !== undefined ? { number: p.number } : {}),
    title: p.title,
    unit: '万元',
    decimals: 2,
    columns: p.columns,
    rows: p.rows,
    ...(p.note !== undefined ? { note: p.note } : {}),
    ...(p.reportingUnit !== undefined ? { reportingUnit: p.reportingUnit } : {}),
    pieces: 1,
    at: { file },
    span: { file, from: 0, to: 0 },
  };
}

export const amountColumn = (key: string, label: string, panel?: string): Column => ({ key, label, type: 'amount', ...(panel ? { panel } : {}) });
export const textColumn = (key: string, label: string): Column => ({ key, label, type: 'text' });

/** 财政拨款 funds. */
export const isFiscal = (f: FundSource) => f === 'gpb' || f === 'govFund' || f === 'stateCapital';
export const isSpecialAccount = (f: FundSource) => f === 'specialAccount' || f === 'educationFees';

/** 一 二 … 二十九: Chinese ordinals as the tables print them. */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}
