import type { Column, Row, Table } from '../model/index.js';
import { templateById } from '../templates/index.js';
import { add, amountColumn, amountOf, codeRows, isFiscal, makeTable, printWan, rollUp, type Names, type Sums } from './derive.js';
import type { EntryProblem } from './errors.js';
import { threePublicOf } from './facts.js';
import { SHEET } from './layout.js';
import { BUDGET_SPENDING_KINDS, THREE_PUBLIC_PARTS } from './types.js';
import type { BudgetLine, EntryInput, FiscalFund, IncomeSource } from './types.js';

/**
 * The national 9-table 部门决算 (全国统一部门决算公开样表, seed 002), computed from the input:
 *
 * - 本年支出 = the lines of 「预算明细」 (决算数), by unit, function 项, economic 款, fund, kind;
 * - 非财政拨款收入 = 「收入明细」 (function 项 × source);
 * - 财政拨款 年初 / 年末结转和结余 = 「结转结余」 (function 项 × fund), and
 *   财政拨款收入 = 支出 + 年末 − 年初 of each 项 and fund (never typed);
 * - 非财政拨款 年初结转和结余, 使用非财政拨款结余, 结余分配 = 「其他」, and
 *   非财政拨款 年末结转和结余 = 年初 + 收入 + 使用结余 − 支出 − 结余分配 (never typed).
 *
 * So 收入 side = 支出 side of 收入支出决算总表 and of 财政拨款收入支出决算总表, and every 类/款/合计
 * is the exact sum of its parts. Row names, roles, 行次, column keys and labels are those the
 * recogniser reads from seed 002.
 */

export const FINAL_TITLES = [
  '收入支出决算总表',
  '收入决算表',
  '支出决算表',
  '财政拨款收入支出决算总表',
  '一般公共预算财政拨款支出决算表',
  '一般公共预算财政拨款基本支出决算明细表',
  '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款支出决算表',
  '财政拨款“三公”经费支出决算表',
] as const;

const NOTES = [
  '注：1.本表反映单位本年度的总收支和年末结转结余情况。\n2.本套报表金额单位转换时可能存在尾数误差。',
  '注：本表反映单位本年度取得的各项收入情况。',
  '注：本表反映单位本年度各项支出情况。',
  '注：本表反映单位本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  '注：本表反映单位本年度一般公共预算财政拨款实际支出情况。',
  '注：本表反映单位本年度一般公共预算财政拨款基本支出明细情况。',
  '注：本表反映单位本年度政府性基金预算财政拨款收入、支出及结转结余情况。',
  '注：本表反映单位本年度国有资本经营预算财政拨款支出情况。',
  '注：本表反映单位本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
] as const;
const NO_ACTIVITY = '\n本表本年度无发生额。';

/** 功能分类 类 rows of the two 总表, in the template's order and wording (seed 002). */
const CLASS_ROWS: readonly (readonly [string, string])[] = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
  ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'],
  ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'], ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'], ['224', '灾害防治及应急管理支出'], ['229', '其他支出'],
  ['231', '债务还本支出'], ['232', '债务付息支出'], ['234', '抗疫特别国债安排的支出'],
];

/** Economic 款 of 基本支出决算明细表, printed even when zero (seed 002's list). 人员经费 = 301 + 303. */
const BASIC_ECONOMIC: readonly string[] = [
  '301', '30101', '30102', '30103', '30106', '30107', '30108', '30109', '30110', '30111', '30112', '30113', '30114', '30199',
  '302', '30201', '30202', '30203', '30204', '30205', '30206', '30207', '30208', '30209', '30211', '30212', '30213', '30214', '30215',
  '30216', '30217', '30218', '30224', '30225', '30226', '30227', '30228', '30229', '30231', '30239', '30240', '30299',
  '303', '30301', '30302', '30303', '30304', '30305', '30306', '30307', '30308', '30309', '30310', '30311', '30399',
  '307', '30701', '30702',
  '310', '31001', '31002', '31003', '31005', '31006', '31007', '31008', '31009', '31010', '31011', '31012', '31013', '31019', '31021', '31022', '31099',
  '399', '39907', '39908', '39909', '39910', '39999',
];
const isPersonnelCode = (code: string) => code.startsWith('301') || code.startsWith('303');

