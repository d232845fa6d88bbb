/**
 * Table rows that a page break cut in two. Word processors (LibreOffice Writer, Word) let a row
 * break across pages: the last row of a page keeps the first lines of its wrapped cells, and the
 * next page — after the repeated header rows — starts with a fragment that holds only the rest
 * of those cells. The fragment is put back into its row.
 */
import type { LaidPage } from './pdf-furniture.js';
import type { LayoutLine } from './pdf-layout.js';
import { joinWrapped } from './pdf-text.js';

const NUMBERISH = /^[（(]?[-+]?[\d,]*\.?\d+[)）]?%?$/;
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d$/;

const texts = (l: LayoutLine) => l.cells.map((c) => c.text).join('\t');

/** The run of table lines a page ends with (nothing after it but dropped furniture). */
function lastBlock(lines: LayoutLine[]): LayoutLine[] {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.table) start--;
  return lines.slice(start);
}

/** The run of table lines a page starts with. */
function firstBlock(lines: LayoutLine[]): LayoutLine[] {
  let n = 0;
  while (n < lines.length && lines[n]!.table) n++;
  return lines.slice(0, n);
}

/**
 * A fragment: fewer cells than the row above (its code and amounts stayed on the first page) or an
 * amount cut in two, and each of its cells continues the cell above, whose text runs to the cell's border (it wrapped):
 * text after text, or the last digits of an amount cut after its first decimal (「366.7」 / 「6」).
 */
function isFragment(r: LayoutLine, last: LayoutLine): boolean {
  if (r.cells.length !== last.cells.length) return false;
  let filled = 0;
  let fewer = false;
  let cutAmount = false;
  for (let i = 0; i < r.cells.length; i++) {
    const c = r.cells[i]!;
    const above = last.cells[i]!;
    if (c.text === '') {
      if (above.text !== '') fewer = true;
      continue;
    }
    filled++;
    if (above.text === '' || !above.full) return false;
    const numeric = NUMBERISH.test(c.text);
    if (numeric !== NUMBERISH.test(above.text)) return false;
    if (numeric && (/\.\d\d$/.test(above.text) || !AMOUNT.test(above.text + c.text))) return false;
    if (numeric) cutAmount = true;
  }
  return filled > 0 && (fewer || cutAmount);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Header rows cut by a page break: the page ends with the first lines of a table's header rows
 * (`tail`), and the next page repeats the whole header (`header`) and then prints the rest of the
 * cut rows (`fragment`). Column by column, the tail and the fragment together hold exactly the
 * header's text, and the tail is not the whole header. The repeated header stands for both.
 */
function isCutHeader(tail: LayoutLine[], header: LayoutLine[], fragment: LayoutLine | undefined): boolean {
  if (!fragment || tail.length !== header.length) return false;
  const width = fragment.cells.length;
  if (tail.some((l) => l.cells.length !== width) || header.some((l) => l.cells.length !== width)) return false;
  let cut = false;
  for (let i = 0; i < width; i++) {
    const whole = squeeze(header.map((l) => l.cells[i]!.text).join(''));
    const first = squeeze(tail.map((l) => l.cells[i]!.text).join(''));
    const rest = squeeze(fragment.cells[i]!.text);
    if (first + rest !== whole) return false;
    if (rest !== '') cut = true;
  }
  return cut;
}

/** Join rows split by a page break, in place. */
export function joinSplitRows(pages: LaidPage[]): void {
  for (let k = 1; k < pages.length; k++) {
    const prev = lastBlock(pages[k - 1]!.lines);
    const block = firstBlock(pages[k]!.lines);
    if (prev.length === 0 || block.length === 0 || prev[0]!.cells.length !== block[0]!.cells.length) continue;
    // Header rows repeated at the top of the new page.
    let h = 0;
    while (h < block.length && h < prev.length - 1 && texts(block[h]!) === texts(prev[h]!)) h++;
    const fragment = block[h];
    const tail = prev.slice(prev.length - h);
    if (h > 0 && prev.length > h && isCutHeader(tail, block.slice(0, h), fragment)) {
      pages[k - 1]!.lines = pages[k - 1]!.lines.filter((l) => !tail.includes(l));
      pages[k]!.lines = pages[k]!.lines.filter((l) => l !== fragment);
      continue;
    }
    const last = prev[prev.length - 1]!;
    if (!fragment || !isFragment(fragment, last)) continue;
    fragment.cells.forEach((c, i) => {
      if (c.text !== '') last.cells[i]!.text = joinWrapped([last.cells[i]!.text, c.text]);
    });
    pages[k]!.lines = pages[k]!.lines.filter((l) => l !== fragment);
  }
}
