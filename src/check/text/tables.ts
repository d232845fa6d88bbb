/** Helpers for the completeness rules: matching printed titles (目录, body) to the template's tables. */
import type { Document, Location, Table, TableKind } from '../../model/index.js';
import { TABLE_KINDS } from '../../model/index.js';
import { templateById, type TableSpec, type Template } from '../../templates/index.js';
import { isPart, walkSections } from './units.js';

export function templateOf(doc: Document): Template | undefined {
  return templateById(doc.template);
}

/** A title reduced for comparison: no 《》, quotes, spaces or numbering; brackets half-width. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/^(?:表\s*\d+\s*|[一二三四五六七八九十]+、|\d+[.、])/, '')
    .replace(/[《》“”"'‘’\s]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** The template table a printed title (body or 目录) names, if any. */
export function specForTitle(template: Template, title: string): TableSpec | undefined {
  const raw = title.trim();
  const bare = raw.replace(/^《(.*)》$/, '$1');
  return template.tables.find((s) => s.titles.some((re) => re.test(raw) || re.test(bare)));
}

/** Loose title equality for titles the template does not know: equal, or one contains the other. */
export function titlesMatch(a: string, b: string): boolean {
  return normalisedTitlesMatch(normaliseTitle(a), normaliseTitle(b));
}

/** titlesMatch of two titles already normalised (normaliseTitle): one title compared with many is normalised once. */
export function normalisedTitlesMatch(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length / long.length >= 0.6;
}

/** Titles of tables the recogniser saw but could not read (still printed in the document). */
export function unreadTableTitles(doc: Document): string[] {
  return doc.unrecognised.filter((u) => u.what === 'table').map((u) => u.text);
}

/** True when the document prints a table of this kind (read, or seen but unreadable). */
export function printsKind(doc: Document, template: Template, kind: TableKind): boolean {
  if (doc.tables.some((t) => t.kind === kind)) return true;
  return unreadTableTitles(doc).some((title) => specForTitle(template, title)?.kind === kind);
}

export function expectedTitle(spec: TableSpec): string {
  return TABLE_KINDS[spec.kind];
}

/** Where the tables part of the document starts: the 第二部分 heading, else the first table. */
export function tablesPartLocation(doc: Document): Location {
  const part = walkSections(doc).find((v) => isPart(v.section) && /表$/.test(v.section.heading));
  if (part) return { file: part.section.span.file, line: part.section.span.from };
  const first = [...doc.tables].sort((a, b) => (a.at.line ?? 0) - (b.at.line ?? 0))[0];
  return first?.at.line !== undefined ? { file: first.at.file, line: first.at.line } : { file: doc.source.file };
}

/** The amount-bearing tables (not the 绩效目标 tables, whose rows are indicators). */
export function isAmountTable(t: Table): boolean {
  return t.kind !== 'deptPerformance' && t.kind !== 'projectPerformance' && t.columns.some((c) => c.type === 'amount');
}
