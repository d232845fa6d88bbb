import { allEntries } from '../catalog/index.js';
import type { DocumentKind, TableKind, TemplateId } from '../model/index.js';

/**
 * The subject vocabulary: what the narrative calls a figure, and where the tables print it. Data,
 * not code: each entry names the head noun as printed (a regex source, matched at the end of the
 * claim's noun phrase) and the table cells that state the same figure, in order of authority.
 */

/** Which figure of a 决算 is meant: the actual (决算数) or the budget (预算数) it is compared with. */
export type Measure = 'final' | 'budget';

/** How a table row is picked. */
export type RowPick =
  | { name: string } // regex source matched against the row name
  | { code: string } // classification code
  | { total: true } // the table's total row (合计/总计)
  | { single: true } // the only row of a single-row table (Jiangxi / 决算 “三公” tables)
  | { projectOfSection: true } // the project row named by the heading of the claim's section (「医疗保障改革专项经费项目情况说明」)
  | { path: string[]; code?: string }; // a function 科目 by its 类/款/项 names as printed (and its code, when printed)

/** One place a figure is printed: a cell, or the sum of one code over several economic tables. */
export interface CellSource {
  table: TableKind;
  panel?: string;
  row: RowPick;
  /** Column key; for 决算 single-row “三公” tables the measure prefix (final./budget.) is added. */
  column: string;
  /** Prefix the column with the measure (final./budget.) for 决算 documents. */
  measured?: boolean;
  /** Only for these templates / document kinds. */
  templates?: TemplateId[];
  kind?: DocumentKind;
}

/**
 * A figure some tables print only in part: the sum of `parts` over the tables that exist. When a table
 * in `complete` is missing, the sum is a lower bound (partial) — e.g. an economic 类 over the basic
 * and project economic tables, where Jiangxi prints only the basic one.
 */
export interface SumSource {
  sum: CellSource[];
  /** Tables that must all be printed for the sum to be the whole figure. */
  complete: TableKind[];
  templates?: TemplateId[];
  kind?: DocumentKind;
  /** Why a partial sum is only a lower bound (for messages). */
  partialNote?: { zh: string; en: string };
}

export type FigureSource = CellSource | SumSource;

export interface SubjectEntry {
  key: string;
  /** Regex source of the head noun, without anchors. */
  head: string;
  /** Canonical names for messages. */
  zh: string;
  en: string;
  sources: FigureSource[];
  /** 'economic' / 'function' for classification 类 (disambiguated by the list heading). */
  scheme?: 'function' | 'economic';
  /** Always-unresolvable subjects that are still known (政府采购…): they take part in families. */
  tableless?: boolean;
  /** A count (人, 个), not an amount. */
  count?: boolean;
  /** The head must be the whole phrase (编制人数, not 参照公务员管理的事业编制人数). */
  exact?: boolean;
  /**
   * Regex source of qualifiers that, printed right before the head, make the phrase name a narrower
   * figure than the entry: 「政府性基金拨款支出预算」 is not the 支出预算 of all funds.
   */
  notAfter?: string;
}

/** Fund-source qualifiers: a total or a class of all funds preceded by one of these names a narrower figure. */
const FUND_QUALIFIER = '(?:财政)?拨款(?:收入)?|基金(?:预算)?|一般公共预算|国有资本经营(?:预算)?|专户|财政';

const THREE_PUBLIC_ROW = (name: string, key: string): FigureSource[] => [
  { table: 'threePublic', row: { name }, column: 'total', templates: ['guangdong-budget'] },
  { table: 'threePublic', row: { single: true }, column: key, measured: true, kind: 'final' },
  { table: 'threePublic', row: { single: true }, column: key, kind: 'budget' },
];

const FISCAL_SPENDING_PARTS: CellSource[] = [
  { table: 'gpbExpenditure', row: { total: true }, column: 'total' },
  { table: 'govFund', row: { total: true }, column: 'total' },
  { table: 'stateCapital', row: { total: true }, column: 'total' },
];

