import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { checkDocument } from '../src/check/index.js';
import { buildDocument, entryFromDocument, entryInTemplate, inTemplate, writeEntryWorkbook } from '../src/generate/index.js';
import { parseSource } from '../src/index.js';
import type { Document, Section, Table } from '../src/model/index.js';
import { renderHtml } from '../src/render/html.js';
import { documentOutline, formatAmount, placeCells, printableTable, usesThousands } from '../src/render/index.js';
import { SEEDS, seed, table, wan } from './helpers.js';

/*
 * Round trip: every seed, parsed, rendered to HTML and read back with yusuan's own HTML reader,
 * gives the same document — every table (kind, number, title, unit lines, note, columns, rows in
 * order with codes, names, roles, units, projects, every cell's fen and text), the identity, the
 * 目录, the narrative and the glossary. What a rendering legitimately changes:
 * - amounts print with the table's decimals, so `raw` and `decimals` may differ (fen never does);
 * - a table is printed in one piece (no page-break continuations), so `pieces` is 1;
 * - 行次 (bare line numbers of the national 决算 tables, seed 002) have no column of their own and
 *   are not printed; ordinals (一、 （一） 1.) are;
 * - 表N is printed on the title line, so a lone 「表1」 line no longer reaches the prose;
 * - seed 002 prints no 目录: the rendering lists its tables;
 * - the single data row of 002's “三公” table, unnamed in the text layout, is read back named
 *   after the table's subject (「“三公”经费」), as from every other format.
 */

const IDS = { '000': SEEDS.s000, '001': SEEDS.s001, '002': SEEDS.s002, '003': SEEDS.s003, '004': SEEDS.s004 } as const;

/** A table without provenance or print details: what must survive rendering and reading back. */
function tableShape(t: Table, options: { bold?: boolean } = {}) {
  return {
    kind: t.kind,
    number: t.number,
    title: t.title,
    unit: t.unit,
    reportingUnit: t.reportingUnit,
    note: t.note,
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
      ...(options.bold ? { bold: r.bold ?? false } : {}),
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, a]) => [k, a === null ? null : a.fen])),
      text: r.text,
    })),
  };
}

/** Sections without provenance; a lone 「表N」 line (the first table's number) dropped from the text. */
function sectionShape(s: Section): unknown {
  const text = s.text
    .split('\n')
    .filter((l) => !/^表\s*\d+$/.test(l.trim()))
    .join('\n');
  return { heading: s.heading, number: s.number, part: s.part, text, children: s.children.map(sectionShape) };
}

const html = new Map<string, string>();
const back = new Map<string, Promise<Document>>();
function rendered(id: keyof typeof IDS): Promise<{ doc: Document; html: string; back: Document }> {
  return (async () => {
    const doc = await seed(IDS[id]);
    if (!html.has(id)) html.set(id, renderHtml(doc));
    if (!back.has(id)) back.set(id, parseSource(new TextEncoder().encode(html.get(id)!), `rendered-${id}.html`));
    return { doc, html: html.get(id)!, back: await back.get(id)! };
  })();
}

