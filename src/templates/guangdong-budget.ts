import { col, EXPENDITURE_KIND_COLUMNS, FUND_SOURCE_COLUMNS, INCOME_SOURCE_COLUMNS } from './columns.js';
import type { Template } from './types.js';

/** 广东省部门预算公开模板: 12 tables (seeds 000, 001, 003). */
export const guangdongBudget: Template = {
  id: 'guangdong-budget',
  name: '广东省部门预算（12张表）',
  kind: 'budget',
  notes: 'after',
  detect: [/部门预算表/, /部门预算基本支出预算表/, /财政拨款安排的行政经费及“三公”经费预算表/],
  tables: [
    {
      kind: 'summary', number: 1, titles: [/^收支总体情况表$/], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收入/, columns: [col('amount', /预算$/)] },
        { key: 'expense', header: /^支出/, columns: [col('amount', /预算$/)] },
      ],
    },
    { kind: 'income', number: 2, titles: [/^收入总体情况表$/], layout: 'grid', codes: 'function', byUnit: true, required: true, columns: INCOME_SOURCE_COLUMNS },
    { kind: 'expenditure', number: 3, titles: [/^(本年)?支出总体情况表$/], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    {
      kind: 'fiscalSummary', number: 4, titles: [/^财政拨款收支总体情况表$/], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收入/, columns: [col('amount', /预算$/)] },
        { key: 'expense', header: /^支出/, columns: [col('amount', /预算$/)] },
      ],
    },
    { kind: 'gpbExpenditure', number: 5, titles: [/^一般公共预算支出情况表[（(]按功能分类科目[)）]$/], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    { kind: 'gpbBasicEconomic', number: 6, titles: [/^一般公共预算基本支出情况表[（(]按经济分类科目[)）]$/], layout: 'grid', codes: 'economic', required: true, columns: [col('amount', /预算$/)] },
    { kind: 'gpbProjectEconomic', number: 7, titles: [/^一般公共预算项目支出情况表[（(]按经济分类科目[)）]$/], layout: 'grid', codes: 'economic', required: true, columns: [col('amount', /预算$/)] },
    {
      kind: 'threePublic', number: 8, titles: [/^财政拨款安排的行政经费及[“"]三公[”"]经费预算表$/], layout: 'grid', required: true,
      columns: [col('total', /^合计$/), col('gpb', /一般公共预算$/), col('govFund', /政府性基金预算$/), col('stateCapital', /国有资本经营预算$/)],
    },
    { kind: 'govFund', number: 9, titles: [/^政府性基金预算支出情况表$/], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    { kind: 'stateCapital', number: 10, titles: [/^国有资本经营预算支出情况表$/], layout: 'grid', codes: 'function', required: true, columns: EXPENDITURE_KIND_COLUMNS },
    { kind: 'unitBasic', number: 11, titles: [/^部门预算基本支出预算表$/], layout: 'grid', byUnit: true, required: true, columns: FUND_SOURCE_COLUMNS },
    { kind: 'unitProject', number: 12, titles: [/^部门预算项目支出及其他支出预算表$/], layout: 'grid', byUnit: true, required: true, columns: FUND_SOURCE_COLUMNS },
    {
      kind: 'keyProjects', titles: [], headerLine: /^项目\t预算数/, layout: 'grid', required: false,
      columns: [col('amount', /^预算数/), col('performanceTarget', /^绩效目标$/, 'text')],
    },
  ],
};
