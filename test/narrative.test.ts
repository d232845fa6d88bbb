import { describe, expect, it } from 'vitest';
import { runRules } from '../src/check/engine.js';
import amountMatchesTable from '../src/check/rules/narrative-amount-matches-table.js';
import changeArithmetic from '../src/check/rules/narrative-change-arithmetic.js';
import partsSum from '../src/check/rules/narrative-parts-sum.js';
import priorYear from '../src/check/rules/narrative-prior-year.js';
import ratioArithmetic from '../src/check/rules/narrative-ratio-arithmetic.js';
import restatedConsistently from '../src/check/rules/narrative-restated-consistently.js';
import unresolvedClaim from '../src/check/rules/narrative-unresolved-claim.js';
import type { Rule } from '../src/check/rule.js';
import { parseFile } from '../src/index.js';
import type { Document, Finding, Section } from '../src/model/index.js';
import { splitClauses, topLevelClaims, withNarrative } from '../src/narrative/index.js';
import type { Claim } from '../src/narrative/index.js';
import { row, seed, SEEDS, table, wan } from './helpers.js';

const NARRATIVE_RULES: Rule[] = [amountMatchesTable, changeArithmetic, ratioArithmetic, partsSum, restatedConsistently, priorYear, unresolvedClaim];

/** Findings of the narrative rules above info: [rule, first line]. */
function aboveInfo(doc: Document, prior?: Document): [string, number | undefined][] {
  return runRules(doc, NARRATIVE_RULES, prior ? { prior } : {})
    .filter((f) => f.severity !== 'info')
    .map((f): [string, number | undefined] => [f.rule, f.locations[0]?.line])
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || a[0].localeCompare(b[0]));
}

function findings(doc: Document, rule: Rule, prior?: Document): Finding[] {
  return runRules(doc, [rule], prior ? { prior } : {});
}

/** A fresh (uncached) copy of a seed with its narrative text edited. */
async function edited(path: string, edit: (text: string) => string): Promise<Document> {
  const d = await parseFile(path);
  const visit = (s: Section) => {
    s.text = edit(s.text);
    s.children.forEach(visit);
  };
  d.narrative.forEach(visit);
  return withNarrative(d, d.narrative);
}

function claimAt(doc: Document, subject: string, line?: number): Claim {
  const found = doc.claims.filter((c) => c.subject === subject && (line === undefined || c.at.line === line) && !c.context);
  if (found.length === 0) throw new Error(`no claim 「${subject}」${line ? ` at ${line}` : ''}`);
  return found[0]!;
}

describe('splitting prose into clauses', () => {
  it('splits at ，；。：、 but not inside name brackets, and opens a list at a bracket after an amount', () => {
    const p = '因公出国（境）费0万元，增长--（基数为0，不可比）；公务用车购置及运行维护费14.82万元（公务用车购置费0万元。）比上年增加0万元';
    expect(splitClauses(p).map((c) => [c.text, c.delim])).toEqual([
      ['因公出国（境）费0万元', '，'],
      ['增长--（基数为0，不可比）', '；'],
      ['公务用车购置及运行维护费14.82万元', 'open'],
      ['公务用车购置费0万元', '。'],
      ['', 'close'],
      ['比上年增加0万元', ''],
    ]);
  });

  it('keeps thousands separators and splits at an ASCII comma before a word', () => {
    expect(splitClauses('收入预算3,390.78万元,比上年减少1,081.18万元').map((c) => c.text)).toEqual(['收入预算3,390.78万元', '比上年减少1,081.18万元']);
  });
});

