import { lookupCode } from '../catalog/index.js';
import type { Document, Section } from '../model/index.js';
import { chineseNumber } from './derive.js';
import { finalTotals, type FinalTotals } from './final.js';
import { threePublicOf } from './facts.js';
import { LineCounter, materialise, spec, type SectionSpec } from './sections.js';
import type { EntryInput, FiscalFund, PriorKey, ReasonTopic, ThreePublicPart } from './types.js';
import { changeWording, countText, paragraphsOf, percentText, reasonClause, wanText } from './wording.js';

/**
 * The 情况说明 of the national 决算 template, worded like seed 002: 收入支出决算总体情况 (income by
 * source and spending by kind against 上年决算数), 财政拨款收入 (against 上年决算数) and 支出 (against
 * 年初预算数), “三公”经费 (决算 against 全年预算数 and 上年决算数, the parts and their shares, the
 * counts), 机关运行经费, 政府采购 (with 中小企业 contracts), 国有资产 and 绩效评价. Figures come from
 * the input's totals (the same the tables print); comparisons from 「上年数」 / 「其他」; reasons from
 * 「原因」 — a missing one prints 「（原因待填写）」, never invented. Percentages are computed on exact
 * integers, rounded half-up; a zero base prints 「--（基数为0，不可比）」.
 */

const LAST_FINAL = '上年决算数';
const INITIAL_BUDGET = '年初预算数';
const PENDING_PRIOR = '（上年决算数待填写）';
const PENDING = '（待填写）';
const sub = (n: number) => `（${chineseNumber(n)}）`;

/** The reason as typed (cleaned like 「主要原因是…」 clauses) or 「（原因待填写）」. */
const reasonText = (reason: string | undefined) => reasonClause(reason).replace(/^主要原因是/, '');

/**
 * 「X万元，比上年决算数增加…，增长…%。主要变动情况：…」; 「X万元，与上年决算数持平」 (a reason only
 * when typed); without the prior figure 「X万元（上年决算数待填写）」.
 */
function compared(label: string, fen: number, prior: number | undefined, reason: string | undefined, d: number, basis = LAST_FINAL, separator = '。'): string {
  const c = changeWording(fen, prior, d, basis);
  if (!c) return `${label}${wanText(fen)}${basis === LAST_FINAL ? PENDING_PRIOR : '（年初预算数待填写）'}`;
  const head = `${label}${wanText(fen)}，${c.text}`;
  if (c.flat && !reason?.trim()) return head;
  return `${head}${separator}主要变动情况：${reasonText(reason)}`;
}

const FUNDS: readonly { fund: FiscalFund; name: string; prior: PriorKey; reason: ReasonTopic; fiscalReason: ReasonTopic; expenseReason: ReasonTopic; budget: 'initialBudgetGpb' | 'initialBudgetGovFund' | 'initialBudgetStateCapital' }[] = [
  { fund: 'gpb', name: '一般公共预算财政拨款', prior: 'incomeGpb', reason: 'incomeGpb', fiscalReason: 'fiscalIncomeGpb', expenseReason: 'fiscalExpenseGpb', budget: 'initialBudgetGpb' },
  { fund: 'govFund', name: '政府性基金预算财政拨款', prior: 'incomeGovFund', reason: 'incomeGovFund', fiscalReason: 'fiscalIncomeGovFund', expenseReason: 'fiscalExpenseGovFund', budget: 'initialBudgetGovFund' },
  { fund: 'stateCapital', name: '国有资本经营预算财政拨款', prior: 'incomeStateCapital', reason: 'incomeStateCapital', fiscalReason: 'fiscalIncomeStateCapital', expenseReason: 'fiscalExpenseStateCapital', budget: 'initialBudgetStateCapital' },
];
const OTHER_INCOME: readonly { source: 'fromSuperior' | 'business' | 'operating' | 'fromAffiliates' | 'other'; name: string; prior: PriorKey; reason: ReasonTopic }[] = [
  { source: 'fromSuperior', name: '上级补助收入', prior: 'incomeFromSuperior', reason: 'incomeFromSuperior' },
  { source: 'business', name: '事业收入', prior: 'incomeBusiness', reason: 'incomeBusiness' },
  { source: 'operating', name: '经营收入', prior: 'incomeOperating', reason: 'incomeOperating' },
  { source: 'fromAffiliates', name: '附属单位上缴收入', prior: 'incomeFromAffiliates', reason: 'incomeFromAffiliates' },
  { source: 'other', name: '其他收入', prior: 'incomeOther', reason: 'incomeOther' },
];
const SPENDING: readonly { kind: 'basic' | 'project' | 'toSuperior' | 'operating' | 'subsidyToAffiliates'; name: string; prior: PriorKey; reason: ReasonTopic }[] = [
  { kind: 'basic', name: '基本支出', prior: 'basic', reason: 'basic' },
  { kind: 'project', name: '项目支出', prior: 'project', reason: 'project' },
  { kind: 'toSuperior', name: '上缴上级支出', prior: 'toSuperior', reason: 'toSuperior' },
  { kind: 'operating', name: '经营支出', prior: 'operatingExpense', reason: 'operatingExpense' },
  { kind: 'subsidyToAffiliates', name: '对附属单位补助支出', prior: 'subsidyToAffiliates', reason: 'subsidyToAffiliates' },
];