const ECONOMIC_TABLES = (code: string): SumSource => ({
  sum: [
    { table: 'gpbBasicEconomic', row: { code }, column: 'amount' },
    { table: 'gpbBasicEconomic', row: { code }, column: 'total' },
    { table: 'gpbProjectEconomic', row: { code }, column: 'amount' },
    { table: 'gpbProjectEconomic', row: { code }, column: 'total' },
  ],
  complete: ['gpbBasicEconomic', 'gpbProjectEconomic'],
  partialNote: { zh: '本文件只公开基本支出经济分类表，未公开项目支出经济分类', en: 'only the basic-expenditure economic table is published, not the project one' },
});

/** Explicit subjects. Longest printed match wins, so specific names beat general ones. */
export const SUBJECTS: SubjectEntry[] = [
  // “三公”经费 (T8 GD rows; Jiangxi single row; 决算 表9 预算数|决算数)
  { key: 'threePublic.total', head: '[“"”]?三公[”"“]?经费', zh: '“三公”经费', en: '"three public" expenses', sources: THREE_PUBLIC_ROW('三公', 'total') },
  { key: 'threePublic.abroad', head: '因公出国[（(]境[)）](?:费用?|经费)?|因公出国', zh: '因公出国（境）费', en: 'overseas travel', sources: THREE_PUBLIC_ROW('因公出国', 'abroad') },
  { key: 'threePublic.vehicle', head: '公务用车购置及运行(?:维护)?(?:费|经费)?', zh: '公务用车购置及运行维护费', en: 'official vehicles (purchase and running)', sources: THREE_PUBLIC_ROW('公务用车购置及运行', 'vehicle') },
  { key: 'threePublic.vehiclePurchase', head: '公务用车购置(?:费)?', zh: '公务用车购置费', en: 'official vehicle purchase', sources: THREE_PUBLIC_ROW('^公务用车购置费?$', 'vehiclePurchase') },
  { key: 'threePublic.vehicleRunning', head: '公务用车运行(?:维护)?(?:费)?', zh: '公务用车运行维护费', en: 'official vehicle running costs', sources: THREE_PUBLIC_ROW('公务用车运行', 'vehicleRunning') },
  { key: 'threePublic.reception', head: '公务接待(?:费)?', zh: '公务接待费', en: 'official reception', sources: THREE_PUBLIC_ROW('公务接待', 'reception') },
  // 机关运行经费: GD 行政经费 (T8); Jiangxi and 决算: 基本支出 公用经费 total.
  {
    key: 'adminCost', head: '机关运行(?:经)?费|行政经费', zh: '机关运行经费', en: 'administrative running costs',
    sources: [
      { table: 'threePublic', row: { name: '^行政经费' }, column: 'total', templates: ['guangdong-budget'] },
      { table: 'gpbBasicEconomic', row: { total: true }, column: 'publicUse', templates: ['jiangxi-budget'] },
      { table: 'gpbBasicEconomic', panel: 'publicUse', row: { name: '^公用经费合计$' }, column: 'amount', kind: 'final' },
      // 上海: the “三公” table prints 机关运行经费 as its last column.
      { table: 'threePublic', row: { single: true }, column: 'adminCost', templates: ['shanghai-budget'] },
    ],
  },
  { key: 'economic.30227', head: '委托业务费', zh: '委托业务费', en: 'commissioned services (30227)', sources: [ECONOMIC_TABLES('30227')] },
  // Income.
  {
    key: 'income.total', head: '收入预算总额|收入预算|总收入|收入总计|收入总额', zh: '收入总计', en: 'total income', notAfter: FUND_QUALIFIER,
    sources: [
      { table: 'summary', panel: 'income', row: { name: '^(收入总计|总计)$' }, column: 'amount' },
      // Jiangxi without 收支预算总表: income equals expenditure (收支平衡); the expenditure table prints it.
      { table: 'expenditure', row: { total: true }, column: 'total', templates: ['jiangxi-budget'] },
    ],
  },
  {
    key: 'income.current', head: '本年收入(?:合计)?', zh: '本年收入合计', en: 'income of the year', notAfter: FUND_QUALIFIER,
    sources: [
      { table: 'summary', panel: 'income', row: { name: '^本年收入合计$' }, column: 'amount' },
      { table: 'income', row: { total: true }, column: 'total' },
    ],
  },
  {
    key: 'income.carryOver', head: '上年结转(?:和?结余)?|年初结转和结余', zh: '上年结转', en: 'carried over from last year',
    sources: [
      { table: 'summary', panel: 'income', row: { name: '^(上年结转(结余)?|上年结转和结余|年初结转和结余)$' }, column: 'amount' },
      { table: 'income', row: { total: true }, column: 'carriedOver' },
    ],
  },
  {
    key: 'fiscal.income', head: '财政拨款收入(?:合计)?', zh: '财政拨款收入', en: 'fiscal appropriation income',
    sources: [
      { table: 'fiscalSummary', panel: 'income', row: { name: '^本年收入合计$' }, column: 'amount' },
      { table: 'income', row: { total: true }, column: 'fiscal' },
    ],
  },
  {
    key: 'gpb.income', head: '一般公共预算(?:财政)?拨款(?:收入)?|一般公共预算收入', zh: '一般公共预算财政拨款收入', en: 'general public budget appropriation',
    sources: [
      { table: 'fiscalSummary', panel: 'income', row: { name: '^一般公共预算(财政拨款)?(收入)?$' }, column: 'amount' },
      { table: 'summary', panel: 'income', row: { name: '^一般公共预算(财政拨款)?(收入)?$' }, column: 'amount', kind: 'final' },
      { table: 'income', row: { total: true }, column: 'gpb' },
    ],
  },
  {
    key: 'govFund.income', head: '政府性基金预算(?:财政)?拨款(?:收入)?|政府性基金预算收入', zh: '政府性基金预算财政拨款收入', en: 'government fund appropriation',
    sources: [
      { table: 'fiscalSummary', panel: 'income', row: { name: '^政府性基金预算(财政拨款)?(收入)?$' }, column: 'amount' },
      { table: 'summary', panel: 'income', row: { name: '^政府性基金预算(财政拨款)?(收入)?$' }, column: 'amount', kind: 'final' },
      { table: 'income', row: { total: true }, column: 'govFund' },
    ],
  },
  {
    key: 'stateCapital.income', head: '国有资本经营预算(?:财政)?拨款(?:收入)?|国有资本经营预算收入', zh: '国有资本经营预算财政拨款收入', en: 'state capital appropriation',
    sources: [
      { table: 'fiscalSummary', panel: 'income', row: { name: '^国有资本经营预算(财政拨款)?(收入)?$' }, column: 'amount' },
      { table: 'summary', panel: 'income', row: { name: '^国有资本经营预算(财政拨款)?(收入)?$' }, column: 'amount', kind: 'final' },
      { table: 'income', row: { total: true }, column: 'stateCapital' },
    ],
  },
  ...(
    [
      ['fromSuperior', '上级补助收入', 'grants from superiors'],
      ['business', '事业收入', 'business income'],
      ['operating', '(?:事业单位)?经营收入', 'operating income'],
      ['fromAffiliates', '附属单位上缴收入', 'income from affiliates'],
      ['other', '其他收入', 'other income'],
    ] as const
  ).map(([key, head, en]): SubjectEntry => ({
    key: `income.${key}`, head, zh: head.replace('(?:事业单位)?', ''), en,
    sources: [
      { table: 'summary', panel: 'income', row: { name: `^${head}$` }, column: 'amount' },
      { table: 'income', row: { total: true }, column: key },
    ],
  })),
  // Expenditure.
  {
    key: 'expense.total', head: '支出预算总额|支出预算|总支出|支出总计|支出总额', zh: '支出总计', en: 'total expenditure', notAfter: FUND_QUALIFIER,
    sources: [
      { table: 'summary', panel: 'expense', row: { name: '^(支出总计|总计)$' }, column: 'amount' },
      { table: 'expenditure', row: { total: true }, column: 'total', templates: ['jiangxi-budget'] },
    ],
  },
  {
    key: 'expense.current', head: '本年支出(?:合计)?', zh: '本年支出合计', en: 'expenditure of the year', notAfter: FUND_QUALIFIER,
    sources: [
      { table: 'summary', panel: 'expense', row: { name: '^本年支出合计$' }, column: 'amount' },
      { table: 'expenditure', row: { total: true }, column: 'total' },
    ],
  },
  { key: 'expense.basic', head: '基本支出', zh: '基本支出', en: 'basic expenditure', notAfter: FUND_QUALIFIER, sources: [{ table: 'expenditure', row: { total: true }, column: 'basic' }] },
  { key: 'expense.project', head: '项目支出', zh: '项目支出', en: 'project expenditure', notAfter: FUND_QUALIFIER, sources: [{ table: 'expenditure', row: { total: true }, column: 'project' }] },
  { key: 'expense.toSuperior', head: '上缴上级支出', zh: '上缴上级支出', en: 'remitted to superiors', sources: [{ table: 'expenditure', row: { total: true }, column: 'toSuperior' }] },
  { key: 'expense.operating', head: '(?:事业单位)?经营支出', zh: '经营支出', en: 'operating expenditure', sources: [{ table: 'expenditure', row: { total: true }, column: 'operating' }] },
  { key: 'expense.subsidyToAffiliates', head: '对附属单位补助支出', zh: '对附属单位补助支出', en: 'subsidies to affiliates', sources: [{ table: 'expenditure', row: { total: true }, column: 'subsidyToAffiliates' }] },
  // 财政拨款收支总表 总计 (「财政拨款收入支出总计0.3万元」): not the 收支总表's 总计 of all funds.
  {
    key: 'fiscal.total', head: '财政拨款收(?:入)?支(?:出)?(?:总计|总额)|财政拨款收入(?:和|与|及)支出总计', zh: '财政拨款收支总计', en: 'total fiscal appropriations (income and expenditure)',
    sources: [
      { table: 'fiscalSummary', panel: 'income', row: { name: '^(收入总计|总计)$' }, column: 'amount' },
      { table: 'fiscalSummary', panel: 'expense', row: { name: '^(支出总计|总计)$' }, column: 'total' },
    ],
  },
  {
    key: 'fiscal.expense', head: '财政拨款支出(?:预算)?(?:总额|合计)?', zh: '财政拨款支出', en: 'fiscal appropriation expenditure',
    sources: [
      { table: 'fiscalSummary', panel: 'expense', row: { name: '^本年支出合计$' }, column: 'amount' },
      { table: 'fiscalSummary', panel: 'expense', row: { name: '^本年支出合计$' }, column: 'total' },
      // 上海 budgets: the 财政拨款收支预算总表 has no 本年支出合计 (nor any carry-over): its 支出总计 is it.
      { table: 'fiscalSummary', panel: 'expense', row: { name: '^支出总计$' }, column: 'total', templates: ['shanghai-budget'] },
      {
        sum: FISCAL_SPENDING_PARTS, complete: ['fiscalSummary'], templates: ['jiangxi-budget'],
        partialNote: {
          zh: '本文件未公开《财政拨款收支总表》，表中只有本年一般公共预算、政府性基金和国有资本经营预算支出，不含上年财政拨款结转安排的支出',
          en: 'the 财政拨款收支总表 is not published; the tables show only this year\'s appropriations, not spending of appropriations carried over',
        },
      },
    ],
  },
  {
    key: 'gpb.expense', head: '一般公共预算(?:财政)?(?:拨款)?支出', zh: '一般公共预算财政拨款支出', en: 'general public budget expenditure',
    sources: [{ table: 'gpbExpenditure', row: { total: true }, column: 'total' }],
  },
  { key: 'gpb.basic', head: '一般公共预算(?:财政)?(?:拨款)?基本支出', zh: '一般公共预算基本支出', en: 'general public budget basic expenditure', sources: [{ table: 'gpbExpenditure', row: { total: true }, column: 'basic' }] },
  { key: 'gpb.project', head: '一般公共预算(?:财政)?(?:拨款)?项目支出', zh: '一般公共预算项目支出', en: 'general public budget project expenditure', sources: [{ table: 'gpbExpenditure', row: { total: true }, column: 'project' }] },
  {
    key: 'govFund.expense', head: '政府性基金(?:预算)?(?:财政)?(?:拨款)?支出', zh: '政府性基金预算财政拨款支出', en: 'government fund expenditure',
    sources: [{ table: 'govFund', row: { total: true }, column: 'total' }],
  },
  {
    key: 'stateCapital.expense', head: '国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出', zh: '国有资本经营预算财政拨款支出', en: 'state capital expenditure',
    sources: [{ table: 'stateCapital', row: { total: true }, column: 'total' }],
  },
  // 政府采购: no standard table prints it; known for its parts.
  { key: 'procurement.total', head: '政府采购(?:支出)?(?:总额)?', zh: '政府采购', en: 'government procurement', sources: [], tableless: true },
  { key: 'procurement.goods', head: '货物类?采购(?:预算)?|政府采购货物(?:预算|支出)?', zh: '政府采购货物', en: 'procurement of goods', sources: [], tableless: true },
  { key: 'procurement.works', head: '工程类?采购(?:预算)?|政府采购工程(?:预算|支出)?', zh: '政府采购工程', en: 'procurement of works', sources: [], tableless: true },
  { key: 'procurement.services', head: '服务类?采购(?:预算)?|政府采购服务(?:预算|支出)?', zh: '政府采购服务', en: 'procurement of services', sources: [], tableless: true },
  // A project described in its own section: 「年度预算安排：50 万元」 → 项目支出绩效目标表 资金总额. The
  // head must be the whole phrase: 「面向中小企业预留政府采购项目预算金额」「涉及预算金额」 are other figures.
  // Its subject is its context (the section's project, the numbered item): see `CONTEXTUAL`.
  {
    key: 'project.amount', head: '(?:本?项目)?(?:年度)?(?:预算安排|资金总额|预算金额|项目资金)', zh: '项目年度预算', en: 'project budget', exact: true,
    sources: [{ table: 'projectPerformance', row: { projectOfSection: true }, column: 'total' }],
  },
  // 人员 (概况): counts, no table.
  { key: 'staff.authorised', head: '编制人数', zh: '编制人数', en: 'authorised staff', sources: [], tableless: true, count: true, exact: true },
  { key: 'staff.actual', head: '实有人数', zh: '实有人数', en: 'actual staff', sources: [], tableless: true, count: true, exact: true },
  { key: 'staff.serving', head: '在职人数', zh: '在职人数', en: 'serving staff', sources: [], tableless: true, count: true, exact: true },
];

