import type { TableKind } from './table.js';

export type Severity = 'error' | 'warning' | 'info';

/** One place a finding involves: a table cell, a row, a table, or a sentence of the narrative. */
export interface Location {
  file: string;
  line?: number;
  page?: number;
  cell?: number;
  table?: TableKind;
  tableTitle?: string;
  /** Row name as printed (without ordinal), and code if any. */
  row?: string;
  code?: string;
  panel?: string;
  unit?: string;
  column?: string;
  columnLabel?: string;
  /** The printed value at this place. */
  value?: string;
  /** For narrative locations: the sentence or clause. */
  text?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  messageEn: string;
  /** Amounts in 分 where the finding compares amounts; percentages in basis points ×100 are not used. */
  expected?: number;
  actual?: number;
  difference?: number;
  /** Unit the amounts are printed in, so expected/actual can be shown as printed. */
  unit?: '元' | '万元';
  /** Every place involved; the most likely wrong one first when the evidence singles it out. */
  locations: Location[];
}
