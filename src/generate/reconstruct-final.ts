import type { Document, Row, Section, Table, TableKind } from '../model/index.js';
import { allSections, cellFen as fen, fenOfWanText, tableOf, wanNote as wan } from './published.js';
import { signedChange } from '../narrative/format.js';
import { SHEET } from './layout.js';
import { northWest, type Piece } from './north-west.js';
import { inputFromIdentity, INCOME_SOURCES, THREE_PUBLIC_PARTS } from './types.js';
import type { BalanceLine, BudgetLine, EntryInput, FiscalFund, IncomeLine, OtherFigures, PriorKey, ReasonTopic, SpendingKind, ThreePublicPart } from './types.js';

/**
 * An entry input rebuilt from a published national 决算 (seed 002), so that generating it
 * reproduces the nine tables. A 决算 prints only margins:
 *
 * - 一般公共预算 基本支出 lines: the 款 of 基本支出决算明细表 matched in order with the 项 of the
 *   一般公共预算 table (north-west corner; the 项 side is reproduced exactly);
 * - 项目支出 lines per 项 of the 一般公共预算 / 政府性基金 / 国有资本经营 tables (project names and
 *   economic codes are not published: 「未公开名称的项目（项）」, 30299), except that the “三公” 决算数
 *   not covered by 基本支出 is carved out of the first 财政拨款 project line with its economic code;
 * - 支出决算表 less the three fund tables per 项 and column = spending of non-fiscal funds (其他);
 * - 收入决算表 non-fiscal columns = 「收入明细」; 政府性基金 balances per 项 from its table, the other
 *   two funds' balances (totals only in 财政拨款收入支出决算总表) on their first 项;
 * - 非财政拨款 年初结转和结余 = 总表 年初 less 财政拨款 年初; 使用非财政拨款结余 and 结余分配 as printed;
 * - prior figures (上年决算数), 年初预算数, reasons, counts from the 情况说明.
 *
 * `notes` says where the tables disagree with each other and which side was followed.
 */

const UNPUBLISHED_ECONOMIC = '30299';
const leaves = (t: Table | undefined) => (t?.rows ?? []).filter((r) => r.level === 3 && r.code);


/**
 * Where a printed 类/款 of `t` (column `column`) differs from the sum of its printed children: the
 * leaves a rounding difference belongs to.
 */
function gaps(t: Table | undefined, column: string): Map<string, number> {
  const gap = new Map<string, number>();
  const rows = (t?.rows ?? []).filter((r) => r.code);
  for (const r of rows) if (r.level !== 3) gap.set(r.code!, fen(r, column));
  for (const r of rows) {
    const parent = r.level === 3 ? r.code!.slice(0, 5) : r.level === 2 ? r.code!.slice(0, 3) : undefined;
    if (parent && gap.has(parent)) gap.set(parent, gap.get(parent)! - fen(r, column));
  }
  return gap;
}

/**
 * Bring function 项 pieces to `target` (a printed total): the difference goes to the piece whose
 * printed 款 and 类 ask for it (`gap` of the same sign), the last such piece on a tie.
 */
