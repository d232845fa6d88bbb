import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { parseFile, parseSource } from '../src/index.js';
import { InputError } from '../src/model/index.js';
import { PDF_LIMITS, readPdf } from '../src/read/pdf.js';
import { makePdf, manyItems, scanned, text } from './pdf-make.js';

const REAL = 'test/fixtures/real/putuo-justice-2026-budget-department.pdf';

/** The reader's verdict on some bytes: the InputError message, or the grid. */
async function inputError(bytes: Uint8Array, file: string): Promise<string> {
  try {
    await parseSource(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

/** Deterministic noise (a linear congruential generator), so failures reproduce. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('PDF reader: cells rebuilt from text items and ruling lines', () => {
  // A ruled table of two columns and two rows: an amount split into three items ("3,39" "0" ".78"),
  // and one item that runs over the column rule ("12.50 Total"): the reader joins the first and
  // cuts the second at the rule.
  const rules = ['0.5 w', '72 700 m 372 700 l S', '72 676 m 372 676 l S', '72 652 m 372 652 l S', '72 700 m 72 652 l S', '222 700 m 222 652 l S', '372 700 m 372 652 l S'].join('\n');
  // Helvetica 10 pt: digits 5.56 wide, comma and period 2.78: "3,39" ends at 249.46, "0" at 255.06.
  const cells = [text(80, 684, 'Amount', 10), text(230, 684, '3,39', 10), text(249.5, 684, '0', 10), text(255.1, 684, '.78', 10), text(195, 660, '12.50 Total', 10)].join('\n');
  const bytes = makePdf([{ content: `${rules}\n${cells}` }]);

  it('joins the pieces of one cell and cuts an item at the rule it crosses', async () => {
    const grid = await readPdf(bytes, 'ruled.pdf');
    const rows = grid.lines.filter((l) => l.split === 'tab').map((l) => l.cells.map((c) => c.text));
    expect(rows).toEqual([
      ['Amount', '3,390.78'],
      ['12.50', 'Total'],
    ]);
  });

  it('gives every cell a box in page units and every line its page', async () => {
    const grid = await readPdf(bytes, 'ruled.pdf');
    for (const line of grid.lines) {
      expect(line.page).toBe(1);
      for (const cell of line.cells) {
        const [x0, y0, x1, y1] = cell.box!;
        expect(x0).toBeLessThan(x1);
        expect(y0).toBeLessThan(y1);
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(x1).toBeLessThanOrEqual(595);
        expect(y1).toBeLessThanOrEqual(842);
      }
    }
    // The ruled cell's box is the cell between its rules (origin top-left: y = 842 − 700 = 142).
    const first = grid.lines.find((l) => l.split === 'tab')!;
    expect(first.cells[0]!.box).toEqual([72, 142, 222, 166]);
  });

  it('drops page numbers printed in the margin', async () => {
    const pages = [1, 2, 3].map((n) => ({ content: [text(72, 760, `Paragraph on page ${n}.`), text(290, 30, `- ${n} -`, 9)].join('\n') }));
    const grid = await readPdf(makePdf(pages), 'numbered.pdf');
    expect(grid.lines.map((l) => l.text).filter((t) => t !== '')).toEqual(['Paragraph on page 1.', 'Paragraph on page 2.', 'Paragraph on page 3.']);
  });
});

describe('PDF reader: real files keep page and box provenance', () => {
  it('every amount of every table knows its page and box', async () => {
    const doc = await parseFile(REAL);
    expect(doc.source.format).toBe('pdf');
    let amounts = 0;
    for (const t of doc.tables) {
      for (const r of t.rows) {
        for (const a of Object.values(r.cells)) {
          if (!a) continue;
          amounts++;
          expect(a.at.page).toBeGreaterThanOrEqual(10);
          expect(a.at.page).toBeLessThanOrEqual(21);
          const [x0, y0, x1, y1] = a.at.box!;
          expect(x1 - x0).toBeGreaterThan(10);
          expect(y1 - y0).toBeGreaterThan(5);
          expect(x1).toBeLessThanOrEqual(842);
          expect(y1).toBeLessThanOrEqual(595);
        }
      }
    }
    expect(amounts).toBeGreaterThan(300);
  });
});

describe('PDF reader: bad input gets a clear InputError or an unrecognised entry, in bounded time', () => {
  it('encrypted', async () => {
    const bytes = await readFile('test/fixtures/pdf/encrypted.pdf');
    expect(await inputError(bytes, 'encrypted.pdf')).toMatch(/PDF 已加密（需要密码），无法读取/);
  });

  it('truncated (the first half of a real file)', async () => {
    const bytes = await readFile(REAL);
    expect(await inputError(bytes.subarray(0, bytes.length >> 1), 'half.pdf')).toMatch(/PDF 文件不完整（缺少文件结尾，可能被截断）/);
  });

  it('corrupt (noise after the header)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(20_000)]);
    expect(await inputError(bytes, 'noise.pdf')).toMatch(/PDF 文件无效或已损坏，无法读取/);
  });

  it('no text layer at all (a scan)', async () => {
    expect(await inputError(makePdf([{ content: scanned() }, { content: scanned() }]), 'scan.pdf')).toMatch(/PDF 没有文字层（可能是扫描件），无法读取/);
  });

  it('one scanned page in a real document: the tables are read, the page is reported', async () => {
    const doc = await parseFile('test/fixtures/pdf/justice-with-scanned-page.pdf');
    expect(doc.tables).toHaveLength(9);
    const note = doc.unrecognised.find((u) => /第24页无文字层/.test(u.reason));
    expect(note).toMatchObject({ what: 'document', at: { page: 24 } });
  });

  it('a page of 100,000 text items: reported, its tables not rebuilt', async () => {
    const started = Date.now();
    const grid = await readPdf(makePdf([{ content: manyItems(100_000) }]), 'many.pdf');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(grid.notes).toEqual([expect.objectContaining({ page: 1, zh: expect.stringMatching(/第1页文字片段过多（100000 个），未重建表格/) })]);
    expect(grid.lines.every((l) => l.split === 'none')).toBe(true);
  }, 90_000);

  it('too large: refused before parsing', async () => {
    await expect(readPdf(makePdf([{ content: text(72, 760, 'x') }]), 'big.pdf', { ...PDF_LIMITS, maxBytes: 100 })).rejects.toThrow(/PDF 文件过大/);
  });

  it('too many pages: the first ones are read and the rest reported', async () => {
    const bytes = makePdf([1, 2, 3, 4].map((n) => ({ content: text(72, 760, `Page ${n}`) })));
    const grid = await readPdf(bytes, 'long.pdf', { ...PDF_LIMITS, maxPages: 2 });
    expect(grid.lines.map((l) => l.text).filter((t) => t !== '')).toEqual(['Page 1', 'Page 2']);
    expect(grid.notes?.[0]?.zh).toBe('PDF 共 4 页，只读取了前 2 页');
  });
});

describe('yusuan parse on bad PDFs: one line naming the file, exit 2, no stack trace', () => {
  let dir = '';
  let out = '';
  let err = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yusuan-pdf-'));
    const real = await readFile(REAL);
    await writeFile(join(dir, 'half.pdf'), real.subarray(0, real.length >> 1));
    await writeFile(join(dir, 'noise.pdf'), new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(5_000)]));
    await writeFile(join(dir, 'scan.pdf'), makePdf([{ content: scanned() }]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['half.pdf', '可能被截断'],
    ['noise.pdf', '无效或已损坏'],
    ['scan.pdf', '没有文字层'],
  ])('%s', async (name, message) => {
    const file = join(dir, name);
    expect(await main(['node', 'yusuan', 'parse', file])).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(file);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('encrypted (committed fixture)', async () => {
    const file = 'test/fixtures/pdf/encrypted.pdf';
    expect(await main(['node', 'yusuan', 'parse', file])).toBe(2);
    expect(err).toMatch(/encrypted\.pdf.*已加密/);
  });
});
