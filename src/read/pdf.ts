/**
 * PDF reader: pdf.js (pdfjs-dist 5.6, legacy build for Node 20) text items and ruling lines,
 * rebuilt into the neutral grid — one line per visual row, tab-split cells for tables (empty cells
 * kept so columns line up), single-cell lines for prose — with every cell's box and every line's
 * page. Boxes are [x0, y0, x1, y1] in PDF units with the origin at the page's top-left corner
 * (y grows downwards), as the page is displayed (rotation applied).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../model/errors.js';
import type { Grid, GridCell, GridLine, GridNote } from './grid.js';
import { joinSplitRows } from './pdf-continue.js';
import { dropFurniture, type LaidPage } from './pdf-furniture.js';
import { layoutPage, mayHoldTable, plainLines, type LayoutCarry, type LayoutLine } from './pdf-layout.js';
import { rulesOf, type OpCodes, type Rules } from './pdf-rules.js';
import { pieceOf, type Piece } from './pdf-text.js';

export interface PdfLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Pages read; later pages are reported, not read. */
  maxPages: number;
  /** Text items on one page from which on its tables are not rebuilt (its text is kept as plain lines). */
  maxItemsPerPage: number;
  /** Text items in the whole document beyond which reading stops. */
  maxItems: number;
}

export const PDF_LIMITS: PdfLimits = { maxBytes: 200 * 1024 * 1024, maxPages: 2000, maxItemsPerPage: 100_000, maxItems: 2_000_000 };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Load pdf.js and its worker (run in this thread). The legacy build bundles core-js, which on
 * Node 20 replaces the native Array.prototype.push and JSON.parse/stringify with much slower
 * polyfills for the whole process (a V8 edge case about non-writable array lengths). pdf.js does
 * not depend on that edge case, so the native functions are put back once both modules are loaded.
 */
let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const natives = [
      [Array.prototype, 'push', Object.getOwnPropertyDescriptor(Array.prototype, 'push')],
      [JSON, 'parse', Object.getOwnPropertyDescriptor(JSON, 'parse')],
      [JSON, 'stringify', Object.getOwnPropertyDescriptor(JSON, 'stringify')],
    ] as const;
    // While loading, pdf.js prints warnings to stdout (e.g. when its optional canvas package is
    // missing): they would corrupt the CLI's JSON output, and they concern rendering only.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning:'))) log(...args);
    };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // A computed specifier: the worker module ships no type declarations.
      const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const worker: unknown = await import(workerModule);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return pdfjs;
    } finally {
      console.log = log;
      for (const [target, key, descriptor] of natives) if (descriptor) Object.defineProperty(target, key, descriptor);
    }
  })();
  return pdfjsPromise;
}

/** The package's own CMaps and standard fonts: without them non-embedded CJK fonts yield no text at all. */
function assetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

const MB = 1024 * 1024;

function translate(file: string, e: unknown, complete = true): InputError {
  if (e instanceof InputError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e).split('\n')[0]!.slice(0, 160);
  if (name === 'PasswordException') return new InputError(file, 'PDF 已加密（需要密码），无法读取', 'the PDF is encrypted (a password is required)');
  if (!complete) return new InputError(file, 'PDF 文件不完整（缺少文件结尾，可能被截断），无法读取', `incomplete PDF: the end of the file is missing, it was probably truncated (${message})`);
  if (name === 'InvalidPDFException') return new InputError(file, 'PDF 文件无效或已损坏，无法读取', `invalid or corrupt PDF (${message})`);
  return new InputError(file, 'PDF 文件已损坏或不完整，无法读取', `damaged or incomplete PDF (${name ? `${name}: ` : ''}${message})`);
}

type Matrix = [number, number, number, number, number, number];
function multiply(m: number[], n: number[]): Matrix {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

/** True when the file ends with an end-of-file marker (a truncated download usually does not). */
function hasEof(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

/** PDF objects (「12 0 obj」) in the first bytes: a real PDF body, as opposed to noise after a header. */
function looksLikePdfBody(bytes: Uint8Array): boolean {
  return /\d+\s+\d+\s+obj\b/.test(new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16))));
}

interface PageRead {
  page: number;
  height: number;
  lines: LayoutLine[];
  items: number;
  note?: GridNote;
}

