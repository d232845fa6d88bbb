import type { Amount, MoneyUnit } from './amount.js';
import type { LineSpan, Provenance } from './provenance.js';

/**
 * Standard table kinds, independent of template wording and numbering.
 * Budget (预算) and final-account (决算) variants of the same table share a kind.
 */
export const TABLE_KINDS = {
  summary: '收支总体情况表',
  income: '收入总体情况表',
  expenditure: '支出总体情况表',
  fiscalSummary: '财政拨款收支总体情况表',
  gpbExpenditure: '一般公共预算支出表（功能分类）',
  gpbBasicEconomic: '一般公共预算基本支出表（经济分类）',
  gpbProjectEconomic: '一般公共预算项目支出表（经济分类）',
  threePublic: '“三公”经费表',
  govFund: '政府性基金预算支出表',
  stateCapital: '国有资本经营预算支出表',
  unitBasic: '部门预算基本支出预算表（分单位）',
  unitProject: '部门预算项目支出预算表（分单位、分项目）',
  keyProjects: '重点项目预算绩效目标表',
  deptPerformance: '部门整体绩效目标表',
  projectPerformance: '项目支出绩效目标表',
} as const;
export type TableKind = keyof typeof TABLE_KINDS;

export type ColumnType = 'amount' | 'text' | 'number';

/** A column of a table, with a stable key (meaning) and the label as printed. */
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  /** For two-panel tables (收入|支出, 人员经费|公用经费): which panel the column belongs to. */
  panel?: string;
  /** Printed 栏次 number, if the table prints one. */
  printedNumber?: string;
}

/** What a row stands for inside its table. */
export type RowRole =
  | 'total' // 合计 / 总计 / 本年收入合计 ...
  | 'subtotal' // a unit or group subtotal (江门市医疗保障局-小计)
  | 'item' // an ordinary line: a classification code, a category, a project
  | 'header' // a label row that carries no amounts of its own (e.g. 其中：)
  | 'indicator'; // a performance indicator

export type CodeScheme = 'function' | 'economic';

export interface Row {
  /** Classification code if the row carries one (208, 20805, 2080505; 301, 30101). */
  code?: string;
  scheme?: CodeScheme;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level?: 1 | 2 | 3;
  name: string;
  role: RowRole;
  /** For two-panel tables: the panel the row belongs to (columns with the same panel). */
  panel?: string;
  /** Printed 行次 (row number), kept but never used for matching. */
  printedNumber?: string;
  /** The budget unit this row belongs to (per-unit tables). */
  unit?: string;
  /** The project this row belongs to (project tables, indicator rows). */
  project?: string;
  /** Amount cells by column key; null where the cell is printed empty. */
  cells: Record<string, Amount | null>;
  /** Text cells by column key (绩效目标, indicator names, operators, target values...). */
  text?: Record<string, string>;
  /** True when the source printed the row in bold (类/款 rows in 004). */
  bold?: boolean;
  at: Provenance;
}

export interface Table {
  kind: TableKind;
  /** Number printed or implied by the template order (表1 ...). */
  number?: number;
  title: string;
  /** The unit amounts are printed in (万元 / 元) and the usual number of decimals. */
  unit: MoneyUnit;
  decimals: number;
  columns: Column[];
  rows: Row[];
  /** The table's note, e.g. 「注：本表本年无发生额。」 */
  note?: string;
  /** 单位名称 / 填报单位 printed above the table. */
  reportingUnit?: string;
  /** The label printed before `reportingUnit` when it is not 「单位名称」 (上海: 编制部门 / 编制单位). */
  reportingLabel?: string;
  /** The project the table describes (one 项目支出绩效目标表 per project). */
  project?: string;
  /** How many source pieces (page-break continuations) were merged into this table. */
  pieces: number;
  at: Provenance;
  span: LineSpan;
}

/** The label of the reporting-unit line most templates print: 「单位名称：江门市医疗保障局」. */
export const DEFAULT_REPORTING_LABEL = '单位名称';
