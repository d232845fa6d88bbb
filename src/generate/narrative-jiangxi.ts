import type { Document, Row } from '../model/index.js';
import { isFiscal, sumOf } from './derive.js';
import { lookupCode } from '../catalog/index.js';
import { spec, type SectionSpec } from './sections.js';
import type { BudgetLine, EntryInput } from './types.js';
import { changeWording, countText, reasonClause, wanText, type ChangeWording } from './wording.js';

/**
 * The 情况说明 of the Jiangxi template, worded like seed 004: 收入 / 支出 / 财政拨款支出 by 项目类别,
 * 功能科目 类 and 经济分类 类 against 「上年预算安排」 (amounts only, as 004 prints them), 政府性基金,
 * 国有资本经营, 机关运行经费 (with its percentage), 政府采购, 国有资产, and the “三公”经费 parts one
 * paragraph each. Figures come from the tables; the economic classes of all spending (not only
 * 基本支出, the only economic table Jiangxi prints) from the budget lines when the input has them.
 */

const norm = (s: string) => s.replace(/[“”"\s]/g, '');
const BASIS = '上年预算安排';

function tableRows(doc: Document, kind: Document['tables'][number]['kind']): Row[] {
  return doc.tables.find((t) => t.kind === kind)?.rows ?? [];
}

function panelCell(doc: Document, kind: 'summary' | 'fiscalSummary', panel: string, name: RegExp): number | undefined {
  const r = tableRows(doc, kind).find((x) => x.panel === panel && name.test(norm(x.name)));
  return r?.cells.amount?.fen;
}

const totalCell = (doc: Document, kind: Document['tables'][number]['kind'], column: string) => tableRows(doc, kind).find((r) => r.role === 'total')?.cells[column]?.fen;

interface Figures {
  incomeTotal: number;
  incomeCurrent: number;
  fiscalIncome: number;
  carried: number;
  expenseTotal: number;
  basic: number;
  project: number;
  classes: { code: string; name: string; fen: number }[];
  economic: { code: string; name: string; fen: number }[];
  fiscalExpense: number;
  fiscalClasses: { code: string; name: string; fen: number }[];
  fiscalBasic: number;
  fiscalProject: number;
  fiscalEconomic: { code: string; name: string; fen: number }[];
  commissioned: number;
  govFund: number;
  stateCapital: number;
  adminCost: number;
}

function economicClasses(lines: readonly BudgetLine[]): { code: string; name: string; fen: number }[] {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.economicCode.slice(0, 3), (m.get(l.economicCode.slice(0, 3)) ?? 0) + l.fen);
  return [...m.keys()].sort().map((code) => ({ code, name: lookupCode('economic', code)?.name ?? code, fen: m.get(code)! }));
}

function figures(doc: Document, input: EntryInput): Figures {
  const expenditure = tableRows(doc, 'expenditure');
  const total = totalCell(doc, 'expenditure', 'total') ?? 0;
  const thisYearFiscal = (totalCell(doc, 'gpbExpenditure', 'total') ?? 0) + (totalCell(doc, 'govFund', 'total') ?? 0) + (totalCell(doc, 'stateCapital', 'total') ?? 0);
  const incomeTotal = panelCell(doc, 'summary', 'income', /^收入总计$/) ?? total;
  const incomeCurrent = panelCell(doc, 'summary', 'income', /^本年收入合计$/) ?? thisYearFiscal;
  const classes = expenditure.filter((r) => r.level === 1 && r.code).map((r) => ({ code: r.code!, name: r.name, fen: r.cells.total?.fen ?? 0 }));
  const lines = input.lines;
  const fiscalLines = lines.filter((l) => isFiscal(l.fund) || l.fund === 'carriedOver');
  const basicEconomic = tableRows(doc, 'gpbBasicEconomic').filter((r) => r.level === 1 && r.code).map((r) => ({ code: r.code!, name: r.name, fen: (r.cells.total ?? r.cells.amount)?.fen ?? 0 }));
  const fiscalSummaryClasses = tableRows(doc, 'fiscalSummary').filter((r) => r.panel === 'expense' && r.role === 'item' && (r.cells.amount?.fen ?? 0) !== 0);
  return {
    incomeTotal,
    incomeCurrent,
    fiscalIncome: panelCell(doc, 'fiscalSummary', 'income', /^本年收入合计$/) ?? thisYearFiscal,
    carried: panelCell(doc, 'summary', 'income', /^上年结转(结余)?$/) ?? incomeTotal - incomeCurrent,
    expenseTotal: panelCell(doc, 'summary', 'expense', /^支出总计$/) ?? total,
    basic: totalCell(doc, 'expenditure', 'basic') ?? 0,
    project: totalCell(doc, 'expenditure', 'project') ?? 0,
    classes,
    economic: lines.length ? economicClasses(lines) : basicEconomic,
    fiscalExpense: panelCell(doc, 'fiscalSummary', 'expense', /^本年支出合计$/) ?? total,
    fiscalClasses: fiscalSummaryClasses.length ? fiscalSummaryClasses.map((r) => ({ code: '', name: r.name, fen: r.cells.amount!.fen })) : classes,
    fiscalBasic: lines.length ? sumOf(fiscalLines, (l) => l.kind === 'basic') : (totalCell(doc, 'expenditure', 'basic') ?? 0),
    fiscalProject: lines.length ? sumOf(fiscalLines, (l) => l.kind === 'project') : (totalCell(doc, 'expenditure', 'project') ?? 0),
    fiscalEconomic: lines.length ? economicClasses(fiscalLines) : basicEconomic,
    commissioned: lines.length ? sumOf(fiscalLines, (l) => l.economicCode === '30227') : 0,
    govFund: totalCell(doc, 'govFund', 'total') ?? 0,
    stateCapital: totalCell(doc, 'stateCapital', 'total') ?? 0,
    adminCost: totalCell(doc, 'gpbBasicEconomic', 'publicUse') ?? 0,
  };
}

const jx = (current: number, prior: number | undefined): ChangeWording | undefined => changeWording(current, prior, 1, BASIS, { word: '较', percent: false });
/** 「，较上年预算安排增加55.36万元」; without last year's figure nothing is made up (headline figures say it is missing). */
const withJx = (current: number, prior: number | undefined, headline = false) => {
  const c = jx(current, prior);
  return c ? `，${c.text}` : headline ? '（上年数待填写）' : '';
};

function incomeSection(f: Figures, input: EntryInput): string {
  const p = input.prior.values;
  const who = `${input.year}年${input.department}`;
  return (
    `${who}收入预算总额为${wanText(f.incomeTotal)}${withJx(f.incomeTotal, p.incomeTotal ?? p.expenseTotal, true)}；` +
    `本年收入合计${wanText(f.incomeCurrent)}${withJx(f.incomeCurrent, p.incomeCurrent)}；包括：财政拨款收入${wanText(f.fiscalIncome)}${withJx(f.fiscalIncome, p.fiscalIncome)}。` +
    `上年结转${wanText(f.carried)}${withJx(f.carried, p.carriedOver)}。`
  );
}

/** `compared`: the template compares each item with last year, so a missing prior says so. */
function list(label: string, items: { name: string; fen: number; prior?: number }[], paren?: (name: string) => string, compared = false): string {
  return `${label}：${items.map((i) => `${i.name}${wanText(i.fen)}${paren?.(i.name) ?? ''}${withJx(i.fen, i.prior, compared)}`).join(compared || items.some((i) => i.prior !== undefined) ? '；' : '，')}。`;
}

function expenseSection(f: Figures, input: EntryInput): string[] {
  const p = input.prior;
  return [
    `${input.year}年${input.department}支出预算总额为${wanText(f.expenseTotal)}${withJx(f.expenseTotal, p.values.expenseTotal, true)}。`,
    list('按支出项目类别划分', [
      { name: '基本支出', fen: f.basic, ...(p.values.basic !== undefined ? { prior: p.values.basic } : {}) },
      { name: '项目支出', fen: f.project, ...(p.values.project !== undefined ? { prior: p.values.project } : {}) },
    ], undefined, true),
    list('按支出功能科目划分', f.classes.map((c) => ({ name: c.name, fen: c.fen, ...(p.functionClass[c.code] !== undefined ? { prior: p.functionClass[c.code] } : {}) })), undefined, true),
    list('按支出经济分类划分', f.economic.map((c) => ({ name: c.name, fen: c.fen, ...(p.economicClass[c.code] !== undefined ? { prior: p.economicClass[c.code] } : {}) })), undefined, true),
  ];
}

function fiscalSection(f: Figures, input: EntryInput): string[] {
  return [
    `${input.year}年${input.department}财政拨款支出预算总额${wanText(f.fiscalExpense)}${withJx(f.fiscalExpense, input.prior.values.fiscalExpense, true)}。`,
    list('按支出功能科目划分', f.fiscalClasses),
    list('按支出项目类别划分', [{ name: '基本支出', fen: f.fiscalBasic }, { name: '项目支出', fen: f.fiscalProject }]),
    list('按支出经济分类划分', f.fiscalEconomic, (name) => (name === '商品和服务支出' && f.commissioned > 0 ? `（其中委托业务费${wanText(f.commissioned)}）` : '')),
  ];
}

function fundSection(fen: number, input: EntryInput, what: string): string {
  return fen === 0 ? `本部门没有使用${what}拨款安排的支出。` : `${input.year}年本部门${what}拨款安排的支出${wanText(fen)}。`;
}

function assetSection(input: EntryInput): string[] {
  const o = input.other;
  const out = [`截至${o.assetDate ?? '（日期待填写）'}，部门共有车辆${o.vehicles === undefined ? '（待填写）' : countText(o.vehicles)}辆${o.fixedAssets !== undefined ? `，固定资产金额${wanText(o.fixedAssets)}` : ''}。`];
  if (o.assetPurchase !== undefined) out.push(`${input.year}年部门预算安排购置固定资产${wanText(o.assetPurchase)}${o.largeEquipment ? '' : '，未安排购置单位价值200万元以上大型设备'}。`);
  return out;
}

function threePublicSection(doc: Document, input: EntryInput): string[] {
  const row = tableRows(doc, 'threePublic')[0];
  const fig = (k: string) => row?.cells[k]?.fen ?? 0;
  const tp = input.threePublic;
  const r = input.reasons;
  const part = (name: string, fen: number, prior: number | undefined, reason: string | undefined) => {
    const c = changeWording(fen, prior, 1, '上年', { percent: false });
    if (!c) return `${name}${wanText(fen)}（上年数待填写）。`;
    return `${name}${wanText(fen)}，${c.text}${c.flat && !reason?.trim() ? '' : `，${reasonClause(reason)}`}。`;
  };
  return [
    `${input.year}年${input.department}财政拨款“三公”经费安排${wanText(fig('total'))}，其中：`,
    part('因公出国（境）费', fig('abroad'), tp.abroad?.prior, r.abroad),
    part('公务接待费', fig('reception'), tp.reception?.prior, r.reception),
    part('公务用车运行维护费', fig('vehicleRunning'), tp.vehicleRunning?.prior, r.vehicleRunning ?? r.vehicle),
    part('公务用车购置费', fig('vehiclePurchase'), tp.vehiclePurchase?.prior, r.vehiclePurchase ?? r.vehicle),
  ];
}

export function jiangxiExplanation(doc: Document, input: EntryInput): SectionSpec {
  const f = figures(doc, input);
  const o = input.other;
  const adminChange = changeWording(f.adminCost, input.prior.values.adminCost, input.percentDecimals ?? 1, `${input.year - 1}年预算`);
  const procurement = o.procurementGoods === undefined && o.procurementWorks === undefined && o.procurementServices === undefined
    ? `${input.year}年部门所属各单位政府采购总额（数据待填写）。`
    : `${input.year}年部门所属各单位政府采购总额${wanText((o.procurementGoods ?? 0) + (o.procurementWorks ?? 0) + (o.procurementServices ?? 0))}，其中：政府采购货物预算${wanText(o.procurementGoods ?? 0)}，政府采购工程预算${wanText(o.procurementWorks ?? 0)}，政府采购服务预算${wanText(o.procurementServices ?? 0)}。`;
  const sub = (heading: string, n: string, paragraphs: string[]) => spec(heading, n, 'explanation', paragraphs);
  return spec(`${input.department} ${input.year} 年部门预算情况说明`, '第三部分', 'explanation', [], [
    spec(`${input.year} 年部门预算收支情况说明`, '一', 'explanation', [], [
      sub('收入预算情况', '(一)', [incomeSection(f, input)]),
      sub('支出预算情况', '(二)', expenseSection(f, input)),
      sub('财政拨款支出情况', '(三)', fiscalSection(f, input)),
      sub('政府性基金情况', '(四)', [fundSection(f.govFund, input, '政府性基金预算')]),
      sub('国有资本经营情况', '(五)', [fundSection(f.stateCapital, input, '国有资本经营预算')]),
      sub('机关运行经费等重要事项的说明', '(六)', [`${input.year}年部门机关运行费预算${wanText(f.adminCost)}${adminChange ? `，${adminChange.text}` : '（上年数待填写）'}${adminChange && !adminChange.flat ? `，${reasonClause(input.reasons.adminCost)}` : ''}。`]),
      sub('政府采购情况', '(七)', [procurement]),
      sub('国有资产占有使用情况', '(八)', assetSection(input)),
    ]),
    spec(`${input.year} 年财政拨款“三公”经费预算情况说明`, '二', 'explanation', threePublicSection(doc, input)),
  ]);
}

export function jiangxiOverview(input: EntryInput): SectionSpec {
  const o = input.other;
  const units = input.units.filter((u) => !u.self).map((u) => u.name);
  const composition = `${input.department}共有预算单位${input.units.length}个，包括${input.department}${units.length ? `和${units.length}个所属预算单位，所属预算单位具体包括：${units.join('、')}` : ''}。`;
  const staff = [
    o.staffAuthorised !== undefined ? `编制人数共计${countText(o.staffAuthorised)}人` : '',
    o.staffActual !== undefined ? `实有人数共计${countText(o.staffActual)}人${o.staffServing !== undefined ? `，其中：在职人数为${countText(o.staffServing)}人` : ''}` : '',
  ].filter(Boolean);
  const organisation = input.organisation?.trim() ? input.organisation.split(/\r?\n/).map((p) => p.trim()).filter(Boolean) : [];
  // The officer's 机构设置 text is printed as typed; the unit list and staffing are added only when it does not state them.
  const paragraphs = [
    ...(organisation.some((p) => /预算单位/.test(p)) ? [] : [composition]),
    ...organisation,
    ...(staff.length && !organisation.some((p) => /编制人数/.test(p)) ? [`${staff.join('。')}。`] : []),
  ];
  return spec(`${input.department}概况`, '第一部分', 'overview', [], [
    spec('部门主要职责', '一', 'overview', input.duties?.trim() ? input.duties.split(/\r?\n/).map((p) => p.trim()).filter(Boolean) : ['（主要职责待填写）']),
    spec('机构设置及人员情况', '二', 'overview', paragraphs),
  ]);
}

export function jiangxiGlossary(): SectionSpec {
  const terms: [string, string][] = [
    ['财政拨款', '指本级财政当年拨付的资金。'],
    ['事业收入', '指事业单位开展专业业务活动及辅助活动取得的收入。'],
    ['事业单位经营收入', '指事业单位在专业业务活动及辅助活动之外开展非独立核算经营活动取得的收入。'],
    ['其他收入', '指除财政拨款、事业收入、事业单位经营收入等以外的各项收入。'],
    ['上年结转和结余', '指以前年度全部结转和结余的资金数，包括当年结转结余资金和历年滚存结转结余资金。'],
    ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'],
    ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'],
    ['机关运行费', '指用一般公共预算财政拨款安排的为保障行政单位（包括实行公务员管理的事业单位）运行用于购买货物和服务的各项资金。'],
    ['“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'],
  ];
  const ordinal = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return spec('名词解释', '第四部分', 'glossary', terms.map(([t, d], i) => `${ordinal[i]}、${t}：${d}`));
}