/** Read a PDF into a grid. Throws InputError for encrypted, corrupt, oversized or text-less files. */
export async function readPdf(bytes: Uint8Array, file: string, limits: PdfLimits = PDF_LIMITS): Promise<Grid> {
  if (bytes.length > limits.maxBytes) {
    throw new InputError(file, `PDF 文件过大（${Math.round(bytes.length / MB)} MB，上限 ${Math.round(limits.maxBytes / MB)} MB）`, `PDF too large (${Math.round(bytes.length / MB)} MB, limit ${Math.round(limits.maxBytes / MB)} MB)`);
  }
  const pdfjs = await loadPdfJs();
  const OPS = pdfjs.OPS as unknown as OpCodes;
  const notes: GridNote[] = [];
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...assetDirs(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw translate(file, e, hasEof(bytes) || !looksLikePdfBody(bytes));
  }
  try {
    const total = doc.numPages;
    const count = Math.min(total, limits.maxPages);
    if (total > count) notes.push({ zh: `PDF 共 ${total} 页，只读取了前 ${count} 页`, en: `the PDF has ${total} pages; only the first ${count} were read` });
    if (!hasEof(bytes)) notes.push({ zh: 'PDF 文件缺少结尾标记（%%EOF），可能不完整或被截断', en: 'the PDF has no end-of-file marker (%%EOF): it may be incomplete or truncated' });
    const pages: PageRead[] = [];
    let items = 0;
    let withText = 0;
    let failed = 0;
    const carry: LayoutCarry = {};
    for (let n = 1; n <= count; n++) {
      let read: PageRead;
      try {
        read = await readPage(doc, n, limits, OPS, carry);
      } catch (e) {
        failed++;
        const why = translate(file, e).messageEn;
        notes.push({ page: n, zh: `第${n}页无法读取（文件可能损坏或不完整）`, en: `page ${n} could not be read (${why})` });
        continue;
      }
      if (read.note) notes.push(read.note);
      if (read.lines.length) withText++;
      items += read.items;
      pages.push(read);
      if (items > limits.maxItems) {
        notes.push({ page: n, zh: `文字过多，只读取到第${n}页`, en: `too much text: reading stopped after page ${n}` });
        break;
      }
    }
    if (withText === 0) {
      if (failed > 0) throw new InputError(file, 'PDF 文件已损坏或不完整，无法读取任何页面', 'damaged or incomplete PDF: no page could be read');
      throw new InputError(file, 'PDF 没有文字层（可能是扫描件），无法读取', 'the PDF has no text layer (probably a scan) and cannot be read');
    }
    const laid: LaidPage[] = pages.map((p) => ({ page: p.page, height: p.height, lines: p.lines }));
    dropFurniture(laid);
    joinSplitRows(laid);
    return { file, format: 'pdf', encoding: 'pdf', bytes: bytes.length, lines: gridLines(laid), ...(notes.length ? { notes } : {}) };
  } catch (e) {
    throw translate(file, e);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Whether a loaded font's PostScript name states a bold weight. */
function boldFont(page: PdfPage, fontName: string | undefined): boolean {
  if (!fontName || !page.commonObjs.has(fontName)) return false;
  const font = page.commonObjs.get(fontName) as { name?: unknown } | null;
  return typeof font?.name === 'string' && /bold|black|heavy/i.test(font.name.replace(/^[A-Z]{6}\+/, ''));
}

async function readPage(doc: PdfDocument, n: number, limits: PdfLimits, OPS: OpCodes, carry: LayoutCarry): Promise<PageRead> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform as number[];
    const content = await page.getTextContent();
    const pieces: Piece[] = [];
    const fontOf = new Map<Piece, string>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      if (item.str !== '' && item.str.trim() === '') {
        // A space item: remembered on the piece it follows on the same baseline, for joinLine.
        const last = pieces[pieces.length - 1];
        const m = multiply(view, item.transform as number[]);
        if (last && Math.abs(m[5] - last.base) < 0.2 * last.size && m[4] >= last.x1 - 0.2 * last.size) last.spaceAfter = true;
        continue;
      }
      const p = pieceOf(item.str, multiply(view, item.transform as number[]), item.width, /bold/i.test(content.styles[item.fontName]?.fontFamily ?? ''));
      if (p) {
        pieces.push(p);
        fontOf.set(p, item.fontName);
      }
    }
    let rules: Rules | undefined;
    let note: GridNote | undefined;
    if (pieces.length >= limits.maxItemsPerPage) {
      note = { page: n, zh: `第${n}页文字片段过多（${pieces.length} 个），未重建表格，按纯文字读取`, en: `page ${n} has too many text items (${pieces.length}); its tables were not rebuilt, its text is read as plain lines` };
    } else if (pieces.length === 0 || mayHoldTable(pieces)) {
      const ops = await page.getOperatorList();
      rules = rulesOf(ops.fnArray, ops.argsArray, view as Matrix, OPS);
      // Once the operator list is loaded, the embedded fonts' own names are known: a generic
      // family (「sans-serif」) hides the weight that a name like 「NotoSerifCJKjp-Bold」 states.
      for (const p of pieces) if (!p.bold && boldFont(page, fontOf.get(p))) p.bold = true;
      if (pieces.length === 0 && rules.images > 0) note = { page: n, zh: `第${n}页无文字层（可能是扫描图片），未能读取`, en: `page ${n} has no text layer (probably a scanned image) and was not read` };
      else if (pieces.length === 0) note = { page: n, zh: `第${n}页是空白页`, en: `page ${n} is blank` };
    }
    const lines = pieces.length === 0 ? [] : note && pieces.length >= limits.maxItemsPerPage ? plainLines(pieces) : layoutPage(pieces, rules, carry);
    return { page: n, height: viewport.height, lines, items: pieces.length, ...(note ? { note } : {}) };
  } finally {
    page.cleanup();
  }
}

/** Number the lines across pages; a blank line marks each page break and each block break. */
function gridLines(pages: LaidPage[]): GridLine[] {
  const out: GridLine[] = [];
  const blank = (page: number) => out.push({ no: out.length + 1, text: '', split: 'none', cells: [{ text: '', index: 0, bold: false }], page });
  for (const p of pages) {
    if (p.lines.length === 0) continue;
    if (out.length) blank(p.page);
    for (const l of p.lines) {
      if (l.gapBefore && out.length && out[out.length - 1]!.text !== '') blank(p.page);
      const cells: GridCell[] = l.cells.map((c, index) => ({ text: c.text, index, bold: c.bold, box: c.box, ...(c.span ? { span: c.span } : {}) }));
      const text = l.split === 'tab' ? cells.map((c) => c.text).join('\t') : cells[0]!.text;
      out.push({ no: out.length + 1, text, split: l.split, cells, page: p.page });
    }
  }
  return out;
}