/** Classification 类 names from the catalogue: function 类 → expenditure table rows; economic 类 → economic tables. */
export const CLASS_SUBJECTS: SubjectEntry[] = [
  ...allEntries('function')
    .filter((e) => e.level === 1)
    .map((e): SubjectEntry => ({
      // 「社会保障和就业支出（类）326.72万元」
      key: `function.${e.code}`, head: `${escape(e.name)}(?:[（(]类[)）])?`, zh: e.name, en: `function class ${e.code}`, scheme: 'function',
      sources: [{ table: 'expenditure', row: { code: e.code }, column: 'total' }],
    })),
  ...allEntries('economic')
    .filter((e) => e.level === 1)
    .map((e): SubjectEntry => ({ key: `economic.${e.code}`, head: escape(e.name), zh: e.name, en: `economic class ${e.code}`, scheme: 'economic', sources: [ECONOMIC_TABLES(e.code)] })),
];

function escape(name: string): string {
  return name.replace(/[（(]/g, '[（(]').replace(/[）)]/g, '[)）]');
}

/**
 * Families: a whole and the parts it is the sum of. A family is checked when the whole and every part
 * are stated in the same section (parts-sum), and used to read nested 「其中」 lists.
 */
export interface Family {
  whole: string;
  parts: string[];
  /** Only for these document kinds. */
  kind?: DocumentKind;
}

