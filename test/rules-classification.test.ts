import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRules } from '../src/check/engine.js';
import { RULES } from '../src/check/index.js';
import type { Document, Finding } from '../src/model/index.js';
import { parseFile } from '../src/index.js';
import { row, SEEDS, table } from './helpers.js';

const FAMILY = 'classification/';
const familyRules = RULES.filter((r) => r.meta.id.startsWith(FAMILY));

function run(doc: Document, rule?: string): Finding[] {
  return runRules(doc, rule ? familyRules.filter((r) => r.meta.id === rule) : familyRules).filter((f) => f.severity !== 'info');
}

/** A fresh parse of a seed, edited in the model. */
async function edited(path: string, edit: (d: Document) => void): Promise<Document> {
  const d = await parseFile(path);
  edit(d);
  return d;
}

/** A seed with strings of its source replaced (each must occur), parsed. */
/**
 * A seed with strings of its source replaced (each must occur), written to a temporary file and
 * parsed from there, so narrative lines can be aligned with the edited source.
 */
const scratch = mkdtempSync(join(tmpdir(), 'yusuan-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let edits = 0;
async function rewritten(path: string, ...pairs: [string, string][]): Promise<Document> {
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of pairs) {
    expect(text.includes(from), `「${from}」 not in ${path}`).toBe(true);
    text = text.split(from).join(to);
  }
  const file = join(scratch, `${++edits}-${basename(path)}`);
  writeFileSync(file, text);
  return parseFile(file);
}

describe('classification rules are registered', () => {
  it('has the four rules with Chinese and English descriptions', () => {
    expect(familyRules.map((r) => r.meta.id).sort()).toEqual(['classification/code-format', 'classification/code-name', 'classification/hierarchy', 'classification/unknown-code']);
    for (const r of familyRules) {
      expect(r.meta.description.zh.length).toBeGreaterThan(4);
      expect(r.meta.docs.length).toBeGreaterThan(60);
    }
  });
});

describe('classification/code-format', () => {
  it('passes the seeds’ 3/5/7-digit function and 3/5-digit economic codes', async () => {
    expect(run(await parseFile(SEEDS.s000), 'classification/code-format')).toEqual([]);
  });
  it('reports a 6-digit function code as an error on its row', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'expenditure'), '2101501').code = '210150'));
    const f = run(d, 'classification/code-format');
    expect(f.map((x) => [x.severity, x.locations[0]!.line, x.locations[0]!.code])).toEqual([['error', 154, '210150']]);
    expect(f[0]!.message).toContain('3/5/7 位');
  });
  it('reports a 7-digit code in an economic table, naming it a function-style code', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'gpbBasicEconomic'), '30101').code = '3010101'));
    const f = run(d, 'classification/code-format');
    expect(f.map((x) => x.locations[0]!.line)).toEqual([256]);
    expect(f[0]!.message).toContain('支出功能分类的编码格式');
  });
});

describe('classification/hierarchy', () => {
  it('passes the seeds, including the two-panel 人员经费|公用经费 table of 002', async () => {
    expect(run(await parseFile(SEEDS.s000), 'classification/hierarchy')).toEqual([]);
    expect(run(await parseFile(SEEDS.s002), 'classification/hierarchy')).toEqual([]);
  });
  it('reports a 项 listed under another 款', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'gpbExpenditure'), '2101102').code = '2101502'));
    const f = run(d, 'classification/hierarchy');
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['error', 231]]);
    expect(f[0]!.message).toMatch(/项 2101502.*应列在款 21015「医疗保障管理事务」之下，却列在款 21011 之下/);
  });
  it('reports a 款 whose 类 is not printed above it', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'gpbBasicEconomic'), '30302').code = '30402'));
    const f = run(d, 'classification/hierarchy');
    expect(f.map((x) => x.locations[0]!.line)).toEqual([286]);
    expect(f[0]!.message).toContain('表中未列类 304');
  });
  it('reports a 款 whose 类 row was dropped (004: the 208 row removed from both function tables)', async () => {
    const d = await rewritten(SEEDS.s004, ['<b>208</b>\t<b>社会保障和就业支出</b>\t<b>85.72</b>\t<b>85.72</b>\t<b>0.00</b>\n', '']);
    // Lines shift up by one per removed line: 20805 was on 82 and 115.
    expect(run(d, 'classification/hierarchy').map((x) => x.locations[0]!.line)).toEqual([81, 113]);
  });
  it('does not apply the parent check to a table that prints no level above (a flat list of 项)', async () => {
    const d = await edited(SEEDS.s004, (x) => {
      const t = table(x, 'expenditure');
      t.rows = t.rows.filter((r) => !r.code || r.code.length === 7);
    });
    expect(run(d, 'classification/hierarchy')).toEqual([]);
  });
});

describe('classification/code-name', () => {
  it('passes catalogue names, with full- and half-width brackets alike (002 「维修(护)费」)', async () => {
    expect(run(await parseFile(SEEDS.s002), 'classification/code-name')).toEqual([]);
    expect(run(await parseFile(SEEDS.s000), 'classification/code-name')).toEqual([]);
  });
  it('warns when a code carries another name', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'expenditure'), '2101501').name = '一般行政管理事务'));
    const f = run(d, 'classification/code-name');
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['warning', 154]]);
    expect(f[0]!.message).toContain('「行政运行」');
  });
  it('warns on an outdated name in the narrative: 「医疗卫生与计划生育支出（210类）」', async () => {
    const d = await rewritten(SEEDS.s000, ['2026年本部门收入预算3,390.78万元', '2026年本部门收入预算3,390.78万元，其中医疗卫生与计划生育支出（210类）2,399.08万元']);
    const f = run(d, 'classification/code-name');
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['warning', 499]]);
    expect(f[0]!.message).toContain('「卫生健康支出」');
    const ok = await rewritten(SEEDS.s000, ['2026年本部门收入预算3,390.78万元', '2026年本部门收入预算3,390.78万元，其中卫生健康支出（210类）2,399.08万元']);
    expect(run(ok, 'classification/code-name')).toEqual([]);
  });
});

describe('classification/unknown-code', () => {
  it('passes the seeds (every seed code is catalogued)', async () => {
    expect(run(await parseFile(SEEDS.s003), 'classification/unknown-code')).toEqual([]);
  });
  it('warns about an uncatalogued code, saying the catalogue is incomplete', async () => {
    const d = await edited(SEEDS.s000, (x) => {
      const r = row(table(x, 'expenditure'), '2101599');
      r.code = '2101598';
      r.name = '医保其他支出';
    });
    const f = run(d);
    expect(f.map((x) => [x.rule, x.severity, x.locations[0]!.line])).toEqual([['classification/unknown-code', 'warning', 159]]);
    expect(f[0]!.message).toContain('内置目录并不完整');
  });
  it('hints at the catalogued code when the name is known', async () => {
    const d = await edited(SEEDS.s000, (x) => (row(table(x, 'gpbBasicEconomic'), '30199').code = '30198'));
    const f = run(d, 'classification/unknown-code');
    expect(f[0]!.message).toContain('编码是 30199');
  });
});

describe.each([
  ['000', SEEDS.s000],
  ['001', SEEDS.s001],
  ['002', SEEDS.s002],
  ['003', SEEDS.s003],
  ['004', SEEDS.s004],
])('seed %s', (_n, path) => {
  it('has no classification findings above info (all codes well-formed, nested and named as catalogued)', async () => {
    expect(run(await parseFile(path)).map((f) => `${f.rule}@${f.locations[0]?.line}`)).toEqual([]);
  });
});