interface Ctx {
  input: EntryInput;
  t: FinalTotals;
  who: string;
  year: number;
  d: number;
}

function overallSpec(c: Ctx): SectionSpec {
  const { input, t, who, year, d } = c;
  const p = input.prior.values;
  const r = input.reasons;
  const grand = t.incomeTotal + t.surplusUsed + t.opening;
  const incomeItems = [
    ...FUNDS.map((f) => compared(`${f.name}收入`, t.income[f.fund], p[f.prior], r[f.reason], d)),
    ...OTHER_INCOME.map((s) => compared(s.name, t.income[s.source], p[s.prior], r[s.reason], d)),
  ];
  const spendingItems = SPENDING.map((s) => compared(s.name, t.byKind[s.kind], p[s.prior], r[s.reason], d));
  const numbered = (items: string[]) => items.map((x, i) => `${i + 1}.${x}。`);
  return spec(`${year}年度收入支出决算总体情况说明`, '一', 'explanation', [], [
    spec('年度收入总体情况', sub(1), 'explanation', [`${who}${year}年度总收入${wanText(grand)}，其中本年收入${wanText(t.incomeTotal)}。具体情况如下：`, ...numbered(incomeItems)]),
    spec('年度支出总体情况', sub(2), 'explanation', [`${who}${year}年度总支出${wanText(t.expenseTotal + t.distribution + t.closing)}，其中本年支出${wanText(t.expenseTotal)}。具体情况如下：`, ...numbered(spendingItems)]),
  ]);
}

function fiscalSpec(c: Ctx): SectionSpec {
  const { input, t, who, year, d } = c;
  const p = input.prior.values;
  const r = input.reasons;
  const fiscalIncome = t.income.gpb + t.income.govFund + t.income.stateCapital;
  const fiscalExpense = t.fiscalExpense.gpb + t.fiscalExpense.govFund + t.fiscalExpense.stateCapital;
  const income = FUNDS.map((f) => compared(`${f.name}收入`, t.income[f.fund], p[f.prior], r[f.fiscalReason] ?? r[f.reason], d, LAST_FINAL, '；'));
  const expense = FUNDS.map((f) => compared(`${f.name}支出`, t.fiscalExpense[f.fund], input.other[f.budget], r[f.expenseReason], d, INITIAL_BUDGET, '；'));
  return spec(`${year}年度财政拨款收入支出总表说明`, '二', 'explanation', [], [
    spec(`${year}年度财政拨款收入说明`, sub(1), 'explanation', [`${who}${year}年度财政拨款收入合计${wanText(fiscalIncome)}。其中：${income.join('；')}。`]),
    spec(`${year}年度财政拨款支出说明`, sub(2), 'explanation', [`${who}${year}年度财政拨款支出合计${wanText(fiscalExpense)}。其中：${expense.join('；')}。`]),
  ]);
}