export const FAMILIES: Family[] = [
  { whole: 'threePublic.total', parts: ['threePublic.abroad', 'threePublic.vehicle', 'threePublic.reception'] },
  { whole: 'threePublic.total', parts: ['threePublic.abroad', 'threePublic.vehiclePurchase', 'threePublic.vehicleRunning', 'threePublic.reception'] },
  { whole: 'threePublic.vehicle', parts: ['threePublic.vehiclePurchase', 'threePublic.vehicleRunning'] },
  { whole: 'procurement.total', parts: ['procurement.goods', 'procurement.works', 'procurement.services'] },
  { whole: 'income.total', parts: ['income.current', 'income.carryOver'], kind: 'budget' },
  { whole: 'fiscal.income', parts: ['gpb.income', 'govFund.income', 'stateCapital.income'] },
  { whole: 'fiscal.expense', parts: ['gpb.expense', 'govFund.expense', 'stateCapital.expense'], kind: 'final' },
  {
    whole: 'income.current',
    parts: ['gpb.income', 'govFund.income', 'stateCapital.income', 'income.fromSuperior', 'income.business', 'income.operating', 'income.fromAffiliates', 'income.other'],
    kind: 'final',
  },
  { whole: 'expense.current', parts: ['expense.basic', 'expense.project', 'expense.toSuperior', 'expense.operating', 'expense.subsidyToAffiliates'], kind: 'final' },
];

