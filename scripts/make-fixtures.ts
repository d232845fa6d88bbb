/**
 * Generate the non-text fixtures of the seeds: test/fixtures/generated/<id>.{html,xlsx,docx,pdf}.
 *
 *   npx tsx scripts/make-fixtures.ts            # all seeds, all formats
 *   npx tsx scripts/make-fixtures.ts 000 004    # some seeds
 *   npx tsx scripts/make-fixtures.ts --no-office  # HTML and XLSX only (no LibreOffice needed)
 *
 * Needs: the npm dependencies (exceljs, fflate), and for DOCX and PDF LibreOffice with CJK fonts:
 *   apt-get install -y libreoffice-writer libreoffice-calc fonts-noto-cjk
 * The tests only read the committed outputs; they need neither LibreOffice nor this script.
 *
 * What it makes, from each seed in samples/:
 * - HTML: prose as <p> (consecutive lines joined with <br>), markdown headings as <h1>-<h6>, each
 *   tab-separated block as a <table> (a page-break continuation is a second <table> whose header
 *   repeats, as in the seed), header cells merged with rowspan/colspan where the text layout
 *   prints a merged cell once and leaves the rest of its span empty, bold cells as <b>.
 * - XLSX (exceljs): 000, 002 and 004 as one sheet holding the whole document (as WPS exports it),
 *   001 and 003 split into sheets (the prose between tables, then one sheet per table) in
 *   document order. Table cells bordered, the same merges, amounts stored as numbers with the
 *   number format `#,##0.00` (as many decimals as printed; `0.00` where the seed prints no
 *   thousands separator), whole
 *   numbers as numbers in General format, bold cells in a bold font.
 * - DOCX: LibreOffice Writer from the HTML (`soffice --headless --convert-to docx`): merged cells
 *   become w:gridSpan / w:vMerge.
 * - PDF: LibreOffice from the DOCX, for the PDF reader's tests.
 *
 * Seed 002 is a PDF-to-text layout (no tabs, columns lost): its tables are rebuilt from the model
 * the text parser reads (label columns, value columns under their printed labels — a label path
 * 「预算数/合计」 as stacked header rows, its groups merged —, 栏次 row; the
 * 行次 column is left out, the tab-layout recogniser has no column for it), and its prose lines
 * are kept, less the page furniture.
 *
 * Idempotent: running it again rewrites the same files. HTML and XLSX and DOCX are byte-for-byte
 * reproducible with the same LibreOffice (fixed timestamps and PDF document IDs, zips re-packed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseFile } from '../src/index.js';
import type { Document, Table } from '../src/model/index.js';
import { readText } from '../src/read/text.js';
import { isPageFurniture } from '../src/recognize/furniture.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/generated');
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');
/** 001 and 003: one sheet per table; the others: the whole document in one sheet. */
const MULTI_SHEET = new Set(['001', '003']);

interface Cell {
  text: string;
  bold: boolean;
}
/** Blocks of the document in order; `from` is the seed line the block starts on. */
type Block = { kind: 'para'; lines: Cell[]; heading?: number; from?: number } | { kind: 'table'; rows: Cell[][]; from?: number } | { kind: 'sheet'; name: string };

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;
const INTEGER = /^(?:0|[1-9]\d{0,14})$/;

// ---- blocks from a tab-separated seed -------------------------------------------------------

function blocksFromText(file: string): Block[] {
  const grid = readText(readFileSync(file), file);
  const blocks: Block[] = [];
  let cur: Block | undefined;
  const close = () => {
    if (cur) blocks.push(cur);
    cur = undefined;
  };
  for (const line of grid.lines) {
    if (line.text.trim() === '') {
      close();
      continue;
    }
    if (line.split === 'tab') {
      if (cur?.kind !== 'table') close();
      cur ??= { kind: 'table', rows: [], from: line.no };
      (cur as { rows: Cell[][] }).rows.push(line.cells.map((c) => ({ text: c.text, bold: c.bold })));
      continue;
    }
    const cell: Cell = { text: line.text.trim(), bold: line.cells.length > 0 && line.cells.every((c) => c.bold) };
    if (line.heading !== undefined) {
      close();
      blocks.push({ kind: 'para', lines: [cell], heading: line.heading, from: line.no });
      continue;
    }
    if (cur?.kind !== 'para' || cur.heading !== undefined) close();
    cur ??= { kind: 'para', lines: [], from: line.no };
    (cur as { lines: Cell[] }).lines.push(cell);
  }
  close();
  return blocks;
}

