import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { parseSource } from '../src/index.js';
import { InputError, type Document, type Table } from '../src/model/index.js';
import { chromiumAvailable, chromiumPath, renderPdf } from '../src/render/index.js';
import { SEEDS, seed } from './helpers.js';

/*
 * PDF round trip: every seed, parsed, rendered to PDF by headless Chromium and read back with
 * yusuan's own PDF reader, gives the same tables — kind, number, title, unit lines, note, columns,
 * rows in order with codes, names, roles, units, projects, every cell's fen and text. Besides what
 * any rendering changes (see test/render-html.test.ts: raw/decimals, pieces, 行次, the unnamed
 * “三公” row of 002), the PDF loses what a PDF reader cannot see:
 * - bold: bold cells print in 黑体 (no real bold face is installed; a faux bold is invisible to
 *   the reader), so `bold` is not compared;
 * - line breaks of wrapped notes (compared without them);
 * - prose wrapped into printed lines: the narrative and the identity read from it (004's
 *   「…所属 / 预算单位具体包括：…」 breaks across lines, so its sub-unit and scope are not found)
 *   are compared in the HTML test only.
 *
 * Needs Chromium (/usr/bin/chromium, `bash scripts/install-chromium.sh`; CI runs it). Without it
 * these tests are skipped, with a message saying so.
 */

const available = await chromiumAvailable();
if (!available) {
  console.warn(`\n⚠ test/render-pdf.test.ts: PDF tests SKIPPED — no Chromium at ${chromiumPath()}. Run: bash scripts/install-chromium.sh\n`);
}

const IDS = { '000': SEEDS.s000, '001': SEEDS.s001, '002': SEEDS.s002, '003': SEEDS.s003, '004': SEEDS.s004 } as const;

function tableShape(t: Table) {
  return {
    kind: t.kind,
    number: t.number,
    title: t.title,
    unit: t.unit,
    reportingUnit: t.reportingUnit,
    // A long note wraps on the printed page; the reader keeps the printed line breaks.
    note: t.note?.replace(/\n/g, ''),
    project: t.project,
    columns: t.columns.map((c) => ({ key: c.key, label: c.label, type: c.type, panel: c.panel, printedNumber: c.printedNumber })),
    rows: t.rows.map((r) => ({
      code: r.code,
      name: r.name === '' && t.kind === 'threePublic' ? '“三公”经费' : r.name,
      role: r.role,
      panel: r.panel,
      unit: r.unit,
      project: r.project,
      level: r.level,
      printedNumber: r.printedNumber !== undefined && /^\d+$/.test(r.printedNumber) ? undefined : r.printedNumber,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, a]) => [k, a === null ? null : a.fen])),
      text: r.text,
    })),
  };
}

const pdfs = new Map<string, Promise<{ doc: Document; pdf: Uint8Array; back: Document }>>();
function rendered(id: keyof typeof IDS) {
  if (!pdfs.has(id)) {
    pdfs.set(
      id,
      (async () => {
        const doc = await seed(IDS[id]);
        const pdf = await renderPdf(doc);
        return { doc, pdf, back: await parseSource(pdf, `rendered-${id}.pdf`) };
      })(),
    );
  }
  return pdfs.get(id)!;
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

it('fails with an InputError naming the install script when Chromium is missing', async () => {
  const doc = await seed(SEEDS.s001);
  const e = await renderPdf(doc, { executablePath: '/nonexistent/chromium' }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message).toContain('scripts/install-chromium.sh');
  expect((e as Error).message).toContain('/nonexistent/chromium');
});

describe.skipIf(!available).each(Object.keys(IDS) as (keyof typeof IDS)[])('seed %s → PDF (Chromium) → PDF reader', (id) => {
  it('is an A4 PDF with its fonts embedded and a clean text layer', { timeout: 180_000 }, async () => {
    const { doc, pdf, back } = await rendered(id);
    const raw = latin1(pdf);
    expect(raw.startsWith('%PDF-')).toBe(true);
    // A4 portrait pages, and landscape A4 for wide tables.
    const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(doc.tables.length);
    for (const [w, h] of boxes) expect([[595, 842], [842, 595]]).toContainEqual([w, h]);
    // Every font descriptor carries its font program: nothing depends on the reader's fonts.
    const descriptors = raw.match(/\/Type \/FontDescriptor/g)?.length ?? 0;
    expect(descriptors).toBeGreaterThan(0);
    expect(raw.match(/\/FontFile[23]? /g)?.length ?? 0).toBe(descriptors);
    // Text reads back as the characters printed: 门, 一, 支 — not Kangxi radicals ⻔ ⼀ ⽀.
    const text = back.narrative.map((s) => s.heading).join('') + back.tables.map((t) => t.title).join('');
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(back.department).toBe(doc.department);
  });

  it('reads back to the same tables, cell for cell', { timeout: 180_000 }, async () => {
    const { doc, back } = await rendered(id);
    expect(back.source.format).toBe('pdf');
    expect([back.year, back.kind, back.template]).toEqual([doc.year, doc.kind, doc.template]);
    expect(back.tables.map((t) => [t.kind, t.number, t.title, t.rows.length])).toEqual(doc.tables.map((t) => [t.kind, t.number, t.title, t.rows.length]));
    for (const [k, t] of doc.tables.entries()) expect(tableShape(back.tables[k]!), `${t.kind} ${t.title}`).toEqual(tableShape(t));
    expect(back.unrecognised.filter((u) => u.what !== 'document')).toEqual([]);
  });
});

describe.skipIf(!available)('yusuan render --format pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-render-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the PDF and exits 0', { timeout: 180_000 }, async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const file = join(dir, '001.pdf');
      expect(await main(['node', 'yusuan', 'render', SEEDS.s001, '--out', file])).toBe(0);
      const back = await parseSource(readFileSync(file), file);
      expect(back.tables.map((t) => t.kind)).toEqual((await seed(SEEDS.s001)).tables.map((t) => t.kind));
    } finally {
      vi.restoreAllMocks();
    }
  });
});
