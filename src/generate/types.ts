import type { Document, DocumentKind, TemplateId } from '../model/index.js';

/**
 * The finance officer's input, as read from the data-entry workbook (docs/data-entry.md). Every
 * amount is an exact integer number of 分; amounts are typed in 万元 with at most 2 decimals, so
 * every fen value here is a multiple of 10,000.
 *
 * Only facts are typed: budget lines, project targets, last year's figures, reasons. Every table of
 * the disclosure is computed from them (never typed twice).
 */

/**
 * Where a line's money comes from. The first five are the workbook's main choices; the others are
 * the finer 收入 columns of 收入总体情况表 for departments that have them.
 */
export type FundSource =
  | 'gpb' // 一般公共预算
  | 'govFund' // 政府性基金
  | 'stateCapital' // 国有资本经营
  | 'specialAccount' // 财政专户（其他专户收入拨款）
  | 'educationFees' // 财政专户（教育收费）
  | 'business' // 事业收入
  | 'operating' // 事业单位经营收入
  | 'other' // 其他（其他收入）
  | 'fromSuperior' // 上级补助收入
  | 'fromAffiliates' // 附属单位上缴收入
  | 'carriedOver'; // 上年结转

export const FUND_SOURCES: readonly { key: FundSource; label: string }[] = [
  { key: 'gpb', label: '一般公共预算' },
  { key: 'govFund', label: '政府性基金' },
  { key: 'stateCapital', label: '国有资本经营' },
  { key: 'specialAccount', label: '财政专户' },
  { key: 'other', label: '其他' },
  { key: 'educationFees', label: '财政专户（教育收费）' },
  { key: 'business', label: '事业收入' },
  { key: 'operating', label: '事业单位经营收入' },
  { key: 'fromSuperior', label: '上级补助收入' },
  { key: 'fromAffiliates', label: '附属单位上缴收入' },
  { key: 'carriedOver', label: '上年结转' },
];

/** 财政拨款: the three budgets appropriated by the finance bureau. */
export const FISCAL_FUNDS: readonly FundSource[] = ['gpb', 'govFund', 'stateCapital'];

/** 基本 / 项目; a 决算 also has 上缴上级支出, 经营支出 and 对附属单位补助支出 (支出决算表 columns 4–6). */
export type SpendingKind = 'basic' | 'project' | 'toSuperior' | 'operating' | 'subsidyToAffiliates';
export const SPENDING_KINDS: readonly { key: SpendingKind; label: string }[] = [
  { key: 'basic', label: '基本支出' },
  { key: 'project', label: '项目支出' },
  { key: 'toSuperior', label: '上缴上级支出' },
  { key: 'operating', label: '经营支出' },
  { key: 'subsidyToAffiliates', label: '对附属单位补助支出' },
];
/** Spending kinds a budget template prints (the others exist in 决算 only). */
export const BUDGET_SPENDING_KINDS: readonly SpendingKind[] = ['basic', 'project'];

/** Where an input value was typed: sheet and 1-based row (and column header), for messages. */
export interface EntrySite {
  sheet: string;
  row?: number;
  column?: string;
}

export interface EntryUnit {
  name: string;
  /** The department's own 本级 unit. */
  self: boolean;
}

/** One line of 「预算明细」: an amount for a unit, a function 项, an economic 款, a fund and a kind. */
export interface BudgetLine {
  unit: string;
  /** 7-digit 功能分类 项 code. */
  functionCode: string;
  /** Name typed for a code the catalogue does not know. */
  functionName?: string;
  /** 5-digit 经济分类 款 code (部门预算支出经济分类). */
  economicCode: string;
  economicName?: string;
  fund: FundSource;
  kind: SpendingKind;
  /** Project name (required for 项目支出). */
  project?: string;
  fen: number;
  at: EntrySite;
}

/** A performance indicator (绩效指标) of a project or of the department as a whole. */
export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  /** ≥ = ≤ > < (计算符号). */
  operator: string;
  target: string;
  measure: string;
}

/** The project name under which the department-wide targets (部门整体绩效目标) are typed. */
export const WHOLE_DEPARTMENT = '部门整体';

export interface ProjectInfo {
  name: string;
  /** Unit the project belongs to (projects of the same name in two units are two projects). */
  unit?: string;
  /** Listed in 重点项目预算绩效目标. */
  key: boolean;
  /** Typed only for projects budgeted outside this department's lines (重点项目 listed by the department but funded elsewhere). */
  fen?: number;
  /** 绩效目标 text. */
  target?: string;
  indicators: Indicator[];
  at: EntrySite;
}

/** “三公”经费 parts. */
export type ThreePublicPart = 'abroad' | 'vehiclePurchase' | 'vehicleRunning' | 'reception';
export const THREE_PUBLIC_PARTS: readonly { key: ThreePublicPart; label: string; economic: string }[] = [
  { key: 'abroad', label: '因公出国（境）费', economic: '30212' },
  { key: 'vehiclePurchase', label: '公务用车购置费', economic: '31013' },
  { key: 'vehicleRunning', label: '公务用车运行维护费', economic: '30231' },
  { key: 'reception', label: '公务接待费', economic: '30217' },
];

