import type { Column, Row, Table } from '../model/index.js';
import type { EntryProblem } from './errors.js';
import {
  add,
  amountColumn,
  amountOf,
  cellsOf,
  chineseNumber,
  codeRows,
  codeTree,
  isFiscal,
  isSpecialAccount,
  makeTable,
  Names,
  sumOf,
  textColumn,
  totalRow,
  type Sums,
} from './derive.js';
import { projectKey, projectsOf, threePublicOf, unitOrder } from './facts.js';
import type { BudgetLine, EntryInput, FundSource } from './types.js';

/**
 * The Guangdong 12-table budget (广东省部门预算公开模板, seeds 000/001/003), computed from the budget
 * lines. Column keys, labels, row names and roles are those the recogniser produces for the seeds,
 * so checkers and renderers treat a generated document and a parsed one alike.
 */

/** A row of 收支总体情况表 / 财政拨款收支总体情况表: a 功能分类 类 (by code) or a named line. */
type PanelItem = { code: string } | { name: string; funds?: FundSource[]; zero?: boolean };

/**
 * 表式 of the Guangdong template. The template is the same across cities and years, but the 类
 * order of 收支总体情况表, the extra 债务/转移性 rows, the 收入总体情况表 rows (by unit or by
 * function), and the wording of the per-unit tables differ (seeds 000 = 2026 江门, 003 = 2026 广州,
 * 001 = 2024 江门).
 */
export interface GdLayout {
  name: string;
  /** 收支总体情况表 income rows above 本年收入合计, then below it (before 收入总计). */
  summaryIncome: PanelItem[];
  summaryIncomeBelow: PanelItem[];
  /** 收支总体情况表 expense rows above 本年支出合计 (类 codes and named lines), then below. */
  summaryExpense: PanelItem[];
  summaryExpenseBelow: PanelItem[];
  /** Whether the rows below the totals carry ordinals (2024) or not (2026 上年结转结余). */
  belowNumbered: boolean;
  /** 财政拨款收支总体情况表 expense 类 rows. */
  fiscalExpense: PanelItem[];
  /** 收入总体情况表: one row per unit (2026) or per function code (2024). */
  incomeBy: 'unit' | 'function';
  incomeColumns: Column[];
  expenditureTitle: string;
  expenditureColumns: Column[];
  /** 部门预算基本支出预算表 categories: economic 类 names, or 人员类/公用经费类. */
  basicCategories: 'economic' | 'personnel';
  /** Economic 类 names as this layout prints them in the per-unit basic table. */
  basicCategoryNames: Record<string, string>;
  /** Subtotal row names: {unit} is replaced by the unit's name. */
  basicSubtotal: { self: string; other: string };
  projectSubtotal: { self: string; other: string };
  /** 情况说明 has a 委托业务费 section (2026). */
  commissionedSection: boolean;
  /** 名词解释 lists 福利费 among 机关运行经费 items (2024). */
  welfareInAdminCost: boolean;
}

const CLASS_ORDER_2026 = ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '223', '222', '224', '229'];
const CLASS_ORDER_2024 = ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '229'];
const codes = (list: string[]): PanelItem[] => list.map((code) => ({ code }));

const INCOME_2026: PanelItem[] = [
  { name: '预算拨款', funds: ['gpb', 'govFund', 'stateCapital'] },
  { name: '财政专户拨款', funds: ['specialAccount', 'educationFees'] },
  { name: '事业收入', funds: ['business'] },
  { name: '事业单位经营收入', funds: ['operating'] },
  { name: '其他收入', funds: ['other'] },
  { name: '上级补助收入', funds: ['fromSuperior'] },
  { name: '附属单位上缴收入', funds: ['fromAffiliates'] },
];

