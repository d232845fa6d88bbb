import type { LineSpan, Provenance } from './provenance.js';
import type { Table, TableKind } from './table.js';
import type { Claim } from './claim.js';

export type DocumentKind = 'budget' | 'final';
/** department = 部门汇总 (several units consolidated); unit = 单位/本级 only. */
export type DocumentScope = 'department' | 'unit';
export type TemplateId = 'guangdong-budget' | 'jiangxi-budget' | 'national-final' | 'shanghai-budget';
export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'xlsx' | 'docx' | 'html';

export interface Source {
  file: string;
  format: SourceFormat;
  bytes: number;
  /** Encoding the text was decoded from (utf-8, gb18030 ...). */
  encoding: string;
  lines: number;
}

/** A budget unit covered by the document (局本级, 下属单位). */
export interface BudgetUnit {
  name: string;
  /** True for the department's own 本级 unit. */
  self: boolean;
}

/** A numbered part of the prose: 第三部分 情况说明 > 一、收支增减变化情况 ... */
export interface Section {
  /** The heading as printed, without numbering decoration. */
  heading: string;
  /** The numbering as printed: 第一部分, 一、, （一）, 1. */
  number?: string;
  /** Which part of the document: overview (概况), explanation (情况说明), glossary (名词解释), other. */
  part: 'overview' | 'explanation' | 'glossary' | 'other';
  /** Body text (paragraphs joined by newlines, wrapped lines rejoined), without sub-sections. */
  text: string;
  /** Where each source line starts in `text`: the line of any sentence can be found without the source. */
  lines?: { offset: number; line: number }[];
  span: LineSpan;
  children: Section[];
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  at: Provenance;
}

/** Anything in the source we could not place: kept, never dropped. */
export interface Unrecognised {
  what: 'table' | 'row' | 'cell' | 'line' | 'document';
  reason: string;
  reasonEn: string;
  text: string;
  at: Provenance;
}

export interface Document {
  source: Source;
  department: string;
  year: number;
  kind: DocumentKind;
  scope: DocumentScope;
  template: TemplateId;
  units: BudgetUnit[];
  /** Table titles listed in the 目录, in order (to compare with the tables actually printed). */
  contents: string[];
  tables: Table[];
  narrative: Section[];
  /**
   * Every numeric claim of the narrative, read with it (parts included, in reading order). Derived from
   * `narrative`: whoever changes the prose reads the claims again (`readClaims`).
   */
  claims: Claim[];
  glossary: GlossaryEntry[];
  unrecognised: Unrecognised[];
}

export function tablesOfKind(doc: Document, kind: TableKind): Table[] {
  return doc.tables.filter((t) => t.kind === kind);
}
