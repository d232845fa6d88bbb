import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { cutNote, decodeText, type DecodedText } from './decode.js';
import { joinCellLines, LineBuilder, type TableCell } from './flow.js';
import type { Grid, GridNote } from './grid.js';

/*
 * HTML reader, on a spec-compliant parser (parse5: implied <tbody>, unclosed <p>, misnested tags
 * are resolved as a browser does). Paragraphs, headings, list items and <br>-separated lines
 * become single-cell lines (a blank line between blocks); a data <table> becomes one tab-split
 * line per row, with rowspan/colspan resolved onto the grid: a merged cell's text in its first
 * (top-left) cell, '' in the cells it covers. A table that only lays out other tables (a page
 * wrapper) is read as flow. <b>, <strong> and bold inline styles mark text as bold. Hidden
 * elements (`hidden`, display:none) are skipped and reported in `grid.notes`.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'title', 'meta', 'link']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'address', 'figure', 'figcaption',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'form', 'fieldset', 'legend', 'center', 'hr', 'body', 'html', 'caption', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const HEADING = /^h([1-6])$/;
const MAX_SPAN = 1000;

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isElement = (n: Node): n is Element => 'tagName' in n;
const children = (n: ParentNode): Node[] => n.childNodes;

function style(el: Element): string {
  return (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function isHidden(el: Element): boolean {
  if (el.attrs.some((a) => a.name === 'hidden')) return true;
  const s = style(el);
  return /(^|;)display:none/.test(s) || /(^|;)visibility:hidden/.test(s);
}

function boldStyle(el: Element): boolean | undefined {
  const tag = el.tagName;
  if (tag === 'b' || tag === 'strong') return true;
  const m = /(?:^|;)font-weight:([a-z0-9]+)/.exec(style(el));
  if (m) return m[1] === 'bold' || m[1] === 'bolder' || (/^\d+$/.test(m[1]!) && Number(m[1]) >= 600);
  return undefined;
}

function hasDescendant(n: ParentNode, tag: string): boolean {
  for (const c of children(n)) {
    if (!isElement(c)) continue;
    if (c.tagName === tag || hasDescendant(c, tag)) return true;
  }
  return false;
}

/** Charset declared in a <meta> near the top of the file, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function decodeHtml(bytes: Uint8Array, file: string): DecodedText {
  const declared = declaredCharset(bytes);
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936)$/.test(declared) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  if (declared === 'big5') return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5' };
  // UTF-8 (with or without BOM), UTF-16 with BOM, else the text reader's GB18030 fallback.
  const d = decodeText(bytes, file);
  return { ...d, text: d.text.replace(/^\uFEFF/, '') };
}

interface Walker {
  out: LineBuilder;
  hidden: number;
}

/** Inline text of a node, whitespace collapsed as HTML renders it. */
function inline(w: Walker, n: Node, bold: boolean, pre: boolean): void {
  if (n.nodeName === '#text') {
    const v = (n as DefaultTreeAdapterMap['textNode']).value.replace(/\u00a0/g, ' ');
    if (pre) {
      const parts = v.split(/\r?\n/);
      parts.forEach((p, i) => {
        if (i > 0) w.out.breakLine();
        w.out.add(p, bold);
      });
    } else w.out.add(v.replace(/[ \t\r\n\f]+/g, ' '), bold);
    return;
  }
  if (!isElement(n)) return;
  flow(w, n, bold, pre);
}

/** Walk a node as document flow. */
function flow(w: Walker, el: Element | ParentNode, bold: boolean, pre: boolean): void {
  if (isElement(el as Node)) {
    const e = el as Element;
    const tag = e.tagName;
    if (SKIP.has(tag)) return;
    if (isHidden(e)) {
      if (textOf(e).trim() !== '') w.hidden++;
      return;
    }
    const b = boldStyle(e) ?? bold;
    if (tag === 'br') {
      w.out.breakLine();
      return;
    }
    if (tag === 'table') {
      if (hasDescendant(e, 'table')) {
        // A layout table (it holds other tables): read its cells as flow, each cell a block.
        for (const row of tableRows(e)) {
          for (const cell of row.cells) {
            w.out.endBlock();
            for (const c of children(cell)) inline(w, c, b, pre);
            w.out.endBlock();
          }
        }
        return;
      }
      readTable(w, e, b);
      return;
    }
    const block = BLOCK.has(tag);
    const h = HEADING.exec(tag);
    if (block) {
      w.out.endBlock();
      if (h) w.out.setHeading(Number(h[1]));
    }
    const inPre = pre || tag === 'pre' || tag === 'textarea';
    for (const c of children(e)) inline(w, c, b, inPre);
    if (block) w.out.endBlock();
    return;
  }
  for (const c of children(el)) inline(w, c, bold, pre);
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(n) && !('childNodes' in n)) return '';
  return children(n as ParentNode).map(textOf).join('');
}

