import type { OtherFigures, PriorKey, ReasonTopic, ThreePublicPart } from './types.js';
import { FUND_SOURCES, INCOME_SOURCES, SPENDING_KINDS } from './types.js';

/**
 * The data-entry workbook as data: sheet names, column headers, notes and validation lists. The
 * writer (template) and the reader both use these definitions, so the two cannot drift apart.
 * docs/data-entry.md describes the same layout for people.
 */

export const SHEET = {
  guide: '填报说明',
  info: '部门信息',
  lines: '预算明细',
  projects: '项目',
  threePublic: '三公',
  other: '其他',
  prior: '上年数',
  reasons: '原因',
  /** 决算 only. */
  income: '收入明细',
  /** 决算 only. */
  balances: '结转结余',
  /** 决算 only. */
  classBudgets: '分类预算数',
} as const;

export const YES_NO = ['是', '否'] as const;

/** A column of a list sheet (one record per row). */
export interface ColumnDef {
  key: string;
  header: string;
  width: number;
  note: string;
  list?: readonly string[];
  required?: boolean;
}

/** A labelled row of a key/value sheet. */
export interface FieldDef<K extends string = string> {
  key: K;
  label: string;
  note: string;
  /** amount = 万元 (2 decimals); number = a count; text; list = one of `list`. */
  type: 'amount' | 'number' | 'text' | 'list';
  list?: readonly string[];
  required?: boolean;
  /** Display unit for the 单位 column. */
  unit?: string;
}

export const TEMPLATE_CHOICES = [
  { id: 'guangdong-budget', label: '广东省部门预算（12张表）' },
  { id: 'jiangxi-budget', label: '江西省部门预算（11张表）' },
  { id: 'national-final', label: '部门决算（全国统一9张表）' },
  { id: 'shanghai-budget', label: '上海市区级部门预算（9张表）' },
] as const;

export const KIND_CHOICES = [
  { id: 'budget', label: '预算' },
  { id: 'final', label: '决算' },
] as const;

/** 表式: layout variants of a template (the Guangdong template prints slightly different tables by year and city). */
export const LAYOUT_CHOICES = ['广东2026', '广东2026（含债务及转移性支出行）', '广东2024', '江西2026', '上海2026', '上海2025', '上海2025（单位预算）', '上海2024'] as const;

export type InfoKey = 'department' | 'departmentCode' | 'year' | 'kind' | 'template' | 'layout' | 'reportingUnit' | 'percentDecimals' | 'duties' | 'organisation';

export const INFO_FIELDS: FieldDef<InfoKey>[] = [
  { key: 'department', label: '部门名称', type: 'text', required: true, note: '主管部门全称，如「江门市医疗保障局」。出现在标题、表头和情况说明中。' },
  { key: 'departmentCode', label: '部门编码', type: 'text', note: '财政部门给本部门的编码，如「507」。江西模板的绩效目标表印「507-××局」。' },
  { key: 'year', label: '预算年度', type: 'number', required: true, note: '四位数年份，如 2026。' },
  { key: 'kind', label: '类型', type: 'list', list: KIND_CHOICES.map((c) => c.label), required: true, note: '预算 或 决算。' },
  { key: 'template', label: '公开模板', type: 'list', list: TEMPLATE_CHOICES.map((c) => c.label), required: true, note: '按本地财政部门规定的公开模板选择；决定生成哪些表及情况说明的写法。' },
  { key: 'layout', label: '表式', type: 'list', list: LAYOUT_CHOICES, note: '同一模板在不同年度、地区的细微差别（收支总表科目顺序、分单位表小计行写法）。不填则按年度自动选择。' },
  { key: 'reportingUnit', label: '表头单位名称', type: 'text', note: '各表「单位名称：」后印的名称；不填则用部门名称。单位本级预算可写「××局（本级）」。' },
  { key: 'percentDecimals', label: '增减率小数位', type: 'number', note: '情况说明中增减百分比保留的小数位，默认 1（如 24.2%）。' },
  { key: 'duties', label: '主要职责', type: 'text', note: '第一部分「主要职责」全文，按原样印出。可分段（单元格内换行）。' },
  { key: 'organisation', label: '机构设置', type: 'text', note: '第一部分「部门机构设置」全文，如内设机构和下属单位。' },
];