export interface ThreePublicEntry {
  /** Optional: typed to confirm the figure computed from the lines' economic codes. */
  current?: number;
  prior?: number;
  /** 决算: 全年预算数 (the adjusted budget printed in the 预算数 columns of the “三公” table). */
  budget?: number;
}

/** Figures of the 「其他」 sheet (this year). Amounts in fen; counts as numbers. */
export interface OtherFigures {
  /** 机关运行经费（行政经费）, 一般公共预算. */
  adminCost?: number;
  procurementGoods?: number;
  procurementWorks?: number;
  procurementServices?: number;
  /** 资产统计截止日期 as printed: 2026年1月6日. */
  assetDate?: string;
  fixedAssets?: number;
  /** 房屋 (平方米). */
  buildingArea?: number;
  vehicles?: number;
  /** 单价在100万元以上的设备 (台). */
  largeEquipment?: number;
  /** 本年度拟购置固定资产. */
  assetPurchase?: number;
  assetPurchaseUse?: string;
  /** Optional: typed to confirm 委托业务费 (经济科目 30227, 一般公共预算). */
  commissioned?: number;
  staffAuthorised?: number;
  staffActual?: number;
  staffServing?: number;
  /** 内设机构个数. */
  departments?: number;
  // 决算 (national 9-table final account) only:
  /** 年初结转和结余 of non-fiscal funds (收入支出决算总表 年初结转和结余 less the 财政拨款 part). */
  nonFiscalOpening?: number;
  /** Optional check: 年末结转和结余 of non-fiscal funds (computed = 年初 + 收入 + 使用结余 − 支出 − 结余分配). */
  nonFiscalClosing?: number;
  /** 使用非财政拨款结余（含专用结余）. */
  surplusUsed?: number;
  /** 结余分配. */
  surplusDistribution?: number;
  /** 年初预算数 of 一般公共预算 / 政府性基金 / 国有资本经营 财政拨款支出 (「比年初预算数」). */
  initialBudgetGpb?: number;
  initialBudgetGovFund?: number;
  initialBudgetStateCapital?: number;
  /** 政府采购: 授予中小企业合同金额, of which 授予小微企业合同金额. */
  procurementSme?: number;
  procurementSmall?: number;
  /** “三公” counts: 因公出国（境）团组 / 人次, 公务用车购置数 / 保有量, 国内公务接待批次 / 人次, 外事接待批次 / 人次. */
  abroadGroups?: number;
  abroadPeople?: number;
  vehiclesPurchased?: number;
  vehiclesHeld?: number;
  receptionBatches?: number;
  receptionPeople?: number;
  foreignReceptionBatches?: number;
  foreignReceptionPeople?: number;
  /** 绩效评价情况, printed as typed. */
  performanceEvaluation?: string;
}

/** Keys of last year's figures (「上年数」) used in 比上年 sentences. */
export type PriorKey =
  | 'incomeTotal' // 收入预算（收入总计）
  | 'expenseTotal' // 支出预算（支出总计）
  | 'incomeCurrent' // 本年收入合计
  | 'fiscalIncome' // 财政拨款收入
  | 'fiscalExpense' // 财政拨款支出
  | 'basic' // 基本支出
  | 'project' // 项目支出
  | 'carriedOver' // 上年结转
  | 'adminCost' // 机关运行经费
  | 'commissioned' // 委托业务费
  // Shanghai: 财政拨款支出预算 by budget (「一般公共预算拨款支出预算…比上年预算增加…」)
  | 'gpbExpense'
  | 'govFundExpense'
  | 'stateCapitalExpense'
  // 决算: last year's 决算数 by income source and spending kind
  | 'incomeGpb'
  | 'incomeGovFund'
  | 'incomeStateCapital'
  | 'incomeFromSuperior'
  | 'incomeBusiness'
  | 'incomeOperating'
  | 'incomeFromAffiliates'
  | 'incomeOther'
  | 'toSuperior'
  | 'operatingExpense'
  | 'subsidyToAffiliates';

export interface PriorFigures {
  values: Partial<Record<PriorKey, number>>;
  /** Last year's figure per 功能分类 类 (3 digits) and per 经济分类 类 (3 digits). */
  functionClass: Record<string, number>;
  economicClass: Record<string, number>;
  /** Shanghai: last year's figure per 功能分类 项 (7 digits), its 「当年预算执行数」 in the 财政拨款支出 items. */
  functionItem?: Record<string, number>;
}

