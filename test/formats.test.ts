import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseFile, parseSource, recognize } from '../src/index.js';
import type { Document } from '../src/model/index.js';
import { InputError } from '../src/model/index.js';
import { readDocx, readHtml, readSource, readText, readXlsx, sniff, type Grid } from '../src/read/index.js';
import { formatNumber } from '../src/read/numfmt.js';
import { SEEDS, seed } from './helpers.js';

/*
 * The seeds' HTML / XLSX / DOCX copies (test/fixtures/generated, made by scripts/make-fixtures.ts)
 * must read to the same document as the seed text: every table's kind, title, unit, columns and
 * rows (name, code, panel, unit, role, bold, every cell's fen and printed text), the identity,
 * narrative, glossary and what was left unrecognised. Only provenance (line numbers, cells,
 * sheets) differs between formats.
 */

const GEN = 'test/fixtures/generated';
const IDS = { '000': SEEDS.s000, '001': SEEDS.s001, '002': SEEDS.s002, '003': SEEDS.s003, '004': SEEDS.s004 } as const;
const FORMATS = ['html', 'xlsx', 'docx'] as const;
const PROVENANCE = new Set(['at', 'span', 'lines', 'source']);

/** The document without provenance: what must not depend on the format it was read from. */
function comparable(doc: Document): Record<string, unknown> {
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => (PROVENANCE.has(k) ? undefined : v))) as Record<string, unknown>;
}

type Plain = { tables: { kind: string; pieces: number; rows: { name: string; printedNumber?: string }[] }[] };

/**
 * Seed 002 is a PDF-to-text layout; its copies are rebuilt from its model as ordinary tables:
 * - the 行次 (row number) column is not carried (the tab-layout recogniser has no column for it),
 *   so rows have no printedNumber, and each table is one piece (no page breaks);
 * - the 三公 table's one data row is named by the single-row reader after the table's subject
 *   (「“三公”经费」), where the text layout reader leaves its name empty.
 * Everything else must match.
 */
function normalise002(m: Record<string, unknown>, side: 'text' | 'format'): Record<string, unknown> {
  for (const t of (m as unknown as Plain).tables) {
    t.pieces = 1;
    for (const r of t.rows) delete r.printedNumber;
    if (t.kind === 'threePublic') {
      expect(t.rows.map((r) => r.name)).toEqual([side === 'text' ? '' : '“三公”经费']);
      t.rows[0]!.name = '“三公”经费';
    }
  }
  return m;
}

const docs = new Map<string, Promise<Document>>();
const parsed = (file: string) => {
  if (!docs.has(file)) docs.set(file, parseFile(file));
  return docs.get(file)!;
};

describe.each(Object.entries(IDS))('seed %s in other formats', (id, seedFile) => {
  it.each(FORMATS)(`%s reads to the same document as the text`, async (format) => {
    const file = `${GEN}/${id}.${format}`;
    const [text, other] = await Promise.all([seed(seedFile), parsed(file)]);
    expect(other.source.format).toBe(format);
    let a = comparable(text);
    let b = comparable(other);
    if (id === '002') {
      a = normalise002(a, 'text');
      b = normalise002(b, 'format');
    }
    // The headline checks first, for readable failures; then everything.
    expect(b.department).toBe(text.department);
    expect([b.year, b.kind, b.scope, b.template]).toEqual([text.year, text.kind, text.scope, text.template]);
    expect(other.tables.map((t) => [t.kind, t.rows.length])).toEqual(text.tables.map((t) => [t.kind, t.rows.length]));
    for (const [k, t] of text.tables.entries()) {
      const o = other.tables[k]!;
      expect(o.columns.map((c) => [c.panel, c.key]), t.kind).toEqual(t.columns.map((c) => [c.panel, c.key]));
      expect(o.rows.map((r) => [r.code, Object.values(r.cells).map((c) => c?.fen ?? null)]), t.kind).toEqual(t.rows.map((r) => [r.code, Object.values(r.cells).map((c) => c?.fen ?? null)]));
    }
    expect(b).toEqual(a);
  });

  it.each(FORMATS)('%s keeps provenance for its own format', async (format) => {
    const doc = await parsed(`${GEN}/${id}.${format}`);
    const amount = doc.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells))).find((c) => c !== null)!;
    expect(amount.at.file).toBe(`${GEN}/${id}.${format}`);
    expect(amount.at.line).toBeGreaterThan(0);
    if (format === 'xlsx') {
      // Sheet index and [column, row, column, row] of the cell in that sheet.
      expect(amount.at.page).toBeGreaterThanOrEqual(1);
      expect(amount.at.box).toHaveLength(4);
    }
  });
});

