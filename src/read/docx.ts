import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../model/errors.js';
import { allBold, joinCellLines, LineBuilder, type Run, type TableCell } from './flow.js';
import type { Grid, GridNote } from './grid.js';
import { corrupt, unzipCapped, type ZipOptions } from './zip.js';

/*
 * DOCX reader: the package is unzipped under a size cap (zip.ts) and its WordprocessingML parsed
 * with an XML parser (fast-xml-parser, document order preserved). The body is read in order:
 *
 * - a paragraph is a block of lines (w:br / w:cr start a new line), a blank line between blocks;
 *   Word heading styles (and outline levels) set the line's heading level; automatic numbering
 *   (numbering.xml: 一、 （一） 1. …) is printed as Word shows it;
 * - a table is one tab-split line per row with one cell per grid column: a cell spanning
 *   w:gridSpan columns prints its text in its first column and '' in the others, a cell that
 *   continues a vertical merge (w:vMerge) prints ''; w:gridBefore / w:gridAfter are empty cells;
 * - bold is a run's w:b, or a bold character / paragraph style;
 * - deleted text (w:del), field instructions, hidden text (w:vanish), drawings and text boxes,
 *   headers and footers are not read; hidden table rows are skipped and reported in grid.notes.
 */

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function tagOf(n: XNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}
function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, string> | undefined;
  return a?.[name];
}
function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((c) => tagOf(c) === tag);
}
function textOf(n: XNode): string {
  return kids(n)
    .map((c) => (tagOf(c) === '#text' ? String(c['#text']) : ''))
    .join('');
}
/** An on/off property (w:b, w:vanish): present and not switched off. */
function onOff(n: XNode | undefined): boolean | undefined {
  if (!n) return undefined;
  const v = attr(n, 'w:val');
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

function parseXml(entries: Map<string, Uint8Array>, name: string, file: string): XNode[] | undefined {
  const bytes = entries.get(name);
  if (!bytes) return undefined;
  try {
    return parser.parse(new TextDecoder('utf-8').decode(bytes)) as XNode[];
  } catch (e) {
    throw corrupt(file, 'DOCX', e);
  }
}

function rootOf(doc: XNode[] | undefined, tag: string): XNode | undefined {
  return doc?.find((n) => tagOf(n) === tag);
}

/** Targets of a part's relationships by type suffix (officeDocument, styles, numbering). */
function relTargets(entries: Map<string, Uint8Array>, relsPath: string, baseDir: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const rels = rootOf(parseXml(entries, relsPath, file), 'Relationships');
  for (const r of rels ? kids(rels) : []) {
    if (tagOf(r) !== 'Relationship') continue;
    const type = (attr(r, 'Type') ?? '').split('/').pop() ?? '';
    const target = attr(r, 'Target') ?? '';
    if (attr(r, 'TargetMode') === 'External') continue;
    out.set(type, target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`.replace(/[^/]+\/\.\.\//g, ''));
  }
  return out;
}

interface Style {
  bold?: boolean;
  heading?: number;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

function readStyles(root: XNode | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of root ? kids(root) : []) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const style: Style = {};
    const name = attr(child(s, 'w:name') ?? {}, 'w:val') ?? '';
    const h = /^heading\s*([1-9])$/i.exec(name) ?? /^Heading([1-9])$/.exec(id) ?? /^标题\s*([1-9])$/.exec(name);
    if (h) style.heading = Number(h[1]);
    const basedOn = child(s, 'w:basedOn');
    if (basedOn) style.basedOn = attr(basedOn, 'w:val');
    const rPr = child(s, 'w:rPr');
    const b = onOff(rPr && child(rPr, 'w:b'));
    if (b !== undefined) style.bold = b;
    const pPr = child(s, 'w:pPr');
    const outline = pPr && child(pPr, 'w:outlineLvl');
    if (outline && style.heading === undefined) {
      const lvl = Number(attr(outline, 'w:val'));
      if (lvl >= 0 && lvl < 9) style.heading = lvl + 1;
    }
    const numPr = pPr && child(pPr, 'w:numPr');
    if (numPr) {
      const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val');
      if (numId) style.numId = numId;
      style.ilvl = Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? 0);
    }
    styles.set(id, style);
  }
  return styles;
}

/** A style's property, following w:basedOn. */
function styleProp<K extends keyof Style>(styles: Map<string, Style>, id: string | undefined, key: K): Style[K] | undefined {
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

// ---- automatic numbering -------------------------------------------------------------------

interface Level {
  start: number;
  fmt: string;
  text: string;
}

interface Numbering {
  levels: Map<string, Map<number, Level>>; // numId → ilvl → level
  counters: Map<string, number[]>;
}

function readNumbering(root: XNode | undefined): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const levels = new Map<string, Map<number, Level>>();
  const lvlOf = (l: XNode): Level => ({
    start: Number(attr(child(l, 'w:start') ?? {}, 'w:val') ?? 1),
    fmt: attr(child(l, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
    text: attr(child(l, 'w:lvlText') ?? {}, 'w:val') ?? '',
  });
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== 'w:abstractNum') continue;
    const lv = new Map<number, Level>();
    for (const l of kids(n)) if (tagOf(l) === 'w:lvl') lv.set(Number(attr(l, 'w:ilvl') ?? 0), lvlOf(l));
    abstract.set(attr(n, 'w:abstractNumId') ?? '', lv);
  }
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== 'w:num') continue;
    const base = abstract.get(attr(child(n, 'w:abstractNumId') ?? {}, 'w:val') ?? '') ?? new Map<number, Level>();
    const lv = new Map(base);
    for (const o of kids(n)) {
      if (tagOf(o) !== 'w:lvlOverride') continue;
      const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
      const own = child(o, 'w:lvl');
      const start = child(o, 'w:startOverride');
      const cur = own ? lvlOf(own) : lv.get(ilvl);
      if (cur) lv.set(ilvl, start ? { ...cur, start: Number(attr(start, 'w:val') ?? cur.start) } : cur);
    }
    levels.set(attr(n, 'w:numId') ?? '', lv);
  }
  return { levels, counters: new Map() };
}

const CN_DIGITS = '〇一二三四五六七八九';
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 100000) return String(n);
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      if (!out.endsWith('〇') && i < digits.length - 1) out += '〇';
    } else out += CN_DIGITS[d]! + unit;
  });
  out = out.replace(/〇+$/, '');
  return out.startsWith('一十') ? out.slice(1) : out;
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
function formatCounter(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** The printed label of the next paragraph of a numbered list (「一、」), or '' for bullets/none. */
function nextLabel(num: Numbering, numId: string, ilvl: number): string {
  const lv = num.levels.get(numId);
  const level = lv?.get(ilvl);
  if (!lv || !level || level.fmt === 'bullet' || level.fmt === 'none') return '';
  const counters = num.counters.get(numId) ?? [];
  for (let i = 0; i <= ilvl; i++) if (counters[i] === undefined) counters[i] = (lv.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0);
  counters[ilvl] = counters[ilvl]! + 1;
  counters.length = ilvl + 1;
  num.counters.set(numId, counters);
  return level.text.replace(/%([1-9])/g, (_, d: string) => {
    const i = Number(d) - 1;
    return formatCounter(counters[i] ?? lv.get(i)?.start ?? 1, lv.get(i)?.fmt ?? 'decimal');
  });
}

// ---- body ----------------------------------------------------------------------------------

interface Ctx {
  styles: Map<string, Style>;
  numbering: Numbering;
  hiddenRows: number;
}

/** Containers whose children are runs (or more containers) of the same paragraph. */
const RUN_CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo', 'w:moveTo']);

interface ParaLine {
  runs: Run[];
}

/** A paragraph's lines of runs (split at w:br / w:cr), with its style's bold as the default. */
function paragraphLines(ctx: Ctx, p: XNode): { lines: ParaLine[]; heading?: number } {
  const pPr = child(p, 'w:pPr');
  const styleId = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
  const paraBold = styleProp(ctx.styles, styleId, 'bold') ?? false;
  let heading = styleProp(ctx.styles, styleId, 'heading');
  const outline = pPr && child(pPr, 'w:outlineLvl');
  if (outline) {
    const lvl = Number(attr(outline, 'w:val'));
    heading = lvl >= 0 && lvl < 9 ? lvl + 1 : undefined;
  }
  const lines: ParaLine[] = [{ runs: [] }];
  const cur = () => lines[lines.length - 1]!;
  // Automatic numbering: direct w:numPr, else the paragraph style's.
  const numPr = pPr && child(pPr, 'w:numPr');
  const numId = numPr ? attr(child(numPr, 'w:numId') ?? {}, 'w:val') : styleProp(ctx.styles, styleId, 'numId');
  const ilvl = numPr ? Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? 0) : (styleProp(ctx.styles, styleId, 'ilvl') ?? 0);
  if (numId && numId !== '0') {
    const label = nextLabel(ctx.numbering, numId, ilvl);
    if (label) cur().runs.push({ text: label, bold: paraBold });
  }
  let inField = false; // between w:fldChar begin and separate: field instructions, not shown
  const walk = (n: XNode) => {
    const tag = tagOf(n);
    if (tag === 'w:r') {
      const rPr = child(n, 'w:rPr');
      if (rPr && onOff(child(rPr, 'w:vanish'))) return;
      const rStyle = rPr ? attr(child(rPr, 'w:rStyle') ?? {}, 'w:val') : undefined;
      const bold = onOff(rPr && child(rPr, 'w:b')) ?? styleProp(ctx.styles, rStyle, 'bold') ?? paraBold;
      for (const c of kids(n)) {
        const t = tagOf(c);
        if (t === 'w:fldChar') {
          const type = attr(c, 'w:fldCharType');
          if (type === 'begin') inField = true;
          else if (type === 'separate' || type === 'end') inField = false;
        } else if (inField) continue;
        else if (t === 'w:t') cur().runs.push({ text: textOf(c), bold });
        else if (t === 'w:tab' || t === 'w:ptab') cur().runs.push({ text: ' ', bold });
        else if (t === 'w:br' || t === 'w:cr') lines.push({ runs: [] });
        else if (t === 'w:noBreakHyphen') cur().runs.push({ text: '-', bold });
      }
      return;
    }
    if (RUN_CONTAINERS.has(tag)) for (const c of kids(n)) walk(c);
  };
  for (const c of kids(p)) walk(c);
  return heading !== undefined ? { lines, heading } : { lines };
}

function cellOf(ctx: Ctx, tc: XNode): TableCell {
  const parts: string[] = [];
  const runs: Run[] = [];
  const collect = (n: XNode) => {
    for (const c of kids(n)) {
      const t = tagOf(c);
      if (t === 'w:p') {
        for (const l of paragraphLines(ctx, c).lines) {
          parts.push(l.runs.map((r) => r.text).join(''));
          runs.push(...l.runs);
        }
      } else if (t === 'w:tbl') {
        for (const row of tableRows(ctx, c)) {
          for (const cell of row) {
            if (cell.text === '') continue;
            parts.push(cell.text);
            runs.push({ text: cell.text, bold: cell.bold });
          }
        }
      } else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') collect(c);
    }
  };
  collect(tc);
  return { text: joinCellLines(parts), bold: allBold(runs) };
}

/** The rows of a table laid on its grid. */
function tableRows(ctx: Ctx, tbl: XNode): TableCell[][] {
  const rows: TableCell[][] = [];
  const trs: XNode[] = [];
  const collectRows = (n: XNode) => {
    for (const c of kids(n)) {
      const t = tagOf(c);
      if (t === 'w:tr') trs.push(c);
      else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') collectRows(c);
    }
  };
  collectRows(tbl);
  const empty = (): TableCell => ({ text: '', bold: false });
  for (const tr of trs) {
    const trPr = child(tr, 'w:trPr');
    const before = Number(attr(child(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
    const after = Number(attr(child(trPr ?? {}, 'w:gridAfter') ?? {}, 'w:val') ?? 0);
    const row: TableCell[] = [];
    for (let i = 0; i < before; i++) row.push(empty());
    const tcs: XNode[] = [];
    const collectCells = (n: XNode) => {
      for (const c of kids(n)) {
        const t = tagOf(c);
        if (t === 'w:tc') tcs.push(c);
        else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') collectCells(c);
      }
    };
    collectCells(tr);
    for (const tc of tcs) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Math.min(1000, Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1));
      const vMerge = tcPr && child(tcPr, 'w:vMerge');
      const hMerge = tcPr && child(tcPr, 'w:hMerge');
      const continues = (vMerge && attr(vMerge, 'w:val') !== 'restart') || (hMerge && attr(hMerge, 'w:val') !== 'restart');
      const cell = continues ? empty() : cellOf(ctx, tc);
      row.push(cell);
      for (let i = 1; i < span; i++) row.push(empty());
    }
    for (let i = 0; i < after; i++) row.push(empty());
    if (trPr && onOff(child(trPr, 'w:hidden'))) {
      if (row.some((c) => c.text !== '')) ctx.hiddenRows++;
      continue;
    }
    rows.push(row);
  }
  return rows;
}

function body(ctx: Ctx, out: LineBuilder, n: XNode): void {
  for (const c of kids(n)) {
    const t = tagOf(c);
    if (t === 'w:p') {
      const { lines, heading } = paragraphLines(ctx, c);
      out.endBlock();
      out.setHeading(heading);
      lines.forEach((l, i) => {
        if (i > 0) out.breakLine();
        for (const r of l.runs) out.add(r.text, r.bold);
      });
      out.endBlock();
    } else if (t === 'w:tbl') {
      out.table(tableRows(ctx, c));
    } else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') {
      body(ctx, out, c);
    }
  }
}

export type DocxOptions = ZipOptions;

/** Read a DOCX document into a grid: paragraphs as lines, tables as tab-split lines. */
export function readDocx(bytes: Uint8Array, file: string, options: DocxOptions = {}): Grid {
  const entries = unzipCapped(bytes, file, 'DOCX', options);
  const main = relTargets(entries, '_rels/.rels', '', file).get('officeDocument') ?? 'word/document.xml';
  const docRoot = rootOf(parseXml(entries, main, file), 'w:document');
  const bodyNode = docRoot && child(docRoot, 'w:body');
  if (!bodyNode) throw new InputError(file, '不是有效的 DOCX 文档（缺少 word/document.xml 正文）', 'not a valid DOCX document (no word/document.xml body)');
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relTargets(entries, `${dir}_rels/${main.slice(dir.length)}.rels`, dir, file);
  const ctx: Ctx = {
    styles: readStyles(rootOf(parseXml(entries, rels.get('styles') ?? `${dir}styles.xml`, file), 'w:styles')),
    numbering: readNumbering(rootOf(parseXml(entries, rels.get('numbering') ?? `${dir}numbering.xml`, file), 'w:numbering')),
    hiddenRows: 0,
  };
  const out = new LineBuilder();
  body(ctx, out, bodyNode);
  out.endBlock();
  const grid: Grid = { file, format: 'docx', encoding: 'utf-8', bytes: bytes.length, lines: out.lines };
  if (ctx.hiddenRows > 0) {
    const note: GridNote = { zh: `文档中有 ${ctx.hiddenRows} 个隐藏的表格行未读取`, en: `${ctx.hiddenRows} hidden table row(s) not read` };
    grid.notes = [note];
  }
  return grid;
}