/** Header row of the unit list on 「部门信息」 (below the fields). */
export const UNIT_HEADER = { name: '预算单位名称', self: '本级（是/否）', note: '说明' } as const;
export const UNIT_NOTE = '每行一个纳入本部门预算的单位，第一行通常是本级（是）。预算明细中的「单位名称」必须与此处一致。';

export const LINE_COLUMNS: ColumnDef[] = [
  { key: 'unit', header: '单位名称', width: 28, required: true, note: '资金使用单位，须与「部门信息」中列出的预算单位名称完全一致。' },
  { key: 'functionCode', header: '功能科目编码', width: 14, required: true, note: '支出功能分类科目，7 位项级编码，如 2101501（行政运行）。类、款由编码自动汇总。' },
  { key: 'functionName', header: '功能科目名称', width: 30, note: '可不填：按科目表取名。仅当编码不在内置科目表中时必须填写；款或类也不在科目表中时写「类名/款名/项名」。' },
  { key: 'economicCode', header: '经济科目编码', width: 14, required: true, note: '部门预算支出经济分类科目，5 位款级编码，如 30201（办公费）。' },
  { key: 'economicName', header: '经济科目名称', width: 24, note: '可不填：按科目表取名。仅当编码不在内置科目表中时必须填写。' },
  { key: 'fund', header: '资金来源', width: 16, required: true, list: FUND_SOURCES.map((f) => f.label), note: '一般公共预算 / 政府性基金 / 国有资本经营 / 财政专户 / 其他（及更细的收入来源）。' },
  { key: 'kind', header: '支出类型', width: 12, required: true, list: SPENDING_KINDS.map((k) => k.label), note: '基本支出 或 项目支出。决算另可选上缴上级支出、经营支出、对附属单位补助支出（支出决算表第4–6栏）。' },
  { key: 'project', header: '项目名称', width: 36, note: '项目支出必填；同一单位同名项目视为同一项目。基本支出不填。' },
  { key: 'amount', header: '金额（万元）', width: 14, required: true, note: '以万元为单位，最多两位小数，如 1081.18。金额为 0 的行也会在表中印出该科目。决算：填本年实际支出（决算数），含使用以前年度结转资金的支出（按资金性质填资金来源）。' },
  { key: 'amountYuan', header: '金额（元）', width: 16, note: '上海模板（表中金额印到元、两位小数）用：以元为单位，最多两位小数，如 16726725.44。填写本列则「金额（万元）」不填；每行只填一列。' },
  { key: 'remark', header: '备注', width: 20, note: '仅供填报人使用，不进入公开文件。' },
];

/** 「收入明细」 (决算 only): this year's non-fiscal income by function 项 and source. */
export const INCOME_COLUMNS: ColumnDef[] = [
  { key: 'functionCode', header: '功能科目编码', width: 14, required: true, note: '决算用。收入对应的支出功能分类科目，7 位项级编码。' },
  { key: 'functionName', header: '功能科目名称', width: 30, note: '可不填：按科目表取名。仅当编码不在内置科目表中时必须填写。' },
  { key: 'source', header: '收入来源', width: 18, required: true, list: INCOME_SOURCES.map((x) => x.label), note: '上级补助收入 / 事业收入 / 经营收入 / 附属单位上缴收入 / 其他收入。财政拨款收入不在此填写：由支出和「结转结余」计算（收入 = 支出 + 年末结转和结余 − 年初结转和结余）。' },
  { key: 'amount', header: '金额（万元）', width: 14, required: true, note: '本年实际取得的收入（万元，最多两位小数）。' },
  { key: 'remark', header: '备注', width: 20, note: '仅供填报人使用，不进入公开文件。' },
];

