/**
 * The text of a document as a flat list of units the text, classification and completeness
 * rules scan: narrative headings and paragraphs, table titles, notes, 单位名称, column labels,
 * row names and text cells (绩效目标), and the 目录 entries. Each unit carries the Location a
 * finding about it should point at.
 *
 * Lines: table units carry their exact source line. Narrative paragraphs are aligned with the
 * source lines by the narrative module's LineLocator (the model keeps only a section's span), so a
 * finding can name the line of the very character it is about: use `locate(unit, index)`.
 */
import type { Document, Location, Row, Section, Table } from '../../model/index.js';
import { LineLocator } from '../../narrative/lines.js';
import { templateById } from '../../templates/index.js';

export type TextUnitKind =
  | 'part' // 第X部分 heading
  | 'heading' // numbered section heading
  | 'paragraph' // narrative paragraph (joined wrapped lines)
  | 'title' // table title
  | 'note' // table note (注：…)
  | 'reportingUnit' // 单位名称 / 填报单位
  | 'column' // column label
  | 'name' // row name
  | 'cell' // text cell (绩效目标, indicator texts)
  | 'contents'; // 目录 entry

export interface TextUnit {
  kind: TextUnitKind;
  text: string;
  location: Location;
  /** True for running prose (sentences), false for labels, names and titles. */
  prose: boolean;
  section?: Section;
  /** For paragraphs: the last paragraph of the section's own text. */
  last?: boolean;
  table?: Table;
  row?: Row;
  column?: string;
  /** For narrative paragraphs: where the paragraph starts in its section's text. */
  offset?: number;
  /** For narrative paragraphs: the source line of a character of `text`. */
  lineAt?: (index: number) => number;
}

/** The unit's location, with the line of character `index` of its text and, if given, the quoted text. */
export function locate(u: TextUnit, index = 0, text?: string): Location {
  const line = u.lineAt ? u.lineAt(index) : u.location.line;
  return { ...u.location, ...(line !== undefined ? { line } : {}), ...(text !== undefined ? { text } : {}) };
}

export interface SectionVisit {
  section: Section;
  parent?: Section;
  depth: number;
}

/** Every section, depth first, in document order. */
export function walkSections(doc: Document): SectionVisit[] {
  const out: SectionVisit[] = [];
  const visit = (s: Section, parent: Section | undefined, depth: number) => {
    out.push({ section: s, depth, ...(parent ? { parent } : {}) });
    for (const c of s.children) visit(c, s, depth + 1);
  };
  for (const p of doc.narrative) visit(p, undefined, 0);
  return out;
}

/** The section's heading and body, for searching a topic. */
export function sectionText(s: Section, withChildren = true): string {
  const own = `${s.heading}\n${s.text}`;
  return withChildren ? [own, ...s.children.map((c) => sectionText(c))].join('\n') : own;
}

export function paragraphs(s: Section): string[] {
  return s.text.split('\n').map((p) => p.trim()).filter((p) => p !== '');
}

export function isPart(s: Section): boolean {
  return /^第.+部分$/.test(s.number ?? '');
}

// Locations are built by assignment, not by spreading conditional objects (`...(x ? { k } : {})`):
// that pattern is slow in V8 when run for every row. Keys are added in the same order, so the
// findings serialise identically.

export function tableLocation(t: Table): Location {
  const loc: Location = { file: t.at.file };
  if (t.at.line !== undefined) loc.line = t.at.line;
  loc.table = t.kind;
  loc.tableTitle = t.title;
  return loc;
}

export function rowLocation(t: Table, r: Row): Location {
  const loc: Location = { file: r.at.file };
  if (r.at.line !== undefined) loc.line = r.at.line;
  loc.table = t.kind;
  loc.tableTitle = t.title;
  loc.row = r.name;
  if (r.code) loc.code = r.code;
  if (r.panel) loc.panel = r.panel;
  if (r.unit) loc.unit = r.unit;
  return loc;
}