const FISCAL: readonly { fund: FiscalFund; income: string; short: string }[] = [
  { fund: 'gpb', income: '一般公共预算财政拨款收入', short: '一般公共预算财政拨款' },
  { fund: 'govFund', income: '政府性基金预算财政拨款收入', short: '政府性基金预算财政拨款' },
  { fund: 'stateCapital', income: '国有资本经营预算财政拨款收入', short: '国有资本经营预算财政拨款' },
];
const NON_FISCAL_INCOME: readonly { source: IncomeSource; name: string }[] = [
  { source: 'fromSuperior', name: '上级补助收入' },
  { source: 'business', name: '事业收入' },
  { source: 'operating', name: '经营收入' },
  { source: 'fromAffiliates', name: '附属单位上缴收入' },
  { source: 'other', name: '其他收入' },
];

/** 财政拨款 of one function 项 and fund: 支出 (from the lines), balances, and the computed 收入. */
export interface FiscalPiece {
  functionCode: string;
  fund: FiscalFund;
  expense: number;
  basic: number;
  project: number;
  opening: number;
  closing: number;
  /** = expense + closing − opening. */
  income: number;
}

const fiscalLine = (l: BudgetLine): l is BudgetLine & { fund: FiscalFund } => isFiscal(l.fund);

export function fiscalPieces(input: EntryInput): FiscalPiece[] {
  const byKey = new Map<string, FiscalPiece>();
  const piece = (functionCode: string, fund: FiscalFund) => {
    const key = `${fund}:${functionCode}`;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { functionCode, fund, expense: 0, basic: 0, project: 0, opening: 0, closing: 0, income: 0 }));
    return p;
  };
  for (const l of input.lines) {
    if (!fiscalLine(l)) continue;
    const p = piece(l.functionCode, l.fund);
    p.expense += l.fen;
    if (l.kind === 'basic') p.basic += l.fen;
    if (l.kind === 'project') p.project += l.fen;
  }
  for (const b of input.balances ?? []) {
    const p = piece(b.functionCode, b.fund);
    p.opening += b.opening;
    p.closing += b.closing;
  }
  for (const p of byKey.values()) p.income = p.expense + p.closing - p.opening;
  return [...byKey.values()];
}

/** The figures of 收入支出决算总表, shared with the narrative. */
export interface FinalTotals {
  income: Record<FiscalFund | IncomeSource, number>;
  incomeTotal: number;
  surplusUsed: number;
  opening: number;
  fiscalOpening: Record<FiscalFund, number>;
  expenseTotal: number;
  byKind: Record<BudgetLine['kind'], number>;
  fiscalExpense: Record<FiscalFund, number>;
  distribution: number;
  closing: number;
  fiscalClosing: Record<FiscalFund, number>;
  nonFiscalOpening: number;
  /** Computed: 年初 + 收入 + 使用结余 − 支出 − 结余分配 of the non-fiscal funds. */
  nonFiscalClosing: number;
}

export function finalTotals(input: EntryInput): FinalTotals {
  const pieces = fiscalPieces(input);
  const zero3 = (): Record<FiscalFund, number> => ({ gpb: 0, govFund: 0, stateCapital: 0 });
  const income = { ...zero3(), fromSuperior: 0, business: 0, operating: 0, fromAffiliates: 0, other: 0 };
  const fiscalOpening = zero3();
  const fiscalClosing = zero3();
  const fiscalExpense = zero3();
  for (const p of pieces) {
    income[p.fund] += p.income;
    fiscalOpening[p.fund] += p.opening;
    fiscalClosing[p.fund] += p.closing;
    fiscalExpense[p.fund] += p.expense;
  }
  let nonFiscalIncome = 0;
  for (const l of input.income ?? []) {
    income[l.source] += l.fen;
    nonFiscalIncome += l.fen;
  }
  const byKind: Record<BudgetLine['kind'], number> = { basic: 0, project: 0, toSuperior: 0, operating: 0, subsidyToAffiliates: 0 };
  let expenseTotal = 0;
  let nonFiscalExpense = 0;
  for (const l of input.lines) {
    byKind[l.kind] += l.fen;
    expenseTotal += l.fen;
    if (!isFiscal(l.fund)) nonFiscalExpense += l.fen;
  }
  const o = input.other;
  const surplusUsed = o.surplusUsed ?? 0;
  const distribution = o.surplusDistribution ?? 0;
  const nonFiscalOpening = o.nonFiscalOpening ?? 0;
  const nonFiscalClosing = nonFiscalOpening + nonFiscalIncome + surplusUsed - nonFiscalExpense - distribution;
  const sum3 = (r: Record<FiscalFund, number>) => r.gpb + r.govFund + r.stateCapital;
  const incomeTotal = Object.values(income).reduce((s, v) => s + v, 0);
  return {
    income,
    incomeTotal,
    surplusUsed,
    opening: sum3(fiscalOpening) + nonFiscalOpening,
    fiscalOpening,
    expenseTotal,
    byKind,
    fiscalExpense,
    distribution,
    closing: sum3(fiscalClosing) + nonFiscalClosing,
    fiscalClosing,
    nonFiscalOpening,
    nonFiscalClosing,
  };
}