// ---- blocks for seed 002, rebuilt from its model ----------------------------------------------

const PANEL_LABEL: Record<string, string> = { income: '收入', expense: '支出', personnel: '人员经费', publicUse: '公用经费' };
const plain = (text: string): Cell => ({ text, bold: false });

function tableRowsFromModel(t: Table): Cell[][] {
  const panels = [...new Set(t.columns.map((c) => c.panel ?? ''))];
  const numbered = t.columns.some((c) => c.printedNumber);
  const labelCols = (panel: string): string[] => {
    const rows = t.rows.filter((r) => (r.panel ?? '') === panel);
    if (rows.every((r) => r.name === '' && !r.code)) return [];
    return rows.some((r) => r.code) ? ['科目编码', '科目名称'] : ['项目'];
  };
  const layout = panels.map((p) => ({ panel: p, labels: labelCols(p), columns: t.columns.filter((c) => (c.panel ?? '') === p) }));
  const header: Cell[][] = [];
  if (panels.length > 1 || panels[0] !== '') {
    header.push(layout.flatMap((l) => [plain(PANEL_LABEL[l.panel] ?? l.panel), ...Array.from({ length: l.labels.length + l.columns.length - 1 }, () => plain(''))]));
  }
  // Label paths ("预算数/公务用车购置及运行维护费/小计") as stacked rows: a group printed once over the
  // columns that share it, a leaf on its own row with empty cells below it (merged by mergesOf).
  const paths = t.columns.map((c) => c.label.split('/'));
  const depth = Math.max(1, ...paths.map((p) => p.length));
  for (let r = 0; r < depth; r++) {
    let k = 0;
    header.push(
      layout.flatMap((l) => [
        ...l.labels.map((x) => plain(r === 0 ? x : '')),
        ...l.columns.map(() => {
          const p = paths[k]!;
          const prev = k > 0 ? paths[k - 1]! : undefined;
          k++;
          if (r >= p.length) return plain('');
          const shared = r < p.length - 1 && prev !== undefined && prev.length > r + 1 && prev.slice(0, r + 1).join('/') === p.slice(0, r + 1).join('/');
          return plain(shared ? '' : p[r]!);
        }),
      ]),
    );
  }
  if (numbered) header.push(layout.flatMap((l) => [...l.labels.map((_, i) => plain(i === 0 ? '栏次' : '')), ...l.columns.map((c) => plain(c.printedNumber ?? ''))]));
  // Pair the rows of side-by-side panels into lines, in the model's order.
  const lines: Map<string, Table['rows'][number]>[] = [];
  let last = Infinity;
  for (const r of t.rows) {
    const k = panels.indexOf(r.panel ?? '');
    if (k <= last || lines.length === 0) lines.push(new Map());
    lines[lines.length - 1]!.set(r.panel ?? '', r);
    last = k;
  }
  const data = lines.map((line) =>
    layout.flatMap((l) => {
      const r = line.get(l.panel);
      const labels = l.labels.length === 2 ? [r?.code ?? '', r?.name ?? ''] : l.labels.length === 1 ? [r?.name ?? ''] : [];
      return [...labels.map(plain), ...l.columns.map((c) => plain(r?.cells[c.key]?.raw ?? r?.text?.[c.key] ?? ''))];
    }),
  );
  return [...header, ...data];
}

