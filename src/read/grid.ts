/**
 * The neutral grid a reader produces: lines of cells with their positions. Readers know file
 * formats, not budgets.
 */
export interface GridCell {
  text: string;
  /** 0-based position of the cell within its line. */
  index: number;
  /** Printed in bold (markdown `**`, HTML `<b>`, a bold font). */
  bold: boolean;
  /**
   * [x0, y0, x1, y1] on the page, for paged sources (PDF). For spreadsheets (XLSX):
   * [column, row, column, row], 1-based, in the sheet given by the line's `page`.
   * PDF boxes are in PDF units with the origin at the page's top-left corner (y downwards).
   */
  box?: [number, number, number, number];
  /** Columns a merged cell covers, when the source says so (ruled PDF tables); absent for 1. */
  span?: number;
}

export interface GridLine {
  /** 1-based line number in the source (for paged sources: running line). */
  no: number;
  /** The line's text with markup removed. */
  text: string;
  /** How the line was split into cells: tab-separated, space-separated layout, or a single cell. */
  split: 'tab' | 'space' | 'none';
  cells: GridCell[];
  /** Markdown heading level (1 for `#`), if the line is a heading. */
  heading?: number;
  /** 1-based page, for paged sources; for spreadsheets (XLSX), the 1-based sheet index in tab order. */
  page?: number;
}

export interface Grid {
  file: string;
  format: 'text' | 'markdown' | 'pdf' | 'xlsx' | 'docx' | 'html';
  encoding: string;
  bytes: number;
  lines: GridLine[];
  /** What the reader skipped or could not place (hidden rows, sheets...): kept as unrecognised. */
  notes?: GridNote[];
}

/** A reader's remark about the source, e.g. hidden rows it did not read. */
export interface GridNote {
  /** 1-based page (for spreadsheets: sheet index), if the note concerns one. */
  page?: number;
  /** 1-based line, if the note concerns one (a text file cut off: its last line). */
  line?: number;
  zh: string;
  en: string;
}