/** 「分类预算数」 (决算 only): 一般公共预算财政拨款支出 年初预算数 by function 类. */
export const CLASS_BUDGET_COLUMNS: ColumnDef[] = [
  { key: 'code', header: '功能科目编码（类）', width: 16, required: true, note: '决算用，可不填。3 位类级编码，如 210。填写后情况说明增加「一般公共预算财政拨款支出决算情况说明」（各类完成年初预算的百分比）。' },
  { key: 'name', header: '功能科目名称', width: 30, note: '可不填：按科目表取名。' },
  { key: 'amount', header: '年初预算数（万元）', width: 16, required: true, note: '该类一般公共预算财政拨款支出的年初预算数。各类之和应等于「其他」中的年初预算数（一般公共预算财政拨款支出）。' },
  { key: 'reason', header: '决算数与年初预算数差异原因', width: 60, note: '决算数大于（小于）年初预算数的主要原因；持平可不填。不填则印「（原因待填写）」。' },
];

/** 「结转结余」 (决算 only): 财政拨款 balances by function 项 and fund; only non-zero rows are needed. */
export const BALANCE_COLUMNS: ColumnDef[] = [
  { key: 'functionCode', header: '功能科目编码', width: 14, required: true, note: '决算用。7 位项级编码。只填有年初或年末财政拨款结转和结余的科目；都为 0 的不填。' },
  { key: 'functionName', header: '功能科目名称', width: 30, note: '可不填：按科目表取名。仅当编码不在内置科目表中时必须填写。' },
  { key: 'fund', header: '资金来源', width: 16, required: true, list: ['一般公共预算', '政府性基金', '国有资本经营'], note: '一般公共预算 / 政府性基金 / 国有资本经营（财政拨款）。非财政拨款的年初结转和结余填在「其他」。' },
  { key: 'opening', header: '年初结转和结余（万元）', width: 16, note: '上年末结转到本年的财政拨款结转和结余。' },
  { key: 'closing', header: '年末结转和结余（万元）', width: 16, note: '本年末结转到下年的财政拨款结转和结余。本年财政拨款收入 = 本年支出 + 年末 − 年初（由此计算，不另填）。' },
  { key: 'remark', header: '备注', width: 20, note: '仅供填报人使用，不进入公开文件。' },
];

export const PROJECT_COLUMNS: ColumnDef[] = [
  { key: 'project', header: '项目名称', width: 36, required: true, note: `与「预算明细」中的项目名称一致。部门整体绩效目标写「部门整体」。一个项目可占多行（每行一个指标），项目信息写在第一行即可。` },
  { key: 'unit', header: '单位名称', width: 26, note: '项目所属单位；同名项目在多个单位时必填。' },
  { key: 'key', header: '重点项目', width: 10, list: YES_NO, note: '是：列入情况说明「重点项目预算绩效目标」表。' },
  { key: 'amount', header: '预算数（万元）', width: 14, note: '通常不填：由预算明细汇总。仅当项目不在本部门预算明细中（由其他部门列支）时填写。' },
  { key: 'target', header: '绩效目标', width: 60, note: '项目年度绩效目标，按原样印在项目支出表和重点项目表中。' },
  { key: 'level1', header: '一级指标', width: 12, note: '产出指标 / 效益指标 / 满意度指标 / 成本指标。' },
  { key: 'level2', header: '二级指标', width: 14, note: '数量指标、质量指标、时效指标、社会效益指标……' },
  { key: 'level3', header: '三级指标', width: 36, note: '指标名称。' },
  { key: 'operator', header: '符号', width: 8, list: ['≥', '≤', '=', '>', '<'], note: '计算符号。' },
  { key: 'target3', header: '目标值', width: 12, note: '数值或文字。' },
  { key: 'measure', header: '度量单位', width: 10, note: '%、万人、张、次、万元……' },
];