async function blocksFrom002(file: string): Promise<Block[]> {
  const doc: Document = await parseFile(file);
  const lines = readFileSync(file, 'utf8').split('\n');
  const tables = [...doc.tables].sort((a, b) => a.span.from - b.span.from);
  const blocks: Block[] = [];
  let para: Cell[] = [];
  const close = () => {
    if (para.length > 0) blocks.push({ kind: 'para', lines: para });
    para = [];
  };
  for (let no = 1; no <= lines.length; no++) {
    const t = tables.find((x) => x.span.from === no);
    if (t) {
      close();
      blocks.push({ kind: 'para', lines: [plain(t.title)] });
      if (t.reportingUnit) blocks.push({ kind: 'para', lines: [plain(`单位名称：${t.reportingUnit}`)] });
      blocks.push({ kind: 'para', lines: [plain(`单位：${t.unit}`)] });
      blocks.push({ kind: 'table', rows: tableRowsFromModel(t) });
      if (t.note) blocks.push({ kind: 'para', lines: t.note.split('\n').map(plain) });
      no = t.span.to;
      continue;
    }
    const text = lines[no - 1]!.trim();
    if (text === '') close();
    else if (!isPageFurniture(text)) para.push(plain(text));
  }
  close();
  return blocks;
}

// ---- merged cells ------------------------------------------------------------------------------

interface Span {
  rowspan: number;
  colspan: number;
}

function isNumberRow(row: Cell[]): boolean {
  const t = row.map((c) => c.text).filter((x) => x !== '' && x !== '**' && x !== '栏次');
  return t.length > 0 && t.every((x, i) => x === String(i + 1));
}

/** Pad rows to the table width. */
function rect(rows: Cell[][]): Cell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => plain(''))]);
}

/**
 * Where the text layout prints a merged cell once: in the header (rows above the first row of
 * amounts or 栏次 numbers, or the whole table if it has none), a label followed by empty cells
 * that have labels below them spans those columns; a label above empty cells spans those rows.
 * Returns, per cell, its span, or null where it is covered by another cell.
 */
function mergesOf(rows: Cell[][]): { spans: (Span | null)[][]; headerRows: number } {
  const first = rows.findIndex((r) => isNumberRow(r) || r.some((c) => AMOUNT.test(c.text)));
  const headerRows = first < 0 ? rows.length : first;
  const spans: (Span | null)[][] = rows.map((r) => r.map(() => ({ rowspan: 1, colspan: 1 })));
  const empty = (r: number, c: number) => rows[r]![c]!.text === '' && spans[r]![c] !== null;
  for (let r = 0; r < headerRows; r++) {
    const width = rows[r]!.length;
    for (let c = 0; c < width; c++) {
      const s = spans[r]![c];
      if (!s || rows[r]![c]!.text === '') continue;
      let cs = 1;
      while (c + cs < width && empty(r, c + cs) && rows.slice(r + 1, headerRows).some((row) => row[c + cs]!.text !== '')) cs++;
      let rs = 1;
      while (r + rs < headerRows && Array.from({ length: cs }, (_, k) => c + k).every((k) => empty(r + rs, k))) rs++;
      s.colspan = cs;
      s.rowspan = rs;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr || dc) spans[r + dr]![c + dc] = null;
    }
  }
  return { spans, headerRows };
}

// ---- HTML --------------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inlineHtml = (c: Cell) => (c.bold && c.text !== '' ? `<b>${esc(c.text)}</b>` : esc(c.text));

