/** Where a value came from: a text line (and cell), or a PDF page and box. */
export interface Provenance {
  file: string;
  /** 1-based line in a text source. */
  line?: number;
  /** 0-based cell index within the source line, when the line is split into cells. */
  cell?: number;
  /** 1-based page, for paged sources. */
  page?: number;
  /** [x0, y0, x1, y1] in page units, for paged sources. */
  box?: [number, number, number, number];
}

/** A span of source lines, e.g. a table or a narrative section. */
export interface LineSpan {
  file: string;
  from: number;
  to: number;
}
