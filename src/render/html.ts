/**
 * The disclosure as one self-contained, printable HTML page, in the document's own parts, order
 * and wording (see `documentOutline`): cover, 目录, the parts with their sections, each table with
 * its 表N title, 单位名称 / 单位 lines, ruled grid with merged headers, and 注.
 *
 * Print CSS: A4 (wide tables on landscape pages), 仿宋 / 宋体 with Noto CJK fallbacks, table headers
 * repeated on every printed page, a page break before each part and each table, no row broken
 * across pages. Inline CSS only; nothing is loaded from anywhere; all text is escaped.
 *
 * The markup is also meant to be read back: titles, unit lines and notes are block elements of
 * their own, bold amounts are <b>, merged cells are rowspan/colspan — so yusuan's own HTML reader
 * reads the page to the same tables (test/render-html.test.ts).
 */
import type { Document } from '../model/index.js';
import { documentOutline, documentTitle, type OutlineBlock, type PrintableCell, type PrintableTable } from './layout.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const esc = escapeHtml;

/*
 * Font stacks: the 仿宋 / 宋体 / 黑体 of the official templates where installed, then Debian's AR PL
 * UMing (a 宋体-style Ming face) and WenQuanYi Zen Hei, then Noto CJK. UMing and Zen Hei come before
 * Noto CJK on purpose: Noto CJK draws 一, 门, 支 … with the same glyphs as the Kangxi radicals ⼀ ⻔ ⽀,
 * and Chromium's PDF writer then maps those glyphs back to the radicals, so the PDF's text (copy,
 * search, yusuan's own PDF reader) would read 「江⻔市」. UMing and Zen Hei are also embedded as
 * TrueType subsets rather than Type 3 fonts (smaller files).
 */
const SERIF = `"FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "AR PL UMing CN", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif`;
const SONG = `"SimSun", "宋体", "Songti SC", "STSong", "AR PL UMing CN", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif`;
const HEI = `"SimHei", "黑体", "STHeiti", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif`;

export const RENDER_CSS = `
@page { size: A4; margin: 20mm 16mm 18mm; }
@page wide { size: A4 landscape; margin: 16mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${SERIF}; font-size: 12pt; line-height: 1.6; color: #000; background: #fff; margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12mm 14mm; } section.tbl.wide { max-width: none; } }
h1, h2, h3, h4, h5, h6 { font-family: ${HEI}; font-weight: bold; margin: 0.8em 0 0.4em; }
.cover { break-after: page; min-height: 230mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.cover h1 { font-size: 26pt; line-height: 1.8; margin: 0; }
.cover h1 .year { font-size: 22pt; }
nav.toc { break-after: page; }
nav.toc h2 { text-align: center; font-size: 18pt; letter-spacing: 1em; }
nav.toc p { margin: 0.3em 0; }
nav.toc p.l1 { font-family: ${HEI}; margin-top: 0.8em; }
nav.toc p.l2 { padding-left: 2em; }
h2.part { font-size: 16pt; text-align: center; break-before: page; margin-top: 0; }
h3.sec { font-size: 13pt; }
h4.sec, h5.sec, h6.sec { font-size: 12pt; }
p.para { text-indent: 2em; margin: 0.25em 0; }
section.tbl { break-before: page; font-family: ${SONG}; font-size: 10pt; line-height: 1.35; }
section.tbl.wide { page: wide; }
h3.tbl-title { text-align: center; font-size: 15pt; margin: 0 0 0.5em; }
p.subtitle { text-align: center; margin: -0.3em 0 0.5em; }
.tbl-meta { display: flex; justify-content: space-between; align-items: baseline; margin: 0 0 0.3em; }
.tbl-meta p { margin: 0; }
.tbl-meta p.unit { margin-left: auto; }
table.grid { border-collapse: collapse; width: 100%; font-family: ${SONG}; font-size: 9.5pt; line-height: 1.35; }
.inline table.grid { margin: 0.5em 0; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
table.grid th { font-weight: normal; text-align: center; }
table.grid td.r { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.grid td.code { white-space: nowrap; }
table.grid tr.l2 td.name { padding-left: 1.2em; }
table.grid tr.l3 td.name { padding-left: 2.4em; }
table.grid td.r { min-width: 5.5em; }
table.grid th { min-width: 4.5em; }
table.grid td.name { min-width: 10em; }
table.grid td.text { min-width: 14em; }
table.grid td.label { min-width: 4em; }
h2.part + section.tbl { break-before: avoid; }
/* Bold in 黑体: a faux-bold Ming face would be embedded as Type 3 outlines (large files). */
table.grid b { font-family: ${HEI}; }
p.note { margin: 0.4em 0 0.8em; font-size: 9.5pt; }
section.inline { font-family: ${SONG}; font-size: 10pt; }
`;

