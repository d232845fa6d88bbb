import { describe, expect, it } from 'vitest';
import { checkDocument, RULES } from '../src/check/index.js';
import { readFileSync } from 'node:fs';
import { parseBytes, parseFile } from '../src/index.js';
import { SEEDS } from './helpers.js';

const rule = RULES.filter((r) => r.meta.id === 'input/unrecognised');

describe('input/unrecognised', () => {
  it('reports nothing when everything was recognised', async () => {
    expect(checkDocument(await parseFile(SEEDS.s000), { rules: rule })).toEqual([]);
  });

  it('reports a truncated file as an error at the line where it ends', async () => {
    const f = checkDocument(await parseFile('test/fixtures/000-truncated.txt'), { rules: rule });
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['error', 200]]);
    expect(f[0]!.message).toContain('可能被截断');
  });

  /** The seed with `cell` appended to line `no`, whose text must match `expected`. */
  const withExtraCell = (path: string, no: number, expected: RegExp, cell: string) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[no - 1]).toMatch(expected);
    lines[no - 1] += `\t${cell}`;
    return parseBytes(new TextEncoder().encode(lines.join('\n')), 'extra-cell.txt');
  };

  it('reports a cell printed under no column of the table header (info), not dropping it', () => {
    // Seed 001, 表12 row 「其他专项业务支出」 (line 417) with a tenth cell its header has no column for.
    const d = withExtraCell(SEEDS.s001, 417, /^其他专项业务支出\t25\.00\t/, '99.99');
    const f = checkDocument(d, { rules: rule });
    expect(f.map((x) => [x.severity, x.message, x.locations[0]!.line])).toEqual([
      ['info', '未能识别：表「部门预算项目支出及其他支出预算表」中不在任何栏目之下的内容「99.99」', 417],
    ]);
    expect(d.unrecognised.map((u) => [u.text, u.at.line, u.at.cell])).toEqual([['99.99', 417, 9]]);
    const row = d.tables.find((t) => t.number === 12)!.rows.find((r) => r.name === '其他专项业务支出')!;
    expect(row.cells.total?.raw).toBe('25.00');
  });

  it('does the same in single-row tables and in 绩效目标 forms (indicator and field lines)', () => {
    const cases: [line: number, expected: RegExp, table: string][] = [
      [176, /^1\.00\t0\.00\t/, '财政拨款“三公”经费支出表'],
      [204, /^部门编码\t507\t部门名称\t/, '部门整体绩效目标'],
      [207, /^产出指标\t数量指标\t基本医保参保人数\t≥\t154\t万人$/, '部门整体绩效目标'],
    ];
    for (const [line, expected, table] of cases) {
      const d = withExtraCell(SEEDS.s004, line, expected, '77.77');
      expect(d.unrecognised.map((u) => [u.what, u.reason, u.at.line])).toEqual([['cell', `表「${table}」中不在任何栏目之下的内容「77.77」`, line]]);
    }
  });

  it('reports a page without a text layer as an error on that page', async () => {
    const f = checkDocument(await parseFile('test/fixtures/pdf/justice-with-scanned-page.pdf'), { rules: rule });
    const scanned = f.filter((x) => x.message.includes('无文字层'));
    expect(scanned.length).toBe(1);
    expect(scanned[0]!.severity).toBe('error');
    expect(scanned[0]!.locations[0]!.page).toBeGreaterThan(0);
  });
});

describe('text/repeated-paragraph', () => {
  const repeated = RULES.filter((r) => r.meta.id === 'text/repeated-paragraph');
  it('passes the seeds (the same definition in 情况说明 and 名词解释 is in different parts)', async () => {
    for (const path of Object.values(SEEDS)) expect(checkDocument(await parseFile(path), { rules: repeated })).toEqual([]);
  });

  it('reports a block of paragraphs printed twice as one finding', async () => {
    const d = await parseFile(SEEDS.s000);
    const duties = d.narrative[0]!.children[0]!;
    const paragraphs = duties.text.split('\n');
    duties.text = [...paragraphs, ...paragraphs.slice(2, 5)].join('\n');
    const f = checkDocument(d, { rules: repeated });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('等 3 段重复出现');
    expect(f[0]!.locations).toHaveLength(6);
  });
});