/** Problems only a 决算 input can have (and 决算-only input in a budget). */
export function finalProblems(input: EntryInput): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const final = input.template === 'national-final';
  if (final && input.kind !== 'final') problems.push({ at: { sheet: SHEET.info, column: '类型' }, zh: '「部门决算（全国统一9张表）」模板的类型应为「决算」', en: 'the national-final template needs 类型 = 决算' });
  if (!final && input.kind === 'final') problems.push({ at: { sheet: SHEET.info, column: '公开模板' }, zh: '决算请选择「部门决算（全国统一9张表）」模板', en: 'a final account needs the national-final template' });
  if (!final) {
    for (const l of input.lines) {
      if (!BUDGET_SPENDING_KINDS.includes(l.kind)) problems.push({ at: { ...l.at, column: '支出类型' }, zh: '预算只有「基本支出」「项目支出」（上缴上级支出、经营支出、对附属单位补助支出只用于决算）', en: 'budgets have basic and project spending only' });
    }
    if (input.kind !== 'final') {
      if (input.classBudgets?.length) problems.push({ at: { sheet: SHEET.classBudgets }, zh: '「分类预算数」只用于决算', en: 'the 分类预算数 sheet is for final accounts only' });
      if (input.income?.length) problems.push({ at: { sheet: SHEET.income }, zh: '「收入明细」只用于决算，预算的收入由预算明细的资金来源计算', en: 'the 收入明细 sheet is for final accounts only' });
      if (input.balances?.length) problems.push({ at: { sheet: SHEET.balances }, zh: '「结转结余」只用于决算', en: 'the 结转结余 sheet is for final accounts only' });
    }
    return problems;
  }
  for (const l of input.lines) {
    if (l.fund === 'carriedOver') {
      problems.push({ at: { ...l.at, column: '资金来源' }, zh: '决算中使用以前年度结转资金的支出按资金性质填写资金来源（如一般公共预算），年初结转和结余填在「结转结余」或「其他」', en: 'in a final account, spending of carried-over funds takes the fund it belongs to; balances go to 结转结余' });
    }
  }
  for (const p of fiscalPieces(input)) {
    if (p.income >= 0) continue;
    const b = input.balances?.find((x) => x.functionCode === p.functionCode && x.fund === p.fund);
    problems.push({
      at: b?.at ?? { sheet: SHEET.balances },
      zh: `功能科目 ${p.functionCode} 的财政拨款收入算得为负数（支出 ${printWan(p.expense)} + 年末 ${printWan(p.closing)} − 年初 ${printWan(p.opening)} 万元）：请核对支出和结转结余`,
      en: `${p.functionCode} ${p.fund}: income = expense + closing − opening is negative`,
    });
  }
  const budgets = input.classBudgets ?? [];
  const gpbBudget = input.other.initialBudgetGpb;
  const budgetSum = budgets.reduce((s, b) => s + b.fen, 0);
  if (budgets.length && gpbBudget !== undefined && budgetSum !== gpbBudget) {
    problems.push({
      at: { sheet: SHEET.classBudgets, column: '年初预算数（万元）' },
      zh: `各类年初预算数之和为 ${printWan(budgetSum)} 万元，但「其他」中的年初预算数（一般公共预算财政拨款支出）为 ${printWan(gpbBudget)} 万元（二者应一致）`,
      en: `class budgets add up to ${printWan(budgetSum)} but 年初预算数（一般公共预算） is ${printWan(gpbBudget)}`,
    });
  }
  const t = finalTotals(input);
  if (t.nonFiscalClosing < 0) {
    problems.push({
      at: { sheet: SHEET.other, column: '年初结转和结余（非财政拨款）' },
      zh: `非财政拨款年末结转和结余算得为负数（${printWan(t.nonFiscalClosing)} 万元）：非财政拨款支出多于年初结转和结余、收入与使用结余之和`,
      en: 'non-fiscal closing balance computes negative',
    });
  }
  const typed = input.other.nonFiscalClosing;
  if (typed !== undefined && typed !== t.nonFiscalClosing) {
    problems.push({
      at: { sheet: SHEET.other, column: '年末结转和结余（非财政拨款，可不填）' },
      zh: `非财政拨款年末结转和结余填为 ${printWan(typed)} 万元，但按年初 + 收入 + 使用结余 − 支出 − 结余分配计算为 ${printWan(t.nonFiscalClosing)} 万元（二者应一致；可不填）`,
      en: `non-fiscal closing balance typed ${printWan(typed)} but computes ${printWan(t.nonFiscalClosing)}`,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const numbered = (cols: Column[]): Column[] => cols.map((c, i) => ({ ...c, printedNumber: String(i + 1) }));

function gridRows(items: readonly { code: string; sums: Sums }[], keys: readonly string[], names: Names, file: string): Row[] {
  const tree = rollUp(items, 'function');
  const total: Row = { name: '合计', role: 'total', cells: Object.fromEntries(keys.map((k) => [k, amountOf(tree.total[k] ?? 0, file)])), at: { file } };
  return [total, ...codeRows(tree, 'function', keys, names, file)];
}

const lineItems = (lines: readonly BudgetLine[]) => lines.map((l) => ({ code: l.functionCode, sums: { total: l.fen, [l.kind]: l.fen } }));

interface Ctx {
  input: EntryInput;
  file: string;
  names: Names;
  reportingUnit: string;
}

const table = (ctx: Ctx, n: number, columns: Column[], rows: Row[], note: string = NOTES[n - 1]!): Table =>
  makeTable({ kind: KINDS[n - 1]!, number: n, title: FINAL_TITLES[n - 1]!, columns, rows, note, reportingUnit: ctx.reportingUnit }, ctx.file);

const KINDS = ['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'govFund', 'stateCapital', 'threePublic'] as const;

/** The 类 rows of the two 总表: the template's list, plus any other 类 the lines use (in code order). */
function classRows(ctx: Ctx): { code: string; name: string }[] {
  const rows = CLASS_ROWS.map(([code, name]) => ({ code, name }));
  for (const l of ctx.input.lines) {
    const code = l.functionCode.slice(0, 3);
    if (!rows.some((r) => r.code === code)) rows.push({ code, name: ctx.names.name('function', code) });
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function panelRow(file: string, panel: string, no: number | undefined, name: string, cells: Sums, role: Row['role'] = 'item'): Row {
  return {
    name,
    role,
    panel,
    ...(no !== undefined ? { printedNumber: String(no) } : {}),
    cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, amountOf(v, file)])),
    at: { file },
  };
}

/** Income and expense rows side by side, as printed: row i of each panel, then the next. */
function interleave(left: Row[], right: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i]) out.push(left[i]!);
    if (right[i]) out.push(right[i]!);
  }
  return out;
}

