import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { brief, edited, family, rewritten } from './rule-harness.js';
import { SEEDS, table } from './helpers.js';

const { familyRules, run } = family('completeness/');

describe('completeness rules are registered', () => {
  it('has the five rules', () => {
    expect(familyRules.map((r) => r.meta.id).sort()).toEqual([
      'completeness/contents',
      'completeness/detail-level',
      'completeness/empty-table-note',
      'completeness/narrative-sections',
      'completeness/required-tables',
    ]);
  });
});

describe('completeness/required-tables', () => {
  it('passes a Guangdong budget that prints all 12 tables', async () => {
    expect(run(await parseFile(SEEDS.s000), 'completeness/required-tables')).toEqual([]);
  });
  it('reports the three tables 004 lists in its 目录 but does not print', async () => {
    const f = run(await parseFile(SEEDS.s004), 'completeness/required-tables');
    expect(f.map((x) => [x.severity, x.locations[0]!.table, x.locations[0]!.line])).toEqual([
      ['error', 'summary', 71],
      ['error', 'income', 71],
      ['error', 'fiscalSummary', 71],
    ]);
    expect(f[0]!.message).toContain('「收支预算总表」：目录列有此表，正文未印出');
  });
  it('reports a table dropped from a Guangdong budget, at the 第二部分 heading', async () => {
    const d = await edited(SEEDS.s000, (x) => (x.tables = x.tables.filter((t) => t.kind !== 'govFund')));
    const f = run(d, 'completeness/required-tables');
    expect(brief(f)).toEqual([['completeness/required-tables', 'error', 69]]);
    expect(f[0]!.message).toContain('（表9）「政府性基金预算支出情况表」');
  });
});

describe('completeness/contents', () => {
  it('passes when the 目录 and the body agree (000), and when there is no 目录 (002)', async () => {
    expect(run(await parseFile(SEEDS.s000), 'completeness/contents')).toEqual([]);
    expect(run(await parseFile(SEEDS.s002), 'completeness/contents')).toEqual([]);
  });
  it('does not repeat the missing required tables of 004', async () => {
    expect(run(await parseFile(SEEDS.s004), 'completeness/contents')).toEqual([]);
  });
  it('warns about a 目录 entry with no table, and a table missing from the 目录', async () => {
    const d = await edited(SEEDS.s000, (x) => {
      x.contents = x.contents.filter((c) => c !== '政府性基金预算支出情况表');
      x.contents.push('部门预算项目绩效目标表');
    });
    const f = run(d, 'completeness/contents');
    expect(f.map((x) => [x.severity, x.locations[0]!.line, x.locations[0]!.text ?? x.locations[0]!.tableTitle])).toEqual([
      ['warning', undefined, '部门预算项目绩效目标表'],
      ['warning', 346, '政府性基金预算支出情况表'],
    ]);
  });
});

describe('completeness/empty-table-note', () => {
  it('passes empty tables that carry 「本表本年无发生额」 (000, 001), 「若为空表…」 (004) and 「本表本年度无发生额」 (002)', async () => {
    for (const s of [SEEDS.s000, SEEDS.s001, SEEDS.s002, SEEDS.s004]) expect(run(await parseFile(s), 'completeness/empty-table-note')).toEqual([]);
  });
  it('reports an empty table whose note does not explain it', async () => {
    const d = await rewritten(SEEDS.s003, ['注：本表本年无发生额。\n\n国有资本经营预算支出情况表', '注：无。\n\n国有资本经营预算支出情况表']);
    const f = run(d, 'completeness/empty-table-note');
    expect(brief(f)).toEqual([['completeness/empty-table-note', 'error', 369]]);
    expect(f[0]!.message).toContain('政府性基金预算支出情况表');
  });
  it('downgrades to a warning when the narrative says there is no such spending (004 without its note)', async () => {
    const d = await edited(SEEDS.s004, (x) => delete table(x, 'govFund').note);
    const f = run(d, 'completeness/empty-table-note');
    expect(brief(f)).toEqual([['completeness/empty-table-note', 'warning', 180]]);
  });
});

