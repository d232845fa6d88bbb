import { col } from './columns.js';
import type { ColumnSpec, Template } from './types.js';

/**
 * Column order of the national 决算 tables is fixed by the template (财政部部门决算公开样表), so a
 * reader that cannot see column positions (PDF-to-text layout) maps amounts to these keys by
 * position. Header patterns match the printed label of each column (used for labels and, in
 * tab-separated copies, for mapping).
 *
 * 表9 「财政拨款“三公”经费支出决算表」 prints 预算数 | 决算数, each over 合计 | 因公出国（境）费 |
 * 公务用车购置及运行维护费 (小计 | 公务用车购置费 | 公务用车运行维护费) | 公务接待费 (seed 002, the
 * 样表). Per column: its key, the bare printed label, the pattern of its path under the group, and
 * its canonical path under the group (002's wording).
 */
const THREE_PUBLIC_GROUP: [key: string, header: RegExp, under: string, path: string][] = [
  ['total', /^合计$/, '合计', '合计'],
  ['abroad', /^因公出国[（(]境[)）]费(用)?$/, '因公出国[（(]境[)）]费用?', '因公出国（境）费'],
  ['vehicle', /^公务用车购置及运行维护费$/, '公务用车购置及运行(?:维护)?费/小计', '公务用车购置及运行维护费/小计'],
  ['vehiclePurchase', /^公务用车购置费$/, '(?:公务用车购置及运行(?:维护)?费/)?公务用车购置费', '公务用车购置及运行维护费/公务用车购置费'],
  ['vehicleRunning', /^公务用车运行维护费$/, '(?:公务用车购置及运行(?:维护)?费/)?公务用车运行(?:维护)?费', '公务用车购置及运行维护费/公务用车运行维护费'],
  ['reception', /^公务接待费$/, '公务接待费', '公务接待费'],
];

const THREE_PUBLIC_GROUPS = { budget: '预算数', final: '决算数' } as const;

/**
 * The paths readers produce: the bare label (older flat models, tab-separated copies), the group
 * first as printed and rendered (「预算数/公务用车购置及运行维护费/小计」, read back from our own
 * merged header), or the group last as a ruled PDF states it (「财政拨款“三公”经费/公务用车购置及运行费/小计/预算数」).
 * The canonical path (group first) is the column's label wherever the header's structure is not read.
 */
const threePublicColumns = (group: keyof typeof THREE_PUBLIC_GROUPS): ColumnSpec[] => {
  const g = THREE_PUBLIC_GROUPS[group];
  return THREE_PUBLIC_GROUP.map(([key, header, under, path]) => ({
    ...col(`${group}.${key}`, new RegExp(`${header.source}|(?:^|/)${under}/${g}$|(?:^|/)${g}/${under}$`)),
    path: `${g}/${path}`,
  }));
};

const BASIC_PROJECT: ColumnSpec[] = [col('basic', /(^|\/)基本支出$/), col('project', /(^|\/)项目支出$/)];

/** 本年支出's parts, printed under it in a ruled copy (「本年支出/小计」, the blank template's 「本年支出/合计」). */
const SPENDING_TOTAL = /^小计$|^本年支出合计$|(?:^|\/)本年支出\/(?:小计|合计)$/;

/** 政府性基金 / 国有资本经营 财政拨款收入支出决算表: balances, income, spending by kind. */
const BALANCE_COLUMNS: ColumnSpec[] = [
  col('carriedOver', /^年初结转和结余$/),
  col('income', /^本年收入$/),
  col('total', SPENDING_TOTAL),
  ...BASIC_PROJECT,
  col('carriedForward', /^年末结转和结余$/),
];