describe('claims read from the seeds', () => {
  it('000: amount, change, percent and basis in fen, at the printed line', async () => {
    const c = claimAt(await seed(SEEDS.s000), '收入预算');
    expect(c).toMatchObject({ key: 'income.total', amount: { fen: wan('3,390.78'), raw: '3,390.78万元', unit: '万元', decimals: 2 }, at: { line: 499 } });
    expect(c.change).toMatchObject({ direction: 'decrease', amount: { fen: wan('1,081.18') }, percent: { value: 24.2, raw: '24.2%', decimals: 1 }, percentDirection: 'decrease', basis: '上年' });
    expect(c.sentence).toMatch(/^2026年本部门收入预算3,390.78万元，比上年减少1,081.18万元，下降24.2%，主要原因是/);
  });

  it('000: “三公”经费 with its 「其中」 parts and the bracketed vehicle parts; amounts printed with one decimal', async () => {
    const d = await seed(SEEDS.s000);
    const total = claimAt(d, '“三公”经费');
    expect(total.parts!.map((p) => [p.key, p.amount!.fen])).toEqual([
      ['threePublic.abroad', 0],
      ['threePublic.vehicle', wan('14.82')],
      ['threePublic.reception', wan('2.14')],
    ]);
    const vehicle = total.parts![1]!;
    expect(vehicle.breakdowns).toEqual([expect.objectContaining({ kind: 'partition', parts: [expect.objectContaining({ subject: '公务用车购置费' }), expect.objectContaining({ subject: '公务用车运行维护费' })] })]);
    expect(vehicle.change).toMatchObject({ direction: 'increase', amount: { fen: 0 }, percent: { value: 0 } });
    expect(claimAt(d, '工程类采购预算').amount).toMatchObject({ fen: wan('4.8'), raw: '4.8万元', decimals: 1 });
    expect(claimAt(d, '政府采购').parts!.map((p) => p.key)).toEqual(['procurement.goods', 'procurement.works', 'procurement.services']);
    expect(claimAt(d, '委托业务费')).toMatchObject({ key: 'economic.30227', phrase: '一般公共预算安排委托业务费' });
  });

  it('001: 「增长--（基数为0，不可比）」 is a percent that is not comparable', async () => {
    const c = claimAt(await seed(SEEDS.s001), '因公出国（境）费');
    expect(c.change).toMatchObject({ direction: 'increase', amount: { fen: 0 }, percent: 'not-comparable', basis: '上年' });
  });

  it('002: joins wrapped lines, reads 持平, completion rates, shares, and skips reasons', async () => {
    const d = await seed(SEEDS.s002);
    // 「…收入2,229.94万」⏎「元，比上年决算数…」 on lines 899/901.
    const gpb = claimAt(d, '一般公共预算财政拨款收入', 899);
    expect(gpb.amount!.fen).toBe(wan('2,229.94'));
    expect(gpb.change).toMatchObject({ direction: 'increase', amount: { fen: wan('979.77') }, percent: { value: 78.4 }, basis: '上年决算数' });
    expect(claimAt(d, '国有资本经营预算财政拨款收入', 848).change).toEqual({ direction: 'flat', words: { amount: '持平' }, basis: '上年决算数' });
    const threePublic = claimAt(d, '“三公”经费');
    expect(threePublic.completion).toEqual({ of: expect.objectContaining({ fen: wan('4.3'), decimals: 1 }), percent: { value: 38.3, raw: '38.3%', decimals: 1 } });
    expect(threePublic.at.line).toBe(946);
    const vehicle = threePublic.parts!.find((p) => p.key === 'threePublic.vehicle')!;
    expect(vehicle.parts!.map((p) => p.key)).toEqual(['threePublic.vehiclePurchase', 'threePublic.vehicleRunning']);
    expect(threePublic.parts!.map((p) => p.key)).toEqual(['threePublic.abroad', 'threePublic.vehicle', 'threePublic.reception']);
    expect(claimAt(d, '公务用车购置及运行维护费', 985)).toMatchObject({ share: { percent: { value: 91 } }, shareOf: '“三公”经费' });
    expect(claimAt(d, '执行数', 1071).completion).toMatchObject({ of: { fen: wan('2,386.28') }, percent: { value: 113.1 } });
    const reasons = d.claims.filter((c) => c.context === 'reason');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => !r.parts && !r.parentSubject)).toBe(true);
  });

  it('004: spaced amounts, 较上年预算安排, 比上年减, 增(减) 0, lists by heading, a list over several paragraphs, 年度预算安排：50 万元', async () => {
    const d = await seed(SEEDS.s004);
    const income = claimAt(d, '收入预算总额');
    expect(income).toMatchObject({ key: 'income.total', amount: { fen: wan('959.51'), raw: '959.51万元' }, change: { direction: 'increase', amount: { fen: wan('55.36') }, basis: '上年预算安排' }, at: { line: 273 } });
    const spending = claimAt(d, '支出预算总额');
    expect(spending.breakdowns!.map((b) => [b.kind, b.label, b.parts.length])).toEqual([
      ['partition', '按支出项目类别划分', 2],
      ['partition', '按支出功能科目划分', 4],
      ['partition', '按支出经济分类划分', 4],
    ]);
    expect(claimAt(d, '对个人和家庭的补助', 285)).toMatchObject({ key: 'economic.303', amount: { fen: wan('12') }, listLabel: '按支出经济分类划分' });
    expect(claimAt(d, '资本性支出（基本建设）', 285).key).toBe('economic.309');
    const threePublic = claimAt(d, '“三公”经费');
    expect(threePublic.parts!.map((p) => [p.subject, p.at.line, p.change?.direction, p.change?.amount?.fen])).toEqual([
      ['因公出国', 341, 'flat', 0],
      ['公务接待', 344, 'decrease', wan('7.22')],
      ['公务用车运行', 347, 'flat', 0],
      ['公务用车购置', 350, 'flat', 0],
    ]);
    expect(claimAt(d, '机关运行费').change).toMatchObject({ direction: 'decrease', amount: { fen: wan('7.49') }, percent: { value: 10.8 }, basis: '2025年预算' });
    expect(claimAt(d, '年度预算安排')).toMatchObject({ key: 'project.amount', amount: { fen: wan('50'), decimals: 0 }, at: { line: 335 } });
  });

  it('004: 人员 counts of the 概况, nested 「其中…包括…」 closed at ；', async () => {
    const d = await seed(SEEDS.s004);
    const actual = topLevelClaims(d.claims).find((c) => c.key === 'staff.actual')!;
    expect(actual).toMatchObject({ part: 'overview', count: { value: 35, unit: '人' }, at: { line: 65 } });
    expect(actual.parts!.map((p) => [p.subject, p.count!.value])).toEqual([
      ['在职人数', 33],
      ['离休人数', 0],
      ['退休人数', 2],
    ]);
    expect(actual.parts![0]!.parts!.map((p) => p.count!.value)).toEqual([10, 23, 0, 0]);
  });

  it('keeps every figure: claims that name no known subject are kept without a key', async () => {
    const d = await seed(SEEDS.s000);
    expect(claimAt(d, '固定资产金额')).toMatchObject({ amount: { fen: wan('299.3') } });
    expect(claimAt(d, '固定资产金额').key).toBeUndefined();
    expect(claimAt(d, '车辆').count).toEqual({ value: 4, unit: '辆' });
    // 「单价在100万元以上的设备0台」: 100万元以上 is a threshold, not an amount.
    expect(d.claims.some((c) => c.amount?.fen === wan('100'))).toBe(false);
  });
});