function tableHtml(raw: Cell[][]): string {
  const rows = rect(raw);
  const { spans, headerRows } = mergesOf(rows);
  const head = headerRows < rows.length ? headerRows : 0;
  const tr = (r: number) => {
    const tag = r < head ? 'th' : 'td';
    const cells = rows[r]!.map((c, k) => {
      const s = spans[r]![k];
      if (!s) return '';
      const attrs = `${s.rowspan > 1 ? ` rowspan="${s.rowspan}"` : ''}${s.colspan > 1 ? ` colspan="${s.colspan}"` : ''}${AMOUNT.test(c.text) ? ' class="n"' : ''}`;
      return `<${tag}${attrs}>${inlineHtml(c)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  };
  const out = ['<table border="1" cellspacing="0" cellpadding="2">'];
  if (head > 0) out.push(`<thead>\n${rows.slice(0, head).map((_, r) => tr(r)).join('\n')}\n</thead>`);
  out.push(`<tbody>\n${rows.slice(head).map((_, r) => tr(head + r)).join('\n')}\n</tbody>`, '</table>');
  return out.join('\n');
}

function html(blocks: Block[], title: string): string {
  const body = blocks.flatMap((b) => {
    if (b.kind === 'sheet') return [];
    if (b.kind === 'table') return [tableHtml(b.rows)];
    const inner = b.lines.map(inlineHtml).join('<br>\n');
    return [b.heading ? `<h${b.heading}>${inner}</h${b.heading}>` : `<p>${inner}</p>`];
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="generator" content="yusuan scripts/make-fixtures.ts">',
    `<title>${esc(title)}</title>`,
    '<style>table{border-collapse:collapse;margin:6pt 0}th,td{border:1px solid #000;padding:1pt 3pt;font-size:9pt}td.n{text-align:right}</style>',
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---- XLSX --------------------------------------------------------------------------------------

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function setValue(cell: ExcelJS.Cell, c: Cell): void {
  if (AMOUNT.test(c.text)) {
    // The printed decimals and grouping: 1,081.18 → `#,##0.00`; 857.4 → `#,##0.0`; 1081.18 → `0.00`.
    const value = Number(c.text.replace(/,/g, ''));
    const decimals = c.text.length - c.text.indexOf('.') - 1;
    cell.value = value;
    cell.numFmt = `${c.text.includes(',') || Math.abs(value) < 1000 ? '#,##0' : '0'}.${'0'.repeat(decimals)}`;
    cell.alignment = { horizontal: 'right' };
  } else if (INTEGER.test(c.text)) {
    cell.value = Number(c.text);
  } else if (c.text !== '') {
    cell.value = c.text;
  }
  if (c.bold) cell.font = { bold: true };
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let n = base;
  for (let k = 2; used.has(n); k++) n = `${base}${k}`;
  used.add(n);
  return n;
}

async function xlsx(blocks: Block[], id: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan scripts/make-fixtures.ts';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const used = new Set<string>();
  let ws: ExcelJS.Worksheet | undefined;
  let row = 0;
  const sheet = (name: string) => {
    ws = wb.addWorksheet(sheetName(name, used));
    ws.getColumn(1).width = 34;
    for (let c = 2; c <= 14; c++) ws.getColumn(c).width = 14;
    row = 0;
  };
  if (!blocks.some((b) => b.kind === 'sheet')) sheet(id);
  for (const b of blocks) {
    if (b.kind === 'sheet') {
      sheet(b.name);
      continue;
    }
    if (!ws) sheet(id);
    const w = ws!;
    if (row > 0) row++; // a blank row between blocks
    if (b.kind === 'para') {
      for (const l of b.lines) {
        row++;
        const cell = w.getCell(row, 1);
        cell.value = l.text;
        if (l.bold || b.heading) cell.font = { bold: true, ...(b.heading ? { size: 14 - Math.min(b.heading, 4) } : {}) };
      }
      continue;
    }
    const rows = rect(b.rows);
    const { spans } = mergesOf(rows);
    const top = row + 1;
    rows.forEach((r, i) => {
      row = top + i;
      r.forEach((c, k) => {
        const cell = w.getCell(row, k + 1);
        cell.border = THIN;
        if (spans[i]![k]) setValue(cell, c);
      });
    });
    rows.forEach((r, i) =>
      r.forEach((_, k) => {
        const s = spans[i]![k];
        if (s && (s.rowspan > 1 || s.colspan > 1)) w.mergeCells(top + i, k + 1, top + i + s.rowspan - 1, k + s.colspan);
      }),
    );
  }
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return repack(buf);
}

/** Split a document's blocks into sheets: the prose between tables, then each table with its title and note. */
function splitIntoSheets(blocks: Block[], doc: Document, seedFile: string): Block[] {
  const lines = readFileSync(seedFile, 'utf8').split('\n');
  const starts = doc.tables.map((t) => {
    // A table's sheet starts at its 「表N」 line, else at its title (or the note printed above it).
    let from = t.span.from;
    for (let no = from - 1; no >= Math.max(1, from - 3); no--) {
      const text = lines[no - 1]!.trim();
      if (/^表\s*\d+$/.test(text)) from = no;
      else if (text !== '') break;
    }
    return { from, to: t.span.to, name: t.number !== undefined ? `表${t.number} ${t.title}` : t.title };
  });
  const out: Block[] = [];
  let prose = 0;
  let open: 'table' | 'prose' | undefined;
  for (const b of blocks) {
    const no = b.kind === 'sheet' ? 0 : (b.from ?? 0);
    const first = starts.find((s) => s.from === no);
    if (first) {
      out.push({ kind: 'sheet', name: first.name });
      open = 'table';
    } else if (!starts.some((s) => no >= s.from && no <= s.to) && open !== 'prose') {
      out.push({ kind: 'sheet', name: `说明${++prose}` });
      open = 'prose';
    }
    out.push(b);
  }
  return out;
}

// ---- zips: fixed timestamps so that the outputs are reproducible ------------------------------

function repack(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)))) {
    let data = files[name]!;
    if (name === 'docProps/core.xml') {
      data = strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z')}`));
    }
    out[name] = [data, { mtime: FIXED_DATE }];
  }
  return zipSync(out, { level: 9, mtime: FIXED_DATE });
}