describe('completeness/detail-level', () => {
  it('passes tables detailed to 项 (function) and 款 (economic)', async () => {
    for (const s of [SEEDS.s000, SEEDS.s002, SEEDS.s004]) expect(run(await parseFile(s), 'completeness/detail-level')).toEqual([]);
  });
  it('reports a function table that stops at 款', async () => {
    const d = await edited(SEEDS.s000, (x) => {
      const t = table(x, 'gpbExpenditure');
      t.rows = t.rows.filter((r) => !r.code?.startsWith('21011') || r.code === '21011');
    });
    const f = run(d, 'completeness/detail-level');
    expect(brief(f)).toEqual([['completeness/detail-level', 'error', 229]]);
    expect(f[0]!.message).toContain('未细化到项级：21011「行政事业单位医疗」');
  });
  it('reports an economic table that stops at 类, but not a zero 类', async () => {
    const d = await edited(SEEDS.s000, (x) => {
      const t = table(x, 'gpbProjectEconomic');
      t.rows = t.rows.filter((r) => !(r.code?.startsWith('303') && r.code.length === 5));
    });
    expect(brief(run(d, 'completeness/detail-level'))).toEqual([['completeness/detail-level', 'error', 320]]);
    const zero = await edited(SEEDS.s002, (x) => {
      const t = table(x, 'gpbBasicEconomic');
      t.rows = t.rows.filter((r) => !(r.code?.startsWith('307') && r.code.length === 5));
    });
    expect(run(zero, 'completeness/detail-level')).toEqual([]);
  });
});

describe('completeness/narrative-sections', () => {
  it('passes every seed (004 by its 绩效目标 tables, 002 by its 绩效评价 section)', async () => {
    for (const s of Object.values(SEEDS)) expect(run(await parseFile(s), 'completeness/narrative-sections')).toEqual([]);
  });
  it('reports a missing 政府采购 section as an error at the 第三部分 heading', async () => {
    const d = await rewritten(SEEDS.s000, ['四、政府采购情况\n\n2026年本部门政府采购安排271.45万元，其中：货物类采购预算10.22万元，工程类采购预算4.8万元，服务类采购预算256.43万元等。\n\n', '']);
    const f = run(d, 'completeness/narrative-sections');
    expect(brief(f)).toEqual([['completeness/narrative-sections', 'error', 495]]);
    expect(f[0]!.message).toContain('政府采购');
  });
  it('warns when the 三公 explanation gives no reason', async () => {
    const d = await rewritten(SEEDS.s001, ['主要原因是', '']);
    const f = run(d, 'completeness/narrative-sections');
    expect(brief(f)).toEqual([['completeness/narrative-sections', 'warning', 454]]);
    expect(f[0]!.message).toContain('原因');
  });
  it('warns when a budget has neither 绩效目标 prose nor 绩效目标 tables, and a final account no 绩效评价', async () => {
    const d = await edited(SEEDS.s004, (x) => (x.tables = x.tables.filter((t) => t.kind !== 'deptPerformance' && t.kind !== 'projectPerformance')));
    expect(brief(run(d, 'completeness/narrative-sections'))).toEqual([['completeness/narrative-sections', 'warning', 267]]);
    const final = await edited(SEEDS.s002, (x) => {
      const part = x.narrative.find((s) => s.part === 'explanation')!;
      part.children = part.children.map((c) => ({ ...c, children: c.children.filter((g) => !/绩效评价/.test(g.heading)) }));
    });
    const f = run(final, 'completeness/narrative-sections');
    expect(brief(f)).toEqual([['completeness/narrative-sections', 'warning', 820]]);
    expect(f[0]!.message).toContain('绩效评价');
  });
});

describe.each([
  ['000', SEEDS.s000, []],
  ['001', SEEDS.s001, []],
  ['002', SEEDS.s002, []],
  ['003', SEEDS.s003, []],
  // 目录 lists 11 tables; the body prints 8: 收支预算总表, 部门收入总表 and 财政拨款收支总表 are missing.
  ['004', SEEDS.s004, ['completeness/required-tables@71', 'completeness/required-tables@71', 'completeness/required-tables@71']],
])('seed %s', (_n, path, expected) => {
  it('has exactly the expected completeness findings above info', async () => {
    expect(run(await parseFile(path)).map((f) => `${f.rule}@${f.locations[0]?.line}`)).toEqual(expected);
  });
});