const incomeColumns = (operating: string, last: Column): Column[] => [
  amountColumn('total', '合计'),
  amountColumn('gpb', '财政拨款收入/一般公共预算'),
  amountColumn('govFund', '财政拨款收入/政府性基金预算'),
  amountColumn('stateCapital', '财政拨款收入/国有资本经营预算'),
  amountColumn('educationFees', '财政专户拨款收入/教育收费'),
  amountColumn('otherSpecialAccount', '财政专户拨款收入/其他专户收入拨款'),
  amountColumn('business', '其他资金收入/事业收入'),
  amountColumn('operating', `其他资金收入/${operating}`),
  amountColumn('other', '其他资金收入/其他收入'),
  amountColumn('fromSuperior', '上级补助收入'),
  amountColumn('fromAffiliates', '附属单位上缴收入'),
  last,
];

const EXPENDITURE_COLUMNS: Column[] = [
  amountColumn('total', '合计'),
  amountColumn('basic', '基本支出'),
  amountColumn('project', '项目支出'),
  amountColumn('operating', '事业单位经营支出'),
  amountColumn('subsidyToAffiliates', '对附属单位补助支出'),
  amountColumn('toSuperior', '上缴上级支出'),
];

const GD_2026: GdLayout = {
  name: '广东2026',
  summaryIncome: INCOME_2026,
  summaryIncomeBelow: [{ name: '上年结转结余', funds: ['carriedOver'] }],
  summaryExpense: [...codes(CLASS_ORDER_2026), { name: '对附属单位补助支出', zero: true }, { name: '上缴上级支出', zero: true }],
  summaryExpenseBelow: [{ name: '结转结余下年', zero: true }],
  belowNumbered: false,
  fiscalExpense: codes(CLASS_ORDER_2026),
  incomeBy: 'unit',
  incomeColumns: incomeColumns('事业单位经营收入', amountColumn('carriedOver', '上年结转结余')),
  expenditureTitle: '本年支出总体情况表',
  expenditureColumns: EXPENDITURE_COLUMNS,
  basicCategories: 'economic',
  basicCategoryNames: { '301': '工资和福利支出' },
  basicSubtotal: { self: '{unit}-小计', other: '{unit}-小计' },
  projectSubtotal: { self: '{unit}-小计', other: '{unit}-小计' },
  commissionedSection: true,
  welfareInAdminCost: false,
};

const DEBT_ROWS = codes(['231', '232', '230']);

const GD_2026_DEBT: GdLayout = {
  ...GD_2026,
  name: '广东2026（含债务及转移性支出行）',
  summaryExpense: [...codes(CLASS_ORDER_2026), { name: '对附属单位补助支出', zero: true }, { name: '上缴上级支出', zero: true }, ...DEBT_ROWS],
  fiscalExpense: [...codes(CLASS_ORDER_2026), ...DEBT_ROWS],
  basicCategoryNames: {},
  basicSubtotal: { self: '{unit}（本级）', other: '{unit}' },
  projectSubtotal: { self: '{unit}', other: '{unit}' },
};

const GD_2024: GdLayout = {
  ...GD_2026,
  name: '广东2024',
  summaryIncome: [
    { name: '预算拨款', funds: ['gpb', 'govFund', 'stateCapital'] },
    { name: '财政专户拨款', funds: ['specialAccount', 'educationFees'] },
    { name: '其他资金', funds: ['business', 'operating', 'other'] },
  ],
  summaryIncomeBelow: [
    { name: '上级补助收入', funds: ['fromSuperior'] },
    { name: '附属单位上缴收入', funds: ['fromAffiliates'] },
    { name: '用事业基金弥补收支差额', zero: true },
  ],
  summaryExpense: codes(CLASS_ORDER_2024),
  summaryExpenseBelow: [{ name: '对附属单位补助支出', zero: true }, { name: '上缴上级支出', zero: true }, { name: '结转下年', zero: true }],
  belowNumbered: true,
  fiscalExpense: codes(CLASS_ORDER_2024),
  incomeBy: 'function',
  incomeColumns: incomeColumns('经营收入', amountColumn('businessFund', '用事业基金弥补收支差额')),
  expenditureTitle: '支出总体情况表',
  expenditureColumns: [...EXPENDITURE_COLUMNS, amountColumn('carryForward', '结转下年')],
  basicCategories: 'personnel',
  basicCategoryNames: {},
  commissionedSection: false,
  welfareInAdminCost: true,
};

