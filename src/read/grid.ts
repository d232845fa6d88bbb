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
  /** [x0, y0, x1, y1] on the page, for paged sources (PDF). */
  box?: [number, number, number, number];
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
  /** 1-based page, for paged sources. */
  page?: number;
}

export interface Grid {
  file: string;
  format: 'text' | 'markdown' | 'pdf' | 'xlsx' | 'docx' | 'html';
  encoding: string;
  bytes: number;
  lines: GridLine[];
}