/** 表1 收入支出决算总表: 行次 1–8 income, K+1… totals; 31… the K 类 (K = 26 in the template). */
function summaryTable(ctx: Ctx, t: FinalTotals, classes: { code: string; name: string }[]): Table {
  const { file } = ctx;
  const K = classes.length;
  const income = [
    ...FISCAL.map((f) => [f.income, t.income[f.fund]] as const),
    ...NON_FISCAL_INCOME.map((s) => [s.name, t.income[s.source]] as const),
  ].map(([name, fen], i) => panelRow(file, 'income', i + 1, name, { amount: fen }));
  const byClass: Sums = {};
  for (const l of ctx.input.lines) add(byClass, l.functionCode.slice(0, 3), l.fen);
  const expense = classes.map((c, i) => panelRow(file, 'expense', K + 5 + i, c.name, { amount: byClass[c.code] ?? 0 }));
  const grand = t.incomeTotal + t.surplusUsed + t.opening;
  const rows = [
    ...interleave(income, expense),
    panelRow(file, 'income', K + 1, '本年收入合计', { amount: t.incomeTotal }, 'total'),
    panelRow(file, 'expense', 2 * K + 5, '本年支出合计', { amount: t.expenseTotal }, 'total'),
    panelRow(file, 'income', K + 2, '使用非财政拨款结余（含专用结余）', { amount: t.surplusUsed }),
    panelRow(file, 'expense', 2 * K + 6, '结余分配', { amount: t.distribution }),
    panelRow(file, 'income', K + 3, '年初结转和结余', { amount: t.opening }),
    panelRow(file, 'expense', 2 * K + 7, '年末结转和结余', { amount: t.closing }),
    panelRow(file, 'income', K + 4, '总计', { amount: grand }, 'total'),
    panelRow(file, 'expense', 2 * K + 8, '总计', { amount: t.expenseTotal + t.distribution + t.closing }, 'total'),
  ];
  const columns = [{ ...amountColumn('amount', '决算数', 'income'), printedNumber: '1' }, { ...amountColumn('amount', '决算数', 'expense'), printedNumber: '2' }];
  return table(ctx, 1, columns, rows);
}

