import { expect } from 'vitest';
import type { Document, Row, Section } from '../src/model/index.js';

/*
 * Round-trip comparison shared by the render tests: a document read back from a rendered file
 * carries everything of the source document but provenance (and, for seed 002, the 行次 of its
 * two-panel 决算 tables, which the tab-layout recogniser has no column for, and the 目录 the
 * rendering adds to a document that printed none).
 */

/** A 决算 行次: a bare number printed in its own column (ordinals 一、 1. are printed with the name). */
export const isLineNumber = (r: Row) => r.printedNumber !== undefined && /^\d+$/.test(r.printedNumber) && r.panel !== undefined;

function rowShape(r: Row, dropLineNumbers: boolean) {
  const printedNumber = dropLineNumbers && isLineNumber(r) ? undefined : r.printedNumber;
  return {
    code: r.code,
    level: r.level,
    name: r.name,
    role: r.role,
    panel: r.panel,
    printedNumber,
    unit: r.unit,
    project: r.project,
    bold: r.bold ?? false,
    cells: Object.fromEntries(Object.entries(r.cells).map(([k, a]) => [k, a === null ? null : a.fen])),
    text: r.text ?? {},
  };
}

/** The narrative without provenance; 「表N」 lines of the prose are printed with their table's title instead. */
function sections(ss: Section[]): unknown[] {
  return ss.map((s) => ({
    heading: s.heading,
    number: s.number,
    part: s.part,
    text: s.text
      .split('\n')
      .filter((l) => !/^表\s*\d+$/.test(l.trim()))
      .join('\n'),
    children: sections(s.children),
  }));
}

/** Read-back document `back` carries everything of `src` (see the module comment for 行次). */
export function expectSameDocument(back: Document, src: Document): void {
  expect([back.department, back.year, back.kind, back.scope, back.template]).toEqual([src.department, src.year, src.kind, src.scope, src.template]);
  expect(back.units).toEqual(src.units);
  // A document that printed no 目录 (002) gets one listing its titled tables (documentOutline).
  expect(back.contents).toEqual(src.contents.length > 0 ? src.contents : src.tables.filter((t) => t.kind !== 'keyProjects').map((t) => t.title));
  expect(back.unrecognised).toEqual(src.unrecognised);
  expect(back.tables.map((t) => t.kind)).toEqual(src.tables.map((t) => t.kind));
  src.tables.forEach((t, k) => {
    const o = back.tables[k]!;
    const head = (x: typeof t) => ({ number: x.number, title: x.title, unit: x.unit, decimals: x.decimals, reportingUnit: x.reportingUnit, reportingLabel: x.reportingLabel, project: x.project, note: x.note });
    expect(head(o), t.kind).toEqual(head(t));
    expect(o.columns, t.kind).toEqual(t.columns);
    const expected = t.rows.map((r) => rowShape(r, true));
    // 002's 三公 table is one unlabelled line of amounts: read from the tab layout, the single-row
    // reader names it after its subject, where the PDF-to-text reader leaves its name empty.
    if (t.kind === 'threePublic' && t.rows.length === 1 && t.rows[0]!.name === '') expected[0]!.name = '“三公”经费';
    expect(o.rows.map((r) => rowShape(r, false)), t.kind).toEqual(expected);
  });
  expect(sections(back.narrative)).toEqual(sections(src.narrative));
  expect(back.glossary.map((g) => [g.term, g.definition])).toEqual(src.glossary.map((g) => [g.term, g.definition]));
}
