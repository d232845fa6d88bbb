/**
 * Page furniture of a paged source: page numbers (「- 14 -」, 「第 3 页」, 「3/20」, a bare number)
 * and running headers or footers printed on most pages. They are dropped before recognition: they
 * belong to no table and to no paragraph.
 */
import type { LayoutLine } from './pdf-layout.js';

export interface LaidPage {
  page: number;
  height: number;
  lines: LayoutLine[];
}

const PAGE_NUMBER = /^(?:[-－—–]\s*)?\d{1,4}(?:\s*[-－—–])?$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$|^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i;

/** Top and bottom margins (fractions of the page height) where furniture is looked for. */
const MARGIN = 0.07;
/** How many lines at each end of a page are candidates. */
const EDGE_LINES = 2;

const textOf = (l: LayoutLine) => l.cells.map((c) => c.text).join(' ').trim();

function candidates(p: LaidPage): LayoutLine[] {
  const out: LayoutLine[] = [];
  const n = p.lines.length;
  p.lines.forEach((l, i) => {
    if (l.table) return;
    const atTop = i < EDGE_LINES && l.bottom <= p.height * MARGIN;
    const atBottom = i >= n - EDGE_LINES && l.top >= p.height * (1 - MARGIN);
    if (atTop || atBottom) out.push(l);
  });
  return out;
}

/** Remove page numbers and repeated running headers/footers, in place. */
export function dropFurniture(pages: LaidPage[]): void {
  const drop = new Set<LayoutLine>();
  const repeated = new Map<string, LayoutLine[]>();
  for (const p of pages) {
    for (const l of candidates(p)) {
      const t = textOf(l);
      if (PAGE_NUMBER.test(t)) {
        drop.add(l);
        continue;
      }
      if (t.length > 40) continue;
      const key = `${Math.round(l.top / 4)}|${t.replace(/\d+/g, '#')}`;
      const list = repeated.get(key);
      if (list) list.push(l);
      else repeated.set(key, [l]);
    }
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  for (const list of repeated.values()) if (list.length >= needed) for (const l of list) drop.add(l);
  if (drop.size === 0) return;
  for (const p of pages) p.lines = p.lines.filter((l) => !drop.has(l));
}