/** True when `part` is a part of `whole` in some family. */
export function isPartOf(part: string, whole: string): boolean {
  return FAMILIES.some((f) => f.whole === whole && f.parts.includes(part));
}

const COUNT_TRAIL = '(?:共计|为|小计)?';
const TRAIL = '(?:财政拨款)?(?:支出)?(?:(?:年初|全年|调整)?(?:决算|预算))?(?:数)?(?:安排)?(?:总额|合计)?(?:为|是|共计|达)?';

interface Compiled {
  entry: SubjectEntry;
  re: RegExp;
  /** The head alone, anchored at the start of a match of `re`. */
  head: RegExp;
  notAfter?: RegExp;
  /** Codes of the characters a match can end with (undefined: unknown). */
  last?: Set<number>;
}
const COMPILED: Compiled[] = [...SUBJECTS, ...CLASS_SUBJECTS].map((entry) => ({
  entry,
  re: new RegExp(`${entry.exact ? '^' : ''}(?:${entry.head})${entry.count ? COUNT_TRAIL : TRAIL}$`),
  head: new RegExp(`^(?:${entry.head})`),
  ...(entry.notAfter ? { notAfter: new RegExp(`(?:${entry.notAfter})$`) } : {}),
}));

interface CharSets {
  /** Characters a match can start with, and end with. */
  first: Set<string>;
  last: Set<string>;
  /** True when the pattern can match the empty string. */
  nullable: boolean;
}

