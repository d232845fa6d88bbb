import type { Amount, Column, Row, Table } from '../model/index.js';
import { formatFen, formatFenGrouped } from '../model/index.js';
import { add, amountColumn, chineseNumber, codeTree, isFiscal, levelOf, makeTable, sumOf, type Names, type Sums } from './derive.js';
import type { EntryProblem } from './errors.js';
import { THREE_PUBLIC_PARTS } from './types.js';
import type { BudgetLine, EntryInput, ThreePublicPart } from './types.js';

/**
 * The Shanghai district budget (上海市区级部门预算, 9 tables: the 普陀区 documents of 2024–2026),
 * computed from the budget lines. Tables 1–8 print 元 with two decimals (so a line may carry any
 * number of 分: the workbook's 「金额（元）」 column); the “三公” table prints 万元, each part rounded
 * half-up to 0.01 万元 and the 合计 / 小计 added from the rounded parts (as 司法局 2026 prints
 * 10.81 = 0.83 + 9.98 for 0.8265 + 9.975). 机关运行经费 is the 公用经费 of 一般公共预算 基本支出
 * (rounded the same way) unless typed on 「其他」 (it excludes 事业单位 where a department has them).
 */

export const SHANGHAI_TITLES = [
  '财务收支预算总表',
  '收入预算总表',
  '支出预算总表',
  '财政拨款收支预算总表',
  '一般公共预算支出功能分类预算表',
  '政府性基金预算支出功能分类预算表',
  '国有资本经营预算支出功能分类预算表',
  '一般公共预算基本支出部门预算经济分类预算表',
  '“三公”经费和机关运行经费预算表',
] as const;

/** 表式 of the Shanghai template: how the 普陀区 documents print the same tables by year. */
export interface ShLayout {
  name: string;
  /** Income rows of 一般公共预算 / 政府性基金 (「一般公共预算」「政府性基金预算」 2026; 「一般公共预算资金」「政府性基金」 2024–2025). */
  gpbLabel: string;
  govFundLabel: string;
  /** A zero amount of the 收支总表 tables (1, 4) prints as an empty cell (2024–2025) rather than 0.00 (2026). */
  zerosBlank: boolean;
  /** A zero amount of the 科目 grids (2, 3, 5–8) and the “三公” table prints as an empty cell (2025). */
  gridZerosBlank: boolean;
  /** The 科目 grids (tables 2, 3, 5–8) print thousands separators (2025) or not (2026). */
  gridThousands: boolean;
  /** An empty fund table prints a row 「无」 above its 合计 (2026). */
  emptyRow: boolean;
  /**
   * 单位预算 (a budget unit's own budget): titles 「预算单位…」 (the “三公” table 「单位…」), notes
   * 「本单位」, and the 收支总表 expense side split into 合计 | 人员经费 | 公用经费 | 项目支出.
   */
  unitBudget?: boolean;
}

export const SH_LAYOUTS: readonly ShLayout[] = [
  { name: '上海2026', gpbLabel: '一般公共预算', govFundLabel: '政府性基金预算', zerosBlank: false, gridZerosBlank: false, gridThousands: false, emptyRow: true },
  { name: '上海2025', gpbLabel: '一般公共预算资金', govFundLabel: '政府性基金', zerosBlank: true, gridZerosBlank: true, gridThousands: true, emptyRow: false },
  { name: '上海2025（单位预算）', gpbLabel: '一般公共预算资金', govFundLabel: '政府性基金', zerosBlank: true, gridZerosBlank: true, gridThousands: true, emptyRow: false, unitBudget: true },
  { name: '上海2024', gpbLabel: '一般公共预算资金', govFundLabel: '政府性基金', zerosBlank: true, gridZerosBlank: false, gridThousands: true, emptyRow: false },
];

export function shLayoutFor(input: EntryInput): ShLayout {
  return SH_LAYOUTS.find((l) => l.name === input.layout) ?? (input.year >= 2026 ? SH_LAYOUTS[0]! : input.year === 2025 ? SH_LAYOUTS[1]! : SH_LAYOUTS[3]!);
}

/** fen rounded half-up to 0.01 万元 (what a 万元 figure with two decimals prints). */
export function roundWan(fen: number): number {
  const step = 10_000;
  const abs = Math.abs(fen);
  const r = Math.floor((abs + step / 2) / step) * step;
  return fen < 0 ? -r : r;
}

/** 人员经费 = 工资福利支出 + 对个人和家庭的补助; 公用经费 = the rest of 基本支出. */
const isPersonnel = (l: BudgetLine) => l.economicCode.startsWith('301') || l.economicCode.startsWith('303');

