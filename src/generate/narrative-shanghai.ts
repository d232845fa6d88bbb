import { lookupCode } from '../catalog/index.js';
import type { Document, Row } from '../model/index.js';
import { isFiscal } from './derive.js';
import { roundWan, shAdminCost, shLayoutFor, shThreePublic } from './shanghai.js';
import { spec, type SectionSpec } from './sections.js';
import type { EntryInput } from './types.js';
import { changeWording, countText, paragraphsOf, percentText, reasonClause, wanText } from './wording.js';

/**
 * The 情况说明 of the Shanghai district template, worded like the 普陀区 budgets (司法局 2026,
 * 区政府办公室 2025): 主要职能, 机构设置, 名词解释, 部门预算编制说明 (收入 and 支出预算 with the
 * 财政拨款 parts 「比上年预算增加（减少）…」, the reason of the 财政拨款 change, and the 财政拨款支出
 * 主要内容 item by function 项 with 「上年当年预算执行数」 and its reason), then 其他相关情况说明:
 * “三公”经费 part by part (each with its reason: the template asks for one even when unchanged),
 * 机关运行经费, 政府采购, 绩效目标设置 and 国有资产.
 *
 * Tables print 元 with fen; the prose prints 万元 with two decimals, each figure rounded half-up
 * from the tables' exact figures, and every change is computed on the rounded figures (so the
 * sentence adds up as printed). A missing reason prints 「（原因待填写）」, a missing prior figure
 * 「（上年数待填写）」 — neither is ever invented.
 */

const PENDING_PRIOR = '（上年数待填写）';
const MISSING = '（数据待填写）';

/** A 万元 figure of the prose: the exact fen rounded to 0.01 万元. */
const W = (fen: number) => wanText(roundWan(fen));

function rows(doc: Document, kind: Document['tables'][number]['kind']): Row[] {
  return doc.tables.find((t) => t.kind === kind)?.rows ?? [];
}

const cell = (r: Row | undefined, key: string) => r?.cells[key]?.fen ?? 0;
const panelRow = (doc: Document, kind: 'summary' | 'fiscalSummary', panel: string, name: RegExp) => rows(doc, kind).find((r) => r.panel === panel && name.test(r.name));

/** 「，比2025年预算增加793.14万元」 / 「，与2025年预算持平」; without the prior figure 「（上年数待填写）」. */
function versus(fen: number, prior: number | undefined, basis: string): string {
  const c = changeWording(roundWan(fen), prior, 2, basis, { percent: false });
  return c ? `，${c.text}` : PENDING_PRIOR;
}

function budgetSection(doc: Document, input: EntryInput): string[] {
  const p = input.prior.values;
  const basis = `${input.year - 1}年预算`;
  const income = (name: RegExp) => cell(panelRow(doc, 'summary', 'income', name), 'amount');
  const incomeTotal = income(/^收入总计$/);
  const fiscal = income(/^财政拨款收入$/);
  const expenseTotal = cell(panelRow(doc, 'summary', 'expense', /^支出总计$/), 'amount');
  const fiscalTotal = cell(panelRow(doc, 'fiscalSummary', 'expense', /^支出总计$/), 'total');
  const fund = (key: string) => cell(rows(doc, 'fiscalSummary').find((r) => r.panel === 'expense' && r.role === 'total'), key);
  const out = [
    `${input.year}年，${input.department}收入预算${W(incomeTotal)}，其中：财政拨款收入${W(fiscal)}${versus(fiscal, p.fiscalIncome, basis)}；事业收入${W(income(/^事业收入$/))}；事业单位经营收入${W(income(/^事业单位经营收入$/))}；其他收入${W(income(/^其他收入$/))}。`,
    `支出预算${W(expenseTotal)}，其中：财政拨款支出预算${W(fiscalTotal)}${versus(fiscalTotal, p.fiscalExpense, basis)}。` +
      `财政拨款支出预算中，一般公共预算拨款支出预算${W(fund('gpb'))}${versus(fund('gpb'), p.gpbExpense, basis)}；` +
      `政府性基金拨款支出预算${W(fund('govFund'))}${versus(fund('govFund'), p.govFundExpense, basis)}；` +
      `国有资本经营预算拨款支出预算${W(fund('stateCapital'))}${versus(fund('stateCapital'), p.stateCapitalExpense, basis)}。`,
  ];
  const change = changeWording(roundWan(fiscalTotal), p.fiscalExpense ?? p.fiscalIncome, 2, basis, { percent: false });
  if (change && !change.flat) out.push(`财政拨款收入支出${change.delta > 0 ? '增加' : '减少'}的${reasonClause(input.reasons.income ?? input.reasons.expense)}。`);
  out.push(...itemParagraphs(input));
  return out;
}