export const GD_LAYOUTS: GdLayout[] = [GD_2026, GD_2026_DEBT, GD_2024];

export function gdLayoutFor(input: EntryInput): GdLayout {
  return GD_LAYOUTS.find((l) => l.name === input.layout) ?? (input.year && input.year <= 2024 ? GD_2024 : GD_2026);
}

/** 收入总体情况表 column of a fund source. */
const INCOME_COLUMN: Record<FundSource, string> = {
  gpb: 'gpb',
  govFund: 'govFund',
  stateCapital: 'stateCapital',
  educationFees: 'educationFees',
  specialAccount: 'otherSpecialAccount',
  business: 'business',
  operating: 'operating',
  other: 'other',
  fromSuperior: 'fromSuperior',
  fromAffiliates: 'fromAffiliates',
  carriedOver: 'carriedOver',
};

/** 分单位表 column of a fund source: 财政拨款 by budget, 财政专户拨款, 其他资金. */
function unitColumns(f: FundSource): string[] {
  if (isFiscal(f)) return ['total', 'fiscal', f];
  if (isSpecialAccount(f)) return ['total', 'specialAccount'];
  return ['total', 'other'];
}

export const GD_TITLES = [
  '收支总体情况表',
  '收入总体情况表',
  '本年支出总体情况表',
  '财政拨款收支总体情况表',
  '一般公共预算支出情况表（按功能分类科目）',
  '一般公共预算基本支出情况表（按经济分类科目）',
  '一般公共预算项目支出情况表（按经济分类科目）',
  '财政拨款安排的行政经费及“三公”经费预算表',
  '政府性基金预算支出情况表',
  '国有资本经营预算支出情况表',
  '部门预算基本支出预算表',
  '部门预算项目支出及其他支出预算表',
];

export function gdContents(layout: GdLayout): string[] {
  return GD_TITLES.map((t, i) => (i === 2 ? layout.expenditureTitle : t));
}

const NOTE_NONE = '注：无。';
const NOTE_EMPTY = '注：本表本年无发生额。';
const NOTE_SUMMARY = '注：财政拨款收支情况包括一般公共预算、政府性基金预算、国有资本经营预算拨款收支情况。\n本套报表金额单位转换时可能存在尾数误差。';
const NOTE_FISCAL = '注：表中功能分类科目，根据部门实际预算编制情况编制。';

const noteFor = (total: number) => (total === 0 ? NOTE_EMPTY : NOTE_NONE);

interface Ctx {
  input: EntryInput;
  file: string;
  names: Names;
  layout: GdLayout;
  problems: EntryProblem[];
  reportingUnit: string;
}

/** Two panels side by side: rows interleaved line by line as printed (income, expense, income, …). */
function panelTable(
  income: { above: Row[]; total: Row; below: Row[]; grand: Row },
  expense: { above: Row[]; total: Row; below: Row[]; grand: Row },
): Row[] {
  const rows: Row[] = [];
  const zip = (a: Row[], b: Row[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i]) rows.push(a[i]!);
      if (b[i]) rows.push(b[i]!);
    }
  };
  zip(income.above, expense.above);
  rows.push(income.total, expense.total);
  zip(income.below, expense.below);
  rows.push(income.grand, expense.grand);
  return rows;
}

function panelRow(ctx: Ctx, panel: 'income' | 'expense', name: string, fen: number, ordinal?: number): Row {
  return {
    name,
    role: 'item',
    panel,
    ...(ordinal !== undefined ? { printedNumber: chineseNumber(ordinal) } : {}),
    cells: { amount: amountOf(fen, ctx.file) },
    at: { file: ctx.file },
  };
}

function panelTotal(ctx: Ctx, panel: 'income' | 'expense', name: string, fen: number): Row {
  return { name, role: 'total', panel, cells: { amount: amountOf(fen, ctx.file) }, at: { file: ctx.file } };
}