/**
 * The characters a match of a regex source can start and end with, read from the source (literals,
 * [classes], (?:groups), | and ? * +); undefined when the source uses anything else. Only used to skip
 * entries that cannot match a phrase: never to decide a match.
 */
function charSets(source: string): CharSets | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const union = (into: Set<string>, from: Set<string>) => from.forEach((c) => into.add(c));
  const alternation = (): CharSets => {
    const out: CharSets = { first: new Set(), last: new Set(), nullable: false };
    for (;;) {
      const alt = sequence();
      union(out.first, alt.first);
      union(out.last, alt.last);
      out.nullable ||= alt.nullable;
      if (source[i] !== '|') return out;
      i++;
    }
  };
  const sequence = (): CharSets => {
    const items: CharSets[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(quantified());
    const out: CharSets = { first: new Set(), last: new Set(), nullable: items.every((x) => x.nullable) };
    for (const x of items) {
      union(out.first, x.first);
      if (!x.nullable) break;
    }
    for (let k = items.length - 1; k >= 0; k--) {
      union(out.last, items[k]!.last);
      if (!items[k]!.nullable) break;
    }
    return out;
  };
  const quantified = (): CharSets => {
    const x = atom();
    if (source[i] === '?' || source[i] === '*') {
      i++;
      return { ...x, nullable: true };
    }
    if (source[i] === '+') i++;
    if (source[i] === '{') fail();
    return x;
  };
  const atom = (): CharSets => {
    const c = source[i]!;
    if (c === '(') {
      if (source.slice(i, i + 3) !== '(?:') fail();
      i += 3;
      const r = alternation();
      if (source[i] !== ')') fail();
      i++;
      return r;
    }
    if (c === '[') {
      const end = source.indexOf(']', i + 1);
      const body = source.slice(i + 1, end);
      if (end < 0 || /[\\^-]/.test(body)) fail();
      i = end + 1;
      return { first: new Set(body), last: new Set(body), nullable: false };
    }
    if ('\\.^$*+?{}|)]'.includes(c)) fail();
    i++;
    return { first: new Set([c]), last: new Set([c]), nullable: false };
  };
  try {
    const r = alternation();
    return i === source.length ? r : undefined;
  } catch {
    return undefined;
  }
}

