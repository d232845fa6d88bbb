import type { CodeScheme, DocumentKind, TableKind, TemplateId } from '../model/index.js';

/** A column as the template describes it: a stable key, and the printed header it answers to. */
export interface ColumnSpec {
  key: string;
  /** Matched against the column's header path, "group/leaf" (e.g. "财政拨款收入/一般公共预算"). */
  header: RegExp;
  type?: 'amount' | 'text';
  /**
   * The column's canonical header path as the template prints it ("预算数/公务用车购置及运行维护费/小计"),
   * when the column sits under merged group cells. A reader that cannot see the header's structure
   * (the PDF-to-text layout reader) labels the column with it, and generated tables print it, so the
   * rendered header rebuilds the groups. `header` must match it.
   */
  path?: string;
}

/** A panel of a side-by-side table (收入 | 支出; 人员经费 | 公用经费). */
export interface PanelSpec {
  key: string;
  header: RegExp;
  columns: ColumnSpec[];
}

export type TableLayout =
  /** rows of label cells then amount cells, columns mapped by header text */
  | 'grid'
  /** two (or more) panels side by side, each with its own label and amount columns */
  | 'panels'
  /** a single data row of amounts under a multi-row header (三公 tables of 004, 002) */
  | 'single-row'
  /** 部门整体绩效目标: indicator rows */
  | 'dept-performance'
  /** 项目支出绩效目标表: project header block + indicator rows */
  | 'project-performance';

export interface TableSpec {
  kind: TableKind;
  number?: number;
  /** Title patterns, matched against the whole (trimmed) title line. */
  titles: RegExp[];
  /** For tables printed without a title (inside the narrative): the header line that starts them. */
  headerLine?: RegExp;
  layout: TableLayout;
  /** Which classification the row codes follow, if any. */
  codes?: CodeScheme;
  columns: ColumnSpec[];
  panels?: PanelSpec[];
  /** Rows are grouped by budget unit (subtotal rows per unit). */
  byUnit?: boolean;
  /** Required by the template (missing → reported). */
  required: boolean;
}

export interface Template {
  id: TemplateId;
  name: string;
  kind: DocumentKind;
  /** Patterns that, found in the first lines of a document, select this template. */
  detect: RegExp[];
  tables: TableSpec[];
  /** Where a table's 注 is printed: after the table (most templates) or before it (Jiangxi). */
  notes: 'after' | 'before';
  /**
   * Where the tables stand when a document does not say (one built from data): after the overview
   * part (default; Guangdong and Jiangxi print them as 第二部分) or after the first 情况说明 part
   * (Shanghai: 主要职能, 机构设置, 名词解释, 编制说明, then the tables, then 其他相关情况说明).
   */
  tablesAfter?: 'overview' | 'explanation';
  /** False where tables are titled without 「表N」 (上海: 「2026年部门财务收支预算总表」); default true. */
  tableNumbersPrinted?: boolean;
}