/** 功能分类 类 sums of some lines; 类 not in `items` are appended after the listed 类 (so nothing is lost). */
function classItems(items: PanelItem[], lines: readonly BudgetLine[]): PanelItem[] {
  const listed = new Set(items.filter((i): i is { code: string } => 'code' in i).map((i) => i.code));
  const extra = [...new Set(lines.filter((l) => l.fen !== 0).map((l) => l.functionCode.slice(0, 3)))].filter((c) => !listed.has(c)).sort();
  if (extra.length === 0) return items;
  const lastClass = items.reduce((at, item, i) => ('code' in item ? i : at), -1);
  return [...items.slice(0, lastClass + 1), ...extra.map((code) => ({ code })), ...items.slice(lastClass + 1)];
}

function itemFen(item: PanelItem, lines: readonly BudgetLine[]): number {
  if ('code' in item) return sumOf(lines, (l) => l.functionCode.startsWith(item.code));
  if (item.zero || !item.funds) return 0;
  const funds = item.funds;
  return sumOf(lines, (l) => funds.includes(l.fund));
}

function itemName(ctx: Ctx, item: PanelItem): string {
  return 'code' in item ? ctx.names.name('function', item.code) : item.name;
}

function summaryTable(ctx: Ctx): Table {
  const { layout, input, file } = ctx;
  const lines = input.lines;
  let n = 0;
  const incomeAbove = layout.summaryIncome.map((item) => panelRow(ctx, 'income', itemName(ctx, item), itemFen(item, lines), ++n));
  const incomeBelow = layout.summaryIncomeBelow.map((item) => panelRow(ctx, 'income', itemName(ctx, item), itemFen(item, lines), layout.belowNumbered ? ++n : undefined));
  n = 0;
  const expenseItems = classItems(layout.summaryExpense, lines);
  const expenseAbove = expenseItems.map((item) => panelRow(ctx, 'expense', itemName(ctx, item), itemFen(item, lines), ++n));
  const expenseBelow = layout.summaryExpenseBelow.map((item) => panelRow(ctx, 'expense', itemName(ctx, item), itemFen(item, lines), layout.belowNumbered ? ++n : undefined));
  const carried = sumOf(lines, (l) => l.fund === 'carriedOver');
  const all = sumOf(lines);
  const current = all - carried;
  const rows = panelTable(
    { above: incomeAbove, total: panelTotal(ctx, 'income', '本年收入合计', current), below: incomeBelow, grand: panelTotal(ctx, 'income', '收入总计', all) },
    { above: expenseAbove, total: panelTotal(ctx, 'expense', '本年支出合计', all), below: expenseBelow, grand: panelTotal(ctx, 'expense', '支出总计', all) },
  );
  return makeTable(
    { kind: 'summary', number: 1, title: GD_TITLES[0]!, columns: [amountColumn('amount', '预算', 'income'), amountColumn('amount', '预算', 'expense')], rows, note: NOTE_SUMMARY, reportingUnit: ctx.reportingUnit },
    file,
  );
}

function fiscalSummaryTable(ctx: Ctx): Table {
  const { layout, input, file } = ctx;
  const fiscal = input.lines.filter((l) => isFiscal(l.fund));
  let n = 0;
  const incomeAbove = (['gpb', 'govFund', 'stateCapital'] as const).map((f, i) =>
    panelRow(ctx, 'income', ['一般公共预算', '政府性基金预算', '国有资本经营预算'][i]!, sumOf(fiscal, (l) => l.fund === f), ++n),
  );
  n = 0;
  const items = classItems(layout.fiscalExpense, fiscal);
  const expenseAbove = items.map((item) => panelRow(ctx, 'expense', itemName(ctx, item), itemFen(item, fiscal), ++n));
  const total = sumOf(fiscal);
  const rows = panelTable(
    { above: incomeAbove, total: panelTotal(ctx, 'income', '本年收入合计', total), below: [], grand: panelTotal(ctx, 'income', '收入总计', total) },
    { above: expenseAbove, total: panelTotal(ctx, 'expense', '本年支出合计', total), below: [panelRow(ctx, 'expense', '结转下年', 0, ++n)], grand: panelTotal(ctx, 'expense', '支出总计', total) },
  );
  return makeTable(
    { kind: 'fiscalSummary', number: 4, title: GD_TITLES[3]!, columns: [amountColumn('amount', '预算', 'income'), amountColumn('amount', '预算', 'expense')], rows, note: NOTE_FISCAL, reportingUnit: ctx.reportingUnit },
    file,
  );
}