describe.each(Object.keys(IDS) as (keyof typeof IDS)[])('seed %s → HTML → HTML reader', (id) => {
  it('reads back to the same tables, cell for cell', async () => {
    const { doc, back } = await rendered(id);
    expect(back.source.format).toBe('html');
    expect(back.tables.map((t) => [t.kind, t.number, t.title, t.rows.length])).toEqual(doc.tables.map((t) => [t.kind, t.number, t.title, t.rows.length]));
    for (const [k, t] of doc.tables.entries()) expect(tableShape(back.tables[k]!, { bold: true }), `${t.kind} ${t.title}`).toEqual(tableShape(t, { bold: true }));
    expect(back.unrecognised).toEqual([]);
  });

  it('reads back to the same identity, 目录, narrative and glossary', async () => {
    const { doc, back } = await rendered(id);
    expect([back.department, back.year, back.kind, back.scope, back.template]).toEqual([doc.department, doc.year, doc.kind, doc.scope, doc.template]);
    expect(back.units).toEqual(doc.units);
    expect(back.contents).toEqual(doc.contents.length > 0 ? doc.contents : doc.tables.filter((t) => t.kind !== 'keyProjects').map((t) => t.title));
    expect(back.narrative.map(sectionShape)).toEqual(doc.narrative.map(sectionShape));
    expect(back.glossary.map((g) => [g.term, g.definition])).toEqual(doc.glossary.map((g) => [g.term, g.definition]));
  });

  it('prints the disclosure in the document’s own parts, order and wording', async () => {
    const { doc, html } = await rendered(id);
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
    // Cover, 目录, then each part heading and each table title in document order.
    const expected = [String(doc.year), doc.department, '目 录', ...doc.narrative.map((p) => `${p.number ? `${p.number} ` : ''}${p.heading}`)];
    let at = 0;
    for (const s of expected) {
      const found = text.indexOf(s, at);
      expect(found, s).toBeGreaterThanOrEqual(0);
      at = found;
    }
    let after = text.indexOf('目 录');
    for (const t of doc.tables.filter((x) => x.kind !== 'keyProjects')) {
      const found = text.indexOf(`${t.number !== undefined ? `表${t.number} ` : ''}${t.title}`, after + 1);
      expect(found, t.title).toBeGreaterThan(after);
      after = found;
    }
  });
});