/** 机关运行经费: typed on 「其他」, else the 公用经费 of 一般公共预算 基本支出, rounded to 0.01 万元. */
export function shAdminCost(input: EntryInput): number {
  return input.other.adminCost ?? roundWan(sumOf(input.lines, (l) => l.fund === 'gpb' && l.kind === 'basic' && !isPersonnel(l)));
}

/** “三公” parts: 财政拨款 lines of each part's economic code, each rounded to 0.01 万元. */
export function shThreePublic(input: EntryInput): Record<ThreePublicPart, number> {
  const out = {} as Record<ThreePublicPart, number>;
  for (const p of THREE_PUBLIC_PARTS) out[p.key] = roundWan(sumOf(input.lines, (l) => l.economicCode === p.economic && isFiscal(l.fund)));
  return out;
}

/** Income column of tables 1 and 2 for a fund source (上年结转 is not printed: reported by `shanghaiProblems`). */
function incomeColumn(l: BudgetLine): 'fiscal' | 'business' | 'operating' | 'other' {
  if (isFiscal(l.fund)) return 'fiscal';
  if (l.fund === 'business') return 'business';
  if (l.fund === 'operating') return 'operating';
  return 'other';
}

/** Input the Shanghai template cannot print. */
export function shanghaiProblems(input: EntryInput): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const l of input.lines) {
    if (l.fund === 'carriedOver') problems.push({ at: { ...l.at, column: '资金来源' }, zh: '上海市区级部门预算模板没有「上年结转」收入（请按实际资金来源填写）', en: 'the Shanghai template has no carried-over income' });
  }
  return problems;
}

/** Templates printing 万元 with two decimals cannot print a line typed in 元 finer than 0.01 万元. */
export function wanPrecisionProblems(input: EntryInput): EntryProblem[] {
  return input.lines
    .filter((l) => l.fen % 10_000 !== 0)
    .map((l) => ({
      at: { ...l.at, column: '金额（元）' },
      zh: `金额 ${formatFen(l.fen, '元', 2)} 元不是 0.01 万元的整数倍：所选模板的表以万元印两位小数（元精度的金额仅用于上海市区级部门预算）`,
      en: 'an amount finer than 0.01 万元: this template prints 万元 with two decimals',
    }));
}

class Printer {
  constructor(
    readonly file: string,
    readonly layout: ShLayout,
  ) {}

  /** An amount in 元 as the table prints it (null for a blank cell). */
  yuan(fen: number, thousands: boolean, blankZero = this.layout.zerosBlank): Amount | null {
    if (fen === 0 && blankZero) return null;
    const raw = thousands ? formatFenGrouped(fen, '元', 2) : formatFen(fen, '元', 2);
    return { fen, unit: '元', decimals: 2, raw, at: { file: this.file } };
  }

  wan(fen: number): Amount | null {
    if (fen === 0 && this.layout.gridZerosBlank) return null;
    return { fen, unit: '万元', decimals: 2, raw: formatFen(fen, '万元', 2), at: { file: this.file } };
  }

  cells(sums: Sums, keys: readonly string[], thousands: boolean, blank?: (key: string) => boolean): Record<string, Amount | null> {
    const out: Record<string, Amount | null> = {};
    for (const k of keys) out[k] = this.yuan(sums[k] ?? 0, thousands, blank?.(k) ?? this.layout.zerosBlank);
    return out;
  }
}

/** 「部门」, or for a 单位预算 「预算单位」 (the “三公” table: 「单位」). */
const who = (input: EntryInput, number: number) => (shLayoutFor(input).unitBudget ? (number === 9 ? '单位' : '预算单位') : '部门');

function table(input: EntryInput, file: string, number: number, kind: Table['kind'], columns: Column[], rows: Row[], unit: '元' | '万元', note?: string): Table {
  const t = makeTable({ kind, number, title: `${input.year}年${who(input, number)}${SHANGHAI_TITLES[number - 1]}`, columns, rows, ...(note ? { note } : {}), reportingUnit: input.reportingUnit ?? input.department }, file);
  // 「编制部门：」 above a department's tables, 「编制单位：」 above a unit's own (as 普陀区 prints them).
  return { ...t, unit, reportingLabel: shLayoutFor(input).unitBudget ? '编制单位' : '编制部门' };
}

