import type { RuleMeta } from '../check/rule.js';
import type { Document, Finding } from '../model/index.js';

/** One checked file: the path as given, its parsed document and the findings about it. */
export interface CheckedDocument {
  file: string;
  doc: Document;
  findings: Finding[];
}

/** Everything a formatter sees: the documents with their findings, and the rules that ran. */
export interface ReportInput {
  documents: CheckedDocument[];
  /** Every rule (for SARIF `tool.driver.rules` and descriptions); findings of unknown rules still print. */
  rules: readonly RuleMeta[];
  /** Tool version, for SARIF `tool.driver.version`. */
  version?: string;
}

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  /** text: ANSI colours (only when writing to a terminal). */
  color?: boolean;
  /** text: list `info` findings instead of counting them. */
  verbose?: boolean;
}