/** Topics of the 「原因」 sheet. */
export type ReasonTopic =
  | 'income'
  | 'expense'
  | 'threePublic'
  | 'abroad'
  | 'vehicle'
  | 'reception'
  | 'adminCost'
  | 'commissioned'
  | 'vehiclePurchase'
  | 'vehicleRunning'
  // 决算: changes against last year's 决算数 (income by source, spending by kind), 财政拨款 against
  // 年初预算数, “三公” against its budget
  | 'incomeGpb'
  | 'incomeGovFund'
  | 'incomeStateCapital'
  | 'incomeFromSuperior'
  | 'incomeBusiness'
  | 'incomeOperating'
  | 'incomeFromAffiliates'
  | 'incomeOther'
  | 'basic'
  | 'project'
  | 'toSuperior'
  | 'operatingExpense'
  | 'subsidyToAffiliates'
  | 'fiscalIncomeGpb'
  | 'fiscalIncomeGovFund'
  | 'fiscalIncomeStateCapital'
  | 'fiscalExpenseGpb'
  | 'fiscalExpenseGovFund'
  | 'fiscalExpenseStateCapital'
  | 'threePublicBudget';

export interface EntryInput {
  department: string;
  /** 部门编码 (Jiangxi: 「507」, printed in the performance tables). */
  departmentCode?: string;
  /** 单位名称 printed above the tables (default: the department). */
  reportingUnit?: string;
  year: number;
  kind: DocumentKind;
  template: TemplateId;
  /** Layout variant of the template (表式), see layouts in guangdong.ts. */
  layout?: string;
  /** Decimals of percentages in the narrative (1 by default). */
  percentDecimals?: number;
  duties?: string;
  organisation?: string;
  units: EntryUnit[];
  lines: BudgetLine[];
  projects: ProjectInfo[];
  threePublic: Partial<Record<ThreePublicPart, ThreePublicEntry>>;
  other: OtherFigures;
  prior: PriorFigures;
  reasons: Partial<Record<ReasonTopic, string>>;
  /** Shanghai: reasons per 功能分类 项 (7-digit code → text) for the 财政拨款支出 items (「原因」 free rows). */
  functionReasons?: Record<string, string>;
  /** Names for codes the catalogue does not know (code → name), from the lines' name columns. */
  names?: { function: Record<string, string>; economic: Record<string, string> };
  /** 决算: non-fiscal income by function 项 and source (「收入明细」). 财政拨款收入 is computed. */
  income?: IncomeLine[];
  /** 决算: 财政拨款 年初 / 年末结转和结余 by function 项 and fund (「结转结余」). */
  balances?: BalanceLine[];
  /** 决算: 一般公共预算财政拨款支出 年初预算数 by function 类, with the reason for the difference (「分类预算数」). */
  classBudgets?: ClassBudget[];
}

/** 决算: the 年初预算数 of one function 类 of 一般公共预算财政拨款支出 (完成预算 % in the 情况说明). */
export interface ClassBudget {
  /** 3-digit 功能分类 类. */
  code: string;
  fen: number;
  /** Why 决算数 differs from 年初预算数 (not needed when equal). */
  reason?: string;
  at: EntrySite;
}

/** 决算: sources of non-fiscal income (收入决算表 columns 3–7). */
export type IncomeSource = 'fromSuperior' | 'business' | 'operating' | 'fromAffiliates' | 'other';
export const INCOME_SOURCES: readonly { key: IncomeSource; label: string }[] = [
  { key: 'fromSuperior', label: '上级补助收入' },
  { key: 'business', label: '事业收入' },
  { key: 'operating', label: '经营收入' },
  { key: 'fromAffiliates', label: '附属单位上缴收入' },
  { key: 'other', label: '其他收入' },
];

/** 决算: one row of 「收入明细」 — this year's non-fiscal income of a function 项 from a source. */
export interface IncomeLine {
  functionCode: string;
  functionName?: string;
  source: IncomeSource;
  fen: number;
  at: EntrySite;
}

export type FiscalFund = 'gpb' | 'govFund' | 'stateCapital';

/**
 * 决算: one row of 「结转结余」 — the 财政拨款 balances of a function 项 and fund. 财政拨款收入 of that
 * 项 and fund = 支出 (the lines) + 年末 − 年初.
 */
export interface BalanceLine {
  functionCode: string;
  functionName?: string;
  fund: FiscalFund;
  opening: number;
  closing: number;
  at: EntrySite;
}

export function emptyInput(): EntryInput {
  return {
    department: '',
    year: 0,
    kind: 'budget',
    template: 'guangdong-budget',
    units: [],
    lines: [],
    projects: [],
    threePublic: {},
    other: {},
    prior: { values: {}, functionClass: {}, economicClass: {} },
    reasons: {},
  };
}

/**
 * An empty input carrying a published document's identity: department, year, kind, template, the
 * reporting unit printed above its tables (when not the department) and its units (the department
 * itself, as its own 本级 unit, when it lists none).
 */
export function inputFromIdentity(doc: Document): EntryInput {
  const input = emptyInput();
  input.department = doc.department;
  input.year = doc.year;
  input.kind = doc.kind;
  input.template = doc.template;
  const reporting = doc.tables.find((t) => t.reportingUnit)?.reportingUnit;
  if (reporting && reporting !== doc.department) input.reportingUnit = reporting;
  input.units = doc.units.length ? doc.units.map((u) => ({ ...u })) : [{ name: doc.department, self: true }];
  return input;
}