describe('readers lay documents out as the text reader does', () => {
  /** Non-blank lines: tab lines as their cells (trailing empty cells dropped), others as text. */
  const shape = (g: Grid) =>
    g.lines
      .filter((l) => l.text.trim() !== '')
      .map((l) => {
        if (l.split !== 'tab') return l.text.trim();
        const cells = l.cells.map((c) => c.text);
        while (cells[cells.length - 1] === '') cells.pop();
        return cells.join('\t');
      });

  it.each(['000', '001', '003', '004'] as const)('seed %s: line for line, cell for cell', async (id) => {
    const text = shape(readText(readFileSync(IDS[id]), IDS[id]));
    for (const format of FORMATS) {
      const file = `${GEN}/${id}.${format}`;
      expect(shape(await readSource(readFileSync(file), file)), format).toEqual(text);
    }
  });

  it('sniffs the generated files by their bytes', () => {
    for (const [format, kind] of [['html', 'html'], ['xlsx', 'xlsx'], ['docx', 'docx'], ['pdf', 'pdf']] as const) {
      expect(sniff(readFileSync(`${GEN}/000.${format}`))).toBe(kind);
    }
  });

  it('keeps bold 类/款 rows bold (004)', async () => {
    for (const format of FORMATS) {
      const doc = await parsed(`${GEN}/004.${format}`);
      const t = doc.tables.find((x) => x.kind === 'expenditure')!;
      expect(t.rows.filter((r) => r.bold).map((r) => r.code ?? r.name), format).toEqual(['合计', '208', '20805', '210', '21011', '21015', '215', '21599', '221', '22102']);
    }
  });
});