export function sectionLocation(s: Section, line = s.span.from): Location {
  return { file: s.span.file, line };
}

function noteLine(doc: Document, t: Table): number | undefined {
  if (!t.note) return undefined;
  const notesAfter = (templateById(doc.template)?.notes ?? 'after') === 'after';
  return notesAfter ? t.span.to - (t.note.split('\n').length - 1) : t.at.line;
}

const PROSE_MARK = /[，。；,;]/;

/** A text cell is prose when it is a 绩效目标 or any sentence-like cell of a non-indicator row. */
function proseCell(r: Row, key: string, value: string): boolean {
  if (key === 'performanceTarget') return true;
  return r.role !== 'indicator' && value.length >= 15 && PROSE_MARK.test(value);
}

/**
 * A text unit whose location is built when first asked for: most units never get a finding, and a
 * document has hundreds of them.
 */
class Unit implements TextUnit {
  section?: Section;
  last?: boolean;
  table?: Table;
  row?: Row;
  column?: string;
  offset?: number;
  lineAt?: (index: number) => number;
  private made: Location | undefined;

  constructor(
    readonly kind: TextUnitKind,
    readonly text: string,
    readonly prose: boolean,
    /** Builds the location; table titles, columns, row names and cells build it from the unit itself. */
    private make?: () => Location,
  ) {}

  get location(): Location {
    return (this.made ??= this.make ? this.make() : tablePartLocation(this));
  }
}

/** Where a table's title, column label, row name or text cell is (no closure per unit: tables have hundreds). */
function tablePartLocation(u: Unit): Location {
  const t = u.table!;
  if (u.kind === 'title') return tableLocation(t);
  if (u.kind === 'column') {
    const loc = tableLocation(t);
    loc.column = u.column!;
    loc.columnLabel = u.text;
    return loc;
  }
  const loc = rowLocation(t, u.row!);
  if (u.kind === 'name') return loc;
  // A text cell.
  const key = u.column!;
  loc.column = key;
  loc.columnLabel = t.columns.find((c) => c.key === key)?.label ?? key;
  loc.text = u.text;
  return loc;
}

const unitCache = new WeakMap<Document, TextUnit[]>();

/** Every text unit of the document, in document order within each source (narrative, tables, 目录). Computed once per document. */
export function textUnits(doc: Document): TextUnit[] {
  const known = unitCache.get(doc);
  if (known) return known;
  const units = collectUnits(doc);
  unitCache.set(doc, units);
  return units;
}

function collectUnits(doc: Document): TextUnit[] {
  const units: TextUnit[] = [];
  const locator = new LineLocator();
  for (const { section } of walkSections(doc)) {
    const head = new Unit(isPart(section) ? 'part' : 'heading', section.heading, false, () => sectionLocation(section));
    head.section = section;
    units.push(head);
    const paras = paragraphs(section);
    let from = 0;
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i]!;
      const offset = Math.max(0, section.text.indexOf(p, from));
      from = offset + p.length;
      const lineAt = (index: number) => locator.lineOf(section, offset + Math.max(0, Math.min(index, p.length - 1)));
      const u = new Unit('paragraph', p, true, () => ({ file: section.span.file, line: lineAt(0), text: p }));
      u.section = section;
      u.last = i === paras.length - 1;
      u.offset = offset;
      u.lineAt = lineAt;
      units.push(u);
    }
  }
  for (const t of doc.tables) {
    const tableUnit = (kind: TextUnitKind, text: string, prose: boolean, make?: () => Location) => {
      const u = new Unit(kind, text, prose, make);
      u.table = t;
      units.push(u);
      return u;
    };
    if (t.title) tableUnit('title', t.title, false);
    if (t.reportingUnit) {
      const value = t.reportingUnit;
      tableUnit('reportingUnit', value, false, () => {
        const loc = tableLocation(t);
        loc.value = value;
        return loc;
      });
    }
    if (t.note) {
      const note = t.note;
      const line = noteLine(doc, t);
      tableUnit('note', note, true, () => {
        const loc = tableLocation(t);
        if (line !== undefined) loc.line = line;
        loc.text = note;
        return loc;
      });
    }
    const labels = new Set<string>();
    for (const c of t.columns) {
      if (labels.has(c.label)) continue;
      labels.add(c.label);
      tableUnit('column', c.label, false).column = c.key;
    }
    for (const r of t.rows) {
      if (r.name) tableUnit('name', r.name, false).row = r;
      if (!r.text) continue;
      for (const key in r.text) {
        if (!Object.prototype.hasOwnProperty.call(r.text, key)) continue;
        const value = r.text[key]!;
        if (value === r.name || value.trim() === '') continue;
        const u = tableUnit('cell', value, proseCell(r, key, value));
        u.row = r;
        u.column = key;
      }
    }
  }
  for (const entry of doc.contents) units.push(new Unit('contents', entry, false, () => ({ file: doc.source.file, text: entry })));
  return units;
}