function incomeTable(ctx: Ctx): Table {
  const { layout, input, file } = ctx;
  const keys = layout.incomeColumns.map((c) => c.key);
  const cols = (l: BudgetLine) => ['total', INCOME_COLUMN[l.fund]];
  const total: Sums = {};
  for (const l of input.lines) for (const k of cols(l)) add(total, k, l.fen);
  const rows: Row[] = [totalRow('合计', total, keys, file)];
  if (layout.incomeBy === 'unit') {
    for (const unit of unitOrder(input)) {
      const sums: Sums = {};
      for (const l of input.lines) if (l.unit === unit) for (const k of cols(l)) add(sums, k, l.fen);
      rows.push({ name: unit, role: 'item', unit, cells: cellsOf(sums, keys, file), at: { file } });
    }
  } else {
    rows.push(...codeRows(codeTree(input.lines, 'function', cols), 'function', keys, ctx.names, file));
  }
  return makeTable({ kind: 'income', number: 2, title: GD_TITLES[1]!, columns: layout.incomeColumns, rows, note: NOTE_NONE, reportingUnit: ctx.reportingUnit }, file);
}

/** A function-classified table (支出总体情况表, 一般公共预算 / 基金 / 国资 支出表) over some lines. */
function functionTable(ctx: Ctx, kind: 'expenditure' | 'gpbExpenditure' | 'govFund' | 'stateCapital', number: number, title: string, columns: Column[], lines: readonly BudgetLine[]): Table {
  const keys = columns.map((c) => c.key);
  const tree = codeTree(lines, 'function', (l) => ['total', l.kind]);
  const rows = [totalRow('合计', tree.total, keys, ctx.file), ...codeRows(tree, 'function', keys, ctx.names, ctx.file)];
  return makeTable({ kind, number, title, columns, rows, note: noteFor(tree.total.total ?? 0), reportingUnit: ctx.reportingUnit }, ctx.file);
}

const budgetColumns = (group: string): Column[] => [amountColumn('total', `${group}/小计`), amountColumn('basic', `${group}/其中：基本支出`), amountColumn('project', `${group}/项目支出`)];

function economicTable(ctx: Ctx, kind: 'gpbBasicEconomic' | 'gpbProjectEconomic', number: number, lines: readonly BudgetLine[]): Table {
  const tree = codeTree(lines, 'economic', () => ['amount']);
  const rows = [totalRow('合计', tree.total, ['amount'], ctx.file), ...codeRows(tree, 'economic', ['amount'], ctx.names, ctx.file)];
  return makeTable({ kind, number, title: GD_TITLES[number - 1]!, columns: [amountColumn('amount', '预算')], rows, note: noteFor(tree.total.amount ?? 0), reportingUnit: ctx.reportingUnit }, ctx.file);
}

function threePublicTable(ctx: Ctx): Table {
  const { input, file } = ctx;
  const keys = ['total', 'gpb', 'govFund', 'stateCapital'];
  const tp = threePublicOf(input);
  const admin: Sums = { total: input.other.adminCost ?? 0, gpb: input.other.adminCost ?? 0 };
  const sumParts = (...parts: Sums[]): Sums => {
    const s: Sums = {};
    for (const p of parts) for (const [k, v] of Object.entries(p)) add(s, k, v);
    return s;
  };
  const vehicle = sumParts(tp.vehiclePurchase.byFund, tp.vehicleRunning.byFund);
  const total = sumParts(tp.abroad.byFund, vehicle, tp.reception.byFund);
  const row = (name: string, sums: Sums, printedNumber?: string): Row => ({ name, role: 'item', ...(printedNumber ? { printedNumber } : {}), cells: cellsOf(sums, keys, file), at: { file } });
  const rows = [
    row('行政经费', admin),
    row('“三公”经费', total),
    row('因公出国（境）支出', tp.abroad.byFund, '（一）'),
    row('公务用车购置及运行维护支出', vehicle, '（二）'),
    row('公务用车购置费', tp.vehiclePurchase.byFund, '1.'),
    row('公务用车运行维护费', tp.vehicleRunning.byFund, '2.'),
    row('公务接待费支出', tp.reception.byFund, '（三）'),
  ];
  return makeTable(
    {
      kind: 'threePublic', number: 8, title: GD_TITLES[7]!,
      columns: [amountColumn('total', '合计'), amountColumn('gpb', '一般公共预算'), amountColumn('govFund', '政府性基金预算'), amountColumn('stateCapital', '国有资本经营预算')],
      rows, note: NOTE_NONE, reportingUnit: ctx.reportingUnit,
    },
    file,
  );
}

