import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { claimsJson, type Document } from '../src/model/index.js';
import { SEEDS, seed } from './helpers.js';

/*
 * The seeds' PDF copies (test/fixtures/generated/<id>.pdf: LibreOffice Writer from the DOCX, see
 * scripts/make-fixtures.ts) must read to the same document as the seed text, as the HTML / XLSX /
 * DOCX copies do (test/formats.test.ts): every table's kind, title, unit, columns and rows (name,
 * code, order, role, bold, every cell's fen and printed text), the identity, narrative and
 * glossary. Only provenance differs, and what is pinned below as a limit of the PDF format or of
 * the generated PDFs themselves.
 */

const GEN = 'test/fixtures/generated';
const IDS = { '000': SEEDS.s000, '001': SEEDS.s001, '002': SEEDS.s002, '003': SEEDS.s003, '004': SEEDS.s004 } as const;
type Id = keyof typeof IDS;
const PROVENANCE = new Set(['at', 'span', 'lines', 'source']);

/**
 * Claims quote the sentence and clause they were read from; where the PDF wraps a line the
 * narrative's paragraphs (compared above, whitespace pinned) and so these quotes are cut differently.
 * Every other field of every claim must be the same.
 */
const QUOTES = new Set(['sentence', 'clause']);

function comparable(doc: Document): Record<string, unknown> {
  const claims = JSON.stringify(claimsJson(doc.claims), (k, v: unknown) => (PROVENANCE.has(k) || QUOTES.has(k) ? undefined : v));
  const rest = JSON.stringify({ ...doc, claims: undefined }, (k, v: unknown) => (PROVENANCE.has(k) ? undefined : v));
  return { ...(JSON.parse(rest) as Record<string, unknown>), claims: JSON.parse(claims) as unknown };
}

type Plain = { tables: { kind: string; pieces: number; rows: { name: string; printedNumber?: string; text?: Record<string, string> }[] }[] };

/**
 * A space or a line break where the PDF wraps a line cannot be seen: a space at the end of a
 * wrapped line (「项目支出 / 286.28」) is not printed, and a line that ends a sentence right at the
 * margin (「…平台建设。/ 组织…」) looks like the end of a paragraph. These strings are the same
 * but for whitespace; they are listed here, so that no other whitespace difference goes unnoticed.
 */
const WRAPPED: Record<Id, string[]> = {
  '000': [],
  '001': [],
  // 「开展情况。 根据」: a space between two CJK characters is not told from letter spacing.
  '002': ['narrative.2.children.3.children.3.text'],
  '003': ['tables.11.rows.9.name', 'tables.11.rows.9.project', 'narrative.0.children.0.text', 'narrative.2.children.2.text'],
  '004': [
    'tables.6.rows.11.name',
    'tables.6.rows.11.text.level3',
    'narrative.0.children.1.text',
    'narrative.1.children.0.children.0.text',
    'narrative.1.children.0.children.1.text',
    'narrative.1.children.0.children.2.text',
    'narrative.1.children.0.children.8.text',
  ],
};

/** Paths of strings that differ only in whitespace; the PDF's string is replaced by the text's. */
function wrapped(a: unknown, b: unknown, path: string[], out: string[]): unknown {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a !== b && a.replace(/\s+/g, '') === b.replace(/\s+/g, '')) {
      out.push(path.join('.'));
      return a;
    }
    return b;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const o = b as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = wrapped((a as Record<string, unknown>)[k], o[k], [...path, k], out);
  }
  return b;
}

/**
 * Seed 002's copies are rebuilt from its model as ordinary tables, as in test/formats.test.ts: no
 * 行次 column (rows have no printedNumber), and the 三公 table's one row named after the table's
 * subject by the single-row reader.
 */
function normalise002(m: Record<string, unknown>, side: 'text' | 'pdf'): void {
  for (const t of (m as unknown as Plain).tables) {
    for (const r of t.rows) delete r.printedNumber;
    if (t.kind === 'threePublic') {
      expect(t.rows.map((r) => r.name)).toEqual([side === 'text' ? '' : '“三公”经费']);
      t.rows[0]!.name = '“三公”经费';
    }
  }
}

/**
 * Seed 001: its DOCX prints two pairs of tables back to back (项目支出 pieces 2 and 3, and the
 * two 重点项目 tables), which Writer lays out as one table each. Where such a table runs onto a
 * new page, Writer repeats the header of the first table of the pair — on the first table's
 * column grid — above the rows of the second, whose columns lie elsewhere: the PDF itself
 * misprints those headers, and the rows under them cannot be read as in the text.
 * - 项目支出及其他支出预算表 (table 11): after its 19 first rows, page 19 starts with the
 *   misplaced header and the rest of piece 3's cut header (read as two rows,
 *   「支出项目类别（资」「金使用单位）」, their header words reported as unparseable amounts),
 *   then the 5 projects, whose totals are right;
 * - 重点项目 (table 12): the 4 rows of page 21 lose their 绩效目标 (under no header column): each is
 *   reported as unrecognised, not dropped.
 */