/** A heading with its numbering as printed: 「二、“三公”经费安排情况」, 「（四）政府性基金情况」, 「第三部分 …」. */
export function numberedHeading(s: Section): string {
  const n = s.number ?? '';
  if (!n) return s.heading;
  if (/^[一二三四五六七八九十]+$/.test(n)) return `${n}、${s.heading}`;
  if (/^\d+$/.test(n)) return `${n}.${s.heading}`;
  return `${n}${isPart(s) ? ' ' : ''}${s.heading}`;
}

/** Short description of where a unit is, for messages: 「第三部分 > 二、“三公”经费安排情况」, 「表3「…」 行「…」 绩效目标」. */
export function unitPlace(u: TextUnit): string {
  if (u.table) {
    const t = `${u.table.number !== undefined ? `表${u.table.number}` : ''}「${u.table.title}」`;
    if (u.kind === 'note') return `${t}的注`;
    if (u.kind === 'reportingUnit') return `${t}的单位名称`;
    if (u.kind === 'column') return `${t}的栏目「${u.text}」`;
    if (u.kind === 'title') return `表题${t}`;
    if (u.row) return `${t}「${u.row.code ? `${u.row.code} ` : ''}${u.row.name}」${u.kind === 'cell' ? (u.location.columnLabel ?? '') : ''}`;
    return t;
  }
  if (u.section) return `「${numberedHeading(u.section)}」${u.kind === 'paragraph' ? '一节' : '标题'}`;
  return u.kind === 'contents' ? '目录' : '';
}

export function unitPlaceEn(u: TextUnit): string {
  if (u.table) {
    const t = `table ${u.table.number ?? ''} "${u.table.title}"`.replace('table  ', 'table ');
    if (u.kind === 'note') return `the note of ${t}`;
    if (u.kind === 'reportingUnit') return `the reporting unit of ${t}`;
    if (u.kind === 'column') return `column "${u.text}" of ${t}`;
    if (u.kind === 'title') return `the title of ${t}`;
    if (u.row) return `${t}, row "${u.row.name}"${u.kind === 'cell' ? `, column "${u.location.columnLabel ?? u.column}"` : ''}`;
    return t;
  }
  if (u.section) return `section "${u.section.heading}"`;
  return u.kind === 'contents' ? 'the table of contents' : 'the document';
}

const joinedCache = new WeakMap<Document, string>();

/**
 * True when `re` matches somewhere in the document's text units. Rules whose patterns are rare test
 * this first (one scan of the whole text) and skip the per-unit loop when there is nothing to find.
 */
export function anyUnitMatches(doc: Document, re: RegExp): boolean {
  let joined = joinedCache.get(doc);
  if (joined === undefined) {
    // U+2063 (invisible separator) between units: no pattern of the text rules matches across it.
    joined = textUnits(doc).map((u) => u.text).join('\u2063');
    joinedCache.set(doc, joined);
  }
  re.lastIndex = 0;
  const found = re.test(joined);
  re.lastIndex = 0;
  return found;
}