/** The characters a match of a head can start with; undefined when unknown or the head can be empty. */
function firstChars(source: string): Set<string> | undefined {
  const sets = charSets(source);
  return sets && !sets.nullable ? sets.first : undefined;
}

/**
 * The characters a match of an entry's regex can end with (its head's last characters, or a trailing
 * word's); undefined when unknown. A match ends the phrase, so the phrase must end with one of them.
 */
function lastChars(entry: SubjectEntry): Set<string> | undefined {
  const head = charSets(entry.head);
  const trail = charSets(entry.count ? COUNT_TRAIL : TRAIL);
  if (!head || !trail) return undefined;
  const last = new Set(head.last);
  trail.last.forEach((c) => last.add(c));
  return last;
}

/** The entries tried for the current phrase: those whose slot holds the current generation. */
const candidates = new Float64Array(COMPILED.length);
let generation = 0;

for (const c of COMPILED) {
  const last = lastChars(c.entry);
  if (last) c.last = new Set([...last].map((ch) => ch.charCodeAt(0)));
}

/** Entries by the characters their head can start with; entries whose start is not known are always tried. */
const BY_FIRST = new Map<number, number[]>();
const ALWAYS: number[] = [];
COMPILED.forEach((c, index) => {
  const first = firstChars(c.entry.head);
  if (!first) {
    ALWAYS.push(index);
    return;
  }
  for (const ch of first) {
    const code = ch.charCodeAt(0);
    const list = BY_FIRST.get(code);
    if (list) list.push(index);
    else BY_FIRST.set(code, [index]);
  }
});

/**
 * Subjects whose identity is their context: 「预算安排」 is the budget of the project the section
 * describes, or of the numbered item (科目, project) it is stated in. Two such claims are the same
 * figure only in the same section and item.
 */
export const CONTEXTUAL = new Set(['project.amount']);

// ---------------------------------------------------------------------------------------------
// Function 科目 named by their 类/款/项 (「公共安全支出（204类）司法（06款）行政运行（01项）」)

/** A function 科目 printed as its 类/款(/项) names, with the codes when printed. */
export interface FunctionPath {
  names: string[];
  /** 「204」「06」「01」 as printed, when every level printed its code. */
  codes?: string[];
}

const NAME = String.raw`[^\d，。；：、,;:“”"]{2,40}?`;
const OPEN_Q = '[“"]?';
const CLOSE_Q = '[”"]?';
/** 「公共安全支出（204类）司法（06款）行政运行（01项）」 */
const CODED_PATH = new RegExp(String.raw`^${OPEN_Q}(${NAME})[（(](\d{3})类[)）](${NAME})[（(](\d{2})款[)）](?:(${NAME})[（(](\d{2})项[)）])?${CLOSE_Q}(?:科目)?$`);
/** 「“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”」 */
const MARKED_PATH = new RegExp(String.raw`^${OPEN_Q}(${NAME})[（(]类[)）](${NAME})[（(]款[)）](?:(${NAME})[（(]项[)）])?${CLOSE_Q}(?:科目)?$`);
/** 「“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目」: quoted, or followed by 科目. */
const DASHED_PATH = new RegExp(String.raw`^(?:[“"](${NAME})[-－—](${NAME})(?:[-－—](${NAME}))?[”"](?:科目)?|(${NAME})[-－—](${NAME})(?:[-－—](${NAME}))?科目)$`);

const PATH_DASH = /[-－—]/;

const normName = (n: string) => n.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** The function 科目 a phrase names by its 类/款/项, if it does. */
export function functionPath(phrase: string): FunctionPath | undefined {
  // Every form names a 款 or joins the names with dashes.
  if (!phrase.includes('款') && !PATH_DASH.test(phrase)) return undefined;
  const p = phrase.replace(/\s+/g, '');
  let m = CODED_PATH.exec(p);
  if (m) {
    const names = [m[1]!, m[3]!, ...(m[5] ? [m[5]] : [])].map(normName);
    const codes = [m[2]!, m[4]!, ...(m[6] ? [m[6]] : [])];
    return { names, codes };
  }
  m = MARKED_PATH.exec(p);
  if (m) return { names: [m[1]!, m[2]!, ...(m[3] ? [m[3]] : [])].map(normName) };
  m = DASHED_PATH.exec(p);
  if (m) {
    const names = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).filter((n): n is string => n !== undefined).map(normName);
    return { names };
  }
  return undefined;
}

