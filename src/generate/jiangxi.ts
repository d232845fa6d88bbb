import type { Column, Row, Table } from '../model/index.js';
import {
  add,
  amountColumn,
  amountOf,
  cellsOf,
  codeRows,
  codeTree,
  isFiscal,
  makeTable,
  sumOf,
  textColumn,
  totalRow,
  type Names,
  type Sums,
} from './derive.js';
import { threePublicOf } from './facts.js';
import type { BudgetLine, EntryInput, Indicator } from './types.js';
import { WHOLE_DEPARTMENT } from './types.js';

/**
 * The Jiangxi 11-table budget (江西省部门预算公开模板, seed 004), computed from the budget lines.
 * Amounts funded by 上年结转 are 财政拨款 carried over: they are in 部门支出总表 and the 财政拨款
 * totals, not in 一般公共预算支出表 (this year's appropriation only).
 */

export const JIANGXI_TITLES = ['收支预算总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '财政拨款“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表', '部门整体绩效目标', '项目绩效目标表'] as const;

/** Jiangxi notes are printed before their table. */
const EMPTY_FUND = '注：若为空表，则为该部门（单位）无政府性基金支出';
const EMPTY_CAPITAL = '注：若为空表，则为该部门（单位）无国有资本经营预算支出';

/** 人员经费 = 工资福利支出 + 对个人和家庭的补助; 公用经费 = the rest of 基本支出. */
export const isPersonnel = (l: BudgetLine) => l.economicCode.startsWith('301') || l.economicCode.startsWith('303');

const numbered = (cols: Column[]): Column[] => cols.map((c, i) => ({ ...c, printedNumber: String(i + 1) }));

/** 类 and 款 rows and the total in bold, as the template prints them. */
function bolded(rows: Row[]): Row[] {
  return rows.map((r) => (r.role === 'total' || r.level === 1 || (r.level === 2 && r.scheme === 'function') ? { ...r, bold: true } : r));
}

function functionTable(input: EntryInput, file: string, names: Names, kind: 'expenditure' | 'gpbExpenditure' | 'govFund' | 'stateCapital', number: number, title: string, group: string | undefined, lines: readonly BudgetLine[], note?: string): Table {
  const label = (l: string) => (group ? `${group}/${l}` : l);
  const columns = numbered([amountColumn('total', label('合计')), amountColumn('basic', label('基本支出')), amountColumn('project', label('项目支出'))]);
  const keys = ['total', 'basic', 'project'];
  const tree = codeTree(lines, 'function', (l) => ['total', l.kind]);
  // An empty fund table prints no rows at all (seed 004), with its note.
  const rows = lines.length === 0 && kind !== 'expenditure' && kind !== 'gpbExpenditure' ? [] : bolded([totalRow('合计', tree.total, keys, file), ...codeRows(tree, 'function', keys, names, file)]);
  return makeTable({ kind, number, title, columns, rows, ...(note ? { note } : {}), reportingUnit: input.reportingUnit ?? input.department }, file);
}

function basicEconomicTable(input: EntryInput, file: string, names: Names): Table {
  const group = `${input.year} 年基本支出`;
  const columns = numbered([amountColumn('total', `${group}/合计`), amountColumn('personnel', `${group}/人员经费`), amountColumn('publicUse', `${group}/公用经费`)]);
  const keys = ['total', 'personnel', 'publicUse'];
  const lines = input.lines.filter((l) => l.fund === 'gpb' && l.kind === 'basic');
  const tree = codeTree(lines, 'economic', (l) => ['total', isPersonnel(l) ? 'personnel' : 'publicUse']);
  const rows = bolded([totalRow('合计', tree.total, keys, file), ...codeRows(tree, 'economic', keys, names, file)]);
  return makeTable({ kind: 'gpbBasicEconomic', number: 6, title: JIANGXI_TITLES[5], columns, rows, reportingUnit: input.reportingUnit ?? input.department }, file);
}

function threePublicTable(input: EntryInput, file: string): Table {
  const tp = threePublicOf(input);
  const vehicle = tp.vehiclePurchase.fen + tp.vehicleRunning.fen;
  const sums: Sums = {
    total: tp.abroad.fen + vehicle + tp.reception.fen,
    abroad: tp.abroad.fen,
    abroadOfficial: tp.abroad.fen,
    abroadAcademic: 0,
    reception: tp.reception.fen,
    vehicle,
    vehicleRunning: tp.vehicleRunning.fen,
    vehiclePurchase: tp.vehiclePurchase.fen,
  };
  const columns = numbered([
    amountColumn('total', '合计'),
    amountColumn('abroad', '因公出国(境)费/小计'),
    amountColumn('abroadOfficial', '因公出国(境)费/一般公务出国(境)费'),
    amountColumn('abroadAcademic', '因公出国(境)费/高等院校和科研院所学术交流合作出国(境)费'),
    amountColumn('reception', '公务接待费'),
    amountColumn('vehicle', '公务用车购置及运行维护费/小计'),
    amountColumn('vehicleRunning', '公务用车购置及运行维护费/公务用车运行维护费'),
    amountColumn('vehiclePurchase', '公务用车购置及运行维护费/公务用车购置'),
  ]);
  const row: Row = { name: '“三公”经费', role: 'item', cells: cellsOf(sums, Object.keys(sums), file), at: { file } };
  return makeTable({ kind: 'threePublic', number: 7, title: JIANGXI_TITLES[6], columns, rows: [row], reportingUnit: input.reportingUnit ?? input.department }, file);
}

const INDICATOR_COLUMNS: Column[] = [
  textColumn('level1', '一级指标'),
  textColumn('level2', '二级指标'),
  textColumn('level3', '三级指标'),
  textColumn('operator', '计算符号'),
  textColumn('target', '目标值'),
  textColumn('measure', '度量单位'),
];

function indicatorRow(ind: Indicator, file: string, project?: string): Row {
  return {
    name: ind.level3,
    role: 'indicator',
    ...(project ? { project } : {}),
    cells: {},
    text: { level1: ind.level1, level2: ind.level2, level3: ind.level3, operator: ind.operator, target: ind.target, measure: ind.measure },
    at: { file },
  };
}

function departmentPerformance(input: EntryInput, file: string): Table {
  const whole = input.projects.find((p) => p.name === WHOLE_DEPARTMENT);
  const head: Row = {
    name: input.department,
    role: 'item',
    cells: {},
    text: { ...(input.departmentCode ? { departmentCode: input.departmentCode } : {}), department: input.department, ...(whole?.target ? { target: whole.target } : {}) },
    at: { file },
  };
  const rows = [head, ...(whole?.indicators ?? []).map((i) => indicatorRow(i, file))];
  return makeTable(
    { kind: 'deptPerformance', number: 10, title: JIANGXI_TITLES[9], columns: [textColumn('departmentCode', '部门编码'), textColumn('department', '部门名称'), ...INDICATOR_COLUMNS], rows, reportingUnit: input.reportingUnit ?? input.department },
    file,
  );
}

/** One 项目支出绩效目标表 per project with indicators. */
function projectPerformance(input: EntryInput, file: string): Table[] {
  const out: Table[] = [];
  for (const p of input.projects) {
    if (p.name === WHOLE_DEPARTMENT || p.indicators.length === 0) continue;
    const lines = input.lines.filter((l) => l.kind === 'project' && l.project === p.name && (!p.unit || l.unit === p.unit));
    const total = p.fen ?? sumOf(lines);
    const nonFiscal = sumOf(lines, (l) => !isFiscal(l.fund) && l.fund !== 'carriedOver');
    const carried = sumOf(lines, (l) => l.fund === 'carriedOver');
    const unit = p.unit ?? lines[0]?.unit ?? input.department;
    const head: Row = {
      name: p.name,
      role: 'item',
      project: p.name,
      cells: { total: amountOf(total, file), nonFiscal: amountOf(nonFiscal, file), other: amountOf(0, file), carriedOver: amountOf(carried, file) },
      text: { department: `${input.departmentCode ? `${input.departmentCode}-` : ''}${input.department}`, implementer: unit, ...(p.target ? { target: p.target } : {}) },
      at: { file },
    };
    const table = makeTable(
      {
        kind: 'projectPerformance',
        number: 11,
        title: '项目支出绩效目标表',
        columns: [
          textColumn('department', '主管部门及代码'),
          textColumn('implementer', '实施单位'),
          amountColumn('total', '资金总额'),
          amountColumn('nonFiscal', '其中:非财政拨款'),
          amountColumn('other', '其他资金'),
          amountColumn('carriedOver', '上年结转'),
          textColumn('level1', '一级指标'),
          textColumn('level2', '二级指标'),
          textColumn('level3', '三级指标'),
          textColumn('operator', '指标值/计算符号'),
          textColumn('target', '指标值'),
          textColumn('measure', '指标值/度量单位'),
        ],
        rows: [head, ...p.indicators.map((i) => indicatorRow(i, file, p.name))],
      },
      file,
    );
    out.push({ ...table, project: p.name });
  }
  return out;
}

/** 收支预算总表 / 财政拨款收支总表: income items, expense by 功能 类 (with the split by budget). */
function panelTable(input: EntryInput, file: string, names: Names, fiscalOnly: boolean): Table {
  const lines = fiscalOnly ? input.lines.filter((l) => isFiscal(l.fund) || l.fund === 'carriedOver') : input.lines;
  const incomeItems: [string, (l: BudgetLine) => boolean][] = fiscalOnly
    ? [['一般公共预算', (l) => l.fund === 'gpb'], ['政府性基金预算', (l) => l.fund === 'govFund'], ['国有资本经营预算', (l) => l.fund === 'stateCapital']]
    : [
        ['一般公共预算拨款收入', (l) => l.fund === 'gpb'],
        ['政府性基金预算拨款收入', (l) => l.fund === 'govFund'],
        ['国有资本经营预算拨款收入', (l) => l.fund === 'stateCapital'],
        ['财政专户管理资金收入', (l) => l.fund === 'specialAccount' || l.fund === 'educationFees'],
        ['单位资金收入', (l) => !isFiscal(l.fund) && l.fund !== 'carriedOver' && l.fund !== 'specialAccount' && l.fund !== 'educationFees'],
      ];
  const carried = sumOf(lines, (l) => l.fund === 'carriedOver');
  const all = sumOf(lines);
  const row = (panel: string, name: string, cells: Sums, keys: string[], role: Row['role'] = 'item'): Row => ({ name, role, panel, cells: cellsOf(cells, keys, file), at: { file } });
  const income = incomeItems.map(([name, pick]) => row('income', name, { amount: sumOf(lines, pick) }, ['amount']));
  const expenseKeys = ['amount', 'gpb', 'govFund', 'stateCapital'];
  const byClass = new Map<string, Sums>();
  for (const l of lines) {
    const cls = l.functionCode.slice(0, 3);
    const s = byClass.get(cls) ?? {};
    add(s, 'amount', l.fen);
    if (isFiscal(l.fund)) add(s, l.fund, l.fen);
    byClass.set(cls, s);
  }
  const expense = [...byClass.keys()].sort().map((cls) => row('expense', names.name('function', cls), byClass.get(cls)!, expenseKeys));
  const fundSums: Sums = { amount: all };
  for (const l of lines) if (isFiscal(l.fund)) add(fundSums, l.fund, l.fen);
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(income.length, expense.length); i++) {
    if (income[i]) rows.push(income[i]!);
    if (expense[i]) rows.push(expense[i]!);
  }
  rows.push(row('income', '本年收入合计', { amount: all - carried }, ['amount'], 'total'), row('expense', '本年支出合计', fundSums, expenseKeys, 'total'));
  rows.push(row('income', '上年结转结余', { amount: carried }, ['amount']), row('expense', '结转下年', {}, expenseKeys));
  rows.push(row('income', '收入总计', { amount: all }, ['amount'], 'total'), row('expense', '支出总计', fundSums, expenseKeys, 'total'));
  const columns = [amountColumn('amount', '预算数', 'income'), amountColumn('amount', '预算数', 'expense'), amountColumn('gpb', '一般公共预算', 'expense'), amountColumn('govFund', '政府性基金预算', 'expense'), amountColumn('stateCapital', '国有资本经营预算', 'expense')];
  return makeTable({ kind: fiscalOnly ? 'fiscalSummary' : 'summary', number: fiscalOnly ? 4 : 1, title: JIANGXI_TITLES[fiscalOnly ? 3 : 0], columns, rows, reportingUnit: input.reportingUnit ?? input.department }, file);
}