describe('narrative findings above info on the seeds (a new false positive or a lost finding fails here)', () => {
  it.each([
    ['000', SEEDS.s000],
    ['001', SEEDS.s001],
    ['002', SEEDS.s002],
    ['003', SEEDS.s003],
  ])('%s: none', async (_, path) => {
    expect(aboveInfo(await seed(path))).toEqual([]);
  });

  it('004: the 55.36 total change against its parts (four lists), 按经济分类 parts vs the total, and 对个人和家庭的补助 12 vs 0.12', async () => {
    const d = await seed(SEEDS.s004);
    expect(aboveInfo(d)).toEqual([
      ['narrative/parts-sum', 273], // 本年收入合计 −22.71 + 上年结转 +55.36 = +32.65 ≠ +55.36
      ['narrative/parts-sum', 279], // 基本支出 −20.93 + 项目支出 +23.19 = +2.26 ≠ +55.36
      ['narrative/parts-sum', 281], // by function: +0.54 −3.32 +5.18 −0.14 = +2.26 ≠ +55.36
      ['narrative/parts-sum', 283], // by economic class: 611.54 + 342.66 + 12 + 5.18 = 971.38 ≠ 959.51
      ['narrative/parts-sum', 283], // by economic class: −12 +273.61 +10.44 +5.18 = +277.23 ≠ +55.36
      ['narrative/restated-consistently', 295], // 对个人和家庭的补助 12 (line 285) vs 0.12 (line 295)
    ]);
    const byList = runRules(d, [partsSum]).filter((f) => f.severity === 'error');
    expect(byList.map((f) => [f.expected, f.actual])).toEqual([
      [wan('55.36'), wan('32.65')],
      [wan('55.36'), wan('2.26')],
      [wan('55.36'), wan('2.26')],
      [wan('959.51'), wan('971.38')],
      [wan('55.36'), wan('277.23')],
    ]);
    const restated = runRules(d, [restatedConsistently]).find((f) => f.severity === 'error')!;
    expect([restated.expected, restated.actual, restated.locations.map((l) => l.line)]).toEqual([wan('12'), wan('0.12'), [295, 285]]);
  });

  it('004: 财政拨款支出 959.51 against this year’s appropriations 881.44 is info only (the 上年结转 may be 财政拨款结转; the 财政拨款收支总表 is not published)', async () => {
    const f = findings(await seed(SEEDS.s004), amountMatchesTable).find((x) => x.locations[0]?.line === 289)!;
    expect(f).toMatchObject({ severity: 'info', expected: wan('881.44'), actual: wan('959.51') });
    expect(f.message).toMatch(/未公开《财政拨款收支总表》/);
  });

  it('001 with 002 (2023 决算, same 本级 department) as prior: no warning; the 三公 budget figures match', async () => {
    const doc = await seed(SEEDS.s001);
    const prior = await seed(SEEDS.s002);
    expect(aboveInfo(doc, prior)).toEqual([]);
    const infos = findings(doc, priorYear, prior);
    expect(infos).toHaveLength(1);
    expect(infos[0]!.message).toMatch(/没有可比的数字：第452行「收入预算」、第452行「支出预算」、第462行「机关运行经费」/);
  });
});