function cellHtml(c: PrintableCell, tag: 'td' | 'th', cls?: string): string {
  const attrs = `${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}`;
  const classes = [c.align === 'right' && tag === 'td' ? 'r' : '', cls ?? ''].filter(Boolean).join(' ');
  const text = esc(c.text);
  return `<${tag}${classes ? ` class="${classes}"` : ''}${attrs}>${c.bold ? `<b>${text}</b>` : text}</${tag}>`;
}

/** The bordered grid of a table: header rows in <thead> (repeated on each printed page), then the body. */
export function tableGridHtml(t: PrintableTable): string {
  const out: string[] = ['<table class="grid">'];
  if (t.headers.length > 0) {
    out.push('<thead>');
    for (const row of t.headers) out.push(`<tr>${row.map((h) => cellHtml({ text: h.text, align: 'left', bold: false, ...(h.rowSpan > 1 ? { rowSpan: h.rowSpan } : {}), ...(h.colSpan > 1 ? { colSpan: h.colSpan } : {}) }, 'th')).join('')}</tr>`);
    out.push('</thead>');
  }
  out.push('<tbody>');
  for (const row of t.rows) {
    const cls = [row.level && row.level > 1 ? `l${row.level}` : '', row.role ? `role-${row.role}` : ''].filter(Boolean).join(' ');
    // Columns of each cell, to class the code and name cells (spans shift positions).
    let col = 0;
    const cells = row.cells.map((c) => {
      const kind = t.columns[col];
      col += c.colSpan ?? 1;
      return cellHtml(c, row.header ? 'th' : 'td', row.header || kind === 'amount' ? undefined : kind);
    });
    out.push(`<tr${cls ? ` class="${cls}"` : ''}>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function noteHtml(note: string): string {
  return `<p class="note">${note.split('\n').map(esc).join('<br>')}</p>`;
}

function tableHtml(t: PrintableTable, landscape: boolean): string {
  if (t.inline) return `<section class="inline">\n${tableGridHtml(t)}\n${t.note !== undefined ? noteHtml(t.note) : ''}</section>`;
  const out: string[] = [`<section class="tbl${landscape ? ' wide' : ''}">`];
  if (t.note !== undefined && t.notePosition === 'before') out.push(noteHtml(t.note));
  // 表N and the title are one centred line, read back as 「表1 收支总体情况表」: a 表N line of its
  // own would be read as prose (and, in PDF, would part a Jiangxi note from the title below it).
  const no = t.number !== undefined && t.numberPrinted ? `<span class="tbl-no">表${t.number}</span> ` : '';
  out.push(`<h3 class="tbl-title">${no}<span class="tbl-name">${esc(t.title)}</span></h3>`);
  if (t.subtitle) out.push(`<p class="subtitle">${esc(t.subtitle)}</p>`);
  if (t.reportingUnit || t.unitLine) {
    out.push(`<div class="tbl-meta">${t.reportingUnit ? `<p class="ru">${esc(t.reportingUnit)}</p>` : ''}${t.unitLine ? `<p class="unit">${esc(t.unitLine)}</p>` : ''}</div>`);
  }
  out.push(tableGridHtml(t));
  if (t.note !== undefined && t.notePosition === 'after') out.push(noteHtml(t.note));
  out.push('</section>');
  return out.join('\n');
}

function blockHtml(b: OutlineBlock): string {
  switch (b.type) {
    case 'cover':
      return `<section class="cover"><h1>${b.lines.map((l, i) => `<span${i === 0 && b.lines.length > 1 ? ' class="year"' : ''}>${esc(l)}</span>`).join('<br>')}</h1></section>`;
    case 'contents':
      return `<nav class="toc"><h2>${esc(b.title)}</h2>\n${b.entries.map((e) => `<p class="l${e.level}">${esc(e.text)}</p>`).join('\n')}\n</nav>`;
    case 'heading':
      return b.level === 1 ? `<h2 class="part">${esc(b.text)}</h2>` : `<h${Math.min(6, b.level + 1)} class="sec">${esc(b.text)}</h${Math.min(6, b.level + 1)}>`;
    case 'paragraph':
      return `<p class="para">${esc(b.text)}</p>`;
    case 'table':
      return tableHtml(b.table, b.landscape);
  }
}

/** The whole disclosure as a self-contained HTML page (see the module comment). */
export function renderHtml(doc: Document): string {
  const blocks = documentOutline(doc);
  const title = documentTitle(doc);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="yusuan">
<title>${esc(title)}</title>
<style>${RENDER_CSS}</style>
</head>
<body>
${blocks.map(blockHtml).join('\n')}
</body>
</html>
`;
}
