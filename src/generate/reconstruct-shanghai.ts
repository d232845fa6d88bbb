import { findByName, lookupCode, normaliseName } from '../catalog/index.js';
import { allSections, cellFen as fen, fenOfWanText, tableOf, wanNote as wan } from './published.js';
import type { Document, Table } from '../model/index.js';
import { signedChange } from '../narrative/format.js';
import { SHEET } from './layout.js';
import { northWest, type Piece } from './north-west.js';
import { roundWan, SH_LAYOUTS } from './shanghai.js';
import { inputFromIdentity, THREE_PUBLIC_PARTS } from './types.js';
import type { BudgetLine, EntryInput, FundSource, PriorKey, ReasonTopic, ThreePublicPart } from './types.js';

/**
 * An entry input rebuilt from a published Shanghai district budget (上海市区级部门预算, 9 tables).
 * The tables print margins only: 一般公共预算 by function 项 × 基本/项目 (table 5) and its 基本支出 by
 * economic 款 (table 8); 政府性基金 / 国有资本经营 by 项 (tables 6, 7); all spending by 项 × 基本/项目
 * (table 3) and income by 项 × source (table 2); the “三公” parts and 机关运行经费 in 万元 (table 9).
 *
 * - 基本支出 of 一般公共预算: the economic 款 matched in order to the function 项 ("north-west
 *   corner": every margin is reproduced, which 款 goes with which 项 is not published).
 * - 项目支出: one project per function 项 (「未公开名称的项目（2040604）」: no project is named in the
 *   tables), economic classification not published → 30299.
 * - “三公” parts beyond what 基本支出's economic codes give (beyond rounding) are carved out of
 *   项目支出 lines with the part's economic code (区政府办公室 2025: 因公出国（境）费 839万元 has no
 *   30212 in 基本支出).
 * - 机关运行经费 is typed only when it differs from the 公用经费 of 一般公共预算 基本支出.
 * - Spending beyond the 财政拨款 tables (table 3 − tables 5–7) is matched to the non-fiscal income
 *   of that 项 (table 2).
 *
 * Last year's figures and the reasons come from the 情况说明 (prior = stated figure ∓ stated change;
 * the 财政拨款支出 items' 「上年当年预算执行数」 and 「主要原因是」).
 */

/** Economic code of lines whose economic classification is not published. */
const UNPUBLISHED = '30299';


const leaves = (t: Table | undefined, column: string): Piece<string>[] => (t?.rows ?? []).filter((r) => r.level === 3 && r.code && r.code.length === 7).map((r) => ({ key: r.code!, fen: fen(r, column) }));