/** 「完成年初预算的95.2%」; a zero budget cannot be compared. */
const rateOf = (fen: number, budget: number, d: number) => (budget > 0 ? `${percentText(fen, budget, d)}%` : '--%（基数为0，不可比）');

/**
 * 一般公共预算财政拨款支出决算情况 (only with 「分类预算数」): 总体 (share of 本年支出合计), 结构 (by 类,
 * share of the total) and 具体情况 (each 类 against its 年初预算数, with the typed reason).
 */
function gpbSpec(c: Ctx, doc: Document, ordinal: string): SectionSpec {
  const { input, t, year, d } = c;
  const rows = doc.tables.find((x) => x.kind === 'gpbExpenditure')?.rows ?? [];
  const total = rows.find((r) => r.role === 'total')?.cells.total?.fen ?? 0;
  const spent = new Map(rows.filter((r) => r.level === 1 && r.code).map((r) => [r.code!, { name: r.name, fen: r.cells.total?.fen ?? 0 }]));
  const budgets = new Map((input.classBudgets ?? []).map((b) => [b.code, b]));
  const codes = [...new Set([...spent.keys(), ...budgets.keys()])].sort();
  // 「卫生健康（类）支出」, as the central template words it (the 类 name without its trailing 支出).
  const nameOf = (code: string) => (spent.get(code)?.name ?? lookupCode('function', code)?.name ?? code).replace(/支出$/, '');
  const budgetTotal = input.other.initialBudgetGpb ?? [...budgets.values()].reduce((s, b) => s + b.fen, 0);
  const share = (fen: number, of: number) => (of > 0 ? `${percentText(fen, of, d)}%` : '0%');
  const structure = codes.filter((code) => (spent.get(code)?.fen ?? 0) !== 0).map((code) => `${nameOf(code)}（类）支出${wanText(spent.get(code)!.fen)}，占${share(spent.get(code)!.fen, total)}`);
  const detail = codes.map((code, i) => {
    const fen = spent.get(code)?.fen ?? 0;
    const b = budgets.get(code);
    const head = `${i + 1}.${nameOf(code)}（类）：`;
    if (!b) return `${head}支出决算为${wanText(fen)}（年初预算数待填写）。`;
    const cmp = fen === b.fen ? '决算数与年初预算数持平。' : `决算数${fen > b.fen ? '大于' : '小于'}年初预算数的主要原因是：${reasonText(b.reason)}。`;
    return `${head}年初预算为${wanText(b.fen)}，支出决算为${wanText(fen)}，完成年初预算的${rateOf(fen, b.fen, d)}。${cmp}`;
  });
  return spec(`${year}年度一般公共预算财政拨款支出决算情况说明`, ordinal, 'explanation', [], [
    spec('一般公共预算财政拨款支出决算总体情况', sub(1), 'explanation', [`${year}年度一般公共预算财政拨款支出${wanText(total)}，占本年支出合计的${share(total, t.expenseTotal)}。`]),
    spec('一般公共预算财政拨款支出决算结构情况', sub(2), 'explanation', [`${year}年度一般公共预算财政拨款支出${wanText(total)}，主要用于以下方面：${structure.join('；') || '无'}。`]),
    spec('一般公共预算财政拨款支出决算具体情况', sub(3), 'explanation', [`${year}年度一般公共预算财政拨款支出年初预算为${wanText(budgetTotal)}，支出决算为${wanText(total)}，完成年初预算的${rateOf(total, budgetTotal, d)}。其中：`, ...detail]),
  ]);
}

/** 「完成全年预算4.30万元的38.4%」; a zero budget cannot be compared. */
function completion(fen: number, budget: number, d: number, whole = true): string {
  const rate = budget > 0 ? `${percentText(fen, budget, d)}%` : '--%（基数为0，不可比）';
  return `完成${whole ? '全年' : ''}预算${wanText(budget)}的${rate}`;
}