export const THREE_PUBLIC_FIELDS: FieldDef<ThreePublicPart>[] = [
  { key: 'abroad', label: '因公出国（境）费', type: 'amount', note: '本年数由经济科目 30212 的财政拨款金额计算。' },
  { key: 'vehiclePurchase', label: '公务用车购置费', type: 'amount', note: '本年数由经济科目 31013 的财政拨款金额计算。' },
  { key: 'vehicleRunning', label: '公务用车运行维护费', type: 'amount', note: '本年数由经济科目 30231 的财政拨款金额计算。' },
  { key: 'reception', label: '公务接待费', type: 'amount', note: '本年数由经济科目 30217 的财政拨款金额计算。' },
];
/** Columns 2–4 (read by position): 本年数 (a check), 上年数 (决算: 上年决算数), 全年预算数 (决算 only). */
export const THREE_PUBLIC_HEADER = ['项目', '本年预算数（万元，可不填）', '上年预算数（万元）', '全年预算数（决算用，万元）', '说明'] as const;

export const OTHER_FIELDS: FieldDef<keyof OtherFigures>[] = [
  { key: 'adminCost', label: '机关运行经费（行政经费）', type: 'amount', unit: '万元', note: '一般公共预算安排的行政（参公）单位机关运行经费，印在行政经费及“三公”经费预算表和情况说明中。' },
  { key: 'procurementGoods', label: '政府采购预算（货物）', type: 'amount', unit: '万元', note: '政府采购预算中的货物类。总额由三项相加。' },
  { key: 'procurementWorks', label: '政府采购预算（工程）', type: 'amount', unit: '万元', note: '政府采购预算中的工程类。' },
  { key: 'procurementServices', label: '政府采购预算（服务）', type: 'amount', unit: '万元', note: '政府采购预算中的服务类。' },
  { key: 'assetDate', label: '资产统计截止日期', type: 'text', note: '如「2026年1月6日」，按原样印出。' },
  { key: 'fixedAssets', label: '固定资产金额', type: 'amount', unit: '万元', note: '截止日期的固定资产账面金额。' },
  { key: 'buildingArea', label: '房屋面积', type: 'number', unit: '平方米', note: '占有使用的房屋面积。' },
  { key: 'vehicles', label: '车辆', type: 'number', unit: '辆', note: '车辆数。' },
  { key: 'largeEquipment', label: '单价在100万元以上的设备', type: 'number', unit: '台', note: '台（套）数。' },
  { key: 'assetPurchase', label: '本年度拟购置固定资产', type: 'amount', unit: '万元', note: '本年预算安排购置的固定资产。' },
  { key: 'assetPurchaseUse', label: '拟购置固定资产用途', type: 'text', note: '如「维持本单位正常运转必要的办公设备购置」。' },
  { key: 'commissioned', label: '委托业务费', type: 'amount', unit: '万元', note: '可不填：由经济科目 30227 的一般公共预算金额计算；填写则核对二者一致。' },
  { key: 'staffAuthorised', label: '编制人数', type: 'number', unit: '人', note: '江西模板「机构设置及人员情况」用。' },
  { key: 'staffActual', label: '实有人数', type: 'number', unit: '人', note: '江西模板用。' },
  { key: 'staffServing', label: '在职人数', type: 'number', unit: '人', note: '江西模板用。' },
  { key: 'departments', label: '内设机构个数', type: 'number', unit: '个', note: '可不填。' },
  { key: 'nonFiscalOpening', label: '年初结转和结余（非财政拨款）', type: 'amount', unit: '万元', note: '决算用：非财政拨款资金的年初结转和结余（财政拨款的填在「结转结余」）。' },
  { key: 'nonFiscalClosing', label: '年末结转和结余（非财政拨款，可不填）', type: 'amount', unit: '万元', note: '决算用，可不填：由年初 + 非财政拨款收入 + 使用非财政拨款结余 − 非财政拨款支出 − 结余分配计算；填写则核对二者一致。' },
  { key: 'surplusUsed', label: '使用非财政拨款结余（含专用结余）', type: 'amount', unit: '万元', note: '决算用：收入支出决算总表第28行。' },
  { key: 'surplusDistribution', label: '结余分配', type: 'amount', unit: '万元', note: '决算用：收入支出决算总表第58行。' },
  { key: 'initialBudgetGpb', label: '年初预算数（一般公共预算财政拨款支出）', type: 'amount', unit: '万元', note: '决算用：情况说明「比年初预算数增加（减少）」。' },
  { key: 'initialBudgetGovFund', label: '年初预算数（政府性基金预算财政拨款支出）', type: 'amount', unit: '万元', note: '决算用。' },
  { key: 'initialBudgetStateCapital', label: '年初预算数（国有资本经营预算财政拨款支出）', type: 'amount', unit: '万元', note: '决算用。' },
  { key: 'procurementSme', label: '授予中小企业合同金额', type: 'amount', unit: '万元', note: '决算用：政府采购授予中小企业合同金额。' },
  { key: 'procurementSmall', label: '授予小微企业合同金额', type: 'amount', unit: '万元', note: '决算用：其中授予小微企业的合同金额。' },
  { key: 'abroadGroups', label: '因公出国（境）团组数', type: 'number', unit: '个', note: '决算用：全年使用财政拨款安排的出国（境）团组。' },
  { key: 'abroadPeople', label: '因公出国（境）人次', type: 'number', unit: '人次', note: '决算用。' },
  { key: 'vehiclesPurchased', label: '公务用车购置数', type: 'number', unit: '辆', note: '决算用。' },
  { key: 'vehiclesHeld', label: '公务用车保有量', type: 'number', unit: '辆', note: '决算用。' },
  { key: 'receptionBatches', label: '国内公务接待批次', type: 'number', unit: '次', note: '决算用。' },
  { key: 'receptionPeople', label: '国内公务接待人次', type: 'number', unit: '人', note: '决算用。' },
  { key: 'foreignReceptionBatches', label: '外事接待批次', type: 'number', unit: '个', note: '决算用：接待国外、境外来访团组。' },
  { key: 'foreignReceptionPeople', label: '外事接待人次', type: 'number', unit: '人次', note: '决算用：来访外宾。' },
  { key: 'performanceEvaluation', label: '绩效评价情况', type: 'text', note: '决算用：情况说明「绩效评价情况」一节全文，按原样印出（可分段）。' },
];
export const OTHER_HEADER = ['项目', '数值', '单位', '说明'] as const;