/** 财务收支预算总表 / 财政拨款收支预算总表: income items beside the expense 类, then the totals. */
function panelTable(input: EntryInput, file: string, names: Names, p: Printer, fiscalOnly: boolean): Table {
  const L = p.layout;
  const lines = fiscalOnly ? input.lines.filter((l) => isFiscal(l.fund)) : input.lines;
  const byFund = (f: BudgetLine['fund']) => sumOf(lines, (l) => l.fund === f);
  const income: Row[] = [];
  const incomeRow = (name: string, printedNumber: string, fen: number): Row => ({ name, role: 'item', panel: 'income', printedNumber, cells: { amount: p.yuan(fen, true) }, at: { file } });
  if (fiscalOnly) {
    income.push(incomeRow(L.gpbLabel, '一', byFund('gpb')), incomeRow(L.govFundLabel, '二', byFund('govFund')), incomeRow('国有资本经营预算', '三', byFund('stateCapital')));
  } else {
    const col = (c: ReturnType<typeof incomeColumn>) => sumOf(lines, (l) => incomeColumn(l) === c);
    const sub = (n: number) => (L.unitBudget ? String(n) : `${n}.`);
    income.push(
      incomeRow('财政拨款收入', '一', col('fiscal')),
      incomeRow(L.gpbLabel, sub(1), byFund('gpb')),
      incomeRow(L.govFundLabel, sub(2), byFund('govFund')),
      incomeRow('国有资本经营预算', sub(3), byFund('stateCapital')),
      incomeRow('事业收入', '二', col('business')),
      incomeRow('事业单位经营收入', '三', col('operating')),
      incomeRow('其他收入', '四', col('other')),
    );
  }
  const byClass = new Map<string, Sums>();
  const all: Sums = {};
  for (const l of lines) {
    const cls = l.functionCode.slice(0, 3);
    const s = byClass.get(cls) ?? {};
    for (const into of [s, all]) {
      add(into, fiscalOnly ? 'total' : 'amount', l.fen);
      if (fiscalOnly) add(into, l.fund, l.fen);
      else if (L.unitBudget) add(into, l.kind !== 'basic' ? 'project' : isPersonnel(l) ? 'personnel' : 'publicUse', l.fen);
    }
    byClass.set(cls, s);
  }
  const expenseKeys = fiscalOnly ? ['total', 'gpb', 'govFund', 'stateCapital'] : L.unitBudget ? ['amount', 'personnel', 'publicUse', 'project'] : ['amount'];
  // The fund columns of 财政拨款支出 print blank where a fund has nothing (both years).
  const blank = fiscalOnly ? (k: string) => k !== 'total' || L.zerosBlank : undefined;
  const expense = [...byClass.keys()].sort().map((cls, i): Row => ({ name: names.name('function', cls), role: 'item', panel: 'expense', printedNumber: chineseNumber(i + 1), cells: p.cells(byClass.get(cls)!, expenseKeys, true, blank), at: { file } }));
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(income.length, expense.length); i++) {
    if (income[i]) rows.push(income[i]!);
    if (expense[i]) rows.push(expense[i]!);
  }
  rows.push({ name: '收入总计', role: 'total', panel: 'income', cells: { amount: p.yuan(sumOf(lines), true) }, at: { file } });
  rows.push({ name: '支出总计', role: 'total', panel: 'expense', cells: p.cells(all, expenseKeys, true, blank), at: { file } });
  const columns = fiscalOnly
    ? [amountColumn('amount', '预算数', 'income'), amountColumn('total', '合计', 'expense'), amountColumn('gpb', '一般公共预算', 'expense'), amountColumn('govFund', '政府性基金预算', 'expense'), amountColumn('stateCapital', '国有资本经营预算', 'expense')]
    : L.unitBudget
      ? [amountColumn('amount', '预算数', 'income'), amountColumn('amount', '合计', 'expense'), amountColumn('personnel', '人员经费', 'expense'), amountColumn('publicUse', '公用经费', 'expense'), amountColumn('project', '项目支出', 'expense')]
      : [amountColumn('amount', '预算数', 'income'), amountColumn('amount', '预算数', 'expense')];
  return table(input, file, fiscalOnly ? 4 : 1, fiscalOnly ? 'fiscalSummary' : 'summary', columns, rows, '元');
}

/** A 科目 grid: every code of the lines (类, 款, 项 / 类, 款), then 合计. */
function grid(lines: readonly BudgetLine[], scheme: 'function' | 'economic', keys: readonly string[], columnsOf: (l: BudgetLine) => string[], names: Names, p: Printer): Row[] {
  const tree = codeTree(lines, scheme, columnsOf);
  const file = p.file;
  const rows: Row[] = tree.codes.map((code) => ({ code, scheme, level: levelOf(scheme, code), name: names.name(scheme, code), role: 'item', cells: p.cells(tree.sums.get(code) ?? {}, keys, p.layout.gridThousands, () => p.layout.gridZerosBlank), at: { file } }));
  rows.push({ name: '合计', role: 'total', cells: p.cells(tree.total, keys, p.layout.gridThousands, () => p.layout.gridZerosBlank), at: { file } });
  return rows;
}