function threePublicSpec(c: Ctx, ordinal: string): SectionSpec {
  const { input, who, year, d } = c;
  const tp = threePublicOf(input);
  const entry = input.threePublic;
  const fig = (k: ThreePublicPart) => tp[k].fen;
  const budget = (k: ThreePublicPart) => entry[k]?.budget ?? 0;
  const prior = (k: ThreePublicPart) => entry[k]?.prior;
  const sumOpt = (...xs: (number | undefined)[]) => (xs.every((x) => x === undefined) ? undefined : xs.reduce<number>((s, x) => s + (x ?? 0), 0));
  const vehicle = fig('vehiclePurchase') + fig('vehicleRunning');
  const total = fig('abroad') + vehicle + fig('reception');
  const vehicleBudget = budget('vehiclePurchase') + budget('vehicleRunning');
  const totalBudget = budget('abroad') + vehicleBudget + budget('reception');
  const vehiclePrior = sumOpt(prior('vehiclePurchase'), prior('vehicleRunning'));
  const totalPrior = sumOpt(prior('abroad'), vehiclePrior, prior('reception'));
  /** 「，比上年决算数增加…」, or 「（上年决算数待填写）」 without last year's figure. */
  const vs = (fen: number, p: number | undefined) => {
    const ch = changeWording(fen, p, d, LAST_FINAL);
    return ch ? `，${ch.text}` : PENDING_PRIOR;
  };
  const part = (label: string, fen: number, b: number, p: number | undefined) => `${label}支出决算为${wanText(fen)}，${completion(fen, b, d, false)}${vs(fen, p)}`;
  const r = input.reasons;
  const totalChange = changeWording(total, totalPrior, d, LAST_FINAL);
  const overall =
    `${who}${year}年度“三公”经费财政拨款支出决算为${wanText(total)}，${completion(total, totalBudget, d)}${vs(total, totalPrior)}。其中：` +
    `${part('因公出国（境）费', fig('abroad'), budget('abroad'), prior('abroad'))}；` +
    `${part('公务用车购置及运行维护费', vehicle, vehicleBudget, vehiclePrior)}；其中：` +
    `${part('公务用车购置', fig('vehiclePurchase'), budget('vehiclePurchase'), prior('vehiclePurchase'))}；` +
    `${part('公务用车运行维护费', fig('vehicleRunning'), budget('vehicleRunning'), prior('vehicleRunning'))}；` +
    `${part('公务接待费', fig('reception'), budget('reception'), prior('reception'))}。`;
  const paragraphs = [overall];
  if (total !== totalBudget) paragraphs.push(`${year}年度“三公”经费支出决算${total < totalBudget ? '小于' : '大于'}预算数的主要情况：${reasonText(r.threePublicBudget)}。`);
  if (totalChange && !totalChange.flat) paragraphs.push(`${year}年度“三公”经费支出决算${totalChange.delta > 0 ? '大于' : '小于'}上年决算数的主要情况：${reasonText(r.threePublic)}。`);
  const share = (fen: number) => (total > 0 ? `${percentText(fen, total, d)}%` : '0%');
  const o = input.other;
  const n = (x: number | undefined) => (x === undefined ? PENDING : countText(x));
  const detail = [
    `${year}年度“三公”经费财政拨款支出决算中，因公出国（境）费${wanText(fig('abroad'))}，占${share(fig('abroad'))}；公务用车购置及运行维护费支出${wanText(vehicle)}，占${share(vehicle)}；公务接待费支出${wanText(fig('reception'))}，占${share(fig('reception'))}。具体情况如下：`,
    `1.因公出国（境）费支出${wanText(fig('abroad'))}。全年使用财政拨款安排出国（境）团组${n(o.abroadGroups)}个、累计${n(o.abroadPeople)}人次。`,
    `2.公务用车购置及运行维护费支出${wanText(vehicle)}，其中：公务用车购置支出为${wanText(fig('vehiclePurchase'))}，公务用车购置数${n(o.vehiclesPurchased)}辆。公务用车运行维护费支出${wanText(fig('vehicleRunning'))}，公务用车保有量为${n(o.vehiclesHeld)}辆。`,
    `3.公务接待费支出${wanText(fig('reception'))}，共接待国外、境外来访团组${n(o.foreignReceptionBatches)}个，来访外宾${n(o.foreignReceptionPeople)}人次；发生国内接待${n(o.receptionBatches)}次，接待人数共${n(o.receptionPeople)}人。`,
  ];
  return spec(`${year}年度财政拨款“三公”经费支出决算情况说明`, ordinal, 'explanation', [], [
    spec('“三公”经费财政拨款支出决算总体情况说明', sub(1), 'explanation', paragraphs),
    spec('“三公”经费财政拨款支出决算具体情况说明', sub(2), 'explanation', detail),
  ]);
}