interface HtmlRow {
  cells: Element[];
  hidden: boolean;
}

/** The rows of a table in order: thead, tbody/tr, then tfoot; not those of nested tables. */
function tableRows(table: Element): HtmlRow[] {
  const head: HtmlRow[] = [];
  const body: HtmlRow[] = [];
  const foot: HtmlRow[] = [];
  const rowOf = (tr: Element): HtmlRow => ({ cells: children(tr).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')), hidden: isHidden(tr) });
  for (const c of children(table)) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') body.push(rowOf(c));
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      const target = c.tagName === 'thead' ? head : c.tagName === 'tfoot' ? foot : body;
      const hiddenSection = isHidden(c);
      for (const tr of children(c)) if (isElement(tr) && tr.tagName === 'tr') target.push({ ...rowOf(tr), hidden: hiddenSection || isHidden(tr) });
    }
  }
  return [...head, ...body, ...foot];
}

interface CellText {
  text: string;
  bold: boolean;
}

/** A cell's text (its lines joined) and whether all of it is bold. */
function cellText(cell: Element, bold: boolean): CellText {
  const sub = new LineBuilder();
  const w: Walker = { out: sub, hidden: 0 };
  const b = boldStyle(cell) ?? bold;
  for (const c of children(cell)) inline(w, c, b, false);
  sub.endBlock();
  const lines = sub.lines.filter((l) => l.text !== '');
  return { text: joinCellLines(lines.map((l) => l.text)), bold: lines.length > 0 && lines.every((l) => l.cells.every((c) => c.bold)) };
}

function span(el: Element, name: string): number {
  const v = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, MAX_SPAN) : name === 'rowspan' && v === 0 ? MAX_SPAN : 1;
}

/** Lay a table's cells on its grid (the HTML table model): rowspan/colspan cover cells below/right. */
function readTable(w: Walker, table: Element, bold: boolean): void {
  const caption = children(table).find((c): c is Element => isElement(c) && c.tagName === 'caption');
  if (caption) {
    w.out.endBlock();
    for (const c of children(caption)) inline(w, c, bold, false);
    w.out.endBlock();
  }
  const rows = tableRows(table);
  const grid: (TableCell | null)[][] = [];
  const at = (r: number) => (grid[r] ??= []);
  let hiddenRows = 0;
  let r = 0;
  for (const row of rows) {
    if (row.hidden) {
      if (row.cells.some((c) => textOf(c).trim() !== '')) hiddenRows++;
      continue;
    }
    let col = 0;
    for (const cell of row.cells) {
      while (at(r)[col] !== undefined) col++;
      const cs = span(cell, 'colspan');
      const rs = Math.min(span(cell, 'rowspan'), Math.max(1, rows.length - r));
      const { text, bold: b } = isHidden(cell) ? { text: '', bold: false } : cellText(cell, bold);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) at(r + dr)[col + dc] = dr === 0 && dc === 0 ? { text, bold: b } : null;
      }
      col += cs;
    }
    r++;
  }
  const width = Math.max(0, ...grid.map((g) => g.length));
  const out: TableCell[][] = grid.slice(0, r).map((g) => Array.from({ length: width }, (_, i) => g[i] ?? { text: '', bold: false }));
  w.out.table(out);
  w.hidden += hiddenRows;
}

/** Read an HTML page into a grid: prose as lines, tables as tab-split lines. */
export function readHtml(bytes: Uint8Array, file: string): Grid {
  const { text, encoding, cutBytes } = decodeHtml(bytes, file);
  const doc = parse(text);
  const w: Walker = { out: new LineBuilder(), hidden: 0 };
  flow(w, doc, false, false);
  w.out.endBlock();
  const grid: Grid = { file, format: 'html', encoding, bytes: bytes.length, lines: w.out.lines };
  const notes: GridNote[] = [];
  if (w.hidden > 0) notes.push({ zh: `页面中有 ${w.hidden} 处隐藏内容（hidden / display:none）未读取`, en: `${w.hidden} hidden element(s) (hidden / display:none) not read` });
  if (cutBytes) notes.push(cutNote(cutBytes));
  if (notes.length > 0) grid.notes = notes;
  return grid;
}
