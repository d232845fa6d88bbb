import type { Document, GlossaryEntry, Row, Section, Table } from '../model/index.js';
import { gdLayoutFor, type GdLayout } from './guangdong.js';
import { LineCounter, materialise, spec, type SectionSpec } from './sections.js';
import type { EntryInput } from './types.js';
import { jiangxiExplanation, jiangxiGlossary, jiangxiOverview } from './narrative-jiangxi.js';
import { shanghaiExplanation, shanghaiGlossary, shanghaiOverview } from './narrative-shanghai.js';
import { changeWording, countText, paragraphsOf, reasonClause, wanText, withChange } from './wording.js';

/**
 * The narrative (情况说明) computed from the document's tables and the officer's input: every figure
 * is read from the tables (so a generated narrative restates the document's own figures), every
 * comparison from 「上年数」, every reason from 「原因」 — a missing reason is printed as
 * 「（原因待填写）」, never invented.
 */

const norm = (s: string) => s.replace(/[“”"\s]/g, '');

export function rowOf(doc: Document, kind: Table['kind'], name: RegExp, panel?: string): Row | undefined {
  for (const t of doc.tables) {
    if (t.kind !== kind) continue;
    const r = t.rows.find((x) => (panel === undefined || x.panel === panel) && name.test(norm(x.name)));
    if (r) return r;
  }
  return undefined;
}

export function cellOf(doc: Document, kind: Table['kind'], name: RegExp, column: string, panel?: string): number | undefined {
  const r = rowOf(doc, kind, name, panel);
  const c = r?.cells[column];
  return c ? c.fen : undefined;
}

export function totalOf(doc: Document, kind: Table['kind'], column: string): number | undefined {
  const t = doc.tables.find((x) => x.kind === kind);
  const r = t?.rows.find((x) => x.role === 'total');
  const c = r?.cells[column];
  return c ? c.fen : undefined;
}

/** Σ of an economic code over the basic and project economic tables. */
export function economicSum(doc: Document, code: string): number {
  let s = 0;
  for (const t of doc.tables) {
    if (t.kind !== 'gpbBasicEconomic' && t.kind !== 'gpbProjectEconomic') continue;
    for (const r of t.rows) if (r.code === code) s += (r.cells.amount ?? r.cells.total)?.fen ?? 0;
  }
  return s;
}

const MISSING = '（数据待填写）';
const amountOrPending = (fen: number | undefined) => (fen === undefined ? MISSING : wanText(fen));

function decimalsOf(input: EntryInput): number {
  return input.percentDecimals ?? 1;
}

const ADMIN_ITEMS_2026 = '办公费、印刷费、水费、电费、邮电费、取暖费、物业管理费、差旅费、因公出国（境）费用、维修（护）费、租赁费、会议费、培训费、公务接待费、专用材料费、被装购置费、公务用车运行维护费、其他交通费用、医疗费补助、办公设备购置、专用设备购置、信息网络及软件购置更新、公务用车购置、其他交通工具购置';
const adminItems = (welfare: boolean) => (welfare ? ADMIN_ITEMS_2026.replace('被装购置费、', '被装购置费、福利费、') : ADMIN_ITEMS_2026);
const adminDefinition = (welfare: boolean) => `行政经费（机关运行经费）指用于维持行政（参公）单位机关运行的经费。具体包括：${adminItems(welfare)}经济科目对应的预算资金。`;

function gdChangeSection(doc: Document, input: EntryInput): string {
  const d = decimalsOf(input);
  const income = cellOf(doc, 'summary', /^收入总计$/, 'amount', 'income');
  const expense = cellOf(doc, 'summary', /^支出总计$/, 'amount', 'expense');
  const incomeChange = income === undefined ? undefined : changeWording(income, input.prior.values.incomeTotal, d);
  const expenseChange = expense === undefined ? undefined : changeWording(expense, input.prior.values.expenseTotal, d);
  return `${input.year}年本部门收入预算${amountOrPending(income)}${withChange(incomeChange, input.reasons.income)}；支出预算${amountOrPending(expense)}${withChange(expenseChange, input.reasons.expense)}。`;
}

function gdThreePublicSection(doc: Document, input: EntryInput): string {
  const d = decimalsOf(input);
  const fig = (name: RegExp) => cellOf(doc, 'threePublic', name, 'total') ?? 0;
  const total = fig(/^三公经费$/);
  const abroad = fig(/^因公出国[（(]境[)）]/);
  const vehicle = fig(/^公务用车购置及运行维护/);
  const purchase = fig(/^公务用车购置费$/);
  const running = fig(/^公务用车运行维护费$/);
  const reception = fig(/^公务接待费/);
  const tp = input.threePublic;
  const priorOf = (a?: number, b?: number) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
  const priorVehicle = priorOf(tp.vehiclePurchase?.prior, tp.vehicleRunning?.prior);
  const priorTotal = [tp.abroad?.prior, priorVehicle, tp.reception?.prior].every((x) => x === undefined) ? undefined : (tp.abroad?.prior ?? 0) + (priorVehicle ?? 0) + (tp.reception?.prior ?? 0);
  const ch = (cur: number, prior: number | undefined) => changeWording(cur, prior, d);
  const bare = (c: ReturnType<typeof ch>) => (c ? c.text : '（上年数待填写）');
  const r = input.reasons;
  return (
    `${input.year}年本部门财政拨款安排“三公”经费${wanText(total)}${withChange(ch(total, priorTotal), r.threePublic)}。` +
    `其中：因公出国（境）费${wanText(abroad)}${withChange(ch(abroad, tp.abroad?.prior), r.abroad)}；` +
    `公务用车购置及运行维护费${wanText(vehicle)}（公务用车购置费${wanText(purchase)}，${bare(ch(purchase, tp.vehiclePurchase?.prior))}；公务用车运行维护费${wanText(running)}，${bare(ch(running, tp.vehicleRunning?.prior))}）` +
    `${withChange(ch(vehicle, priorVehicle), r.vehicle)}；` +
    `公务接待费${wanText(reception)}${withChange(ch(reception, tp.reception?.prior), r.reception)}。`
  );
}

function gdAdminCostSection(doc: Document, input: EntryInput, layout: GdLayout): string[] {
  const admin = cellOf(doc, 'threePublic', /^行政经费/, 'total');
  const change = admin === undefined ? undefined : changeWording(admin, input.prior.values.adminCost, decimalsOf(input));
  return [adminDefinition(layout.welfareInAdminCost) + `${input.year}年，本部门机关运行经费安排${amountOrPending(admin)}${withChange(change, input.reasons.adminCost)}。`];
}

export function procurementSentence(input: EntryInput, lead: string, parts: [string, string, string]): string {
  const o = input.other;
  if (o.procurementGoods === undefined && o.procurementWorks === undefined && o.procurementServices === undefined) return `${lead}${MISSING}。`;
  const goods = o.procurementGoods ?? 0;
  const works = o.procurementWorks ?? 0;
  const services = o.procurementServices ?? 0;
  return `${lead}${wanText(goods + works + services)}，其中：${parts[0]}${wanText(goods)}，${parts[1]}${wanText(works)}，${parts[2]}${wanText(services)}。`;
}

function gdAssetSection(input: EntryInput): string {
  const o = input.other;
  const date = o.assetDate ?? '（日期待填写）';
  const count = (n: number | undefined) => (n === undefined ? '（待填写）' : countText(n));
  let s = `截至${date}，本部门固定资产金额${amountOrPending(o.fixedAssets)}，分布构成情况为：房屋${count(o.buildingArea)}平方米，车辆${count(o.vehicles)}辆，单价在100万元以上的设备${count(o.largeEquipment)}台。`;
  if (o.assetPurchase !== undefined) s += `本年度拟购置固定资产${wanText(o.assetPurchase)}${o.assetPurchaseUse ? `，主要是${o.assetPurchaseUse.replace(/[。；;]+$/, '')}` : ''}。`;
  return s;
}

function gdCommissionedSection(doc: Document, input: EntryInput): string {
  const fen = economicSum(doc, '30227');
  const change = changeWording(fen, input.prior.values.commissioned, decimalsOf(input));
  return `${input.year}年本部门一般公共预算安排委托业务费${wanText(fen)}${withChange(change, input.reasons.commissioned)}。`;
}

function gdExplanationSpec(doc: Document, input: EntryInput): SectionSpec {
  const layout = gdLayoutFor(input);
  const hasKey = doc.tables.some((t) => t.kind === 'keyProjects' && t.rows.length > 0);
  const children: [string, string[]][] = [
    ['部门预算收支增减变化情况', [gdChangeSection(doc, input)]],
    ['“三公”经费安排情况', [gdThreePublicSection(doc, input)]],
    ['机关运行经费安排情况', gdAdminCostSection(doc, input, layout)],
    ['政府采购情况', [procurementSentence(input, `${input.year}年本部门政府采购安排`, ['货物类采购预算', '工程类采购预算', '服务类采购预算'])]],
    ['国有资产占有使用情况', [gdAssetSection(input)]],
  ];
  if (layout.commissionedSection) children.push(['委托业务费安排情况', [gdCommissionedSection(doc, input)]]);
  children.push(['重点项目预算绩效目标情况', [hasKey ? `${input.year}年，本部门重点项目绩效目标情况如下：` : `${input.year}年，本部门未列示重点项目预算绩效目标。`]]);
  return spec(
    `${input.year}年部门预算情况说明`,
    '第三部分',
    'explanation',
    [],
    children.map(([heading, paragraphs], i) => spec(heading, chineseOrdinal(i + 1), 'explanation', paragraphs)),
  );
}

function chineseOrdinal(n: number): string {
  return ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][n] ?? String(n);
}

/** 本部门预算为汇总预算…下属单位具体包括：A、B和C。 */
function compositionText(input: EntryInput): string {
  const others = input.units.filter((u) => !u.self).map((u) => u.name);
  if (others.length === 0) return '本部门预算为单位本级预算。';
  const list = others.length === 1 ? others[0]! : `${others.slice(0, -1).join('、')}和${others[others.length - 1]}`;
  return `本部门预算为汇总预算，包括：本级预算，以及纳入编制范围的下属单位预算。下属单位具体包括：${list}。`;
}


function gdOverviewSpec(input: EntryInput): SectionSpec {
  return spec(`${input.department}概况`, '第一部分', 'overview', [], [
    spec('主要职责', '一', 'overview', paragraphsOf(input.duties, '（主要职责待填写）')),
    spec('部门机构设置', '二', 'overview', paragraphsOf(input.organisation, '（机构设置待填写）')),
    spec('部门预算构成', '三', 'overview', [compositionText(input)]),
  ]);
}

/** 名词解释 of the Guangdong template (as printed by seeds 000/001). */
export function gdGlossaryTerms(layout: GdLayout): [string, string][] {
  return [
    ['财政拨款收入', '指预算单位从本级财政部门取得的财政预算资金收入。'],
    ['事业收入', '指事业单位开展专业业务活动及辅助活动所取得的收入。'],
    ['经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
    ['其他收入', '指除上述“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。主要是非本级财政拨款、存款利息收入、事业单位固定资产出租收入等。'],
    ['用事业基金弥补收支差额', '指事业单位在用当年的“财政拨款收入”、“事业收入”、“经营收入”、“其他收入”不足以安排当年支出的情况下，使用以前年度积累的事业基金（事业单位当年收支相抵后按国家规定提取、用于弥补以后年度收支差额的基金）弥补本年度收支缺口的资金。'],
    ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'],
    ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'],
    ['经营支出', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动所发生的支出。'],
    ['行政经费（机关运行经费）', `指用于维持行政（参公）单位机关运行的经费。具体包括：${adminItems(layout.welfareInAdminCost)}经济科目对应的预算资金。`],
    ['“三公”经费', '“三公”经费指部门（单位）使用财政拨款安排的因公出国（境）费用、公务用车购置及运行维护费和公务接待费。其中：因公出国（境）费用反映公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费反映公务用车购置支出（含车辆购置税、牌照费），公务用车运行维护费反映按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映按规定开支的各类公务接待（含外宾接待）费用。'],
  ];
}

function glossarySpec(terms: [string, string][]): SectionSpec {
  return spec('名词解释', '第四部分', 'glossary', terms.map(([term, def], i) => `${chineseOrdinal(i + 1)}、${term}：${def}`));
}

/** The glossary entries of a generated glossary section (one per paragraph, in order). */
export function glossaryEntries(section: Section): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  const paragraphs = section.text.split('\n');
  paragraphs.forEach((p, i) => {
    const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)([^：]+)：(.*)$/.exec(p);
    if (m) out.push({ term: m[1]!, definition: m[2]!, at: { file: section.span.file, line: section.lines?.[i]?.line ?? section.span.from } });
  });
  for (const c of section.children) out.push(...glossaryEntries(c));
  return out;
}

/** The 情况说明 part alone, for the document's template. */
export function explanationSpec(doc: Document, input: EntryInput): SectionSpec {
  // Shanghai: the 部门预算编制说明 (its 其他相关情况说明 follows as a second part, see generateNarrative).
  if (doc.template === 'shanghai-budget') return shanghaiExplanation(doc, input)[0]!;
  return doc.template === 'jiangxi-budget' ? jiangxiExplanation(doc, input) : gdExplanationSpec(doc, input);
}

/**
 * The whole narrative of a disclosure: 概况 (from 部门信息), 情况说明 (computed) and 名词解释 (the
 * template's standard glossary). `firstLine` numbers the imagined printout (1 by default).
 */
export function generateNarrative(doc: Document, input: EntryInput, firstLine = 1): Section[] {
  const counter = new LineCounter(doc.source.file, firstLine);
  if (doc.template === 'shanghai-budget') {
    // As the 普陀区 budgets print it: 主要职能, 机构设置, 名词解释, 部门预算编制说明, 其他相关情况说明.
    return [...shanghaiOverview(input), shanghaiGlossary(), ...shanghaiExplanation(doc, input)].map((s) => materialise(s, counter));
  }
  const jx = doc.template === 'jiangxi-budget';
  const overview = jx ? jiangxiOverview(input) : gdOverviewSpec(input);
  const glossary = jx ? jiangxiGlossary() : glossarySpec(gdGlossaryTerms(gdLayoutFor(input)));
  return [materialise(overview, counter), materialise(explanationSpec(doc, input), counter), materialise(glossary, counter)];
}

/** Only the 情况说明 part, e.g. to replace the narrative of a parsed document. */
export function generateExplanation(doc: Document, input: EntryInput, firstLine = 1): Section {
  return materialise(explanationSpec(doc, input), new LineCounter(doc.source.file, firstLine));
}

export { reasonClause };