/** Fixed creation date and document ID in a PDF (same-length replacements keep the xref offsets valid). */
function fixPdf(pdf: Uint8Array, id: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = FIXED_DATE.toISOString().replace(/\D/g, '').slice(0, 14);
  const hex = Buffer.from(`yusuan-fixture-${id}`.padEnd(16, '-').slice(0, 16)).toString('hex').toUpperCase();
  const fixed = text
    .replace(/\/(CreationDate|ModDate)\(D:\d{14}/g, (_, k: string) => `/${k}(D:${stamp}`)
    .replace(/\/ID \[ <[0-9A-F]{32}>(\s+)<[0-9A-F]{32}> \]/g, (_, sp: string) => `/ID [ <${hex}>${sp}<${hex}> ]`)
    .replace(/\/DocChecksum \/[0-9A-F]{32}/g, `/DocChecksum /${hex}`);
  if (fixed.length !== text.length) throw new Error('PDF length changed while fixing its dates');
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

// ---- LibreOffice -------------------------------------------------------------------------------

function soffice(input: string, target: string, outDir: string, profile: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, input], { stdio: 'pipe' });
  const name = basename(input).replace(/\.[^.]+$/, '') + '.' + target.split(':')[0];
  const out = join(outDir, name);
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const office = !args.includes('--no-office');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const seeds = readdirSync(join(ROOT, 'samples'))
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .filter((f) => wanted.length === 0 || wanted.includes(f.slice(0, 3)));
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'yusuan-fixtures-'));
  const profile = join(work, 'lo-profile');
  try {
    for (const f of seeds) {
      const id = f.slice(0, 3);
      const seedFile = join(ROOT, 'samples', f);
      const tabbed = readFileSync(seedFile, 'utf8').includes('\t');
      const blocks = tabbed ? blocksFromText(seedFile) : await blocksFrom002(seedFile);
      const title = blocks.flatMap((b) => (b.kind === 'para' ? b.lines.map((l) => l.text) : [])).slice(0, 2).join(' ') || id;
      const htmlFile = join(OUT, `${id}.html`);
      writeFileSync(htmlFile, html(blocks, title));
      const doc = MULTI_SHEET.has(id) ? await parseFile(seedFile) : undefined;
      writeFileSync(join(OUT, `${id}.xlsx`), await xlsx(doc ? splitIntoSheets(blocks, doc, seedFile) : blocks, id));
      if (office) {
        const docx = soffice(htmlFile, 'docx:MS Word 2007 XML', work, profile);
        writeFileSync(join(OUT, `${id}.docx`), repack(readFileSync(docx)));
        const pdf = soffice(docx, 'pdf:writer_pdf_Export', work, profile);
        writeFileSync(join(OUT, `${id}.pdf`), fixPdf(readFileSync(pdf), id));
      }
      console.log(`${id}: ${['html', 'xlsx', ...(office ? ['docx', 'pdf'] : [])].map((x) => `${x} ${readFileSync(join(OUT, `${id}.${x}`)).length} B`).join(', ')}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