describe('HTML page', () => {
  it('is self-contained print HTML: A4, repeated headers, page breaks, CJK font stacks', async () => {
    const { html } = await rendered('000');
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/(?:src|href)\s*=|url\(|@import/i);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/section\.tbl \{ break-before: page;/);
    expect(html).toMatch(/tr \{ break-inside: avoid;/);
    for (const font of ['仿宋', '宋体', '黑体', 'Noto Serif CJK SC', 'AR PL UMing CN']) expect(html).toContain(font);
    expect(html).toContain('<title>2026年江门市医疗保障局部门预算</title>');
    // Merged headers: 财政拨款收入 over three columns, 单位名称 down two rows (收入总体情况表).
    expect(html).toContain('<th colspan="3">财政拨款收入</th>');
    expect(html).toContain('<th rowspan="2">单位名称</th>');
  });

  it('escapes all text', async () => {
    const doc = structuredClone(await seed(SEEDS.s000));
    doc.department = '江门市<script>alert("x")</script>局';
    const t = doc.tables[1]!;
    t.rows[1]!.name = 'A & B <i>';
    t.note = '注：「"引号"」 & <b>不是粗体</b>';
    t.columns[0]!.label = '合计<br>';
    doc.narrative[0]!.children[0]!.text = '<img src=x onerror=alert(1)>';
    const out = renderHtml(doc);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>不是粗体</b>');
    expect(out).toContain('江门市&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;局');
    expect(out).toContain('A &amp; B &lt;i&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints the tables of a document without provenance under a tables part (a workbook-built document)', async () => {
    const doc = structuredClone(await seed(SEEDS.s000));
    for (const t of doc.tables) t.span = { file: 'x.xlsx', from: 0, to: 0 };
    doc.narrative = doc.narrative.filter((p) => p.number !== '第二部分');
    const blocks = documentOutline(doc);
    const order = blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? b.text : ''));
    expect(order).toEqual(['第一部分 江门市医疗保障局概况', '第二部分 2026年部门预算表', '第三部分 2026年部门预算情况说明', '第四部分 名词解释']);
    const kinds = blocks.map((b) => (b.type === 'table' ? b.table.kind : b.type === 'heading' ? b.text : ''));
    expect(kinds.indexOf('summary')).toBeGreaterThan(kinds.indexOf('第二部分 2026年部门预算表'));
    expect(kinds.indexOf('unitProject')).toBeLessThan(kinds.indexOf('第三部分 2026年部门预算情况说明'));
    // The key projects table stays inside the 情况说明, after its last section.
    expect(kinds.indexOf('keyProjects')).toBeGreaterThan(kinds.indexOf('七、重点项目预算绩效目标情况'));
    expect(kinds.indexOf('keyProjects')).toBeLessThan(kinds.indexOf('第四部分 名词解释'));
  });
});

describe('printable table (src/render/layout.ts)', () => {
  it.each([
    [108_118_000_0, '万元', 2, true, '1,081.18'],
    [108_118_000, '万元', 2, true, '108.118'],
    [123_456_789_012, '万元', 2, true, '123,456.789012'],
    [-5_000_000, '万元', 2, true, '-5.00'],
    [0, '元', 2, true, '0.00'],
    [15_621_112_344, '元', 0, true, '156,211,123.44'],
    [15_621_112_300, '元', 0, true, '156,211,123'],
    [Number.MAX_SAFE_INTEGER, '元', 2, true, '90,071,992,547,409.91'],
    [587_404_000_0, '万元', 2, false, '5874.04'],
  ] as const)('formatAmount(%s, %s, %s, %s) = %s', (fen, unit, decimals, thousands, text) => {
    expect(formatAmount(fen, unit, decimals, thousands)).toBe(text);
  });

  it('rebuilds merged headers from the column label paths', async () => {
    const doc = await seed(SEEDS.s000);
    const p = printableTable(table(doc, 'income'), { template: doc.template });
    expect(p.headers[0]).toEqual([
      { text: '单位名称', rowSpan: 2, colSpan: 1 },
      { text: '合计', rowSpan: 2, colSpan: 1 },
      { text: '财政拨款收入', rowSpan: 1, colSpan: 3 },
      { text: '财政专户拨款收入', rowSpan: 1, colSpan: 2 },
      { text: '其他资金收入', rowSpan: 1, colSpan: 3 },
      { text: '上级补助收入', rowSpan: 2, colSpan: 1 },
      { text: '附属单位上缴收入', rowSpan: 2, colSpan: 1 },
      { text: '上年结转结余', rowSpan: 2, colSpan: 1 },
    ]);
    expect(p.headers[1]!.map((h) => h.text)).toEqual(['一般公共预算', '政府性基金预算', '国有资本经营预算', '教育收费', '其他专户收入拨款', '事业收入', '事业单位经营收入', '其他收入']);
    expect(p.rows[0]!.cells.slice(0, 3)).toEqual([
      { text: '合计', align: 'left', bold: false },
      { text: '3,390.78', align: 'right', bold: false },
      { text: '3,090.78', align: 'right', bold: false },
    ]);
    expect([p.title, p.unitLine, p.reportingUnit, p.note, p.width]).toEqual(['收入总体情况表', '单位：万元', '单位名称：江门市医疗保障局', '注：无。', 13]);
    // Every grid position is covered exactly once, in the header and in the body.
    for (const rows of [p.headers, p.rows]) {
      const placed = placeCells(rows as { rowSpan?: number; colSpan?: number }[][] | { cells: { rowSpan?: number; colSpan?: number }[] }[]);
      const covered = new Set<string>();
      for (const { row, column, cell } of placed) {
        for (let r = 0; r < (cell.rowSpan ?? 1); r++) for (let c = 0; c < (cell.colSpan ?? 1); c++) {
          const key = `${row + r},${column + c}`;
          expect(covered.has(key), key).toBe(false);
          covered.add(key);
          expect(column + c).toBeLessThan(p.width);
        }
      }
      expect(covered.size).toBe(rows.length * p.width);
    }
  });

  it('prints two-panel tables side by side, ordinals before names, 栏次 when printed', async () => {
    const gd = await seed(SEEDS.s000);
    const summary = printableTable(table(gd, 'summary'), { template: gd.template });
    expect(summary.headers).toEqual([
      [{ text: '收入', rowSpan: 1, colSpan: 2 }, { text: '支出', rowSpan: 1, colSpan: 2 }],
      [{ text: '项目', rowSpan: 1, colSpan: 1 }, { text: '预算', rowSpan: 1, colSpan: 1 }, { text: '项目', rowSpan: 1, colSpan: 1 }, { text: '预算', rowSpan: 1, colSpan: 1 }],
    ]);
    expect(summary.rows[0]!.cells.map((c) => c.text)).toEqual(['一、预算拨款', '3,390.78', '一、一般公共服务支出', '0.00']);
    const three = printableTable(table(gd, 'threePublic'), { template: gd.template });
    expect(three.rows.map((r) => r.cells[0]!.text)).toContain('（一）因公出国（境）支出');
    expect(three.rows.map((r) => r.cells[0]!.text)).toContain('1. 公务用车购置费');
    const jx = await seed(SEEDS.s004);
    const exp = printableTable(table(jx, 'expenditure'), { template: jx.template });
    expect(exp.headers.at(-1)!.map((h) => h.text)).toEqual(['栏次', '', '1', '2', '3']);
    expect(exp.rows[1]!.cells.map((c) => [c.text, c.bold])).toEqual([['208', true], ['社会保障和就业支出', true], ['85.72', true], ['85.72', true], ['0.00', true]]);
    expect(exp.notePosition).toBe('before');
  });

  it('prints 002’s 三公 table under its three-level header: 预算数 | 决算数, 公务用车购置及运行维护费 over its parts', async () => {
    const { doc, html } = await rendered('002');
    const three = printableTable(table(doc, 'threePublic'), { template: doc.template });
    const h = (text: string, rowSpan: number, colSpan: number) => ({ text, rowSpan, colSpan });
    const group = [h('合计', 2, 1), h('因公出国（境）费', 2, 1), h('公务用车购置及运行维护费', 1, 3), h('公务接待费', 2, 1)];
    const parts = [h('小计', 1, 1), h('公务用车购置费', 1, 1), h('公务用车运行维护费', 1, 1)];
    expect(three.headers).toEqual([
      [h('预算数', 1, 6), h('决算数', 1, 6)],
      [...group, ...group],
      [...parts, ...parts],
      Array.from({ length: 12 }, (_, i) => h(String(i + 1), 1, 1)),
    ]);
    expect(three.width).toBe(12);
    expect(html).toContain('<th colspan="6">预算数</th>');
    expect(html).toContain('<th colspan="6">决算数</th>');
  });

  it('prints performance tables as their field block and merged indicator rows', async () => {
    const jx = await seed(SEEDS.s004);
    const p = printableTable(table(jx, 'projectPerformance'), { template: jx.template, year: jx.year });
    const texts = p.rows.map((r) => r.cells.map((c) => c.text));
    expect(p.subtitle).toBe('（2026年度）');
    expect(texts[0]).toEqual(['项目名称', '医疗保障服务能力建设_医疗保障改革专项经费']);
    expect(texts[2]).toEqual(['项目资金（万元）', '资金总额', '50.00']);
    expect(p.rows[2]!.cells[0]!.rowSpan).toBe(4);
    expect(texts.find((r) => r.includes('一级指标'))).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(texts).toContainEqual(['成本指标', '经济成本指标', '基金监管主题宣传活动海报和三折页印刷费用', '≤4万元']);
    expect(p.unitLine).toBeUndefined();
  });

  it('keeps the source’s thousands separators: none where it printed 5874.04', async () => {
    const doc = await seed(SEEDS.s000);
    const key = table(doc, 'keyProjects');
    expect(usesThousands(key)).toBe(false);
    expect(printableTable(key, { template: doc.template }).rows[0]!.cells[1]!.text).toBe('5874.04');
    expect(printableTable(key, { template: doc.template }).inline).toBe(true);
  });
});

describe('another template: every table rebuilt, not re-labelled', () => {
  const byCode = (doc: Document, kind: string, column: string) =>
    Object.fromEntries(doc.tables.find((t) => t.kind === kind)!.rows.filter((r) => r.code).map((r) => [r.code!, r.cells[column]?.fen ?? 0]));

  it('000 in the Jiangxi template: Jiangxi tables and columns, the same figures by code', async () => {
    const doc = await seed(SEEDS.s000);
    const { input, notes } = entryInTemplate(doc, 'jiangxi-budget');
    expect([input.template, input.layout]).toEqual(['jiangxi-budget', undefined]);
    expect(notes.length).toBeGreaterThan(0);
    const jx = buildDocument(input, doc.source.file);
    // No 项目支出绩效目标表: 000 publishes 绩效目标 but no indicators.
    expect(jx.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'threePublic', 'govFund', 'stateCapital', 'deptPerformance']);
    expect(jx.tables.map((t) => t.title).slice(0, 3)).toEqual(['收支预算总表', '部门收入总表', '部门支出总表']);
    // The Jiangxi 部门收入总表 is by function code (000's 收入总体情况表 is by unit).
    expect(jx.tables[1]!.rows.some((r) => r.code === '2101501')).toBe(true);
    // The same lines in both templates give the same figures by code (the Guangdong rebuild follows
    // the 项 where 000 prints a 类/款 off by 0.01, e.g. 21011 130.56 vs its 项 130.55).
    const gd = buildDocument(entryFromDocument(doc).input, doc.source.file);
    const nonZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, fen]) => fen !== 0));
    expect(byCode(jx, 'expenditure', 'total')).toEqual(nonZero(byCode(gd, 'expenditure', 'total')));
    expect(byCode(jx, 'expenditure', 'total')['2101501']).toBe(byCode(doc, 'expenditure', 'total')['2101501']);
    const three = jx.tables.find((t) => t.kind === 'threePublic')!.rows[0]!;
    expect(three.cells.total!.fen).toBe(wan('16.96'));
    const prose = (ss: Section[]): string => ss.map((s) => `${s.text}\n${prose(s.children)}`).join('\n');
    expect(prose(jx.narrative)).toContain('2026年江门市医疗保障局支出预算总额为3,390.77万元，较上年预算安排减少1,081.19万元。');
    // 3,390.77: the lines follow 000's 项, which add to 0.01 less than its printed total. 000 states
    // no class-by-class prior figures: the Jiangxi comparison says so instead of repeating itself.
    expect(prose(jx.narrative)).toContain('社会保障和就业支出324.93万元（上年数待填写）；');
  });

  it('004 in the Guangdong template: twelve tables, consistent, adminCost from the prose', async () => {
    const doc = await seed(SEEDS.s004);
    const { input } = entryInTemplate(doc, 'guangdong-budget');
    expect(input.other.adminCost).toBe(wan('61.56'));
    const gd = buildDocument(input, doc.source.file);
    expect(gd.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'gpbProjectEconomic', 'threePublic', 'govFund', 'stateCapital', 'unitBasic', 'unitProject']);
    expect(byCode(gd, 'expenditure', 'total')['2080501']).toBe(byCode(doc, 'expenditure', 'total')['2080501']);
    // 收支总表: 本年收入合计 881.44 + 上年结转 78.06 = 收入总计 959.50 = 收入总表 合计.
    const income = gd.tables.find((t) => t.kind === 'summary')!.rows.filter((r) => r.panel === 'income');
    expect(['本年收入合计', '收入总计'].map((n) => income.find((r) => r.name === n)!.cells.amount!.fen)).toEqual([wan('881.44'), wan('959.50')]);
    expect(checkDocument(gd).filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  });

  it('refuses a template of the other kind, naming the file', async () => {
    const doc = await seed(SEEDS.s002);
    expect(() => entryInTemplate(doc, 'guangdong-budget')).toThrow(/这是一份部门决算，不能按预算模板「广东省部门预算（12张表）」生成/);
    const input = inTemplate(entryFromDocument(await seed(SEEDS.s001)).input, 'guangdong-budget');
    expect(input.layout).toBe('广东2024');
  });

  it('refuses to round a budget printed to the 元 into a 万元 template; the reverse is exact', async () => {
    const file = 'test/fixtures/real/putuo-justice-2026-budget-department.pdf';
    const shanghai = await parseSource(readFileSync(file), file);
    expect(() => entryInTemplate(shanghai, 'jiangxi-budget')).toThrow(/金额精确到元（反推出的 25 行预算明细不是 0\.01 万元的整数倍），而「江西省部门预算（11张表）」以万元印两位小数/);
    const doc = await seed(SEEDS.s001);
    const sh = buildDocument(entryInTemplate(doc, 'shanghai-budget').input, doc.source.file);
    expect(sh.template).toBe('shanghai-budget');
    const total = (d: Document) => d.tables.find((t) => t.kind === 'expenditure')!.rows.find((r) => r.role === 'total')!.cells.total!.fen;
    expect(total(sh)).toBe(total(buildDocument(entryFromDocument(doc).input, doc.source.file)));
  });
});