/** 财政拨款支出主要内容: one paragraph per function 项 of the 财政拨款 lines, in code order. */
function itemParagraphs(input: EntryInput): string[] {
  const byItem = new Map<string, number>();
  for (const l of input.lines) if (isFiscal(l.fund)) byItem.set(l.functionCode, (byItem.get(l.functionCode) ?? 0) + l.fen);
  const items = [...byItem.keys()].sort().filter((c) => byItem.get(c) !== 0);
  if (items.length === 0) return [];
  const priors = input.prior.functionItem ?? {};
  const compared = Object.keys(priors).length > 0;
  const last = input.year - 1;
  const name = (code: string) => input.names?.function[code] ?? lookupCode('function', code)?.name ?? code;
  const out = ['财政拨款支出主要内容如下：'];
  items.forEach((code, i) => {
    const fen = roundWan(byItem.get(code)!);
    const head = `${i + 1}、${name(code.slice(0, 3))}（${code.slice(0, 3)}类）${name(code.slice(0, 5))}（${code.slice(3, 5)}款）${name(code)}（${code.slice(5)}项）${wanText(fen)}。`;
    if (!compared) return void out.push(head);
    const prior = priors[code];
    if (prior === undefined) return void out.push(`${head}${last}年当年预算执行数${PENDING_PRIOR}。`);
    const delta = fen - prior;
    const basis = `${last}年预算执行数`;
    const change =
      delta === 0
        ? `与${basis}持平`
        : prior <= 0
          ? `比${basis}增加${wanText(delta)}，增长--（基数为0，不可比）`
          : `比${basis}${delta > 0 ? '增加' : '减少'}${percentText(delta, prior, input.percentDecimals ?? 2)}%`;
    const reason = input.functionReasons?.[code];
    out.push(`${head}${last}年当年预算执行数为${wanText(prior)}，${input.year}年预算安排${wanText(fen)}，${change}。${delta === 0 && !reason?.trim() ? '' : `${reasonClause(reason)}。`}`);
  });
  return out;
}

function threePublicSection(input: EntryInput): string[] {
  const tp = shThreePublic(input);
  const prior = input.threePublic;
  const r = input.reasons;
  const basis = `${input.year - 1}年预算`;
  const sum = (...xs: (number | undefined)[]) => (xs.every((x) => x === undefined) ? undefined : xs.reduce<number>((s, x) => s + (x ?? 0), 0));
  /** 「0.83万元，与2025年预算持平，主要原因是…」: the reason is asked for even when unchanged. */
  const part = (fen: number, before: number | undefined, reason: string | undefined) => {
    const c = changeWording(fen, before, 2, basis, { percent: false });
    return `${wanText(fen)}${c ? `，${c.text}` : PENDING_PRIOR}，${reasonClause(reason)}`;
  };
  const vehicle = tp.vehiclePurchase + tp.vehicleRunning;
  const priorVehicle = sum(prior.vehiclePurchase?.prior, prior.vehicleRunning?.prior);
  const total = tp.abroad + tp.reception + vehicle;
  const priorTotal = sum(prior.abroad?.prior, prior.reception?.prior, priorVehicle);
  const c = changeWording(total, priorTotal, 2, basis, { percent: false });
  return [
    `${input.year}年“三公”经费预算数为${wanText(total)}${c ? `，${c.text}` : PENDING_PRIOR}${c && !c.flat ? `，${reasonClause(r.threePublic)}` : ''}。其中：`,
    `（一）因公出国（境）费${part(tp.abroad, prior.abroad?.prior, r.abroad)}。`,
    `（二）公务用车购置及运行费${part(vehicle, priorVehicle, r.vehicle)}。其中：公务用车购置费${part(tp.vehiclePurchase, prior.vehiclePurchase?.prior, r.vehiclePurchase ?? r.vehicle)}；公务用车运行费${part(tp.vehicleRunning, prior.vehicleRunning?.prior, r.vehicleRunning ?? r.vehicle)}。`,
    `（三）公务接待费${part(tp.reception, prior.reception?.prior, r.reception)}。`,
  ];
}

function adminCostSection(input: EntryInput): string {
  const fen = shAdminCost(input);
  const c = changeWording(fen, input.prior.values.adminCost, 2, `${input.year - 1}年预算`, { percent: false });
  return `${input.year}年${input.department}财政拨款的机关运行经费预算为${wanText(fen)}${c ? `，${c.text}${c.flat ? '' : `，${reasonClause(input.reasons.adminCost)}`}` : ''}。`;
}

/** 「部门」, or 「单位」 in a 单位预算 (「2025年单位预算编制说明」, 「本单位政府采购预算…」). */
const who = (input: EntryInput) => (shLayoutFor(input).unitBudget ? '单位' : '部门');