describe('narrative/amount-matches-table', () => {
  it('passes when the stated figure equals the table (4.3万元 = 4.30 after rounding)', async () => {
    expect(findings(await seed(SEEDS.s002), amountMatchesTable).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('fails when the table figure differs, with the sentence and the cell as locations', async () => {
    const d = await parseFile(SEEDS.s000);
    row(table(d, 'threePublic'), '“三公”经费').cells.total!.fen = wan('16.69');
    const f = findings(d, amountMatchesTable).filter((x) => x.severity === 'error');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: wan('16.69'), actual: wan('16.96'), difference: wan('0.27'), unit: '万元' });
    expect(f[0]!.locations.map((l) => [l.line, l.table ?? null])).toEqual([[503, null], [337, 'threePublic']]);
    expect(f[0]!.message).toMatch(/「“三公”经费」16\.96万元与表中 表8「财政拨款安排的行政经费及“三公”经费预算表」「“三公”经费」合计 16\.69 不一致/);
  });

  it('compares a 决算 completion with the 预算数', async () => {
    const d = await parseFile(SEEDS.s002);
    table(d, 'threePublic').rows[0]!.cells['budget.total']!.fen = wan('4.40');
    const f = findings(d, amountMatchesTable).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.locations[0]!.line, x.expected, x.actual])).toEqual([[946, wan('4.40'), wan('4.30')]]);
  });
});

describe('narrative/change-arithmetic', () => {
  it('passes on seeds (0→0 printed 「增长0%」 is info)', async () => {
    const f = findings(await seed(SEEDS.s000), changeArithmetic);
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['info', 503]]);
  });

  it('fails on a wrong percent', async () => {
    const d = await edited(SEEDS.s000, (t) => t.replace('下降24.2%', '下降42.2%'));
    const f = findings(d, changeArithmetic).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.locations[0]!.line)).toEqual([499]);
    expect(f[0]!.message).toMatch(/上年数（3,390\.78 \+ 1,081\.18）= 4,471\.96万元，下降应为 24\.18%，说明为 42\.2%/);
  });

  it('fails when the direction words disagree', async () => {
    const d = await edited(SEEDS.s001, (t) => t.replace('比上年增加56.62万元，增长2.84%', '比上年增加56.62万元，下降2.84%'));
    const f = findings(d, changeArithmetic).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.locations[0]!.line, x.message])).toEqual([[452, expect.stringMatching(/「收入预算」2,047万元，比上年增加56\.62万元，下降2\.84%：金额说「增加」，增减率却说「下降」/)]]);
  });

  it('fails on 「增长0%」 with a nonzero change, and on 「不可比」 with a nonzero base', async () => {
    const d = await edited(SEEDS.s003, (t) => t.replace('公务接待费5.96万元，比上年增加0万元，增长0%', '公务接待费5.96万元，比上年增加1万元，增长0%').replace('因公出国（境）费0万元，比上年减少11.38万元，下降100%', '因公出国（境）费0万元，比上年减少11.38万元，下降--'));
    const f = findings(d, changeArithmetic).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/「因公出国（境）费」.*不应写「不可比」/), expect.stringMatching(/「公务接待费」.*增长应为 20\.16%，说明为 0%/)]);
  });

  it('fails when the implied prior figure is negative', async () => {
    const d = await edited(SEEDS.s004, (t) => t.replace('增加 10.44 万元', '增加 90.44 万元'));
    const f = findings(d, changeArithmetic).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.locations[0]!.line, x.actual])).toEqual([[285, wan('12') - wan('90.44')]]);
  });
});

