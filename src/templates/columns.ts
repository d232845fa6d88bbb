import type { ColumnSpec } from './types.js';

/** Column vocabularies shared by several templates. */
export const col = (key: string, header: RegExp, type: 'amount' | 'text' = 'amount'): ColumnSpec => ({ key, header, type });

export const EXPENDITURE_KIND_COLUMNS: ColumnSpec[] = [
  col('total', /(^|\/)(合计|小计|本年支出合计)$/),
  col('basic', /基本支出$/),
  col('project', /项目支出$/),
  col('operating', /经营支出$/),
  col('subsidyToAffiliates', /对附属单位补助支出$/),
  col('toSuperior', /上缴上级支出$/),
  col('carryForward', /结转下年$/),
];

export const INCOME_SOURCE_COLUMNS: ColumnSpec[] = [
  col('total', /^合计$/),
  col('gpb', /一般公共预算$/),
  col('govFund', /政府性基金预算$/),
  col('stateCapital', /国有资本经营预算$/),
  col('educationFees', /教育收费$/),
  col('otherSpecialAccount', /其他专户收入拨款$/),
  col('business', /事业收入$/),
  col('operating', /(事业单位)?经营收入$/),
  col('other', /其他收入$/),
  col('fromSuperior', /上级补助收入$/),
  col('fromAffiliates', /附属单位上缴收入$/),
  col('carriedOver', /上年结转(结余)?$/),
  col('businessFund', /用事业基金弥补收支差额$/),
];

export const FUND_SOURCE_COLUMNS: ColumnSpec[] = [
  col('total', /^总计$/),
  col('fiscal', /^财政拨款\/合计$/),
  col('gpb', /一般公共预算$/),
  col('govFund', /政府性基金预算$/),
  col('stateCapital', /国有资本经营预算$/),
  col('specialAccount', /^财政专户拨款$/),
  col('other', /^其他资金$/),
  col('performanceTarget', /^绩效目标$/, 'text'),
];