function otherSpec(c: Ctx, ordinal: string): SectionSpec {
  const { input, year, d } = c;
  const o = input.other;
  const admin =
    o.adminCost === undefined
      ? `${year}年度本单位机关运行经费支出（数据待填写）。`
      : (() => {
          const ch = changeWording(o.adminCost, input.prior.values.adminCost, d, LAST_FINAL);
          if (!ch) return `${year}年度本单位机关运行经费支出${wanText(o.adminCost)}${PENDING_PRIOR}。`;
          return `${year}年度本单位机关运行经费支出${wanText(o.adminCost)}，${ch.text}。${ch.flat && !input.reasons.adminCost?.trim() ? '' : `主要增减变动情况是：${reasonText(input.reasons.adminCost)}。`}`;
        })();
  const goods = o.procurementGoods;
  const works = o.procurementWorks;
  const services = o.procurementServices;
  let procurement: string;
  if (goods === undefined && works === undefined && services === undefined) procurement = `${year}年度本单位政府采购支出（数据待填写）。`;
  else {
    const total = (goods ?? 0) + (works ?? 0) + (services ?? 0);
    procurement = `${year}年度本单位政府采购支出总额${wanText(total)}，其中：政府采购货物支出${wanText(goods ?? 0)}、政府采购工程支出${wanText(works ?? 0)}、政府采购服务支出${wanText(services ?? 0)}。`;
    if (o.procurementSme !== undefined) {
      procurement += `授予中小企业合同金额${wanText(o.procurementSme)}${total > 0 ? `，占政府采购支出总额的${percentText(o.procurementSme, total, d)}%` : ''}`;
      if (o.procurementSmall !== undefined) procurement += `，其中：授予小微企业合同金额${wanText(o.procurementSmall)}${o.procurementSme > 0 ? `，占授予中小企业合同金额的${percentText(o.procurementSmall, o.procurementSme, d)}%` : ''}`;
      procurement += '。';
    }
  }
  const n = (x: number | undefined) => (x === undefined ? PENDING : countText(x));
  const assets = `截至${o.assetDate ?? '（日期待填写）'}，本单位共有车辆${n(o.vehicles)}辆；单位价值100万元以上设备（不含车辆）${n(o.largeEquipment)}台（套）。`;
  const evaluation = o.performanceEvaluation?.trim() ? o.performanceEvaluation.split(/\r?\n/).map((x) => x.trim()).filter(Boolean) : ['（绩效评价情况待填写）'];
  return spec('其他重要事项的情况说明', ordinal, 'explanation', [], [
    spec('机关运行经费支出情况', sub(1), 'explanation', [admin]),
    spec('政府采购支出情况说明', sub(2), 'explanation', [procurement]),
    spec('国有资产占用情况说明', sub(3), 'explanation', [assets]),
    spec(`${year}年度绩效评价情况的说明`, sub(4), 'explanation', evaluation),
  ]);
}