describe('XLSX: numbers printed with their number format, exactly', () => {
  it.each([
    [1081.18, '#,##0.00', '1,081.18'],
    [0.1 + 0.2, '#,##0.00', '0.30'],
    [1.005, '0.00', '1.01'], // 15 significant digits first, then half away from zero: as Excel
    [0.125, '0.00', '0.13'],
    [2.675, '#,##0.00', '2.68'],
    [12345678.9, '#,##0.00', '12,345,678.90'],
    [857.4, '#,##0.0', '857.4'],
    [1081.18, '0.00', '1081.18'],
    [-5, '#,##0.00', '-5.00'],
    [-5, '#,##0.00;(#,##0.00)', '(5.00)'],
    [-5, '#,##0.00;[Red]-#,##0.00', '-5.00'],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', '-'],
    [1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', '1,234.50'],
    [0.256, '0.0%', '25.6%'],
    [1234567, '#,##0', '1,234,567'],
    [2080505, undefined, '2080505'],
    [0.30000000000000004, 'General', '0.3'],
    [154, 'General', '154'],
    [1.5, '0.0#', '1.5'],
    [1.25, '0.0#', '1.25'],
    [999.995, '#,##0.00', '1,000.00'],
  ])('%s with %s → %s', (value, format, text) => {
    expect(formatNumber(value, format).trim()).toBe(text);
  });
});

// ---- bad and awkward input -----------------------------------------------------------------

const MB = 1 << 20;

/** A zip with one deflated entry and honest (or chosen) header sizes. */
function zipOf(name: string, data: Uint8Array, size: number, crc: number): Uint8Array {
  const n = Buffer.from(name);
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0);
  lh.writeUInt16LE(20, 4);
  lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(crc >>> 0, 14);
  lh.writeUInt32LE(data.length, 18);
  lh.writeUInt32LE(size, 22);
  lh.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(crc >>> 0, 16);
  cd.writeUInt32LE(data.length, 20);
  cd.writeUInt32LE(size, 24);
  cd.writeUInt16LE(n.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(30 + n.length + data.length, 16);
  return new Uint8Array(Buffer.concat([lh, n, data, cd, n, eocd]));
}

/** 300 MB of zeros as a ~300 KB deflate stream: one flushed 1 MB block repeated, then a final block. */
function bomb(declared?: number): Uint8Array {
  const zeros = Buffer.alloc(MB);
  const block = zlib.deflateRawSync(zeros, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array.from({ length: 300 }, () => block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < 300; i++) crc = zlib.crc32(zeros, crc);
  return zipOf('xl/workbook.xml', data, declared ?? 300 * MB, crc);
}

async function inputError(p: Promise<unknown> | (() => unknown)): Promise<InputError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e, String((e as Error)?.stack)).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('zip bombs, corrupt and empty packages: an InputError, never a stack trace', () => {
  it('refuses an entry that inflates past 200 MB, before inflating it', async () => {
    const bytes = bomb();
    expect(bytes.length).toBeLessThan(MB);
    expect(sniff(bytes)).toBe('xlsx');
    const before = process.memoryUsage().rss;
    const e = await inputError(parseSource(bytes, 'bomb.xlsx'));
    expect(e.messageZh).toMatch(/^解压后超过上限/);
    expect(e.message).toContain('bomb.xlsx');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('refuses the same bomb as a DOCX', async () => {
    const e = await inputError(() => readDocx(bomb(), 'bomb.docx'));
    expect(e.messageZh).toMatch(/^解压后超过上限/);
  });

  it('does not let an entry that lies about its size inflate past what it declares', async () => {
    const e = await inputError(parseSource(bomb(100), 'liar.xlsx'));
    expect(e.messageZh).toMatch(/损坏|不完整|不是有效/);
  });

  it('applies a lower cap when asked', async () => {
    const bytes = readFileSync(`${GEN}/000.xlsx`);
    expect((await inputError(readXlsx(bytes, 'small-cap.xlsx', { maxUnzippedBytes: 10_000 }))).messageZh).toMatch(/^解压后超过上限/);
    expect((await inputError(() => readDocx(readFileSync(`${GEN}/000.docx`), 'small-cap.docx', { maxUnzippedBytes: 10_000 }))).messageZh).toMatch(/^解压后超过上限/);
    expect((await readXlsx(bytes, '000.xlsx', { maxUnzippedBytes: 10 * MB })).lines.length).toBeGreaterThan(100);
  });

  it.each(['xlsx', 'docx'])('reports a truncated or damaged %s', async (format) => {
    const bytes = readFileSync(`${GEN}/000.${format}`);
    const e = await inputError(parseSource(bytes.subarray(0, Math.floor(bytes.length / 2)), `cut.${format}`));
    expect(e.messageZh).toMatch(/损坏|不完整/);
    // Damage inside the compressed data: whatever comes out, an InputError or a document.
    const damaged = new Uint8Array(bytes);
    for (let i = 2000; i < damaged.length - 2000; i += 997) damaged[i] = damaged[i]! ^ 0x5a;
    try {
      await parseSource(damaged, `damaged.${format}`);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
    }
  });

  it('reports an empty workbook', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('Sheet1'));
    expect((await inputError(parseSource(bytes, 'empty.xlsx'))).messageZh).toMatch(/工作簿是空的/);
  });

  it('reports a workbook that is not a disclosure', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '年龄']);
      ws.addRow(['张三', 30]);
    });
    expect((await inputError(parseSource(bytes, 'roster.xlsx'))).messageZh).toMatch(/不是可识别的部门预算或决算公开文件/);
  });

  it('reports a zip that is neither a workbook nor a document', async () => {
    const bytes = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await inputError(parseSource(bytes, 'other.zip'))).messageZh).toMatch(/暂不支持/);
  });

  it('reports a legacy .xls / .doc (OLE2) file plainly', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await inputError(parseSource(ole, 'old.xls'))).messageZh).toMatch(/旧版 Office 文件/);
  });

  it('reports a DOCX without a body', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="w"></w:document>') });
    expect((await inputError(parseSource(bytes, 'nobody.docx'))).messageZh).toMatch(/不是有效的 DOCX/);
  });

  it('reports the failure through the CLI path as one InputError for a file on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-formats-'));
    try {
      writeFileSync(join(dir, 'bomb.xlsx'), bomb());
      expect((await inputError(parseFile(join(dir, 'bomb.xlsx')))).message).toContain('bomb.xlsx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('XLSX: hidden rows and sheets are skipped and reported', () => {
  it('skips a hidden row of a table and says so', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${GEN}/000.xlsx`) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    let hidden = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '江门市医疗保障局蓬江分局' && hidden === 0) {
        row.hidden = true;
        hidden = n;
      }
    });
    expect(hidden).toBeGreaterThan(0);
    const junk = wb.addWorksheet('底稿');
    junk.addRow(['草稿', '1,000.00']);
    junk.state = 'hidden';
    const doc = await parseSource(new Uint8Array(await wb.xlsx.writeBuffer()), 'hidden.xlsx');
    const text = await seed(SEEDS.s000);
    const income = doc.tables.find((t) => t.kind === 'income')!;
    expect(income.rows.map((r) => r.name)).toEqual(text.tables.find((t) => t.kind === 'income')!.rows.map((r) => r.name).filter((n) => n !== '江门市医疗保障局蓬江分局'));
    expect(doc.unrecognised.map((u) => [u.what, u.reason, u.at.page])).toEqual([
      ['document', `工作表「000」有 1 个隐藏行未读取（第 ${hidden} 行）`, 1],
      ['document', '隐藏的工作表「底稿」未读取', 2],
    ]);
    // Everything else is as in the text.
    expect(doc.tables.map((t) => t.rows.length)).toEqual(text.tables.map((t) => (t.kind === 'income' ? t.rows.length - 1 : t.rows.length)));
  });

  it('reads text cells, formulas and rich text as displayed', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('t');
      ws.getCell('A1').value = 'x';
      ws.getCell('B1').value = { formula: 'SUM(C1:D1)', result: 1081.18 };
      ws.getCell('B1').numFmt = '#,##0.00';
      ws.getCell('C1').value = { richText: [{ text: '合', font: { bold: true } }, { text: '计', font: { bold: true } }] };
      ws.getCell('D1').value = '1,081.18';
    });
    const g = await readXlsx(bytes, 't.xlsx');
    expect(g.lines[0]!.cells.map((c) => [c.text, c.bold])).toEqual([['x', false], ['1,081.18', false], ['合计', true], ['1,081.18', false]]);
    expect(g.lines[0]!.cells[1]!.box).toEqual([2, 1, 2, 1]);
  });
});

describe('HTML specifics', () => {
  const html = (s: string) => readHtml(new Uint8Array(Buffer.from(s)), 't.html');
  const tabLines = (g: Grid) => g.lines.filter((l) => l.split === 'tab').map((l) => l.cells.map((c) => (c.bold ? `*${c.text}` : c.text)).join('|'));

  it('resolves rowspan/colspan onto the grid, drops hidden rows and reads layout tables as flow', () => {
    const g = html(`<!DOCTYPE html><html><body><table><tr><td>
      <p>收支总体情况表</p>
      <table>
        <tr><th colspan="2">收入</th><th rowspan="2">合计</th></tr>
        <tr><th>项目</th><th>预算</th></tr>
        <tr style="display:none"><td>隐藏</td><td>9.99</td><td>9.99</td></tr>
        <tr><td><strong>一、预算拨款</strong></td><td><span style="font-weight:700">3,390.78</span></td><td>3,390.78</td></tr>
        <tr><td>附属单位上缴<br>收入</td><td colspan="2">0.00</td></tr>
      </table></td></tr></table></body></html>`);
    expect(g.lines.filter((l) => l.text !== '').map((l) => l.split)).toEqual(['none', 'tab', 'tab', 'tab', 'tab']);
    expect(tabLines(g)).toEqual(['收入||合计', '项目|预算|', '*一、预算拨款|*3,390.78|3,390.78', '附属单位上缴收入|0.00|']);
    expect(g.notes?.map((n) => n.zh)).toEqual(['页面中有 1 处隐藏内容（hidden / display:none）未读取']);
  });

  it('decodes a GBK page by its meta charset', () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>');
    const gbk = Buffer.from([0xca, 0xd5, 0xc8, 0xeb]); // 收入
    const g = readHtml(new Uint8Array(Buffer.concat([head, gbk, Buffer.from('</p></body></html>')])), 'gbk.html');
    expect(g.encoding).toBe('gb18030');
    expect(g.lines[0]!.text).toBe('收入');
  });

  it('keeps headings and <br> lines', () => {
    const g = html('<!doctype html><h3>第四部分 名词解释</h3><p>注：一<br>二</p><p>三</p>');
    expect(g.lines.map((l) => [l.text, l.heading])).toEqual([['第四部分 名词解释', 3], ['', undefined], ['注：一', undefined], ['二', undefined], ['', undefined], ['三', undefined]]);
  });
});

describe('DOCX specifics', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const docx = (body: string, numbering?: string) =>
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
      ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
    });
  const p = (text: string, extra = '') => `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
  const boldTc = (text: string) => `<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('prints automatic numbering as Word shows it', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const num = (lvl: number) => `<w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
    const g = readDocx(docx([p('收入', num(0)), p('财政拨款', num(1)), p('其他', num(1)), p('支出', num(0)), p('基本支出', num(1))].join(''), numbering), 'n.docx');
    expect(g.lines.filter((l) => l.text !== '').map((l) => l.text)).toEqual(['一、收入', '（一）财政拨款', '（二）其他', '二、支出', '（一）基本支出']);
  });

  it('lays gridBefore, gridSpan and vMerge on the grid, and skips hidden rows', () => {
    const g = readDocx(
      docx(`<w:tbl>
        <w:tr>${tc('功能分类科目', '<w:gridSpan w:val="2"/>')}${tc('合计', '<w:vMerge w:val="restart"/>')}</w:tr>
        <w:tr>${tc('科目编码')}${tc('科目名称')}${tc('', '<w:vMerge/>')}</w:tr>
        <w:tr><w:trPr><w:hidden/></w:trPr>${tc('999')}${tc('隐藏')}${tc('1.00')}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${boldTc('合计')}${tc('3,390.78')}</w:tr>
      </w:tbl>`),
      't.docx',
    );
    expect(g.lines.filter((l) => l.split === 'tab').map((l) => l.cells.map((c) => (c.bold ? `*${c.text}` : c.text)).join('|'))).toEqual(['功能分类科目||合计', '科目编码|科目名称|', '|*合计|3,390.78']);
    expect(g.notes?.map((n) => n.zh)).toEqual(['文档中有 1 个隐藏的表格行未读取']);
  });

  it('reads the generated DOCX tables with their merged header cells', () => {
    const g = readDocx(readFileSync(`${GEN}/000.docx`), '000.docx');
    const xml = new TextDecoder().decode(unzipSync(readFileSync(`${GEN}/000.docx`))['word/document.xml']);
    expect(xml).toMatch(/<w:gridSpan w:val="3"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    const header = g.lines.find((l) => l.text.startsWith('单位名称\t合计'))!;
    expect(header.cells.map((c) => c.text)).toEqual(['单位名称', '合计', '财政拨款收入', '', '', '财政专户拨款收入', '', '其他资金收入', '', '', '上级补助收入', '附属单位上缴收入', '上年结转结余']);
  });
});

it('recognises a grid from any reader with recognize()', async () => {
  const g = await readXlsx(readFileSync(`${GEN}/004.xlsx`), '004.xlsx');
  expect(recognize(g).tables.length).toBe((await seed(SEEDS.s004)).tables.length);
});