function linesFromTables(doc: Document, unit: string, notes: string[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const at = { sheet: SHEET.lines };
  const push = (l: Omit<BudgetLine, 'at' | 'unit'>) => lines.push({ ...l, unit, at });
  const projectName = (code: string) => `未公开名称的项目（${code}）`;

  // 一般公共预算 基本支出: economic 款 (table 8) × function 项 (table 5).
  const gpb = tableOf(doc, 'gpbExpenditure');
  const econ: Piece<string>[] = [];
  let cls = '';
  for (const r of tableOf(doc, 'gpbBasicEconomic')?.rows ?? []) {
    if (r.role !== 'item' || !r.code) continue;
    if (r.code.length === 3) cls = r.code;
    else if (r.code.length === 5) econ.push({ key: r.code, fen: fen(r, 'total') });
    else {
      // A malformed 款 code (「3012」 for 301 | 2): the 款 of its class with the printed name.
      const named = findByName('economic', r.name).find((e) => e.level === 2 && e.code.startsWith(cls));
      if (named) econ.push({ key: named.code, fen: fen(r, 'total') });
      notes.push(`一般公共预算基本支出经济分类表的科目编码「${r.code}」（${r.name}）不合格式：${named ? `按名称记为 ${named.code}` : '无法还原'}`);
    }
  }
  const split = personnelByClass(doc, gpb, notes);
  if (split) {
    // 单位预算: the 收支总表 prints each 类's 人员经费 / 公用经费, so each side is matched on its own.
    for (const personnel of [true, false]) {
      const side = econ.filter((e) => /^30[13]/.test(e.key) === personnel);
      const items = split.filter((x) => x.personnel === personnel).map((x) => ({ key: x.key, fen: x.fen }));
      for (const c of northWest(side, items, notes, `一般公共预算基本支出${personnel ? '人员经费' : '公用经费'}：经济分类 × 功能分类`)) push({ functionCode: c.b, economicCode: c.a, fund: 'gpb', kind: 'basic', fen: c.fen });
    }
  } else {
    for (const c of northWest(econ, leaves(gpb, 'basic'), notes, '一般公共预算基本支出：经济分类 × 功能分类')) push({ functionCode: c.b, economicCode: c.a, fund: 'gpb', kind: 'basic', fen: c.fen });
  }

  // 项目支出 and the other 财政拨款 funds: by function 项.
  const funds: [FundSource, Table | undefined][] = [['gpb', gpb], ['govFund', tableOf(doc, 'govFund')], ['stateCapital', tableOf(doc, 'stateCapital')]];
  for (const [fund, t] of funds) {
    if (fund !== 'gpb') for (const l of leaves(t, 'basic')) if (l.fen > 0) push({ functionCode: l.key, economicCode: UNPUBLISHED, fund, kind: 'basic', fen: l.fen });
    for (const l of leaves(t, 'project')) if (l.fen > 0) push({ functionCode: l.key, economicCode: UNPUBLISHED, fund, kind: 'project', project: projectName(l.key), fen: l.fen });
  }

  // Spending of non-fiscal income: table 3 less the 财政拨款 tables, matched to table 2's sources.
  const income = tableOf(doc, 'income');
  for (const r of tableOf(doc, 'expenditure')?.rows ?? []) {
    if (r.level !== 3 || !r.code) continue;
    const fiscal = (kind: string) => funds.reduce((s, [, t]) => s + fen(t?.rows.find((x) => x.code === r.code), kind), 0);
    const rest: Piece<'basic' | 'project'>[] = (['basic', 'project'] as const).map((k) => ({ key: k, fen: fen(r, k) - fiscal(k) }));
    if (rest.every((p) => p.fen <= 0)) continue;
    const src = income?.rows.find((x) => x.code === r.code);
    const sources: Piece<FundSource>[] = [
      { key: 'business', fen: fen(src, 'business') },
      { key: 'operating', fen: fen(src, 'operating') },
      { key: 'other', fen: fen(src, 'other') },
    ];
    for (const c of northWest(sources, rest, notes, `${r.code} 非财政拨款支出：收入来源 × 基本/项目`)) {
      push({ functionCode: r.code, economicCode: UNPUBLISHED, fund: c.a, kind: c.b, ...(c.b === 'project' ? { project: projectName(r.code) } : {}), fen: c.fen });
    }
  }
  return lines;
}

/**
 * 单位预算: the 基本支出 of each function 项 (table 5) split into 人员经费 then 公用经费, in order,
 * so that each 类 gets the 人员经费 / 公用经费 the 收支总表 prints for it. Undefined without that split.
 */
function personnelByClass(doc: Document, gpb: Table | undefined, notes: string[]): { key: string; personnel: boolean; fen: number }[] | undefined {
  const summary = tableOf(doc, 'summary');
  if (!summary?.columns.some((c) => c.panel === 'expense' && c.key === 'personnel')) return undefined;
  const classes = new Map((gpb?.rows ?? []).filter((r) => r.level === 1 && r.code).map((r) => [normaliseName(r.name), r.code!]));
  const out: { key: string; personnel: boolean; fen: number }[] = [];
  for (const r of summary.rows) {
    if (r.panel !== 'expense' || r.role !== 'item') continue;
    const code = classes.get(normaliseName(r.name));
    if (!code) continue;
    const items = leaves(gpb, 'basic').filter((l) => l.key.startsWith(code));
    const sides = [{ key: true, fen: fen(r, 'personnel') }, { key: false, fen: fen(r, 'publicUse') }];
    for (const c of northWest(sides, items, notes, `${code} 基本支出：人员经费/公用经费 × 功能分类`)) out.push({ key: c.b, personnel: c.a, fen: c.fen });
  }
  return out;
}

/** “三公” parts the 基本支出 economic codes do not give (beyond rounding): carved out of 项目支出 lines. */
function threePublicPieces(doc: Document, lines: BudgetLine[], notes: string[]): void {
  const row = tableOf(doc, 'threePublic')?.rows[0];
  if (!row) return;
  const printed = (k: string) => fen(row, k);
  const parts = printed('abroad') + printed('reception') + printed('vehiclePurchase') + printed('vehicleRunning');
  if (printed('total') !== parts) notes.push(`“三公”经费合计印 ${wan(printed('total'))} 万元，各项之和为 ${wan(parts)} 万元：按各项生成`);
  if (printed('vehicle') !== printed('vehiclePurchase') + printed('vehicleRunning')) notes.push(`公务用车购置及运行费小计印 ${wan(printed('vehicle'))} 万元，购置费与运行费之和为 ${wan(printed('vehiclePurchase') + printed('vehicleRunning'))} 万元：按分项生成`);
  for (const part of THREE_PUBLIC_PARTS) {
    const want = printed(part.key);
    const have = lines.filter((l) => l.economicCode === part.economic).reduce((s, l) => s + l.fen, 0);
    if (roundWan(have) === want) continue;
    const d = want - have;
    const from = lines.filter((l) => l.kind === 'project' && l.fund === 'gpb' && l.fen >= d).sort((x, y) => y.fen - x.fen)[0];
    if (d < 0 || !from) {
      notes.push(`${part.label}印 ${wan(want)} 万元，基本支出经济分类 ${part.economic} 为 ${wan(have)} 万元，无法由项目支出补足`);
      continue;
    }
    from.fen -= d;
    lines.push({ ...from, economicCode: part.economic, fen: d });
    notes.push(`${part.label} ${wan(want)} 万元中 ${wan(d)} 万元不在基本支出经济分类中：记为项目支出「${from.project}」的经济科目 ${part.economic}`);
  }
  const publicUse = lines.filter((l) => l.fund === 'gpb' && l.kind === 'basic' && !/^30[13]/.test(l.economicCode)).reduce((s, l) => s + l.fen, 0);
  if (roundWan(publicUse) !== printed('adminCost')) notes.push(`机关运行经费印 ${wan(printed('adminCost'))} 万元，与一般公共预算基本支出公用经费 ${wan(publicUse)} 万元不同：按印出数填写`);
}

const PRIOR_KEYS: Record<string, PriorKey> = {
  'income.total': 'incomeTotal',
  'expense.total': 'expenseTotal',
  'fiscal.income': 'fiscalIncome',
  'fiscal.expense': 'fiscalExpense',
  'gpb.expense': 'gpbExpense',
  'govFund.expense': 'govFundExpense',
  'stateCapital.expense': 'stateCapitalExpense',
  adminCost: 'adminCost',
};
const THREE_PUBLIC_KEYS: Record<string, ThreePublicPart> = { 'threePublic.abroad': 'abroad', 'threePublic.vehiclePurchase': 'vehiclePurchase', 'threePublic.vehicleRunning': 'vehicleRunning', 'threePublic.reception': 'reception' };
const REASON_KEYS: Record<string, ReasonTopic> = { 'threePublic.total': 'threePublic', 'threePublic.abroad': 'abroad', 'threePublic.vehicle': 'vehicle', 'threePublic.reception': 'reception', 'threePublic.vehicleRunning': 'vehicleRunning', 'threePublic.vehiclePurchase': 'vehiclePurchase', adminCost: 'adminCost' };



function narrativeFacts(doc: Document, input: EntryInput): void {
  for (const claim of doc.claims) {
    if (claim.context === 'reason' || !claim.key || !claim.amount) continue;
    const proc = { 'procurement.goods': 'procurementGoods', 'procurement.works': 'procurementWorks', 'procurement.services': 'procurementServices' }[claim.key] as 'procurementGoods' | 'procurementWorks' | 'procurementServices' | undefined;
    if (proc) input.other[proc] = claim.amount.fen;
    const rk = REASON_KEYS[claim.key];
    if (rk && !input.reasons[rk]) {
      const i = claim.sentence.indexOf(claim.clause);
      const m = i < 0 ? null : /^\s*[，,]\s*主要原因(?:是|为)\s*[：:]?\s*([^；;。]*)/.exec(claim.sentence.slice(i + claim.clause.length));
      const t = m?.[1]?.trim();
      if (t) input.reasons[rk] = t;
    }
    const delta = claim.change ? signedChange(claim.change) : undefined;
    if (delta === undefined) continue;
    const prior = claim.amount.fen - delta;
    const pk = PRIOR_KEYS[claim.key];
    if (pk && input.prior.values[pk] === undefined) input.prior.values[pk] = prior;
    const tk = THREE_PUBLIC_KEYS[claim.key];
    if (tk && input.threePublic[tk]?.prior === undefined) input.threePublic[tk] = { ...input.threePublic[tk], prior };
  }
  const sections = allSections(doc.narrative);
  const explanation = sections.filter((s) => s.part === 'explanation').map((s) => s.text).join('\n');
  const fiscalReason = /收入支出(?:增加|减少)的主要原因(?:是|为)\s*[：:]?\s*(.+?)(?:[。；;\n]|财政拨款支出主要内容|$)/.exec(explanation)?.[1]?.trim();
  if (fiscalReason) input.reasons.income = fiscalReason;
  // 财政拨款支出主要内容: 「…（204类）…（06款）…（01项）…2025年当年预算执行数为1690.69万元…主要原因是：部分人员退休。」
  for (const p of explanation.split(/\n(?=\s*\d+[、.．])/)) {
    const code = /（(\d{3})类）[^（]*（(\d{2})款）[^（]*（(\d{2})项）/.exec(p);
    if (!code) continue;
    const c = code[1]! + code[2]! + code[3]!;
    const prior = /当年预算执行数为\s*([\d,.]+)\s*万元/.exec(p);
    if (prior) (input.prior.functionItem ??= {})[c] = fenOfWanText(prior[1]!);
    const reason = /主要原因(?:是|为)\s*[：:]?\s*([^。；;\n]+)/.exec(p)?.[1]?.trim();
    if (reason) (input.functionReasons ??= {})[c] = reason;
  }
  const text = (re: RegExp) => {
    const s = sections.find((x) => re.test(x.heading));
    if (!s) return undefined;
    // A short numbered line read as a sub-heading (「2. 普陀区法律援助中心」) continues the list it belongs to.
    return s.children.reduce((t, c) => `${t}${c.heading ? ` ${c.number ? `${c.number}. ` : ''}${c.heading}` : ''}${c.text ? `\n${c.text}` : ''}`, s.text);
  };
  const duties = text(/主要职能|主要职责/);
  if (duties) input.duties = duties;
  const org = text(/机构设置/);
  if (org) input.organisation = org;
  const assets = text(/国有资产/) ?? '';
  const date = /截至\s*([^，,]+?)\s*[，,]/.exec(assets)?.[1];
  if (date) input.other.assetDate = date;
  const vehicles = /共有车辆\s*(\d+)\s*辆/.exec(assets)?.[1];
  if (vehicles) input.other.vehicles = Number(vehicles);
  const equipment = /以上设备（不含车辆）\s*(\d+)\s*台/.exec(assets)?.[1];
  if (equipment) input.other.largeEquipment = Number(equipment);
}

export function shanghaiEntry(doc: Document): { input: EntryInput; notes: string[] } {
  const notes: string[] = [];
  const input = inputFromIdentity(doc);
  const summary = tableOf(doc, 'summary');
  const old = summary?.rows.some((r) => r.panel === 'income' && r.name === '一般公共预算资金');
  const unitBudget = summary?.columns.some((c) => c.panel === 'expense' && c.key === 'personnel');
  // 2024 prints the grids' zeros (0), 2025 leaves them blank.
  const gridZeros = tableOf(doc, 'income')?.rows.some((r) => Object.values(r.cells).some((a) => a?.fen === 0));
  input.layout = (unitBudget ? SH_LAYOUTS[2]! : old ? (gridZeros ? SH_LAYOUTS[3]! : SH_LAYOUTS[1]!) : SH_LAYOUTS[0]!).name;
  const unit = input.units.find((u) => u.self)?.name ?? input.units[0]!.name;
  input.lines = linesFromTables(doc, unit, notes);
  threePublicPieces(doc, input.lines, notes);
  // Names of 项 the catalogue does not know, as printed (an uncatalogued 款 or 类 cannot be named: noted).
  const printedName = new Map<string, string>();
  for (const t of doc.tables) for (const r of t.rows) if (r.scheme === 'function' && r.code) printedName.set(r.code, r.name);
  for (const l of input.lines) {
    const chain = [l.functionCode.slice(0, 3), l.functionCode.slice(0, 5), l.functionCode];
    const first = chain.findIndex((c) => !lookupCode('function', c));
    // 「类名/款名/项名」 from the uncatalogued level down (the workbook's 功能科目名称).
    if (first >= 0 && chain.slice(first).every((c) => printedName.has(c))) l.functionName = chain.slice(first).map((c) => printedName.get(c)!).join('/');
  }
  const admin = tableOf(doc, 'threePublic')?.rows[0]?.cells.adminCost?.fen;
  const publicUse = input.lines.filter((l) => l.fund === 'gpb' && l.kind === 'basic' && !/^30[13]/.test(l.economicCode)).reduce((s, l) => s + l.fen, 0);
  if (admin !== undefined && admin !== roundWan(publicUse)) input.other.adminCost = admin;
  narrativeFacts(doc, input);
  notes.push(`项目支出未公开项目名称和经济分类：每个功能分类项记为一个项目，经济科目记为 ${UNPUBLISHED}`);
  return { input, notes };
}