/** 表2 收入决算表: 财政拨款收入 computed per 项 and fund, other income from 「收入明细」. */
function incomeTable(ctx: Ctx, pieces: FiscalPiece[]): Table {
  const labels: [string, string][] = [['total', '本年收入合计'], ['fiscal', '财政拨款收入'], ...NON_FISCAL_INCOME.map((s): [string, string] => [s.source, s.name])];
  const columns = numbered(labels.map(([k, l]) => amountColumn(k, l)));
  const items = [
    ...pieces.map((p) => ({ code: p.functionCode, sums: { total: p.income, fiscal: p.income } })),
    ...(ctx.input.income ?? []).map((l) => ({ code: l.functionCode, sums: { total: l.fen, [l.source]: l.fen } })),
  ];
  return table(ctx, 2, columns, gridRows(items, columns.map((c) => c.key), ctx.names, ctx.file));
}

function expenditureTable(ctx: Ctx): Table {
  const labels: [string, string][] = [['total', '本年支出合计'], ['basic', '基本支出'], ['project', '项目支出'], ['toSuperior', '上缴上级支出'], ['operating', '经营支出'], ['subsidyToAffiliates', '对附属单位补助支出']];
  const columns = numbered(labels.map(([k, l]) => amountColumn(k, l)));
  return table(ctx, 3, columns, gridRows(lineItems(ctx.input.lines), columns.map((c) => c.key), ctx.names, ctx.file));
}