function adjustTo(pieces: Piece<string>[], target: number | undefined, gap: Map<string, number>, notes: string[], what: string): void {
  const sum = pieces.reduce((s, p) => s + p.fen, 0);
  if (target === undefined || sum === target) return;
  const d = target - sum;
  let best = -1;
  let bestScore = -1;
  pieces.forEach((p, i) => {
    if (p.fen + d < 0 || (p.fen === 0 && d < 0)) return;
    const score = [p.key.slice(0, 3), p.key.slice(0, 5)].filter((c) => Math.sign(gap.get(c) ?? 0) === Math.sign(d)).length;
    if (score >= bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best < 0) return;
  pieces[best]!.fen += d;
  notes.push(`${what}：各项之和 ${wan(sum)} 万元与印出的合计 ${wan(target)} 万元不一致，按合计，差额记在 ${pieces[best]!.key}`);
}

const projectName = (code: string) => `未公开名称的项目（${code}）`;
const FUND_TABLE: Record<FiscalFund, TableKind> = { gpb: 'gpbExpenditure', govFund: 'govFund', stateCapital: 'stateCapital' };
const KIND_COLUMNS: readonly SpendingKind[] = ['basic', 'project', 'toSuperior', 'operating', 'subsidyToAffiliates'];

function finalLines(doc: Document, unit: string, notes: string[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const at = { sheet: SHEET.lines };
  const push = (l: Omit<BudgetLine, 'at' | 'unit'>) => lines.push({ unit, ...l, at });
  const gpb = tableOf(doc, 'gpbExpenditure');
  // 基本支出 of 一般公共预算: economic 款 × function 项.
  const econ = (tableOf(doc, 'gpbBasicEconomic')?.rows ?? []).filter((r) => r.level === 2 && r.code).sort((x, y) => (x.code! < y.code! ? -1 : 1));
  const basicLeaves = leaves(gpb).map((r) => ({ key: r.code!, fen: fen(r, 'basic') }));
  const printedBasic = gpb?.rows.find((r) => r.role === 'total')?.cells.basic?.fen;
  adjustTo(basicLeaves, printedBasic, gaps(gpb, 'basic'), notes, '一般公共预算财政拨款支出决算表 基本支出');
  // A printed 类 that is not the sum of its 款: the last 款 of the class takes the difference (the 类,
  // 人员经费合计 / 公用经费合计 and 机关运行经费 are printed in more places than one 款).
  const econPieces = econ.map((r) => ({ key: r.code!, fen: fen(r, 'amount') }));
  for (const [cls, g] of gaps(tableOf(doc, 'gpbBasicEconomic'), 'amount')) {
    if (g === 0 || cls.length !== 3) continue;
    const last = [...econPieces].reverse().find((p) => p.key.startsWith(cls) && p.fen > 0 && p.fen + g >= 0);
    if (!last) continue;
    last.fen += g;
    notes.push(`基本支出决算明细表 ${cls} 印 ${wan(econPieces.filter((p) => p.key.startsWith(cls)).reduce((s, p) => s + p.fen, 0))} 万元，各款之和相差 ${wan(g)} 万元：按类，差额记在 ${last.key}`);
  }
  for (const c of northWest(econPieces, basicLeaves, notes, '一般公共预算基本支出：经济分类款 × 功能分类项')) {
    push({ functionCode: c.b, economicCode: c.a, fund: 'gpb', kind: 'basic', fen: c.fen });
  }
  // Fund tables: 项目支出 (and 政府性基金/国有资本经营 基本支出) per 项.
  for (const fund of ['gpb', 'govFund', 'stateCapital'] as const) {
    for (const r of leaves(tableOf(doc, FUND_TABLE[fund]))) {
      for (const kind of fund === 'gpb' ? (['project'] as const) : (['basic', 'project'] as const)) {
        const v = fen(r, kind);
        if (v > 0) push({ functionCode: r.code!, economicCode: UNPUBLISHED_ECONOMIC, fund, kind, ...(kind === 'project' ? { project: projectName(r.code!) } : {}), fen: v });
      }
      if (fen(r, 'total') === 0 && !lines.some((l) => l.functionCode === r.code && l.fund === fund)) {
        push({ functionCode: r.code!, economicCode: UNPUBLISHED_ECONOMIC, fund, kind: 'basic', fen: 0 });
      }
    }
  }
  // Non-fiscal spending: 支出决算表 less the fiscal lines, per 项 and column, brought to the printed 合计.
  const expenditure = tableOf(doc, 'expenditure');
  for (const kind of KIND_COLUMNS) {
    const rests: Piece<string>[] = [];
    for (const r of leaves(expenditure)) {
      // As printed (not as adjusted above): a rounding adjustment of a fund table is not non-fiscal money.
      const fiscal = (['gpb', 'govFund', 'stateCapital'] as const).reduce((s, f) => s + leaves(tableOf(doc, FUND_TABLE[f])).filter((x) => x.code === r.code).reduce((t, x) => t + fen(x, kind), 0), 0);
      const rest = fen(r, kind) - fiscal;
      if (rest < 0) notes.push(`支出决算表 ${r.code} ${kind} 少于财政拨款各表之和 ${wan(-rest)} 万元：按财政拨款各表`);
      if (rest > 0) rests.push({ key: r.code!, fen: rest });
    }
    const printed = expenditure?.rows.find((r) => r.role === 'total')?.cells[kind]?.fen;
    const fiscalTotal = lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.fen, 0);
    if (rests.length) adjustTo(rests, printed === undefined ? undefined : printed - fiscalTotal, gaps(expenditure, kind), notes, `支出决算表 ${kind} 非财政拨款部分`);
    for (const p of rests) if (p.fen > 0) push({ functionCode: p.key, economicCode: UNPUBLISHED_ECONOMIC, fund: 'other', kind, ...(kind === 'project' ? { project: `非财政拨款项目（${p.key}）` } : {}), fen: p.fen });
  }
  // “三公” 决算数 beyond what 基本支出 shows: carved out of 财政拨款 project lines with the part's economic code.
  const tp = tableOf(doc, 'threePublic')?.rows[0];
  for (const part of THREE_PUBLIC_PARTS) {
    const printed = tp ? fen(tp, `final.${part.key}`) : 0;
    const inBasic = lines.filter((l) => l.economicCode === part.economic && l.fund !== 'other').reduce((s, l) => s + l.fen, 0);
    let need = printed - inBasic;
    if (need < 0) notes.push(`“三公”经费${part.label}决算数 ${wan(printed)} 少于基本支出经济分类 ${part.economic} 的 ${wan(inBasic)} 万元`);
    for (const l of lines) {
      if (need <= 0) break;
      if (l.kind !== 'project' || l.fund === 'other' || l.economicCode !== UNPUBLISHED_ECONOMIC || l.fen === 0) continue;
      const take = Math.min(need, l.fen);
      l.fen -= take;
      lines.push({ ...l, economicCode: part.economic, fen: take });
      need -= take;
    }
    if (need > 0) notes.push(`“三公”经费${part.label}决算数多出 ${wan(need)} 万元，没有可归属的财政拨款项目支出`);
  }
  return lines.filter((l, i) => l.fen > 0 || !lines.some((m, j) => j !== i && m.functionCode === l.functionCode && m.fund === l.fund && m.fen > 0));
}

function finalIncome(doc: Document): IncomeLine[] {
  const out: IncomeLine[] = [];
  for (const r of leaves(tableOf(doc, 'income'))) {
    for (const s of INCOME_SOURCES) {
      const v = fen(r, s.key);
      if (v > 0) out.push({ functionCode: r.code!, source: s.key, fen: v, at: { sheet: SHEET.income } });
    }
  }
  return out;
}

function finalBalances(doc: Document, lines: BudgetLine[], notes: string[]): BalanceLine[] {
  const out: BalanceLine[] = [];
  const at = { sheet: SHEET.balances };
  for (const r of leaves(tableOf(doc, 'govFund'))) {
    const opening = fen(r, 'carriedOver');
    const closing = fen(r, 'carriedForward');
    if (opening || closing) out.push({ functionCode: r.code!, fund: 'govFund', opening, closing, at });
  }
  // 一般公共预算 / 国有资本经营: totals only (财政拨款收入支出决算总表 行 29–31 and 60).
  const fs = tableOf(doc, 'fiscalSummary');
  const incomeRows = (fs?.rows ?? []).filter((r) => r.panel === 'income');
  const openingAt = incomeRows.findIndex((r) => /^年初财政拨款结转和结余$/.test(r.name));
  const closingRow = (fs?.rows ?? []).find((r) => r.panel === 'expense' && /^年末财政拨款结转和结余$/.test(r.name));
  const openingOf = (name: RegExp) => (openingAt < 0 ? 0 : fen(incomeRows.slice(openingAt + 1).find((r) => name.test(r.name)) ?? ({ cells: {} } as Row), 'amount'));
  for (const [fund, name] of [['gpb', /^一般公共预算财政拨款$/], ['stateCapital', /^国有资本经营预算财政拨款$/]] as const) {
    const opening = openingOf(name);
    const closing = closingRow ? fen(closingRow, fund) : 0;
    if (!opening && !closing) continue;
    const code = lines.find((l) => l.fund === fund)?.functionCode ?? lines[0]?.functionCode;
    if (!code) continue;
    notes.push(`${fund} 财政拨款结转和结余只印了合计（年初 ${wan(opening)}、年末 ${wan(closing)} 万元）：记在功能科目 ${code}`);
    out.push({ functionCode: code, fund, opening, closing, at });
  }
  return out;
}

function panelAmount(doc: Document, kind: TableKind, panel: string, name: RegExp): number {
  const r = tableOf(doc, kind)?.rows.find((x) => x.panel === panel && name.test(x.name.replace(/\s+/g, '')));
  return r ? fen(r, 'amount') : 0;
}

const PRIOR_BY_CLAIM: Record<string, PriorKey> = {
  'gpb.income': 'incomeGpb',
  'govFund.income': 'incomeGovFund',
  'stateCapital.income': 'incomeStateCapital',
  'income.fromSuperior': 'incomeFromSuperior',
  'income.business': 'incomeBusiness',
  'income.operating': 'incomeOperating',
  'income.fromAffiliates': 'incomeFromAffiliates',
  'income.other': 'incomeOther',
  'expense.basic': 'basic',
  'expense.project': 'project',
  'expense.toSuperior': 'toSuperior',
  'expense.operating': 'operatingExpense',
  'expense.subsidyToAffiliates': 'subsidyToAffiliates',
  adminCost: 'adminCost',
};
const BUDGET_BY_CLAIM: Record<string, keyof OtherFigures> = { 'gpb.expense': 'initialBudgetGpb', 'govFund.expense': 'initialBudgetGovFund', 'stateCapital.expense': 'initialBudgetStateCapital' };
const THREE_PUBLIC_BY_CLAIM: Record<string, ThreePublicPart> = { 'threePublic.abroad': 'abroad', 'threePublic.vehiclePurchase': 'vehiclePurchase', 'threePublic.vehicleRunning': 'vehicleRunning', 'threePublic.reception': 'reception' };

function claimFacts(doc: Document, input: EntryInput): void {
  let decimals = 0;
  for (const claim of doc.claims) {
    if (claim.context === 'reason' || !claim.key || !claim.amount) continue;
    if (claim.key === 'adminCost' && input.other.adminCost === undefined) input.other.adminCost = claim.amount.fen;
    const proc = { 'procurement.goods': 'procurementGoods', 'procurement.works': 'procurementWorks', 'procurement.services': 'procurementServices' }[claim.key] as keyof OtherFigures | undefined;
    if (proc && input.other[proc] === undefined) (input.other as Record<string, number>)[proc] = claim.amount.fen;
    const change = claim.change;
    if (!change) continue;
    if (typeof change.percent === 'object') decimals = Math.max(decimals, change.percent.decimals);
    const delta = signedChange(change);
    if (delta === undefined) continue;
    const prior = claim.amount.fen - delta;
    if (/年初预算/.test(change.basis)) {
      const k = BUDGET_BY_CLAIM[claim.key];
      if (k && input.other[k] === undefined) (input.other as Record<string, number>)[k] = prior;
      continue;
    }
    const pk = PRIOR_BY_CLAIM[claim.key];
    if (pk && input.prior.values[pk] === undefined) input.prior.values[pk] = prior;
    const tk = THREE_PUBLIC_BY_CLAIM[claim.key];
    if (tk && input.threePublic[tk]?.prior === undefined) input.threePublic[tk] = { ...input.threePublic[tk], prior };
  }
  if (decimals > 0) input.percentDecimals = decimals;
}


const REASONS: [ReasonTopic, RegExp][] = [
  ['incomeGpb', /\d+\.一般公共预算财政拨款收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeGovFund', /\d+\.政府性基金预算财政拨款收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeStateCapital', /\d+\.国有资本经营预算财政拨款收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeFromSuperior', /\d+\.上级补助收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeBusiness', /\d+\.事业收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeOperating', /\d+\.经营收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeFromAffiliates', /\d+\.附属单位上缴收入[^。]*。主要变动情况：([^。]*)/],
  ['incomeOther', /\d+\.其他收入[^。]*。主要变动情况：([^。]*)/],
  ['basic', /\d+\.基本支出[^。]*。主要变动情况：([^。]*)/],
  ['project', /\d+\.项目支出[^。]*。主要变动情况：([^。]*)/],
  ['toSuperior', /\d+\.上缴上级支出[^。]*。主要变动情况：([^。]*)/],
  ['operatingExpense', /\d+\.经营支出[^。]*。主要变动情况：([^。]*)/],
  ['subsidyToAffiliates', /\d+\.对附属单位补助支出[^。]*。主要变动情况：([^。]*)/],
  ['fiscalIncomeGpb', /一般公共预算财政拨款收入[^；。]*比上年决算数[^；。]*；主要变动情况：([^；。]*)/],
  ['fiscalIncomeGovFund', /政府性基金预算财政拨款收入[^；。]*比上年决算数[^；。]*；主要变动情况：([^；。]*)/],
  ['fiscalIncomeStateCapital', /国有资本经营预算财政拨款收入[^；。]*比上年决算数[^；。]*；主要变动情况：([^；。]*)/],
  ['fiscalExpenseGpb', /一般公共预算财政拨款支出[^；。]*年初预算数[^；。]*；主要变动情况：([^；。]*)/],
  ['fiscalExpenseGovFund', /政府性基金预算财政拨款支出[^；。]*年初预算数[^；。]*；主要变动情况：([^；。]*)/],
  ['fiscalExpenseStateCapital', /国有资本经营预算财政拨款支出[^；。]*年初预算数[^；。]*；主要变动情况：([^；。]*)/],
  ['threePublicBudget', /决算[小大]于预算数的主要情况：([^。]*)/],
  ['threePublic', /决算[小大]于上年决算数的主要情况：([^。]*)/],
  ['adminCost', /主要增减变动情况是：([^。]*)/],
];

function proseFacts(doc: Document, input: EntryInput): void {
  const sections = allSections(doc.narrative);
  const flat = (s: Section): string => [s.text, ...s.children.map((c) => `${c.number ?? ''}${c.heading}${c.text ? `\n${c.text}` : ''}`)].join('\n').trim();
  const duties = sections.find((s) => /职责/.test(s.heading));
  if (duties) input.duties = flat(duties);
  const org = sections.find((s) => /机构设置/.test(s.heading));
  if (org?.text) input.organisation = org.text;
  const explanation = sections.filter((s) => s.part === 'explanation').map((s) => s.text.replace(/\n/g, '')).join('\n');
  for (const [topic, re] of REASONS) {
    const m = re.exec(explanation)?.[1]?.trim();
    if (m && !/^与(?:上年决算数|年初预算数)持平$/.test(m) && input.reasons[topic] === undefined) input.reasons[topic] = m;
  }
  const o = input.other;
  const count = (re: RegExp, k: keyof OtherFigures, group = 1) => {
    const m = re.exec(explanation)?.[group];
    if (m !== undefined && o[k] === undefined) (o as Record<string, number>)[k] = Number(m);
  };
  count(/出国（境）团组(\d+)个/, 'abroadGroups');
  count(/出国（境）团组\d+个、累计(\d+)人次/, 'abroadPeople');
  count(/公务用车购置数(\d+)辆/, 'vehiclesPurchased');
  count(/公务用车保有量为?(\d+)辆/, 'vehiclesHeld');
  count(/来访团组(\d+)个/, 'foreignReceptionBatches');
  count(/来访外宾(\d+)人次/, 'foreignReceptionPeople');
  count(/国内接待(\d+)次/, 'receptionBatches');
  count(/接待人数共(\d+)人/, 'receptionPeople');
  count(/共有车辆(\d+)辆/, 'vehicles');
  count(/设备（不含车辆）(\d+)台/, 'largeEquipment');
  const sme = /授予中小企业合同金额([\d,.]+)万元/.exec(explanation)?.[1];
  if (sme) o.procurementSme = fenOfWanText(sme);
  const small = /授予小微企业合同金额([\d,.]+)万元/.exec(explanation)?.[1];
  if (small) o.procurementSmall = fenOfWanText(small);
  const date = /截至([^，,]+?)[，,]/.exec(explanation)?.[1];
  if (date) o.assetDate = date;
  const evaluation = sections.find((s) => /绩效评价/.test(s.heading) && s.part === 'explanation');
  if (evaluation?.text) o.performanceEvaluation = evaluation.text;
}

/** An entry input whose generated tables reproduce a published national 决算's tables. */
export function finalEntry(doc: Document): { input: EntryInput; notes: string[] } {
  const notes: string[] = [];
  const input = inputFromIdentity(doc);
  const unit = input.units.find((u) => u.self)?.name ?? input.units[0]!.name;
  input.lines = finalLines(doc, unit, notes);
  const income = finalIncome(doc);
  if (income.length) input.income = income;
  const balances = finalBalances(doc, input.lines, notes);
  if (balances.length) input.balances = balances;
  const fiscalOpening = panelAmount(doc, 'fiscalSummary', 'income', /^年初财政拨款结转和结余$/);
  const opening = panelAmount(doc, 'summary', 'income', /^年初结转和结余$/);
  if (opening - fiscalOpening !== 0) input.other.nonFiscalOpening = opening - fiscalOpening;
  const used = panelAmount(doc, 'summary', 'income', /^使用非财政拨款结余/);
  if (used) input.other.surplusUsed = used;
  const distribution = panelAmount(doc, 'summary', 'expense', /^结余分配$/);
  if (distribution) input.other.surplusDistribution = distribution;
  const tp = tableOf(doc, 'threePublic')?.rows[0];
  if (tp) for (const part of THREE_PUBLIC_PARTS) input.threePublic[part.key] = { budget: fen(tp, `budget.${part.key}`) };
  claimFacts(doc, input);
  proseFacts(doc, input);
  return { input, notes };
}
