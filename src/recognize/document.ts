import { InputError, TABLE_KINDS } from '../model/index.js';
import type { Document, SourceFormat, Table, Unrecognised } from '../model/index.js';
import type { Grid, GridLine } from '../read/grid.js';
import { TEMPLATES } from '../templates/index.js';
import type { Template, TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { isNoteLine, type TableBounds } from './grid-table.js';
import { departmentName, listedSubUnits, readIdentity } from './identity.js';
import { isPartHeading, readGlossary, readNarrative } from './narrative.js';
import { readClaims } from '../narrative/index.js';
import { readerFor } from './readers.js';
import { addUnit } from './units.js';

const TOC_START = /^目\s*录$/;
const TABLE_NUMBER = /^表\s*(\d+)$/;
/** Longer than any table title (with 表N and 《》). */
const MAX_TITLE = 60;

/** The title text of a line: a plain line, or a tab line with one non-empty cell. */
function titleText(line: GridLine): string {
  if (line.split === 'tab') {
    const cells = line.cells.filter((c) => c.text !== '');
    return cells.length === 1 ? cells[0]!.text : '';
  }
  return line.text.trim().replace(/^表\s*\d+\s*/, '');
}

function pickTemplate(grid: Grid): Template {
  const text = grid.lines.map((l) => l.text).join('\n');
  let best: { template: Template; score: number } | undefined;
  for (const template of TEMPLATES) {
    const score = template.detect.filter((re) => re.test(text)).length;
    if (score > 0 && (!best || score > best.score)) best = { template, score };
  }
  if (!best) throw new InputError(grid.file, '不是可识别的部门预算或决算公开文件（未找到任何标准表格）', 'not a recognisable budget or final-account disclosure (no standard table found)');
  return best.template;
}

/** Lines of the table of contents (目录): from 「目 录」 to the first repeated part heading. */
function tocRange(lines: GridLine[]): [number, number] | undefined {
  const start = lines.findIndex((l) => TOC_START.test(l.text.trim()));
  if (start < 0) return undefined;
  const firstPart = lines.findIndex((l, i) => i > start && isPartHeading(l.text));
  if (firstPart < 0) return undefined;
  const heading = lines[firstPart]!.text.trim();
  const end = lines.findIndex((l, i) => i > firstPart && l.text.trim() === heading);
  return end < 0 ? undefined : [start, end];
}

function contentsOf(lines: GridLine[], toc: [number, number] | undefined): string[] {
  if (!toc) return [];
  return lines
    .slice(toc[0], toc[1])
    .map((l) => l.text.trim().replace(/^-\s*/, '').replace(/^[一二三四五六七八九十]+、\s*/, '').replace(/^《(.*)》$/, '$1'))
    .filter((t) => /表$|表[（(].*[)）]$|绩效目标$/.test(t) && !isPartHeading(t));
}

interface Start {
  index: number;
  spec: TableSpec;
  title: string;
  headerStart: boolean;
}

/** An untitled table's header repeated after a page break continues the table above it. */
function continuesPrevious(lines: GridLine[], starts: Start[], spec: TableSpec, i: number): boolean {
  const prev = starts[starts.length - 1];
  if (!prev || prev.spec !== spec) return false;
  return lines.slice(prev.index + 1, i).every((l) => l.split === 'tab' || l.text.trim() === '');
}

function findTableStarts(lines: GridLine[], template: Template, toc: [number, number] | undefined): Start[] {
  const starts: Start[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (toc && i >= toc[0] && i < toc[1]) continue;
    const line = lines[i]!;
    // Titles are short lines; anything longer is prose or a data row.
    const title = line.text.length <= MAX_TITLE ? titleText(line) : '';
    if (!title && line.split !== 'tab') continue;
    for (const spec of template.tables) {
      if (title && spec.titles.some((re) => re.test(title))) {
        starts.push({ index: i, spec, title: title.replace(/^《(.*)》$/, '$1'), headerStart: false });
        break;
      }
      if (spec.headerLine && line.split === 'tab' && spec.headerLine.test(line.text)) {
        if (continuesPrevious(lines, starts, spec, i)) break;
        starts.push({ index: i, spec, title: TABLE_KINDS[spec.kind], headerStart: true });
        break;
      }
    }
  }
  return starts;
}

/**
 * Jiangxi: the 「注：…」 printed just above a title (possibly wrapped over a few plain lines)
 * belongs to that table. Returns the index of the note's first line.
 */
function noteAbove(lines: GridLine[], titleIndex: number, floor: number): number | undefined {
  let j = titleIndex - 1;
  while (j > floor && lines[j]!.text.trim() === '') j--;
  for (let n = 0; n < 4 && j > floor; n++, j--) {
    const line = lines[j]!;
    if (line.text.trim() === '' || line.split === 'tab' || line.heading !== undefined) return undefined;
    if (isNoteLine(line)) return j;
  }
  return undefined;
}

function boundsOf(lines: GridLine[], template: Template, starts: Start[], k: number): TableBounds {
  const s = starts[k]!;
  let limit = starts[k + 1]?.index ?? lines.length;
  for (let j = s.index + 1; j < limit; j++) {
    if (isPartHeading(lines[j]!.text)) {
      limit = j;
      break;
    }
  }
  if (template.notes === 'before' && starts[k + 1]?.index === limit) {
    // The next table's note is printed above its title: it is not part of this table.
    const next = noteAbove(lines, limit, s.index);
    if (next !== undefined) limit = next;
  }
  // A 「表N」 line before the next title belongs to the next table.
  let back = limit - 1;
  while (back > s.index && lines[back]!.text.trim() === '') back--;
  if (back > s.index && TABLE_NUMBER.test(lines[back]!.text.trim())) limit = back;
  const bounds: TableBounds = { titleIndex: s.index, title: s.title, bodyIndex: s.headerStart ? s.index : s.index + 1, limit };
  // Printed number: a 「表N」 line just above the title.
  for (let j = s.index - 1; j >= Math.max(0, s.index - 3); j--) {
    const m = TABLE_NUMBER.exec(lines[j]!.text.trim());
    if (m) {
      bounds.number = Number(m[1]);
      break;
    }
    if (lines[j]!.text.trim() !== '') break;
  }
  if (template.notes === 'before') {
    // Jiangxi: 「注：…」 printed just above a table belongs to it.
    const floor = k > 0 ? starts[k - 1]!.index : -1;
    const at = noteAbove(lines, s.index, floor);
    if (at !== undefined) {
      const note: string[] = [];
      for (let j = at; j < s.index; j++) if (lines[j]!.text.trim() !== '') note.push(lines[j]!.text.trim());
      bounds.noteBefore = note.join('\n');
      bounds.noteBeforeIndex = at;
    }
  }
  return bounds;
}

/**
 * A document that ends inside a table (no note, nothing after it) was most likely cut short:
 * say so explicitly rather than return a shorter document as if it were whole.
 */
function truncation(lines: GridLine[], tables: Table[], template: Template): Unrecognised | undefined {
  const last = tables[tables.length - 1];
  if (!last || template.notes !== 'after' || last.note !== undefined) return undefined;
  const lastText = [...lines].reverse().find((l) => l.text.trim() !== '');
  if (!lastText || lastText.no > last.span.to) return undefined;
  return {
    what: 'document',
    reason: `文件在表「${last.title}」中间结束（没有表注，之后没有任何内容），可能被截断`,
    reasonEn: `file ends inside table "${last.title}" (no note, nothing after it): probably truncated`,
    text: lastText.text,
    at: { file: last.at.file, line: lastText.no },
  };
}

/**
 * Prose lines with the lines they wrap onto: a paged source (PDF) breaks a sentence wherever the
 * line is full (「…所属预」 / 「算单位具体包括：…」), so a prose line that does not end a sentence
 * is read together with the prose lines that follow it.
 */
function sentences(lines: GridLine[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const l of lines) {
    const t = l.split === 'tab' ? '' : l.text.trim();
    if (t === '') {
      if (run) out.push(run);
      run = '';
      continue;
    }
    run += t;
    if (/[。！？；]$/.test(t)) {
      out.push(run);
      run = '';
    }
  }
  if (run) out.push(run);
  return out;
}

/** Recognise a grid as a disclosure: identity, units, standard tables, narrative, glossary. */
export function recognize(grid: Grid, format?: SourceFormat): Document {
  const { lines, file } = grid;
  if (!lines.some((l) => l.text.trim() !== '')) throw new InputError(file, '文件没有任何文字内容', 'file has no text');
  const template = pickTemplate(grid);
  const identity = readIdentity(lines);
  const unrecognised: Unrecognised[] = [];
  const department = identity.department ? departmentName(identity.department) : '';
  if (!department) unrecognised.push({ what: 'document', reason: '未能识别部门名称', reasonEn: 'department name not found', text: '', at: { file } });
  if (!identity.year) unrecognised.push({ what: 'document', reason: '未能识别年度', reasonEn: 'year not found', text: '', at: { file } });
  // What the reader skipped (hidden rows, sheets...) is reported, never silently dropped.
  for (const n of grid.notes ?? []) {
    const at: Unrecognised['at'] = { file };
    if (n.line !== undefined) at.line = n.line;
    if (n.page !== undefined) at.page = n.page;
    unrecognised.push({ what: 'document', reason: n.zh, reasonEn: n.en, text: '', at });
  }
  const ctx: RecognizeContext = { file, lines, defaultUnit: '万元', units: [], unrecognised };
  if (department) addUnit(ctx.units, department, true);
  for (const text of sentences(lines)) if (text.includes('具体包括')) for (const name of listedSubUnits(text)) addUnit(ctx.units, name, false);

  const toc = tocRange(lines);
  const starts = findTableStarts(lines, template, toc);
  if (starts.length === 0) throw new InputError(file, '未找到任何标准表格，不是可识别的预决算公开文件', 'no standard table found: not a recognisable disclosure');
  const tables: Table[] = [];
  for (let k = 0; k < starts.length; k++) {
    const spec = starts[k]!.spec;
    const bounds = boundsOf(lines, template, starts, k);
    const reader = readerFor(ctx, spec, bounds);
    if (!reader) {
      unrecognised.push({ what: 'table', reason: `表「${bounds.title}」的版式无法识别`, reasonEn: `layout of table "${bounds.title}" not supported`, text: bounds.title, at: { file, line: lines[bounds.titleIndex]!.no } });
      continue;
    }
    const table = reader(ctx, spec, bounds);
    // A note printed above the title is part of the table's lines.
    if (bounds.noteBeforeIndex !== undefined && table.note === bounds.noteBefore) table.span.from = lines[bounds.noteBeforeIndex]!.no;
    tables.push(table);
    if (table.kind === 'income') for (const r of table.rows) if (r.unit) addUnit(ctx.units, r.unit, false);
  }
  // A workbook or Word file is a zip: cut short, it does not open at all; its last sheet may well end in a table.
  const sourceFormat = format ?? grid.format;
  const truncated = sourceFormat === 'xlsx' || sourceFormat === 'docx' ? undefined : truncation(lines, tables, template);
  if (truncated) unrecognised.push(truncated);
  const inTable = (no: number) => tables.some((t) => no >= t.span.from && no <= t.span.to) || (toc !== undefined && no > lines[toc[0]]!.no - 1 && no < lines[toc[1]]!.no);
  const narrative = readNarrative(file, lines, inTable);
  const scope = identity.scope ?? (ctx.units.length > 1 ? 'department' : 'unit');
  const year = identity.year ?? 0;
  const kind = identity.kind ?? template.kind;
  return {
    source: { file, format: format ?? grid.format, bytes: grid.bytes, encoding: grid.encoding, lines: lines.length },
    department,
    year,
    kind,
    scope,
    template: template.id,
    units: ctx.units,
    contents: contentsOf(lines, toc),
    tables,
    narrative,
    claims: readClaims({ department, year, kind, narrative }),
    glossary: readGlossary(narrative, lines),
    unrecognised,
  };
}