/** 表4 财政拨款收入支出决算总表: 行次 1–3 income by budget, K+1… totals and balances; K+7… the 类. */
function fiscalSummaryTable(ctx: Ctx, t: FinalTotals, classes: { code: string; name: string }[]): Table {
  const { file } = ctx;
  const K = classes.length;
  const income = FISCAL.map((f, i) => panelRow(file, 'income', i + 1, f.short, { amount: t.income[f.fund] }));
  const byClass = new Map<string, Sums>();
  for (const l of ctx.input.lines) {
    if (!fiscalLine(l)) continue;
    const s = byClass.get(l.functionCode.slice(0, 3)) ?? {};
    add(s, 'total', l.fen);
    add(s, l.fund, l.fen);
    byClass.set(l.functionCode.slice(0, 3), s);
  }
  const cells = (s: Sums = {}) => ({ total: s.total ?? 0, gpb: s.gpb ?? 0, govFund: s.govFund ?? 0, stateCapital: s.stateCapital ?? 0 });
  const expense = classes.map((c, i) => panelRow(file, 'expense', K + 7 + i, c.name, cells(byClass.get(c.code))));
  const fundCells = (r: Record<FiscalFund, number>) => ({ total: r.gpb + r.govFund + r.stateCapital, ...r });
  const fiscalIncome = t.income.gpb + t.income.govFund + t.income.stateCapital;
  const opening = t.fiscalOpening.gpb + t.fiscalOpening.govFund + t.fiscalOpening.stateCapital;
  const spent = fundCells(t.fiscalExpense);
  const closing = fundCells(t.fiscalClosing);
  const rows = [
    ...interleave(income, expense),
    panelRow(file, 'income', K + 1, '本年收入合计', { amount: fiscalIncome }, 'total'),
    panelRow(file, 'expense', 2 * K + 7, '本年支出合计', spent, 'total'),
    panelRow(file, 'income', K + 2, '年初财政拨款结转和结余', { amount: opening }),
    panelRow(file, 'expense', 2 * K + 8, '年末财政拨款结转和结余', closing),
    ...FISCAL.map((f, i) => panelRow(file, 'income', K + 3 + i, f.short, { amount: t.fiscalOpening[f.fund] })),
    panelRow(file, 'income', K + 6, '总计', { amount: fiscalIncome + opening }, 'total'),
    panelRow(file, 'expense', 2 * K + 12, '总计', { total: spent.total + closing.total, gpb: spent.gpb + closing.gpb, govFund: spent.govFund + closing.govFund, stateCapital: spent.stateCapital + closing.stateCapital }, 'total'),
  ];
  const columns: Column[] = [
    { ...amountColumn('amount', '金额', 'income'), printedNumber: '1' },
    { ...amountColumn('total', '合计', 'expense'), printedNumber: '2' },
    { ...amountColumn('gpb', '一般公共预算财政拨款', 'expense'), printedNumber: '3' },
    { ...amountColumn('govFund', '政府性基金预算财政拨款', 'expense'), printedNumber: '4' },
    { ...amountColumn('stateCapital', '国有资本经营预算财政拨款', 'expense'), printedNumber: '5' },
  ];
  return table(ctx, 4, columns, rows);
}

function gpbTable(ctx: Ctx): Table {
  const columns = numbered([amountColumn('total', '本年支出合计'), amountColumn('basic', '基本支出'), amountColumn('project', '项目支出')]);
  const lines = ctx.input.lines.filter((l) => l.fund === 'gpb');
  return table(ctx, 5, columns, gridRows(lineItems(lines), columns.map((c) => c.key), ctx.names, ctx.file));
}