function subtotalName(pattern: { self: string; other: string }, unit: string, self: boolean): string {
  return (self ? pattern.self : pattern.other).replace('{unit}', unit);
}

const UNIT_BASIC_COLUMNS: Column[] = [
  amountColumn('total', '总计'),
  amountColumn('fiscal', '财政拨款/合计'),
  amountColumn('gpb', '财政拨款/一般公共预算'),
  amountColumn('govFund', '财政拨款/政府性基金预算'),
  amountColumn('specialAccount', '财政专户拨款'),
  amountColumn('other', '其他资金'),
];

const UNIT_PROJECT_COLUMNS: Column[] = [
  amountColumn('total', '总计'),
  amountColumn('fiscal', '财政拨款/合计'),
  amountColumn('gpb', '财政拨款/一般公共预算'),
  amountColumn('govFund', '财政拨款/政府性基金预算'),
  amountColumn('stateCapital', '财政拨款/国有资本经营预算'),
  amountColumn('specialAccount', '财政专户拨款'),
  amountColumn('other', '其他资金'),
  textColumn('performanceTarget', '绩效目标'),
];

function unitBasicTable(ctx: Ctx): Table {
  const { input, file, layout } = ctx;
  const keys = UNIT_BASIC_COLUMNS.map((c) => c.key);
  const basic = input.lines.filter((l) => l.kind === 'basic');
  const total: Sums = {};
  for (const l of basic) for (const k of unitColumns(l.fund)) add(total, k, l.fen);
  const rows: Row[] = [totalRow('合计', total, keys, file)];
  const selfOf = new Map(input.units.map((u) => [u.name, u.self]));
  for (const unit of unitOrder(input)) {
    const mine = basic.filter((l) => l.unit === unit);
    if (mine.length === 0) continue;
    const sub: Sums = {};
    const categories = new Map<string, Sums>();
    const category = (l: BudgetLine): string => {
      const cls = l.economicCode.slice(0, 3);
      if (layout.basicCategories === 'personnel') return cls === '301' || cls === '303' ? '人员类' : '公用经费类';
      return cls;
    };
    for (const l of mine) {
      let s = categories.get(category(l));
      if (!s) categories.set(category(l), (s = {}));
      for (const k of unitColumns(l.fund)) {
        add(sub, k, l.fen);
        add(s, k, l.fen);
      }
    }
    rows.push({ name: subtotalName(layout.basicSubtotal, unit, selfOf.get(unit) ?? false), role: 'subtotal', unit, cells: cellsOf(sub, keys, file), at: { file } });
    const order = layout.basicCategories === 'personnel' ? ['人员类', '公用经费类'].filter((c) => categories.has(c)) : [...categories.keys()].sort();
    for (const c of order) {
      const name = layout.basicCategories === 'personnel' ? c : (layout.basicCategoryNames[c] ?? ctx.names.name('economic', c));
      rows.push({ name, role: 'item', unit, cells: cellsOf(categories.get(c)!, keys, file), at: { file } });
    }
  }
  return makeTable({ kind: 'unitBasic', number: 11, title: GD_TITLES[10]!, columns: UNIT_BASIC_COLUMNS, rows, note: noteFor(total.total ?? 0), reportingUnit: ctx.reportingUnit }, file);
}

