import { col, EXPENDITURE_KIND_COLUMNS, INCOME_SOURCE_COLUMNS } from './columns.js';
import type { ColumnSpec, Template } from './types.js';

/**
 * A title as printed in the body or in the 目录: optionally wrapped in 《》, with “” or " around
 * 三公. `body` is the regex source of the bare title.
 */
const title = (body: string): RegExp => new RegExp(`^《?${body}》?$`);
const Q = '[“"”]?';

/** Summary tables (收支预算总表, 财政拨款收支总表): one amount per side, plus the fund-source split on the expense side. */
const SUMMARY_AMOUNT = col('amount', /^(预算数?|金额|合计|小计)$/);
const FUND_SPLIT: ColumnSpec[] = [
  col('gpb', /一般公共预算$/),
  col('govFund', /政府性基金预算?$/),
  col('stateCapital', /国有资本经营预算$/),
];

/** 部门收入总表: the shared income vocabulary, with 总计 as the total and Jiangxi's 财政专户 / 单位资金 columns. */
const INCOME_COLUMNS: ColumnSpec[] = [
  col('total', /^(合计|总计)$/),
  ...INCOME_SOURCE_COLUMNS.filter((c) => c.key !== 'total'),
  col('specialAccount', /财政专户(管理资金|拨款)(收入)?$/),
  col('unitFunds', /^单位资金(\/(合计|小计))?$/),
];

/**
 * 财政拨款“三公”经费支出表: one row of amounts under a two-row header. Column headers are matched
 * against their path, "group/leaf" (因公出国(境)费/小计); single-row headers match without the leaf.
 */
const THREE_PUBLIC_COLUMNS: ColumnSpec[] = [
  col('total', /^合计$/),
  col('abroad', /^因公出国[（(]境[)）]费(用)?(\/小计)?$/),
  col('abroadOfficial', /一般公务出国[（(]境[)）]费(用)?$/),
  col('abroadAcademic', /学术交流合作出国[（(]境[)）]费(用)?$/),
  col('reception', /^公务接待费(\/小计)?$/),
  col('vehicle', /^公务用车购置及运行(维护)?费(\/小计)?$/),
  col('vehicleRunning', /公务用车运行(维护)?费$/),
  col('vehiclePurchase', /公务用车购置(费)?$/),
];

/**
 * Indicator columns of the performance tables. When a table prints 指标值 as one cell (≥10000张),
 * the reader splits it into operator, target and measure.
 */
const INDICATOR_COLUMNS: ColumnSpec[] = [
  col('level1', /^一级指标$/, 'text'),
  col('level2', /^二级指标$/, 'text'),
  col('level3', /^(三级指标|指标名称|指标内容)$/, 'text'),
  col('operator', /^(计算符号|符号|运算符号?)$/, 'text'),
  col('target', /^(目标值|指标值|年度指标值)$/, 'text'),
  col('measure', /^(度量单位|计量单位)$/, 'text'),
];

/** 项目资金 block of 项目支出绩效目标表 (amounts in the unit printed with 项目资金(万元)). */
const PROJECT_FUNDING_COLUMNS: ColumnSpec[] = [
  col('total', /^(年度)?资金总额$/),
  col('nonFiscal', /^(其中[:：]\s*)?非财政拨款$/),
  col('fiscal', /^(其中[:：]\s*)?财政拨款$/),
  col('other', /^其他资金$/),
  col('carriedOver', /^上年结转$/),
];

/** 江西省部门预算公开模板: 11 tables, notes printed before their table (seed 004, 景德镇). */
export const jiangxiBudget: Template = {
  id: 'jiangxi-budget',
  name: '江西省部门预算（11张表）',
  kind: 'budget',
  notes: 'before',
  detect: [/填报单位/, /部门整体绩效目标/, /部门支出总表/],
  tables: [
    {
      kind: 'summary', number: 1, titles: [title('(部门)?收支预算总表')], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收\s*入/, columns: [SUMMARY_AMOUNT] },
        { key: 'expense', header: /^支\s*出/, columns: [SUMMARY_AMOUNT, ...FUND_SPLIT] },
      ],
    },
    { kind: 'income', number: 2, titles: [title('部门收入(预算)?总表')], layout: 'grid', codes: 'function', required: true, columns: INCOME_COLUMNS },
    { kind: 'expenditure', number: 3, titles: [title('部门支出(预算)?总表')], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    {
      kind: 'fiscalSummary', number: 4, titles: [title('财政拨款收支(预算)?总表')], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收\s*入/, columns: [SUMMARY_AMOUNT] },
        { key: 'expense', header: /^支\s*出/, columns: [SUMMARY_AMOUNT, ...FUND_SPLIT] },
      ],
    },
    { kind: 'gpbExpenditure', number: 5, titles: [title('一般公共预算支出(预算)?表')], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    {
      kind: 'gpbBasicEconomic', number: 6, titles: [title('一般公共预算基本支出(预算)?表')], layout: 'grid', codes: 'economic', required: true,
      columns: [col('total', /(^|\/)(合计|小计)$/), col('personnel', /人员经费$/), col('publicUse', /公用经费$/)],
    },
    {
      kind: 'threePublic', number: 7, titles: [title(`(一般公共预算)?财政拨款${Q}三公${Q}经费支出(预算)?表`)], layout: 'single-row', required: true,
      columns: THREE_PUBLIC_COLUMNS,
    },
    { kind: 'govFund', number: 8, titles: [title('政府性基金预算支出(预算)?表')], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    { kind: 'stateCapital', number: 9, titles: [title('国有资本经营预算支出(预算)?表')], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    { kind: 'deptPerformance', number: 10, titles: [title('部门整体(支出)?绩效目标(表)?')], layout: 'dept-performance', required: true, columns: INDICATOR_COLUMNS },
    {
      kind: 'projectPerformance', number: 11, titles: [title('项目(支出)?绩效目标表')], layout: 'project-performance', required: true,
      columns: [...PROJECT_FUNDING_COLUMNS, ...INDICATOR_COLUMNS],
    },
  ],
};
