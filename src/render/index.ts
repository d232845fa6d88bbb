/**
 * Renderers: the Document as a publishable disclosure (HTML, PDF, XLSX, DOCX). They see only the
 * document model and the templates — never readers, recognisers or checks (the CLI runs
 * `checkDocument` before rendering).
 */
import type { Document, Table, TemplateId } from '../model/index.js';
import { TABLE_KINDS } from '../model/index.js';
import { templateById } from '../templates/index.js';
import type { TableSpec } from '../templates/index.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderPdf, type PdfOptions } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export { renderHtml, escapeHtml, tableGridHtml, RENDER_CSS } from './html.js';
export { renderPdf, htmlToPdf, chromiumAvailable, chromiumPath, DEFAULT_CHROMIUM, CHROMIUM_ARGS, type PdfOptions } from './pdf.js';
export { renderXlsx } from './xlsx.js';
export { renderDocx } from './docx.js';
export {
  printableTable,
  documentOutline,
  formatAmount,
  usesThousands,
  placeCells,
  chineseNumber,
  sectionHeading,
  coverLines,
  type PrintableTable,
  type PrintableHeaderCell,
  type PrintableCell,
  type PrintableRow,
  type PrintableColumnKind,
  type PrintableOptions,
  type PlacedCell,
  type OutlineBlock,
} from './layout.js';

export const RENDER_FORMATS = ['html', 'pdf', 'xlsx', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Render a document in one of the output formats, as bytes (HTML as UTF-8). */
export async function renderDocument(doc: Document, format: RenderFormat, options: PdfOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'pdf':
      return renderPdf(doc, options);
    case 'xlsx':
      return renderXlsx(doc);
    case 'docx':
      return renderDocx(doc);
  }
}

// ---- re-labelling a document for another template ----------------------------------------------

/**
 * A literal title a title pattern accepts: optional parts left out (「(部门)?」, 「《?」, 「\s*」),
 * the first alternative of a group, the full-width member of a character class (「[（(]」 → （).
 * undefined when the pattern needs something no literal gives (\d, .).
 */
export function literalTitle(re: RegExp): string | undefined {
  const s = re.source.replace(/^\^/, '').replace(/\$$/, '');
  let i = 0;
  const sequence = (): string[] => {
    const alternatives: string[] = [];
    let cur = '';
    while (i < s.length && s[i] !== ')') {
      const c = s[i]!;
      if (c === '|') {
        alternatives.push(cur);
        cur = '';
        i++;
        continue;
      }
      let atom: string;
      let isClass = false;
      if (c === '(') {
        i++;
        if (s.startsWith('?:', i)) i += 2;
        else if (s.startsWith('?<', i) && s[i + 2] !== '=' && s[i + 2] !== '!') i = s.indexOf('>', i) + 1;
        atom = sequence()[0] ?? '';
        i++; // ')'
      } else if (c === '[') {
        const end = s.indexOf(']', i + 1);
        const chars = [...s.slice(i + 1, end).replace(/\\./g, '')];
        atom = chars.find((ch) => ch.charCodeAt(0) > 0x7f) ?? chars[0] ?? '';
        isClass = true;
        i = end + 1;
      } else if (c === '\\') {
        const n = s[i + 1] ?? '';
        atom = /[dswDSWbB]/.test(n) ? '\u0000' : n;
        i += 2;
      } else if (c === '.') {
        atom = '\u0000';
        i++;
      } else {
        atom = c;
        i++;
      }
      const q = s[i];
      if (q === '?' || q === '*') {
        i++;
        if (s[i] === '?') i++;
        // An optional quote mark stays (“三公”); any other optional part is left out.
        if (!isClass) atom = '';
      } else if (q === '+') {
        i++;
      } else if (q === '{') {
        const end = s.indexOf('}', i);
        const min = Number(s.slice(i + 1, end).split(',')[0]);
        i = end + 1;
        atom = atom.repeat(Number.isFinite(min) ? min : 1);
      }
      cur += atom;
    }
    alternatives.push(cur);
    return alternatives;
  };
  const out = sequence()[0] ?? '';
  if (out.includes('\u0000') || out === '') return undefined;
  // Pair the quotes: 「“三公“」 → 「“三公”」.
  const paired = out.replace(/“([^“”"]*)[“"]/g, '“$1”');
  return re.test(paired) ? paired : re.test(out) ? out : undefined;
}

function titleFor(spec: TableSpec, table: Table): string {
  if (spec.titles.length === 0) return table.title;
  if (spec.titles.some((re) => re.test(table.title))) return table.title;
  for (const re of spec.titles) {
    const t = literalTitle(re);
    if (t) return t;
  }
  const generic = TABLE_KINDS[table.kind];
  return spec.titles.some((re) => re.test(generic)) ? generic : table.title;
}

/**
 * The document re-labelled for another template: `template` (and the kind, budget or final, the
 * template is for) set; every table whose kind the template has takes that template's title and
 * number and its place in the template's order; tables the template has no counterpart for keep
 * their own wording and follow the table they followed. Columns, rows, amounts and the prose are
 * not touched. The 目录 lists the new titles.
 */
export function relabel(doc: Document, template: TemplateId): Document {
  if (template === doc.template) return doc;
  const target = templateById(template);
  if (!target) return doc;
  const keyed = doc.tables.map((t) => {
    const specs = target.tables.map((s, index) => ({ s, index })).filter(({ s }) => s.kind === t.kind);
    const match = specs.find(({ s }) => s.titles.some((re) => re.test(t.title))) ?? specs[0];
    return { t, index: match ? match.index : -1 };
  });
  // Tables without a counterpart keep their place after the table they followed.
  let last = -1;
  const sortKey = keyed.map(({ index }, k) => {
    if (index >= 0) last = index;
    return { key: index >= 0 ? index : last + 0.5, k };
  });
  const order = [...sortKey].sort((a, b) => a.key - b.key || a.k - b.k).map((x) => x.k);
  const tables = order.map((k) => {
    const { t, index } = keyed[k]!;
    if (index < 0) return t;
    const spec = target.tables[index]!;
    const copy: Table = { ...t, title: titleFor(spec, t) };
    if (spec.number !== undefined) copy.number = spec.number;
    else delete copy.number;
    return copy;
  });
  // Tables printed inside the prose (untitled in the template) are not listed.
  const untitled = new Set(target.tables.filter((s) => s.titles.length === 0).map((s) => s.kind));
  const contents = tables.filter((t) => !untitled.has(t.kind)).map((t) => t.title);
  return { ...doc, template, kind: target.kind, tables, contents };
}