function unitProjectTable(ctx: Ctx): Table {
  const { input, file, layout } = ctx;
  const keys = UNIT_PROJECT_COLUMNS.filter((c) => c.type === 'amount').map((c) => c.key);
  const projectLines = input.lines.filter((l) => l.kind === 'project');
  const total: Sums = {};
  for (const l of projectLines) for (const k of unitColumns(l.fund)) add(total, k, l.fen);
  const rows: Row[] = [totalRow('合计', total, keys, file)];
  const selfOf = new Map(input.units.map((u) => [u.name, u.self]));
  const projects = projectsOf(input);
  for (const unit of unitOrder(input)) {
    const mine = projectLines.filter((l) => l.unit === unit);
    if (mine.length === 0) continue;
    const sub: Sums = {};
    const byProject = new Map<string, Sums>();
    for (const l of mine) {
      const name = l.project ?? '';
      let s = byProject.get(name);
      if (!s) byProject.set(name, (s = {}));
      for (const k of unitColumns(l.fund)) {
        add(sub, k, l.fen);
        add(s, k, l.fen);
      }
    }
    rows.push({ name: subtotalName(layout.projectSubtotal, unit, selfOf.get(unit) ?? false), role: 'subtotal', unit, cells: cellsOf(sub, keys, file), at: { file } });
    for (const [name, sums] of byProject) {
      const target = projects.get(projectKey(unit, name))?.target;
      rows.push({ name, role: 'item', unit, project: name, cells: cellsOf(sums, keys, file), ...(target ? { text: { performanceTarget: target } } : {}), at: { file } });
    }
  }
  return makeTable({ kind: 'unitProject', number: 12, title: GD_TITLES[11]!, columns: UNIT_PROJECT_COLUMNS, rows, note: noteFor(total.total ?? 0), reportingUnit: ctx.reportingUnit }, file);
}

/** 重点项目预算绩效目标表 (printed inside the 情况说明). */
export function keyProjectsTable(input: EntryInput, file: string): Table | undefined {
  const key = input.projects.filter((p) => p.key);
  if (key.length === 0) return undefined;
  const rows: Row[] = key.map((p) => {
    const fen = p.fen ?? sumOf(input.lines, (l) => l.kind === 'project' && l.project === p.name && (p.unit === undefined || l.unit === p.unit));
    return { name: p.name, role: 'item', cells: { amount: amountOf(fen, file) }, ...(p.target ? { text: { performanceTarget: p.target } } : {}), at: { file } };
  });
  return makeTable({ kind: 'keyProjects', title: '重点项目预算绩效目标表', columns: [amountColumn('amount', '预算数（单位：万元）'), textColumn('performanceTarget', '绩效目标')], rows, note: NOTE_NONE }, file);
}

/** The 12 tables of the Guangdong template, in order. */
export function guangdongTables(input: EntryInput, file: string, names: Names, problems: EntryProblem[]): Table[] {
  const layout = gdLayoutFor(input);
  const ctx: Ctx = { input, file, names, layout, problems, reportingUnit: input.reportingUnit ?? input.department };
  const lines = input.lines;
  const gpb = lines.filter((l) => l.fund === 'gpb');
  return [
    summaryTable(ctx),
    incomeTable(ctx),
    functionTable(ctx, 'expenditure', 3, layout.expenditureTitle, layout.expenditureColumns, lines),
    fiscalSummaryTable(ctx),
    functionTable(ctx, 'gpbExpenditure', 5, GD_TITLES[4]!, budgetColumns('一般公共预算支出'), gpb),
    economicTable(ctx, 'gpbBasicEconomic', 6, gpb.filter((l) => l.kind === 'basic')),
    economicTable(ctx, 'gpbProjectEconomic', 7, gpb.filter((l) => l.kind === 'project')),
    threePublicTable(ctx),
    functionTable(ctx, 'govFund', 9, GD_TITLES[8]!, budgetColumns('政府性基金预算支出'), lines.filter((l) => l.fund === 'govFund')),
    functionTable(ctx, 'stateCapital', 10, GD_TITLES[9]!, budgetColumns('国有资本经营预算支出'), lines.filter((l) => l.fund === 'stateCapital')),
    unitBasicTable(ctx),
    unitProjectTable(ctx),
  ];
}