function incomeTable(input: EntryInput, file: string, names: Names): Table {
  const column: Record<BudgetLine['fund'], string> = {
    gpb: 'gpb', govFund: 'govFund', stateCapital: 'stateCapital', specialAccount: 'specialAccount', educationFees: 'specialAccount',
    business: 'business', operating: 'operating', other: 'other', fromSuperior: 'fromSuperior', fromAffiliates: 'fromAffiliates', carriedOver: 'carriedOver',
  };
  const columns = numbered([
    amountColumn('total', '总计'),
    amountColumn('carriedOver', '上年结转结余'),
    amountColumn('gpb', '一般公共预算'),
    amountColumn('govFund', '政府性基金预算'),
    amountColumn('stateCapital', '国有资本经营预算'),
    amountColumn('specialAccount', '财政专户管理资金收入'),
    amountColumn('business', '事业收入'),
    amountColumn('operating', '事业单位经营收入'),
    amountColumn('fromSuperior', '上级补助收入'),
    amountColumn('fromAffiliates', '附属单位上缴收入'),
    amountColumn('other', '其他收入'),
  ]);
  const keys = columns.map((c) => c.key);
  const tree = codeTree(input.lines, 'function', (l) => ['total', column[l.fund]]);
  const rows = bolded([totalRow('合计', tree.total, keys, file), ...codeRows(tree, 'function', keys, names, file)]);
  return makeTable({ kind: 'income', number: 2, title: JIANGXI_TITLES[1], columns, rows, reportingUnit: input.reportingUnit ?? input.department }, file);
}

/** The 11 tables of the Jiangxi template, in order (one 项目支出绩效目标表 per project with indicators). */
export function jiangxiTables(input: EntryInput, file: string, names: Names): Table[] {
  const lines = input.lines;
  const group = `${input.year} 年预算数`;
  return [
    panelTable(input, file, names, false),
    incomeTable(input, file, names),
    functionTable(input, file, names, 'expenditure', 3, JIANGXI_TITLES[2], undefined, lines),
    panelTable(input, file, names, true),
    functionTable(input, file, names, 'gpbExpenditure', 5, JIANGXI_TITLES[4], group, lines.filter((l) => l.fund === 'gpb')),
    basicEconomicTable(input, file, names),
    threePublicTable(input, file),
    functionTable(input, file, names, 'govFund', 8, JIANGXI_TITLES[7], group, lines.filter((l) => l.fund === 'govFund'), EMPTY_FUND),
    functionTable(input, file, names, 'stateCapital', 9, JIANGXI_TITLES[8], group, lines.filter((l) => l.fund === 'stateCapital'), EMPTY_CAPITAL),
    departmentPerformance(input, file),
    ...projectPerformance(input, file),
  ];
}
