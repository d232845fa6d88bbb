import type { TableKind, TemplateId } from '../model/index.js';

/**
 * Identities as data. Column keys are the model's normalised keys (every template maps its printed
 * headers to them), so one list serves all templates; a part a table does not print is left out.
 */

/** Within each row: total = Σ parts. */
export interface RowIdentity {
  kinds: TableKind[];
  total: string;
  parts: string[];
  zh: string;
  en: string;
  /** Only when the table prints this column (distinguishes template variants). */
  when?: string;
}

export const ROW_IDENTITIES: RowIdentity[] = [
  { kinds: ['expenditure', 'gpbExpenditure', 'govFund', 'stateCapital'], total: 'total', parts: ['basic', 'project', 'operating', 'subsidyToAffiliates', 'toSuperior', 'carryForward'], zh: '合计 = 基本支出 + 项目支出 + …', en: 'total = basic + project + …' },
  { kinds: ['income'], when: 'gpb', total: 'total', parts: ['gpb', 'govFund', 'stateCapital', 'educationFees', 'otherSpecialAccount', 'business', 'operating', 'other', 'fromSuperior', 'fromAffiliates', 'carriedOver', 'businessFund'], zh: '合计 = 各项收入之和', en: 'total = sum of income sources' },
  { kinds: ['income'], when: 'fiscal', total: 'total', parts: ['fiscal', 'fromSuperior', 'business', 'operating', 'fromAffiliates', 'other'], zh: '本年收入合计 = 各项收入之和', en: 'total = sum of income sources' },
  { kinds: ['threePublic', 'fiscalSummary'], when: 'gpb', total: 'total', parts: ['gpb', 'govFund', 'stateCapital'], zh: '合计 = 一般公共预算 + 政府性基金 + 国有资本经营', en: 'total = general budget + government fund + state capital' },
  { kinds: ['unitBasic', 'unitProject'], total: 'total', parts: ['fiscal', 'specialAccount', 'other'], zh: '总计 = 财政拨款 + 财政专户拨款 + 其他资金', en: 'total = fiscal + special account + other funds' },
  { kinds: ['unitBasic', 'unitProject'], total: 'fiscal', parts: ['gpb', 'govFund', 'stateCapital'], zh: '财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营', en: 'fiscal = general budget + government fund + state capital' },
  { kinds: ['gpbBasicEconomic'], when: 'personnel', total: 'total', parts: ['personnel', 'publicUse'], zh: '合计 = 人员经费 + 公用经费', en: 'total = personnel + public-use' },
  { kinds: ['govFund'], when: 'carriedForward', total: 'carriedForward', parts: ['carriedOver', 'income', '-total'], zh: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出', en: 'closing balance = opening balance + income − expenditure' },
  // 三公: the GD table prints the parts as rows (see THREE_PUBLIC_ROWS); single-row tables as columns.
  { kinds: ['threePublic'], when: 'abroad', total: 'total', parts: ['abroad', 'vehicle', 'reception'], zh: '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费', en: '3 public = abroad + vehicles + reception' },
  { kinds: ['threePublic'], when: 'abroadOfficial', total: 'abroad', parts: ['abroadOfficial', 'abroadAcademic'], zh: '因公出国（境）费 = 一般公务出国 + 学术交流出国', en: 'abroad = official + academic' },
  { kinds: ['threePublic'], when: 'vehicleRunning', total: 'vehicle', parts: ['vehicleRunning', 'vehiclePurchase'], zh: '公务用车购置及运行维护费 = 运行维护费 + 购置费', en: 'vehicles = running + purchase' },
  ...(['budget', 'final'] as const).flatMap((p): RowIdentity[] => [
    { kinds: ['threePublic'], when: `${p}.total`, total: `${p}.total`, parts: [`${p}.abroad`, `${p}.vehicle`, `${p}.reception`], zh: `${p === 'budget' ? '预算数' : '决算数'}：“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费`, en: `${p}: 3 public = abroad + vehicles + reception` },
    { kinds: ['threePublic'], when: `${p}.vehicle`, total: `${p}.vehicle`, parts: [`${p}.vehiclePurchase`, `${p}.vehicleRunning`], zh: `${p === 'budget' ? '预算数' : '决算数'}：公务用车购置及运行维护费 = 购置费 + 运行维护费`, en: `${p}: vehicles = purchase + running` },
  ]),
];

/** Row-wise 三公 table (GD): named rows that add up. Names are matched after removing quotes. */
export const THREE_PUBLIC_ROWS = [
  { total: /^三公经费$/, parts: [/^因公出国[（(]境[)）](支出|费)/, /^公务用车购置及运行维护(支出|费)/, /^公务接待费/], zh: '“三公”经费 = 因公出国（境） + 公务用车购置及运行维护 + 公务接待', en: '3 public = abroad + vehicles + reception' },
  { total: /^公务用车购置及运行维护(支出|费)/, parts: [/^公务用车购置费$/, /^公务用车运行维护费$/], zh: '公务用车购置及运行维护 = 购置费 + 运行维护费', en: 'vehicles = purchase + running' },
];

/** A figure named in data: a table kind, a row (name pattern after removing quotes and spaces, code, or the 合计 row) and a column. */
export interface FigureSpec {
  kind: TableKind;
  panel?: string;
  row: RegExp | { code: string } | 'total';
  column: string;
}

/** A figure, or the sum of several (e.g. 人员经费合计 + 公用经费合计). */
export type Figure = FigureSpec | { sum: FigureSpec[] };

/**
 * Figures that several standard tables state: every printed member of a chain must equal the first
 * printed one. Members a document does not print are skipped.
 */
export interface FigureChain {
  zh: string;
  en: string;
  members: Figure[];
  /** The templates the chain holds in (default: all). */
  templates?: TemplateId[];
}

const T = 'total' as const;
export const FIGURE_CHAINS: FigureChain[] = [
  // A budget's 收入总表 has the 上年结转 column (and Guangdong 2024's the income below 本年收入合计):
  // its 合计 is the summary's 收入总计. A 决算's 收入决算表 has only the year's income.
  {
    zh: '收入总计（收支总表 = 收入总表）', en: 'total income (summary = income table)', templates: ['guangdong-budget', 'jiangxi-budget', 'shanghai-budget'],
    members: [{ kind: 'summary', panel: 'income', row: /^收入总计$/, column: 'amount' }, { kind: 'income', row: T, column: 'total' }],
  },
  {
    zh: '本年收入合计（收支总表 = 收入总表）', en: 'current-year income (summary = income table)', templates: ['national-final'],
    members: [{ kind: 'summary', panel: 'income', row: /^本年收入合计$/, column: 'amount' }, { kind: 'income', row: T, column: 'total' }],
  },
  {
    zh: '本年支出合计（收支总表 = 支出总表）', en: 'current-year expenditure (summary = expenditure table)',
    members: [{ kind: 'summary', panel: 'expense', row: /^本年支出合计$/, column: 'amount' }, { kind: 'expenditure', row: T, column: 'total' }],
  },
  {
    zh: '财政拨款收入（收支总表「预算拨款」= 财政拨款收支总表本年收入合计）', en: 'fiscal appropriations (summary = fiscal summary)',
    members: [
      { kind: 'summary', panel: 'income', row: /^(预算拨款|财政拨款)(收入)?$/, column: 'amount' },
      { sum: ['一般公共预算', '政府性基金预算', '国有资本经营预算'].map((f) => ({ kind: 'summary' as const, panel: 'income', row: new RegExp(`^${f}财政拨款收入$`), column: 'amount' })) },
      { kind: 'income', row: T, column: 'fiscal' },
      { kind: 'fiscalSummary', panel: 'income', row: /^本年收入合计$/, column: 'amount' },
    ],
  },
  {
    zh: '一般公共预算收入（财政拨款收支总表 = 收入总表）', en: 'general public budget income (fiscal summary = income table)',
    members: [
      { kind: 'fiscalSummary', panel: 'income', row: /^一般公共预算(财政拨款)?$/, column: 'amount' },
      { kind: 'summary', panel: 'income', row: /^一般公共预算财政拨款收入$/, column: 'amount' },
      { kind: 'income', row: T, column: 'gpb' },
    ],
  },
  {
    zh: '一般公共预算支出（财政拨款收支总表 = 一般公共预算支出表）', en: 'general public budget expenditure (fiscal summary = its expenditure table)',
    members: [{ kind: 'fiscalSummary', panel: 'expense', row: /^本年支出合计$/, column: 'gpb' }, { kind: 'gpbExpenditure', row: T, column: 'total' }],
  },
  {
    zh: '政府性基金预算收入（财政拨款收支总表 = 收入总表）', en: 'government fund income (fiscal summary = income table)',
    members: [
      { kind: 'fiscalSummary', panel: 'income', row: /^政府性基金预算(财政拨款)?$/, column: 'amount' },
      { kind: 'summary', panel: 'income', row: /^政府性基金预算财政拨款收入$/, column: 'amount' },
      { kind: 'income', row: T, column: 'govFund' },
    ],
  },
  {
    zh: '政府性基金预算支出（财政拨款收支总表 = 政府性基金预算支出表）', en: 'government fund budget expenditure (fiscal summary = its expenditure table)',
    members: [{ kind: 'fiscalSummary', panel: 'expense', row: /^本年支出合计$/, column: 'govFund' }, { kind: 'govFund', row: T, column: 'total' }],
  },
  {
    zh: '国有资本经营预算收入（财政拨款收支总表 = 收入总表）', en: 'state capital income (fiscal summary = income table)',
    members: [
      { kind: 'fiscalSummary', panel: 'income', row: /^国有资本经营预算(财政拨款)?$/, column: 'amount' },
      { kind: 'summary', panel: 'income', row: /^国有资本经营预算财政拨款收入$/, column: 'amount' },
      { kind: 'income', row: T, column: 'stateCapital' },
    ],
  },
  {
    zh: '国有资本经营预算支出（财政拨款收支总表 = 国有资本经营预算支出表）', en: 'state capital budget expenditure (fiscal summary = its expenditure table)',
    members: [{ kind: 'fiscalSummary', panel: 'expense', row: /^本年支出合计$/, column: 'stateCapital' }, { kind: 'stateCapital', row: T, column: 'total' }],
  },
  {
    zh: '一般公共预算基本支出（一般公共预算支出表 = 基本支出经济分类表 = 分单位基本支出表）', en: 'GPB basic spending (GPB table = basic economic table = per-unit basic table)',
    members: [
      { kind: 'gpbExpenditure', row: T, column: 'basic' },
      { kind: 'gpbBasicEconomic', row: T, column: 'amount' },
      { kind: 'gpbBasicEconomic', row: T, column: 'total' },
      { sum: [{ kind: 'gpbBasicEconomic', panel: 'personnel', row: /^人员经费合计$/, column: 'amount' }, { kind: 'gpbBasicEconomic', panel: 'publicUse', row: /^公用经费合计$/, column: 'amount' }] },
      { kind: 'unitBasic', row: T, column: 'gpb' },
    ],
  },
  {
    zh: '一般公共预算项目支出（一般公共预算支出表 = 项目支出经济分类表 = 分项目支出表）', en: 'GPB project spending (GPB table = project economic table = per-project table)',
    members: [
      { kind: 'gpbExpenditure', row: T, column: 'project' },
      { kind: 'gpbProjectEconomic', row: T, column: 'amount' },
      { kind: 'unitProject', row: T, column: 'gpb' },
    ],
  },
  {
    zh: '基本支出（支出总表 = 分单位基本支出表）', en: 'basic spending (expenditure table = per-unit basic table)',
    members: [{ kind: 'expenditure', row: T, column: 'basic' }, { kind: 'unitBasic', row: T, column: 'total' }],
  },
  {
    zh: '项目支出（支出总表 = 分项目支出表）', en: 'project spending (expenditure table = per-project table)',
    members: [{ kind: 'expenditure', row: T, column: 'project' }, { kind: 'unitProject', row: T, column: 'total' }],
  },
  {
    zh: '政府性基金项目支出（基金预算支出表 = 分项目支出表）', en: 'fund project spending (fund table = per-project table)',
    members: [{ kind: 'govFund', row: T, column: 'project' }, { kind: 'unitProject', row: T, column: 'govFund' }],
  },
  {
    zh: '政府性基金基本支出（基金预算支出表 = 分单位基本支出表）', en: 'fund basic spending (fund table = per-unit basic table)',
    members: [{ kind: 'govFund', row: T, column: 'basic' }, { kind: 'unitBasic', row: T, column: 'govFund' }],
  },
  {
    zh: '国有资本经营项目支出（国资预算支出表 = 分项目支出表）', en: 'state capital project spending (state capital table = per-project table)',
    members: [{ kind: 'stateCapital', row: T, column: 'project' }, { kind: 'unitProject', row: T, column: 'stateCapital' }],
  },
];
