import type { GridCell, GridLine } from './grid.js';

/**
 * Shared by the document readers (HTML, DOCX): turns a flow of blocks (paragraphs, headings,
 * tables) into grid lines the way the text seeds are laid out — one line per printed line, a
 * blank line between blocks, one tab-split line per table row with one cell per grid column.
 */

export interface Run {
  text: string;
  bold: boolean;
}

export interface TableCell {
  text: string;
  bold: boolean;
}

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Join the lines of a table cell: nothing between CJK characters, a space otherwise. */
export function joinCellLines(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const s = p.trim();
    if (s === '') continue;
    if (out === '' || CJK_EDGE.test(out[out.length - 1]!) || CJK_EDGE.test(s[0]!)) out += s;
    else out += ` ${s}`;
  }
  return out;
}

/** Bold when every run with visible text is bold. */
export function allBold(runs: Run[]): boolean {
  const visible = runs.filter((r) => r.text.trim() !== '');
  return visible.length > 0 && visible.every((r) => r.bold);
}

export class LineBuilder {
  readonly lines: GridLine[] = [];
  private runs: Run[] = [];
  private heading: number | undefined;
  private blankPending = false;

  /** Inline text of the current line. */
  add(text: string, bold: boolean): void {
    if (text !== '') this.runs.push({ text, bold });
  }

  /** Heading level of the block being built (h1-h6, Word heading styles). */
  setHeading(level: number | undefined): void {
    this.heading = level;
  }

  private blank(): void {
    const last = this.lines[this.lines.length - 1];
    if (last && last.text.trim() !== '') this.lines.push({ no: this.lines.length + 1, text: '', split: 'none', cells: [{ text: '', index: 0, bold: false }] });
  }

  private pushLine(line: Omit<GridLine, 'no'>): void {
    if (this.blankPending) {
      this.blank();
      this.blankPending = false;
    }
    this.lines.push({ no: this.lines.length + 1, ...line });
  }

  /** End the current line (a `<br>`, a Word line break). An empty line prints as a blank line. */
  breakLine(): void {
    const text = this.runs.map((r) => r.text).join('').trim();
    const bold = allBold(this.runs);
    this.runs = [];
    if (text === '') {
      if (this.lines.length > 0) this.blankPending = true;
      return;
    }
    const line: Omit<GridLine, 'no'> = { text, split: 'none', cells: [{ text, index: 0, bold }] };
    if (this.heading !== undefined) line.heading = this.heading;
    this.pushLine(line);
  }

  /** End the current block (paragraph, heading, list item): the next block starts after a blank line. */
  endBlock(): void {
    this.breakLine();
    this.heading = undefined;
    if (this.lines.length > 0) this.blankPending = true;
  }

  /** A table: one tab-split line per row, padded to the widest row. */
  table(rows: TableCell[][]): void {
    this.endBlock();
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width === 0) return;
    for (const r of rows) {
      const cells: GridCell[] = [];
      for (let i = 0; i < width; i++) {
        const c = r[i];
        cells.push({ text: c?.text ?? '', index: i, bold: c?.bold ?? false });
      }
      this.pushLine({ text: cells.map((c) => c.text).join('\t'), split: 'tab', cells });
    }
    this.blankPending = true;
  }
}