const FUNCTION_ITEM = 'function.item:';

function functionKey(path: FunctionPath): string {
  return `${FUNCTION_ITEM}${path.codes ? `${path.codes.join('')}:` : ''}${path.names.join('/')}`;
}

const itemEntries = new Map<string, SubjectEntry>();

/**
 * The entry of a function 科目 named by its path: the row of the 一般公共预算 (or 政府性基金, 国有资本经营)
 * function table with these names under each other (and this code, when printed).
 */
function functionItemEntry(key: string): SubjectEntry | undefined {
  if (!key.startsWith(FUNCTION_ITEM)) return undefined;
  const known = itemEntries.get(key);
  if (known) return known;
  const rest = key.slice(FUNCTION_ITEM.length);
  const m = /^(?:(\d+):)?(.+)$/.exec(rest);
  if (!m) return undefined;
  const names = m[2]!.split('/');
  const code = m[1];
  const row = { path: names, ...(code ? { code } : {}) };
  const entry: SubjectEntry = {
    key,
    head: '',
    zh: names[names.length - 1]!,
    en: `function item ${code ?? names.join(' / ')}`,
    scheme: 'function',
    sources: [
      { table: 'gpbExpenditure', row, column: 'total' },
      { table: 'govFund', row, column: 'total' },
      { table: 'stateCapital', row, column: 'total' },
    ],
  };
  itemEntries.set(key, entry);
  return entry;
}

export interface SubjectMatch {
  entry: SubjectEntry;
  /** The head noun as printed in the phrase. */
  printed: string;
}

/**
 * The vocabulary subject a noun phrase names: the longest entry whose head ends the phrase (trailing
 * 支出/决算/预算数/安排/为 allowed). `scheme` prefers function or economic 类 when a name is both
 * (其他支出 = function 229 and economic 399).
 */
export function matchSubject(phrase: string, opts: { scheme?: 'function' | 'economic' | undefined; count?: boolean } = {}): SubjectMatch | undefined {
  if (!opts.count && opts.scheme !== 'economic') {
    const path = functionPath(phrase);
    if (path) return { entry: functionItemEntry(functionKey(path))!, printed: phrase.replace(/\s+/g, '').replace(/^[“"]|[”"]?(?:科目)?$/g, '') };
  }
  // Only entries whose head can start at some character of the phrase can match it.
  const stamp = ++generation;
  for (const index of ALWAYS) candidates[index] = stamp;
  for (let k = 0; k < phrase.length; k++) {
    const list = BY_FIRST.get(phrase.charCodeAt(k));
    if (list) for (const index of list) candidates[index] = stamp;
  }
  let best: { c: Compiled; m: RegExpExecArray; head: string } | undefined;
  const end = phrase.charCodeAt(phrase.length - 1);
  for (let index = 0; index < COMPILED.length; index++) {
    if (candidates[index] !== stamp) continue;
    const c = COMPILED[index]!;
    if (c.last && !c.last.has(end)) continue;
    if (Boolean(c.entry.count) !== Boolean(opts.count)) continue;
    if (c.entry.scheme && opts.scheme && c.entry.scheme !== opts.scheme) continue;
    const m = c.re.exec(phrase);
    if (!m) continue;
    // 「政府性基金拨款支出预算」: a qualifier before the head names a narrower figure than the entry.
    if (c.notAfter?.test(phrase.slice(0, m.index))) continue;
    const head = c.head.exec(m[0])?.[0] ?? m[0];
    // The longest match explains most of the phrase; on a tie the longer head (一般公共预算财政拨款支出 over 一般公共预算财政拨款 + 支出).
    if (!best || m[0].length > best.m[0].length || (m[0].length === best.m[0].length && head.length > best.head.length)) best = { c, m, head };
  }
  return best ? { entry: best.c.entry, printed: best.head } : undefined;
}

export function subjectEntry(key: string): SubjectEntry | undefined {
  return SUBJECTS.find((e) => e.key === key) ?? CLASS_SUBJECTS.find((e) => e.key === key) ?? functionItemEntry(key);
}