export function finalExplanation(doc: Document, input: EntryInput): SectionSpec {
  const who = input.reportingUnit ?? input.department;
  const c: Ctx = { input, t: finalTotals(input), who, year: input.year, d: input.percentDecimals ?? 1 };
  // 「一般公共预算财政拨款支出决算情况说明」 only when 年初预算数 by 类 are typed (seed 002 does not print it).
  const parts: ((ordinal: string) => SectionSpec)[] = [
    ...(input.classBudgets?.length ? [(o: string) => gpbSpec(c, doc, o)] : []),
    (o: string) => threePublicSpec(c, o),
    (o: string) => otherSpec(c, o),
  ];
  return spec(`${who}${input.year}年度部门决算情况说明`, '第三部分', 'explanation', [], [overallSpec(c), fiscalSpec(c), ...parts.map((p, i) => p(chineseNumber(i + 3)))]);
}


function overview(input: EntryInput): SectionSpec {
  const who = input.reportingUnit ?? input.department;
  const others = input.units.filter((u) => !u.self).map((u) => u.name);
  const composition = others.length === 0 ? '本部门决算为单位本级决算。' : `本部门决算为汇总决算，包括：本级决算，以及纳入编制范围的下属单位决算。下属单位具体包括：${others.join('、')}。`;
  const level = others.length === 0 ? '单位' : '部门';
  return spec(`${who}概况`, '第一部分', 'overview', [], [
    spec(`${level}主要职责`, '一', 'overview', paragraphsOf(input.duties, '（主要职责待填写）')),
    spec(`${level}机构设置`, '二', 'overview', paragraphsOf(input.organisation, '（机构设置待填写）')),
    spec('部门决算单位构成', '三', 'overview', [composition]),
  ]);
}

/** 名词解释 of the 决算 template (as printed by seed 002). */
const GLOSSARY: [string, string][] = [
  ['财政拨款收入', '指财政当年拨付的资金。包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。'],
  ['上级补助收入', '指事业单位从主管部门和上级单位取得的非财政补助收入。'],
  ['事业收入', '指事业单位开展专业业务活动及辅助活动所取得的收入。'],
  ['经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
  ['附属单位上缴收入', '指事业单位附属独立核算单位按照有关规定上缴的收入。'],
  ['其他收入', '指除上述“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。'],
  ['使用非财政拨款结余（含专用结余）', '指事业单位按照预算管理要求使用非财政拨款结余弥补收支差额的金额，以及使用专用结余安排支出的金额。'],
  ['年初结转和结余', '指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。'],
  ['结余分配', '指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。'],
  ['年末结转和结余', '指单位按有关规定结转到下年或以后年度继续使用的资金，或项目已完成等产生的结余资金。'],
  ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'],
  ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'],
  ['经营支出', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动所发生的支出。'],
  ['“三公”经费', '指部门（单位）使用财政拨款安排的因公出国（境）费用、公务用车购置及运行维护费和公务接待费。其中：因公出国（境）费用具体包括国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费具体包括公务用车购置支出（含车辆购置税、牌照费），公务用车运行维护费具体包括按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费具体包括按规定开支的各类公务接待（含外宾接待）支出。'],
  ['机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专项材料及一般设备购置费、办公用房水电费、取暖费、物业管理费、公务用车运行维护费以及其他费用。'],
];

function glossary(): SectionSpec {
  return spec('名词解释', '第四部分', 'glossary', GLOSSARY.map(([term, def], i) => `${chineseNumber(i + 1)}、${term}：${def}`));
}

/** The whole narrative of a generated 决算: 概况, 情况说明, 名词解释. */
export function generateFinalNarrative(doc: Document, input: EntryInput, firstLine = 1): Section[] {
  const counter = new LineCounter(doc.source.file, firstLine);
  return [materialise(overview(input), counter), materialise(finalExplanation(doc, input), counter), materialise(glossary(), counter)];
}

/** Only the 情况说明 of a 决算, e.g. to replace the narrative of a parsed document. */
export function generateFinalExplanation(doc: Document, input: EntryInput, firstLine = 1): Section {
  return materialise(finalExplanation(doc, input), new LineCounter(doc.source.file, firstLine));
}