export const PRIOR_FIELDS: FieldDef<PriorKey>[] = [
  { key: 'incomeTotal', label: '收入预算（收入总计）', type: 'amount', note: '上年部门预算的收入总计，用于「比上年增加（减少）」。' },
  { key: 'expenseTotal', label: '支出预算（支出总计）', type: 'amount', note: '上年部门预算的支出总计。' },
  { key: 'incomeCurrent', label: '本年收入合计', type: 'amount', note: '江西模板用：上年的本年收入合计。' },
  { key: 'carriedOver', label: '上年结转', type: 'amount', note: '江西模板用：上年预算的上年结转。' },
  { key: 'fiscalIncome', label: '财政拨款收入', type: 'amount', note: '江西模板用。' },
  { key: 'fiscalExpense', label: '财政拨款支出', type: 'amount', note: '江西模板用。' },
  { key: 'basic', label: '基本支出', type: 'amount', note: '江西模板用。' },
  { key: 'project', label: '项目支出', type: 'amount', note: '江西模板用。' },
  { key: 'adminCost', label: '机关运行经费', type: 'amount', note: '上年机关运行经费（行政经费）预算。' },
  { key: 'commissioned', label: '委托业务费', type: 'amount', note: '上年一般公共预算委托业务费。' },
  { key: 'gpbExpense', label: '一般公共预算拨款支出', type: 'amount', note: '上海模板用：上年一般公共预算拨款支出预算。' },
  { key: 'govFundExpense', label: '政府性基金拨款支出', type: 'amount', note: '上海模板用：上年政府性基金拨款支出预算。' },
  { key: 'stateCapitalExpense', label: '国有资本经营预算拨款支出', type: 'amount', note: '上海模板用：上年国有资本经营预算拨款支出预算。' },
  { key: 'incomeGpb', label: '一般公共预算财政拨款收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeGovFund', label: '政府性基金预算财政拨款收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeStateCapital', label: '国有资本经营预算财政拨款收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeFromSuperior', label: '上级补助收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeBusiness', label: '事业收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeOperating', label: '经营收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeFromAffiliates', label: '附属单位上缴收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'incomeOther', label: '其他收入', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'toSuperior', label: '上缴上级支出', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'operatingExpense', label: '经营支出', type: 'amount', note: '决算用：上年决算数。' },
  { key: 'subsidyToAffiliates', label: '对附属单位补助支出', type: 'amount', note: '决算用：上年决算数。' },
];
/** Free rows of 「上年数」: by classification 类 (and, Shanghai, by function 项: 7-digit codes). */
export const PRIOR_CLASS_LABELS = { function: '功能分类（类）', economic: '经济分类（类）', functionItem: '功能分类（项）' } as const;
export const PRIOR_HEADER = ['指标', '科目编码', '上年数（万元）', '说明'] as const;

export const REASON_FIELDS: FieldDef<ReasonTopic>[] = [
  { key: 'income', label: '收入预算增减', type: 'text', note: '收入预算比上年增减的主要原因。不填则情况说明印「（原因待填写）」。' },
  { key: 'expense', label: '支出预算增减', type: 'text', note: '支出预算比上年增减的主要原因。' },
  { key: 'threePublic', label: '“三公”经费增减', type: 'text', note: '“三公”经费合计比上年增减的主要原因。' },
  { key: 'abroad', label: '因公出国（境）费增减', type: 'text', note: '持平时可不填。' },
  { key: 'vehicle', label: '公务用车购置及运行维护费增减', type: 'text', note: '持平时可不填。' },
  { key: 'vehiclePurchase', label: '公务用车购置费增减', type: 'text', note: '江西模板分项说明用。' },
  { key: 'vehicleRunning', label: '公务用车运行维护费增减', type: 'text', note: '江西模板分项说明用。' },
  { key: 'reception', label: '公务接待费增减', type: 'text', note: '持平时可不填。' },
  { key: 'adminCost', label: '机关运行经费增减', type: 'text', note: '机关运行经费比上年增减的主要原因。' },
  { key: 'commissioned', label: '委托业务费增减', type: 'text', note: '委托业务费比上年增减的主要原因。' },
  { key: 'incomeGpb', label: '一般公共预算财政拨款收入增减（决算）', type: 'text', note: '决算用：比上年决算数增减的主要变动情况。' },
  { key: 'incomeGovFund', label: '政府性基金预算财政拨款收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeStateCapital', label: '国有资本经营预算财政拨款收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeFromSuperior', label: '上级补助收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeBusiness', label: '事业收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeOperating', label: '经营收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeFromAffiliates', label: '附属单位上缴收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'incomeOther', label: '其他收入增减（决算）', type: 'text', note: '决算用。' },
  { key: 'basic', label: '基本支出增减（决算）', type: 'text', note: '决算用。' },
  { key: 'project', label: '项目支出增减（决算）', type: 'text', note: '决算用。' },
  { key: 'toSuperior', label: '上缴上级支出增减（决算）', type: 'text', note: '决算用。' },
  { key: 'operatingExpense', label: '经营支出增减（决算）', type: 'text', note: '决算用。' },
  { key: 'subsidyToAffiliates', label: '对附属单位补助支出增减（决算）', type: 'text', note: '决算用。' },
  { key: 'fiscalIncomeGpb', label: '财政拨款收入说明：一般公共预算（决算）', type: 'text', note: '决算用：财政拨款收入说明中的变动情况；不填则用上面「一般公共预算财政拨款收入增减」。' },
  { key: 'fiscalIncomeGovFund', label: '财政拨款收入说明：政府性基金（决算）', type: 'text', note: '决算用；不填则用「政府性基金预算财政拨款收入增减」。' },
  { key: 'fiscalIncomeStateCapital', label: '财政拨款收入说明：国有资本经营（决算）', type: 'text', note: '决算用；不填则用「国有资本经营预算财政拨款收入增减」。' },
  { key: 'fiscalExpenseGpb', label: '一般公共预算财政拨款支出与年初预算差异（决算）', type: 'text', note: '决算用：比年初预算数增减的主要变动情况。' },
  { key: 'fiscalExpenseGovFund', label: '政府性基金预算财政拨款支出与年初预算差异（决算）', type: 'text', note: '决算用。' },
  { key: 'fiscalExpenseStateCapital', label: '国有资本经营预算财政拨款支出与年初预算差异（决算）', type: 'text', note: '决算用。' },
  { key: 'threePublicBudget', label: '“三公”经费决算与预算差异（决算）', type: 'text', note: '决算用：“三公”经费支出决算小于（大于）预算数的主要情况。' },
];
export const REASON_HEADER = ['主题', '原因', '说明'] as const;

/** The 「填报说明」 sheet, one paragraph per row. */
export const GUIDE: string[] = [
  'yusuan 部门预算公开数据填报表',
  '本工作簿只填「事实」：预算明细、项目绩效目标、上年数和增减原因。公开文件中的各张表（收支总体情况表、支出总体情况表、分单位表……）和情况说明中的数字都由 yusuan 计算生成，不必、也不能重复填写。',
  '填报顺序：1.「部门信息」：部门名称、年度、模板、预算单位；2.「预算明细」：每一笔预算一行（单位 × 功能科目 × 经济科目 × 资金来源 × 基本/项目 × 项目）；3.「项目」：项目绩效目标和指标，标记重点项目；4.「三公」「其他」「上年数」：情况说明需要的数字；5.「原因」：各项增减变化的原因。',
  '金额一律以万元为单位、最多两位小数（上海市区级部门预算的表印到元，预算明细可改在「金额（元）」列以元填写、最多两位小数）。科目编码按《政府收支分类科目》：功能分类写到项（7 位），经济分类写到款（5 位）。',
  '“三公”经费、委托业务费的本年数由经济科目计算（30212 因公出国（境）费用、31013 公务用车购置、30231 公务用车运行维护费、30217 公务接待费、30227 委托业务费），请确保预算明细的经济科目准确。',
  '没有填写的原因不会被编造：情况说明中会印出「（原因待填写）」，请补填后重新生成。',
  '每列的填写要求见表头单元格的批注（鼠标悬停查看）。不要修改表头和第一列的项目名称；可以增加行。',
  '决算（类型选「决算」、模板选「部门决算（全国统一9张表）」）：「预算明细」每行填本年实际支出（决算数）；「收入明细」填非财政拨款收入；「结转结余」填财政拨款的年初、年末结转和结余（财政拨款收入由此计算）；「分类预算数」（可不填）填一般公共预算财政拨款支出各类的年初预算数；「三公」填全年预算数和上年决算数；「其他」「上年数」「原因」中标「决算用」的行供情况说明使用。',
  '生成：由 yusuan 读取本工作簿（readEntryWorkbook）生成公开文件的全部表格和情况说明。缺少必填内容或数字前后不一致时，会一次列出所有问题（工作表、行、列）。',
];