function pin001(text: Record<string, unknown>, pdf: Record<string, unknown>): void {
  const [tt, tp] = [(text as unknown as Plain).tables, (pdf as unknown as Plain).tables];
  type R = { name: string; cells: Record<string, { fen: number } | null>; text?: Record<string, string> };
  const textRows = tt[11]!.rows as unknown as R[];
  const pdfRows = tp[11]!.rows as unknown as R[];
  expect(textRows).toHaveLength(24);
  expect(pdfRows.slice(19, 21).map((r) => r.name)).toEqual(['支出项目类别（资', '金使用单位）']);
  expect(pdfRows.slice(21).map((r) => [r.name, r.cells.total?.fen])).toEqual(textRows.slice(19).map((r) => [r.name, r.cells.total?.fen]));
  tp[11]!.rows = tt[11]!.rows;
  // The words of the misprinted header, in the rows read from it, are reported (not dropped).
  const unrecognised = pdf.unrecognised as { what: string; text: string }[];
  expect(unrecognised.slice(0, 9).map((u) => [u.what, u.text])).toEqual(['总计', '财政拨款', '财政专户', '其他', '绩效目标', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'].map((t) => ['cell', t]));
  // What the misprinted grid puts under no column of the header is reported too (lines and pages
  // pinned below): the header's 「资金」, each of the 5 projects' last 0.00 and its 绩效目标, and the 4
  // 重点项目 绩效目标 of page 21.
  expect(unrecognised.slice(9).map((u) => [u.what, u.text.slice(0, 6)])).toEqual(UNDER_NO_COLUMN_001.map(([t]) => ['cell', t]));
  pdf.unrecognised = text.unrecognised;
  const keyRows = tp[12]!.rows;
  expect(keyRows.map((r) => r.text?.performanceTarget === undefined)).toEqual([false, true, true, true, true]);
  for (const [k, r] of keyRows.entries()) if (k > 0) r.text = tt[12]!.rows[k]!.text!;
}

/** Seed 001's PDF: cells under no column of the misprinted headers, as [text begins, line, page]. */
const UNDER_NO_COLUMN_001: [string, number, number][] = [
  ['资金', 489, 19],
  ...['医疗保障第三', '进一步加强对', '资助收入型医', '切实做好我市', '提升医保信息'].flatMap((t, k): [string, number, number][] => [['0.00', 490 + k, 19], [t, 490 + k, 19]]),
  ...['全面深化医保', '切实做好我市', '资助收入型医', '切实做好新冠'].map((t, k): [string, number, number] => [t, 547 + k, 21]),
];

const docs = new Map<string, Promise<Document>>();
const parsed = (file: string) => {
  if (!docs.has(file)) docs.set(file, parseFile(file));
  return docs.get(file)!;
};

describe.each(Object.keys(IDS) as Id[])('seed %s as PDF', (id) => {
  it('reads to the same document as the text', async () => {
    const [text, pdf] = await Promise.all([seed(IDS[id]), parsed(`${GEN}/${id}.pdf`)]);
    expect(pdf.source.format).toBe('pdf');
    const a = comparable(text);
    const b = comparable(pdf);
    // The headline checks first, for readable failures; then everything.
    expect(b.department).toBe(text.department);
    expect([b.year, b.kind, b.scope, b.template]).toEqual([text.year, text.kind, text.scope, text.template]);
    expect(b.units).toEqual(a.units);
    expect(pdf.tables.map((t) => [t.kind, t.number, t.title, t.rows.length])).toEqual(text.tables.map((t) => [t.kind, t.number, t.title, t.rows.length + (id === '001' && t.kind === 'unitProject' ? 2 : 0)]));
    // A table is cut into one piece per page it is printed on; the PDF's pages are not the text's.
    const [ta, tb] = [(a as unknown as Plain).tables, (b as unknown as Plain).tables];
    for (const [k, t] of ta.entries()) {
      expect(tb[k]!.pieces).toBeGreaterThanOrEqual(t.pieces);
      tb[k]!.pieces = t.pieces;
    }
    if (id === '002') {
      normalise002(a, 'text');
      normalise002(b, 'pdf');
    }
    if (id === '001') pin001(a, b);
    const whitespace: string[] = [];
    wrapped(a, b, [], whitespace);
    expect(whitespace).toEqual(WRAPPED[id]);
    const tables = (m: Record<string, unknown>) => (m as unknown as { tables: Document['tables'] }).tables;
    for (const [k, t] of tables(a).entries()) {
      const o = tables(b)[k]!;
      expect(o.columns.map((c) => [c.panel, c.key]), t.kind).toEqual(t.columns.map((c) => [c.panel, c.key]));
      expect(o.rows.map((r) => [r.code, r.name, Object.values(r.cells).map((c) => c?.fen ?? null)]), t.kind).toEqual(t.rows.map((r) => [r.code, r.name, Object.values(r.cells).map((c) => c?.fen ?? null)]));
    }
    expect(b).toEqual(a);
  });
});

describe('seed 001 as PDF, cells under no column', () => {
  it('are reported where they are printed (line and page), not dropped', async () => {
    const pdf = await parsed(`${GEN}/001.pdf`);
    const unread = pdf.unrecognised.filter((u) => u.reason.includes('不在任何栏目之下'));
    expect(unread.map((u) => [u.text.slice(0, 6), u.at.line, u.at.page])).toEqual(UNDER_NO_COLUMN_001);
    expect(unread[1]!.reason).toBe('表「部门预算项目支出及其他支出预算表」中不在任何栏目之下的内容「0.00」');
  });
});
