import { describe, expect, it } from 'vitest';
import { entryFromDocument, readEntryWorkbook, writeEntryWorkbook } from '../src/generate/index.js';
import { parseFile, parseSource } from '../src/index.js';
import type { Document, Table } from '../src/model/index.js';
import { chromiumAvailable, renderDocument } from '../src/render/index.js';
import { SEEDS, seed } from './helpers.js';

/*
 * Documents generated from a workbook in the 决算 and Shanghai templates (built from the lines,
 * without provenance) read back from XLSX, DOCX and PDF with the same tables, cell for cell, as from
 * HTML (test/generate-final.test.ts, test/generate-shanghai.test.ts).
 */

async function generatedFrom(source: Document): Promise<Document> {
  return readEntryWorkbook(await writeEntryWorkbook(entryFromDocument(source).input), `${source.source.file}.entry.xlsx`);
}

const shape = (t: Table) => ({
  kind: t.kind,
  number: t.number,
  title: t.title,
  unit: t.unit,
  reportingUnit: t.reportingUnit,
  reportingLabel: t.reportingLabel,
  columns: t.columns.map((c) => [c.key, c.label]),
  // 002's 三公 table is one unlabelled line of amounts: the tab-layout reader names it after its
  // subject (「“三公”经费」), the PDF-to-text one leaves it empty (as in test/roundtrip.ts).
  rows: t.rows.map((r) => [r.code ?? '', t.kind === 'threePublic' && r.name === '“三公”经费' ? '' : r.name, r.role, r.panel ?? '', Object.fromEntries(Object.entries(r.cells).map(([k, a]) => [k, a === null ? null : a.fen]))]),
});

const CASES: [string, () => Promise<Document>][] = [
  ['决算 (002)', async () => generatedFrom(await seed(SEEDS.s002))],
  ['上海 (司法局 2026)', async () => generatedFrom(await parseFile('test/fixtures/real/putuo-justice-2026-budget-department.pdf'))],
];

// PDF through Chromium, when installed (scripts/install-chromium.sh; CI installs it).
const FORMATS = (await chromiumAvailable()) ? (['xlsx', 'docx', 'pdf'] as const) : (['xlsx', 'docx'] as const);

describe.each(CASES)('generated %s', (_, make) => {
  const doc = make();
  it.each(FORMATS)('reads back from %s with the same tables', async (format) => {
    const d = await doc;
    const back = await parseSource(await renderDocument(d, format), `generated.${format}`);
    expect([back.template, back.kind, back.year, back.department]).toEqual([d.template, d.kind, d.year, d.department]);
    expect(back.unrecognised).toEqual([]);
    expect(back.tables.map(shape)).toEqual(d.tables.map(shape));
  });
});