// ---- the CLI -------------------------------------------------------------------------------------

describe('yusuan render', () => {
  let out = '';
  let err = '';
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-render-'));
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => main(['node', 'yusuan', ...args]);

  it('renders a disclosure to HTML (format from the file name) and exits 0', async () => {
    const file = join(dir, '000.html');
    expect(await run('render', SEEDS.s000, '--out', file)).toBe(0);
    expect(out).toContain('000.html');
    expect(readFileSync(file, 'utf8')).toBe(renderHtml(await seed(SEEDS.s000)));
  });

  it('renders the document model JSON that `parse --format json` prints', async () => {
    expect(await run('parse', SEEDS.s001, '--format', 'json')).toBe(0);
    const json = join(dir, '001.json');
    writeFileSync(json, out);
    expect(JSON.parse(out)).toHaveProperty('summary');
    const file = join(dir, '001-from-json.html');
    expect(await run('render', json, '--format', 'html', '--out', file)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(renderHtml(await seed(SEEDS.s001)));
  });

  it('refuses, exit 2, JSON that is not the document model', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"department": 1}');
    expect(await run('render', bad, '--out', join(dir, 'bad.html'))).toBe(2);
    expect(err).toMatch(/JSON 不是 yusuan 文档模型/);
    writeFileSync(bad, '{not json');
    expect(await run('render', bad, '--out', join(dir, 'bad.html'))).toBe(2);
    expect(err).toMatch(/不是有效的 JSON/);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });

  it('refuses, exit 1, a document with error findings and prints them; --force renders it', async () => {
    const file = join(dir, '004.html');
    expect(await run('render', SEEDS.s004, '--out', file)).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(err).toMatch(/ error {2}/);
    expect(err).toContain('个错误 errors');
    expect(err).toContain('--force');
    err = '';
    expect(await run('render', SEEDS.s004, '--out', file, '--force')).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(err).toContain('--force');
  });

  it('rebuilds the document for --template, and refuses a template of the other kind', async () => {
    const file = join(dir, '001-jx.html');
    expect(await run('render', SEEDS.s001, '--template', 'jiangxi-budget', '--out', file, '--force')).toBe(0);
    expect(err).toContain('按公开表格反推明细');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('<span class="tbl-no">表3</span> <span class="tbl-name">部门支出总表</span>');
    expect(text).toContain('<p class="l2">三、部门支出总表</p>');
    const back = await parseSource(readFileSync(file), file);
    expect(back.template).toBe('jiangxi-budget');
    expect(back.tables.find((t) => t.kind === 'income')!.columns.map((c) => c.key)).toContain('carriedOver');
    err = '';
    expect(await run('render', SEEDS.s002, '--template', 'guangdong-budget', '--out', join(dir, '002-gd.html'))).toBe(2);
    expect(err).toContain('不能按预算模板');
    expect(existsSync(join(dir, '002-gd.html'))).toBe(false);
  });

  it('renders a data-entry workbook (a sheet named 填报说明)', async () => {
    const doc = await seed(SEEDS.s000);
    const workbook = join(dir, '000.entry.xlsx');
    writeFileSync(workbook, await writeEntryWorkbook(entryFromDocument(doc).input));
    const file = join(dir, '000-entry.html');
    expect(await run('render', workbook, '--out', file, '--force')).toBe(0);
    const again = await parseSource(readFileSync(file), file);
    expect(again.tables.map((t) => t.kind)).toEqual(doc.tables.map((t) => t.kind));
    expect(readFileSync(file, 'utf8')).toContain('第二部分 2026年部门预算表');
  });

  it('renders XLSX through src/render/xlsx.ts', async () => {
    const file = join(dir, '001.xlsx');
    expect(await run('render', SEEDS.s001, '--format', 'xlsx', '--out', file)).toBe(0);
    expect([...readFileSync(file).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('exits 2 when the output format cannot be told, or the input is unusable', async () => {
    expect(await run('render', SEEDS.s000, '--out', join(dir, 'x.txt'))).toBe(2);
    expect(err).toContain('--format');
    expect(await run('render', join(dir, 'missing.txt'), '--out', join(dir, 'x.html'))).toBe(2);
    expect(err).toContain('文件不存在');
    expect(await run('render', SEEDS.s000, '--format', 'rtf', '--out', join(dir, 'x.rtf'))).toBe(2);
  });
});