function procurementSection(input: EntryInput): string {
  const o = input.other;
  if (o.procurementGoods === undefined && o.procurementWorks === undefined && o.procurementServices === undefined) return `${input.year}年本${who(input)}政府采购预算${MISSING}。`;
  const [g, w, s] = [o.procurementGoods ?? 0, o.procurementWorks ?? 0, o.procurementServices ?? 0];
  return `${input.year}年本${who(input)}政府采购预算${wanText(g + w + s)}，其中：政府采购货物预算${wanText(g)}、政府采购工程预算${wanText(w)}、政府采购服务预算${wanText(s)}。`;
}

/** 绩效目标设置: every project of the lines (Shanghai sets targets for all 项目支出), by unit. */
function performanceSection(input: EntryInput): string {
  const projects = new Map<string, number>();
  for (const l of input.lines) if (l.kind === 'project' && l.project) projects.set(`${l.unit}\u0000${l.project}`, (projects.get(`${l.unit}\u0000${l.project}`) ?? 0) + l.fen);
  const funded = [...projects].filter(([, fen]) => fen > 0);
  const units = new Set(funded.map(([k]) => k.split('\u0000')[0]));
  const fen = funded.reduce((s, [, v]) => s + v, 0);
  if (shLayoutFor(input).unitBudget) return `${input.year}年度，本单位编报绩效目标的项目共${funded.length}个，涉及项目预算资金${W(fen)}。`;
  return `按照本区预算绩效管理工作的总体要求，本部门${units.size}个预算单位开展了${input.year}年项目预算绩效目标编报工作，编报绩效目标的项目${funded.length}个，涉及项目预算资金${W(fen)}。`;
}

function assetSection(input: EntryInput): string[] {
  const o = input.other;
  const n = (x: number | undefined) => (x === undefined ? '（待填写）' : countText(x));
  const out = [`截至${o.assetDate ?? '（日期待填写）'}，${input.department}共有车辆${n(o.vehicles)}辆；单价100万元（含）以上设备（不含车辆）${n(o.largeEquipment)}台（套）。`];
  if (o.assetPurchase !== undefined) out.push(`${input.year}年部门预算安排购置固定资产${wanText(o.assetPurchase)}${o.assetPurchaseUse ? `，主要是${o.assetPurchaseUse.replace(/[。；;]+$/, '')}` : ''}。`);
  return out;
}

export function shanghaiExplanation(doc: Document, input: EntryInput): SectionSpec[] {
  return [
    spec(`${input.year}年${who(input)}预算编制说明`, undefined, 'explanation', budgetSection(doc, input)),
    spec('其他相关情况说明', undefined, 'explanation', [], [
      spec(`${input.year}年“三公”经费预算情况说明`, '一', 'explanation', threePublicSection(input)),
      spec('机关运行经费预算', '二', 'explanation', [adminCostSection(input)]),
      spec('政府采购预算情况', '三', 'explanation', [procurementSection(input)]),
      spec('绩效目标设置情况', '四', 'explanation', [performanceSection(input)]),
      spec('国有资产占有使用情况', '五', 'explanation', assetSection(input)),
    ]),
  ];
}


export function shanghaiOverview(input: EntryInput): SectionSpec[] {
  const others = input.units.filter((u) => !u.self).map((u) => u.name);
  const composition = `${input.department}部门预算是包括${input.department}本部${others.length ? `以及下属${others.length}家预算单位` : ''}的综合收支计划。${others.length ? `具体包括：${others.join('、')}。` : ''}`;
  return [
    spec(`${input.department}主要职能`, undefined, 'overview', paragraphsOf(input.duties, '（主要职能待填写）')),
    spec(`${input.department}机构设置`, undefined, 'overview', input.organisation?.trim() ? paragraphsOf(input.organisation, '') : [composition]),
  ];
}

/** 名词解释 as the 普陀区 budgets print it. */
export function shanghaiGlossary(): SectionSpec {
  const terms: [string, string][] = [
    ['财政拨款收入', '是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。'],
    ['事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'],
    ['事业单位经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
    ['其他收入', '指除上述“财政拨款收入”、“事业收入”、“事业单位经营收入”等以外的收入。'],
    ['基本支出预算', '是区级预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。'],
    ['项目支出预算', '是区级预算主管部门及所属预算单位为完成行政工作任务、事业发展目标或政府发展战略、特定目标，在基本支出之外编制的年度支出计划。'],
    ['“三公”经费', '是与区级财政有经费领拨关系的部门及其下属预算单位使用区级财政拨款安排的因公出国（境）费、公务用车购置及运行费、公务接待费。'],
    ['机关运行经费', '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。'],
  ];
  const ordinal = ['一', '二', '三', '四', '五', '六', '七', '八'];
  return spec('名词解释', undefined, 'glossary', terms.map(([t, d], i) => `（${ordinal[i]}）${t}：${d}`));
}