function incomeTable(input: EntryInput, file: string, names: Names, p: Printer): Table {
  const keys = ['total', 'fiscal', 'business', 'operating', 'other'];
  const labels = ['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'];
  const columns = keys.map((k, i) => amountColumn(k, `收入预算/${labels[i]}`));
  return table(input, file, 2, 'income', columns, grid(input.lines, 'function', keys, (l) => ['total', incomeColumn(l)], names, p), '元');
}

/** Tables 3, 5, 6, 7: 合计 | 基本支出 | 项目支出 by function; an empty fund table prints its note. */
function functionTable(input: EntryInput, file: string, names: Names, p: Printer, number: 3 | 5 | 6 | 7): Table {
  const spec = {
    3: { kind: 'expenditure', group: '支出预算', fund: undefined },
    5: { kind: 'gpbExpenditure', group: '一般公共预算支出', fund: 'gpb' },
    6: { kind: 'govFund', group: '政府性基金预算支出', fund: 'govFund' },
    7: { kind: 'stateCapital', group: '国有资本经营预算支出', fund: 'stateCapital' },
  } as const;
  const s = spec[number];
  const keys = ['total', 'basic', 'project'];
  const columns = [amountColumn('total', `${s.group}/合计`), amountColumn('basic', `${s.group}/基本支出`), amountColumn('project', `${s.group}/项目支出`)];
  const lines = s.fund ? input.lines.filter((l) => l.fund === s.fund) : input.lines;
  if ((number === 6 || number === 7) && lines.length === 0) {
    const blank = { total: null, basic: null, project: null };
    const rows: Row[] = [...(p.layout.emptyRow ? [{ name: '无', role: 'item' as const, cells: { ...blank }, at: { file } }] : []), { name: '合计', role: 'total', cells: { ...blank }, at: { file } }];
    const what = number === 6 ? '政府性基金预算' : '国有资本经营预算';
    return table(input, file, number, s.kind, columns, rows, '元', `注:本${p.layout.unitBudget ? '单位' : '部门'}${input.year}年无${what}财政拨款安排的预算，故本表为空表。`);
  }
  return table(input, file, number, s.kind, columns, grid(lines, 'function', keys, (l) => ['total', l.kind], names, p), '元');
}

function basicEconomicTable(input: EntryInput, file: string, names: Names, p: Printer): Table {
  const group = '一般公共预算基本支出';
  const keys = ['total', 'personnel', 'publicUse'];
  const columns = [amountColumn('total', `${group}/合计`), amountColumn('personnel', `${group}/人员经费`), amountColumn('publicUse', `${group}/公用经费`)];
  const lines = input.lines.filter((l) => l.fund === 'gpb' && l.kind === 'basic');
  return table(input, file, 8, 'gpbBasicEconomic', columns, grid(lines, 'economic', keys, (l) => ['total', isPersonnel(l) ? 'personnel' : 'publicUse'], names, p), '元');
}

function threePublicTable(input: EntryInput, file: string, p: Printer): Table {
  const tp = shThreePublic(input);
  const vehicle = tp.vehiclePurchase + tp.vehicleRunning;
  const group = '“三公”经费预算数';
  const values: [string, string, number][] = [
    ['total', `${group}/合计`, tp.abroad + tp.reception + vehicle],
    ['abroad', `${group}/因公出国(境)费`, tp.abroad],
    ['reception', `${group}/公务接待费`, tp.reception],
    ['vehicle', `${group}/公务用车购置及运行费/小计`, vehicle],
    ['vehiclePurchase', `${group}/公务用车购置及运行费/购置费`, tp.vehiclePurchase],
    ['vehicleRunning', `${group}/公务用车购置及运行费/运行费`, tp.vehicleRunning],
    ['adminCost', '机关运行经费预算数', shAdminCost(input)],
  ];
  const row: Row = { name: '“三公”经费', role: 'item', cells: Object.fromEntries(values.map(([k, , fen]) => [k, p.wan(fen)])), at: { file } };
  return table(input, file, 9, 'threePublic', values.map(([k, label]) => amountColumn(k, label)), [row], '万元');
}

/** The 9 tables of the Shanghai template, in order. */
export function shanghaiTables(input: EntryInput, file: string, names: Names): Table[] {
  const p = new Printer(file, shLayoutFor(input));
  return [
    panelTable(input, file, names, p, false),
    incomeTable(input, file, names, p),
    functionTable(input, file, names, p, 3),
    panelTable(input, file, names, p, true),
    functionTable(input, file, names, p, 5),
    functionTable(input, file, names, p, 6),
    functionTable(input, file, names, p, 7),
    basicEconomicTable(input, file, names, p),
    threePublicTable(input, file, p),
  ];
}

/** 目录 entries: the titles as printed. */
export function shanghaiContents(input: EntryInput): string[] {
  return SHANGHAI_TITLES.map((t, i) => `${input.year}年${who(input, i + 1)}${t}`);
}