/** 全国部门决算公开模板: 9 tables, as printed by 江门 and most 部门决算 disclosures (seed 002). */
export const nationalFinal: Template = {
  id: 'national-final',
  name: '部门决算（全国统一9张表）',
  kind: 'final',
  notes: 'after',
  detect: [/收入支出决算总表/, /财政拨款收入支出决算总表/, /决算明细表/, /[“"]三公[”"]经费支出决算表/],
  tables: [
    {
      kind: 'summary', number: 1, titles: [/^收入支出决算总表$/], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收入$/, columns: [col('amount', /^(决算数|金额)$/)] },
        { key: 'expense', header: /^支出$/, columns: [col('amount', /^(决算数|金额)$/)] },
      ],
    },
    {
      kind: 'income', number: 2, titles: [/^收入决算表$/], layout: 'grid', codes: 'function', required: true,
      columns: [
        col('total', /^本年收入合计$|^合计$/),
        col('fiscal', /^财政拨款收入$/),
        col('fromSuperior', /^上级补助收入$/),
        col('business', /^事业收入$/),
        col('operating', /^经营收入$/),
        col('fromAffiliates', /^附属单位上缴收入$/),
        col('other', /^其他收入$/),
      ],
    },
    {
      kind: 'expenditure', number: 3, titles: [/^支出决算表$/], layout: 'grid', codes: 'function', required: true,
      columns: [
        col('total', /^本年支出合计$|^合计$/),
        ...BASIC_PROJECT,
        col('toSuperior', /^上缴上级支出$/),
        col('operating', /^经营支出$/),
        col('subsidyToAffiliates', /^对附属单位补助支出$/),
      ],
    },
    {
      kind: 'fiscalSummary', number: 4, titles: [/^财政拨款收入支出决算总表$/], layout: 'panels', required: true, columns: [],
      panels: [
        { key: 'income', header: /^收入$/, columns: [col('amount', /^(金额|决算数)$/)] },
        {
          key: 'expense', header: /^支出$/,
          columns: [
            col('total', /^合计$/),
            col('gpb', /^一般公共预算财政拨款$/),
            col('govFund', /^政府性基金预算财政拨款$/),
            col('stateCapital', /^国有资本经营预算财政拨款$/),
          ],
        },
      ],
    },
    {
      kind: 'gpbExpenditure', number: 5, titles: [/^一般公共预算财政拨款支出决算表$/], layout: 'grid', codes: 'function', required: true,
      columns: [col('total', /^本年支出合计$|^合计$|^小计$/), ...BASIC_PROJECT],
    },
    {
      kind: 'gpbBasicEconomic', number: 6, titles: [/^一般公共预算财政拨款基本支出决算明细表$/, /^一般公共预算财政拨款基本支出决算表$/], layout: 'panels', codes: 'economic', required: true, columns: [],
      panels: [
        { key: 'personnel', header: /^人员经费/, columns: [col('amount', /^(金额|决算数)$/)] },
        { key: 'publicUse', header: /^公用经费/, columns: [col('amount', /^(金额|决算数)$/)] },
      ],
    },
    {
      kind: 'govFund', number: 7, titles: [/^政府性基金预算财政拨款收入支出决算表$/], layout: 'grid', codes: 'function', required: true,
      columns: BALANCE_COLUMNS,
    },
    {
      kind: 'stateCapital', number: 8, titles: [/^国有资本经营预算财政拨款支出决算表$/], layout: 'grid', codes: 'function', required: true,
      columns: [col('total', /^小计$|^本年支出合计$|^合计$/), ...BASIC_PROJECT],
    },
    {
      // Shanghai prints the state-capital table like the fund one, with balances (上海市普陀区 2024).
      kind: 'stateCapital', number: 9, titles: [/^国有资本经营预算财政拨款收入支出决算表$/], layout: 'grid', codes: 'function', required: false,
      columns: BALANCE_COLUMNS,
    },
    {
      kind: 'threePublic', number: 9, titles: [/^财政拨款[“"]三公[”"]经费支出决算表$/], layout: 'single-row', required: true,
      columns: [...threePublicColumns('budget'), ...threePublicColumns('final')],
    },
  ],
};
