import { col, EXPENDITURE_KIND_COLUMNS } from './columns.js';
import type { ColumnSpec, Template } from './types.js';

/**
 * A Shanghai district table title: optionally the year (「2026年」), then 部门 / 预算单位 / 单位
 * (部门预算 and 单位预算 print the same tables), then the table's name.
 */
const title = (body: string): RegExp => new RegExp(`^(?:\\d{4}\\s*年\\s*)?(?:部门|预算单位|单位)?${body}$`);
const Q = '[“"”]?';

/** Column headers are matched against their path: every spanning label above the leaf, "收入预算/合计". */
const leaf = (label: string): RegExp => new RegExp(`(?:^|/)${label}$`);

const INCOME_COLUMNS: ColumnSpec[] = [
  col('total', leaf('合计')),
  col('fiscal', leaf('财政拨款收入')),
  col('business', leaf('事业收入')),
  col('operating', leaf('事业单位经营收入')),
  col('other', leaf('其他收入')),
];

const FUNCTION_COLUMNS = EXPENDITURE_KIND_COLUMNS;

/**
 * “三公”经费和机关运行经费预算表 (万元, one row): 合计 | 因公出国(境)费 | 公务接待费 |
 * 公务用车购置及运行费 (小计 | 购置费 | 运行费) under 「“三公”经费预算数」, then 机关运行经费预算数.
 */
const THREE_PUBLIC_COLUMNS: ColumnSpec[] = [
  col('total', leaf('合计')),
  col('abroad', leaf('因公出国[（(]境[)）]费用?')),
  col('reception', leaf('公务接待费')),
  col('vehicle', /公务用车购置及运行(?:维护)?费(?:\/小计)?$/),
  col('vehiclePurchase', /(?:^|\/)(?:公务用车)?购置费$/),
  col('vehicleRunning', /(?:^|\/)(?:公务用车)?运行(?:维护)?费$/),
  col('adminCost', /机关运行经费(?:预算数?)?$/),
];

/**
 * 上海市区级部门预算 / 单位预算公开模板 (普陀区 2024–2026): 9 tables. Tables 1–8 print amounts in
 * 元 (some districts as whole 元), the “三公” table in 万元; each table's own 「单位：」 line says which.
 * Function codes are printed in three columns (类 | 款 | 项), economic codes in two (类 | 款).
 */
export const shanghaiBudget: Template = {
  id: 'shanghai-budget',
  name: '上海市区级部门预算（9张表）',
  tablesAfter: 'explanation',
  tableNumbersPrinted: false,
  kind: 'budget',
  notes: 'after',
  detect: [/财务收支预算总表/, /财政拨款收支预算总表/, /支出功能分类预算表/, /部门预算经济分类预算表/, /“三公”经费和机关运行经费预算表/, /^预算主管部门[:：]/m],
  tables: [
    {
      kind: 'summary', number: 1, titles: [title('财务收支预算总表')], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^本年收入$/, columns: [col('amount', /预算数$/)] },
        // 单位预算 splits the expense side: 预算数 = 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出.
        {
          key: 'expense', header: /^本年支出$/,
          columns: [col('amount', /预算数$|^合计$/), col('personnel', /^人员经费$/), col('publicUse', /^公用经费$/), col('project', /^项目支出$/)],
        },
      ],
    },
    { kind: 'income', number: 2, titles: [title('收入预算总表')], layout: 'grid', codes: 'function', required: true, columns: INCOME_COLUMNS },
    { kind: 'expenditure', number: 3, titles: [title('支出预算总表')], layout: 'grid', codes: 'function', required: true, columns: FUNCTION_COLUMNS },
    {
      kind: 'fiscalSummary', number: 4, titles: [title('财政拨款收支预算总表')], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^财政拨款收入$/, columns: [col('amount', /预算数$/)] },
        {
          key: 'expense', header: /^财政拨款支出$/,
          columns: [col('total', /^合计$/), col('gpb', /^一般公共预算$/), col('govFund', /^政府性基金预算$/), col('stateCapital', /^国有资本经营预算$/)],
        },
      ],
    },
    { kind: 'gpbExpenditure', number: 5, titles: [title('一般公共预算支出功能分类预算表')], layout: 'grid', codes: 'function', required: true, columns: FUNCTION_COLUMNS },
    { kind: 'govFund', number: 6, titles: [title('政府性基金预算支出功能分类预算表')], layout: 'grid', codes: 'function', required: true, columns: FUNCTION_COLUMNS },
    { kind: 'stateCapital', number: 7, titles: [title('国有资本经营预算支出功能分类预算表')], layout: 'grid', codes: 'function', required: true, columns: FUNCTION_COLUMNS },
    {
      kind: 'gpbBasicEconomic', number: 8, titles: [title('一般公共预算基本支出部门预算经济分类预算表')], layout: 'grid', codes: 'economic', required: true,
      columns: [col('total', leaf('合计')), col('personnel', leaf('人员经费')), col('publicUse', leaf('公用经费'))],
    },
    {
      kind: 'threePublic', number: 9, titles: [title(`${Q}三公${Q}经费和机关运行经费预算表`)], layout: 'single-row', required: true,
      columns: THREE_PUBLIC_COLUMNS,
    },
  ],
};
