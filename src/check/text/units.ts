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

export function tableLocation(t: Table): Location {
  return { file: t.at.file, ...(t.at.line !== undefined ? { line: t.at.line } : {}), table: t.kind, tableTitle: t.title };
}

export function rowLocation(t: Table, r: Row): Location {
  return {
    file: r.at.file,
    ...(r.at.line !== undefined ? { line: r.at.line } : {}),
    table: t.kind,
    tableTitle: t.title,
    row: r.name,
    ...(r.code ? { code: r.code } : {}),
    ...(r.panel ? { panel: r.panel } : {}),
    ...(r.unit ? { unit: r.unit } : {}),
  };
}

export function sectionLocation(s: Section, line = s.span.from): Location {
  return { file: s.span.file, line };
}

function noteLine(doc: Document, t: Table): number | undefined {
  if (!t.note) return undefined;
  const notesAfter = (templateById(doc.template)?.notes ?? 'after') === 'after';
  return notesAfter ? t.span.to - (t.note.split('\n').length - 1) : t.at.line;
}

/** A text cell is prose when it is a 绩效目标 or any sentence-like cell of a non-indicator row. */
function proseCell(r: Row, key: string, value: string): boolean {
  if (key === 'performanceTarget') return true;
  return r.role !== 'indicator' && value.length >= 15 && /[，。；,;]/.test(value);
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
  const locator = new LineLocator(doc);
  for (const { section } of walkSections(doc)) {
    units.push({ kind: isPart(section) ? 'part' : 'heading', text: section.heading, location: sectionLocation(section), prose: false, section });
    const paras = paragraphs(section);
    let from = 0;
    paras.forEach((p, i) => {
      const offset = Math.max(0, section.text.indexOf(p, from));
      from = offset + p.length;
      const lineAt = (index: number) => locator.lineOf(section, offset + Math.max(0, Math.min(index, p.length - 1)));
      units.push({ kind: 'paragraph', text: p, location: { ...sectionLocation(section, lineAt(0)), text: p }, prose: true, section, last: i === paras.length - 1, offset, lineAt });
    });
  }
  for (const t of doc.tables) {
    const at = tableLocation(t);
    if (t.title) units.push({ kind: 'title', text: t.title, location: at, prose: false, table: t });
    if (t.reportingUnit) units.push({ kind: 'reportingUnit', text: t.reportingUnit, location: { ...at, value: t.reportingUnit }, prose: false, table: t });
    if (t.note) {
      const line = noteLine(doc, t);
      units.push({ kind: 'note', text: t.note, location: { ...at, ...(line !== undefined ? { line } : {}), text: t.note }, prose: true, table: t });
    }
    const labels = new Set<string>();
    for (const c of t.columns) {
      if (labels.has(c.label)) continue;
      labels.add(c.label);
      units.push({ kind: 'column', text: c.label, location: { ...at, column: c.key, columnLabel: c.label }, prose: false, table: t, column: c.key });
    }
    for (const r of t.rows) {
      const loc = rowLocation(t, r);
      if (r.name) units.push({ kind: 'name', text: r.name, location: loc, prose: false, table: t, row: r });
      for (const [key, value] of Object.entries(r.text ?? {})) {
        if (value === r.name || value.trim() === '') continue;
        const label = t.columns.find((c) => c.key === key)?.label ?? key;
        units.push({ kind: 'cell', text: value, location: { ...loc, column: key, columnLabel: label, text: value }, prose: proseCell(r, key, value), table: t, row: r, column: key });
      }
    }
  }
  for (const entry of doc.contents) units.push({ kind: 'contents', text: entry, location: { file: doc.source.file, text: entry }, prose: false });
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