describe('narrative/ratio-arithmetic', () => {
  it('passes on 002 (完成预算 38.3% of 4.3, 占91%/9%, 占…的44.1%, 完成预算的113.1%)', async () => {
    expect(findings(await seed(SEEDS.s002), ratioArithmetic)).toEqual([]);
  });

  it('fails on a wrong share and a wrong completion rate', async () => {
    const d = await edited(SEEDS.s002, (t) => t.replace('占91%', '占81%').replace('完成全年预算4.3万元的38.3%', '完成全年预算4.3万元的48.3%').replace('占一般公共预算项目支出总额的44.1%', '占一般公共预算项目支出总额的54.1%'));
    const f = findings(d, ratioArithmetic);
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([
      ['error', 946],
      ['error', 985],
      ['error', 1048],
    ]);
    expect(f[2]!.message).toMatch(/表5「一般公共预算财政拨款支出决算表」「合计」项目支出 1,458\.04 = 44\.06%，说明为 54\.1%/);
  });
});

describe('narrative/parts-sum', () => {
  it('passes on 000 (三公, 公务用车, 政府采购)', async () => {
    expect(findings(await seed(SEEDS.s000), partsSum)).toEqual([]);
  });

  it('fails when a part is changed, and when the changes of the parts do not add up', async () => {
    const d = await edited(SEEDS.s000, (t) => t.replace('货物类采购预算10.22万元', '货物类采购预算10.32万元').replace('公务接待费2.14万元，比上年减少0.11万元', '公务接待费2.14万元，比上年减少0.21万元'));
    const f = findings(d, partsSum).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.locations[0]!.line, x.expected, x.actual])).toEqual([
      [503, -wan('0.11'), -wan('0.21')],
      [513, wan('271.45'), wan('271.55')],
    ]);
  });

  it('fails on staff counts that do not add up', async () => {
    const d = await edited(SEEDS.s004, (t) => t.replace('退休人数小计 2 人', '退休人数小计 3 人'));
    const f = findings(d, partsSum).filter((x) => x.severity === 'error' && x.locations[0]!.line === 65);
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/概况第65行「实有人数」35人.*= 36人/)]);
  });
});

describe('narrative/restated-consistently', () => {
  it('passes on 002 (一般公共预算财政拨款收入 and the 三公 items stated twice, the same way)', async () => {
    expect(findings(await seed(SEEDS.s002), restatedConsistently)).toEqual([]);
  });

  it('fails when a restatement differs', async () => {
    const d = await edited(SEEDS.s002, (t) => t.replace('其中：一般公共预算财政拨款收入2,229.94万元', '其中：一般公共预算财政拨款收入2,229.49万元'));
    const f = findings(d, restatedConsistently);
    expect(f.map((x) => [x.severity, x.locations.map((l) => l.line), x.expected, x.actual])).toEqual([['error', [899, 832], wan('2,229.94'), wan('2,229.49')]]);
  });
});

describe('narrative/prior-year', () => {
  it('skips, with an info, documents of another scope (000 is 汇总, 001 本级) or not consecutive', async () => {
    const f = findings(await seed(SEEDS.s000), priorYear, await seed(SEEDS.s001));
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0]!.message).toMatch(/口径不同——本文件为部门汇总预算，上年文件为单位本级预算/);
  });

  it('warns when the implied prior figure differs from last year’s document', async () => {
    const prior = await parseFile(SEEDS.s002);
    table(prior, 'threePublic').rows[0]!.cells['budget.total']!.fen = wan('4.40');
    const f = findings(await seed(SEEDS.s001), priorYear, prior).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.severity, x.locations[0]!.line, x.expected, x.actual])).toEqual([['warning', 456, wan('4.40'), wan('4.30')]]);
  });
});

describe('narrative/unresolved-claim', () => {
  it('lists, as info, figures that cannot be checked against a table', async () => {
    const f = findings(await seed(SEEDS.s000), unresolvedClaim);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
    expect(f.map((x) => x.message)).toContain('情况说明第517行「固定资产金额」299.3万元：主题不在主题词表中，无法与表格核对');
    expect(f.map((x) => x.message)).toContain('情况说明第513行「政府采购」271.45万元：主题「政府采购」没有可核对的表格（本文件未公开相应表格或栏目）');
  });

  it('passes (reports nothing) for a claim whose subject resolves to a table', async () => {
    const f = findings(await seed(SEEDS.s000), unresolvedClaim);
    expect(f.some((x) => /收入预算/.test(x.message))).toBe(false);
  });
});