/** 表6: 人员经费 | 公用经费 side by side, every 款 of the template's list (and any other the lines use). */
function basicEconomicTable(ctx: Ctx): Table {
  const { file } = ctx;
  const sums: Sums = {};
  const codes = new Set(BASIC_ECONOMIC);
  for (const l of ctx.input.lines) {
    if (l.fund !== 'gpb' || l.kind !== 'basic') continue;
    add(sums, l.economicCode, l.fen);
    add(sums, l.economicCode.slice(0, 3), l.fen);
    codes.add(l.economicCode);
    codes.add(l.economicCode.slice(0, 3));
  }
  const sorted = [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const row = (code: string, panel: string): Row => ({
    code,
    scheme: 'economic',
    level: code.length === 3 ? 1 : 2,
    name: ctx.names.name('economic', code),
    role: 'item',
    panel,
    cells: { amount: amountOf(sums[code] ?? 0, file) },
    at: { file },
  });
  const personnel = sorted.filter(isPersonnelCode).map((c) => row(c, 'personnel'));
  const publicUse = sorted.filter((c) => !isPersonnelCode(c)).map((c) => row(c, 'publicUse'));
  const classTotal = (rows: Row[]) => rows.filter((r) => r.level === 1).reduce((s, r) => s + (r.cells.amount?.fen ?? 0), 0);
  const rows = [
    ...interleave(personnel, publicUse),
    panelRow(file, 'personnel', undefined, '人员经费合计', { amount: classTotal(personnel) }, 'total'),
    panelRow(file, 'publicUse', undefined, '公用经费合计', { amount: classTotal(publicUse) }, 'total'),
  ];
  const columns = [amountColumn('amount', '金额', 'personnel'), amountColumn('amount', '金额', 'publicUse')];
  return table(ctx, 6, columns, rows);
}

function govFundTable(ctx: Ctx, pieces: FiscalPiece[]): Table {
  const labels: [string, string][] = [['carriedOver', '年初结转和结余'], ['income', '本年收入'], ['total', '小计'], ['basic', '基本支出'], ['project', '项目支出'], ['carriedForward', '年末结转和结余']];
  const columns = numbered(labels.map(([k, l]) => amountColumn(k, l)));
  const own = pieces.filter((p) => p.fund === 'govFund');
  const items = own.map((p) => ({ code: p.functionCode, sums: { carriedOver: p.opening, income: p.income, total: p.expense, basic: p.basic, project: p.project, carriedForward: p.closing } }));
  return table(ctx, 7, columns, gridRows(items, columns.map((c) => c.key), ctx.names, ctx.file), NOTES[6] + (own.length ? '' : NO_ACTIVITY));
}

function stateCapitalTable(ctx: Ctx): Table {
  const columns = numbered([amountColumn('total', '小计'), amountColumn('basic', '基本支出'), amountColumn('project', '项目支出')]);
  const lines = ctx.input.lines.filter((l) => l.fund === 'stateCapital');
  return table(ctx, 8, columns, gridRows(lineItems(lines), columns.map((c) => c.key), ctx.names, ctx.file), NOTES[7] + (lines.length ? '' : NO_ACTIVITY));
}

const THREE_PUBLIC_SPEC = templateById('national-final')!.tables.find((t) => t.kind === 'threePublic')!;

/** 表9: one row; 预算数 = 「三公」 全年预算数, 决算数 = the 财政拨款 lines with the “三公” economic codes. */
function threePublicTable(ctx: Ctx): Table {
  const tp = threePublicOf(ctx.input);
  const budget = (k: (typeof THREE_PUBLIC_PARTS)[number]['key']) => ctx.input.threePublic[k]?.budget ?? 0;
  const group = (prefix: string, v: (k: (typeof THREE_PUBLIC_PARTS)[number]['key']) => number): Sums => {
    const vehicle = v('vehiclePurchase') + v('vehicleRunning');
    return {
      [`${prefix}.total`]: v('abroad') + vehicle + v('reception'),
      [`${prefix}.abroad`]: v('abroad'),
      [`${prefix}.vehicle`]: vehicle,
      [`${prefix}.vehiclePurchase`]: v('vehiclePurchase'),
      [`${prefix}.vehicleRunning`]: v('vehicleRunning'),
      [`${prefix}.reception`]: v('reception'),
    };
  };
  const sums = { ...group('budget', budget), ...group('final', (k) => tp[k].fen) };
  // The template's columns, labelled with their header paths (预算数/公务用车购置及运行维护费/小计 …).
  const columns = numbered(THREE_PUBLIC_SPEC.columns.map((c) => amountColumn(c.key, c.path ?? c.key)));
  // The template's single data row has no label (seed 002).
  const row: Row = { name: '', role: 'item', cells: Object.fromEntries(columns.map((c) => [c.key, amountOf(sums[c.key] ?? 0, ctx.file)])), at: { file: ctx.file } };
  return table(ctx, 9, columns, [row]);
}

/** The nine tables of the national 决算 template, in order. */
export function finalTables(input: EntryInput, file: string, names: Names): Table[] {
  const ctx: Ctx = { input, file, names, reportingUnit: input.reportingUnit ?? input.department };
  const pieces = fiscalPieces(input).sort((a, b) => (a.functionCode < b.functionCode ? -1 : a.functionCode > b.functionCode ? 1 : 0));
  const totals = finalTotals(input);
  const classes = classRows(ctx);
  return [
    summaryTable(ctx, totals, classes),
    incomeTable(ctx, pieces),
    expenditureTable(ctx),
    fiscalSummaryTable(ctx, totals, classes),
    gpbTable(ctx),
    basicEconomicTable(ctx),
    govFundTable(ctx, pieces),
    stateCapitalTable(ctx),
    threePublicTable(ctx),
  ];
}

