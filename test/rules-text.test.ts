import { describe, expect, it } from 'vitest';
import { bracketProblems } from '../src/check/text/scan.js';
import { parseFile } from '../src/index.js';
import { brief, edited, family, rewritten } from './rule-harness.js';
import { row, SEEDS, table } from './helpers.js';

const { familyRules, run } = family('text/');

describe('text rules are registered', () => {
  it('has the twelve rules, each documented in Chinese and English', () => {
    expect(familyRules.map((r) => r.meta.id).sort()).toEqual([
      'text/brackets',
      'text/comparison',
      'text/department-name',
      'text/duplicate-word',
      'text/empty-section',
      'text/garbled',
      'text/placeholder',
      'text/punctuation',
      'text/repeated-paragraph',
      'text/truncated-cell',
      'text/unterminated',
      'text/year',
    ]);
    for (const r of familyRules) expect(r.meta.docs).toMatch(/[\u4e00-\u9fff].*[A-Za-z]/s);
  });
});

describe('text/year', () => {
  it('flags 「2025年计划聘请专家」 in a 2026 budget’s 绩效目标 (000)', async () => {
    const f = run(await parseFile(SEEDS.s000), 'text/year');
    expect(brief(f)).toEqual([['text/year', 'warning', 482]]);
    expect(f[0]!.locations[0]).toMatchObject({ table: 'unitProject', row: '医疗保障工作专家劳务费', column: 'performanceTarget' });
  });
  it('accepts comparisons, prior-year execution and a 截至 date of the year before in a budget', async () => {
    expect(run(await parseFile(SEEDS.s004), 'text/year')).toEqual([]); // 「比 2025 年预算减少」「截至 2025 年 7 月 31 日」
    const d = await rewritten(SEEDS.s003, ['2026年本部门一般公共预算安排委托业务费2,579.34万元，', '2025年当年预算执行数为2,872.66万元，2026年本部门一般公共预算安排委托业务费2,579.34万元，']);
    expect(run(d, 'text/year')).toEqual([]);
  });
  it('flags a budget sentence that plans for an earlier year', async () => {
    const d = await rewritten(SEEDS.s001, ['2024年本部门政府采购安排234.75万元', '2023年本部门政府采购计划安排234.75万元']);
    expect(brief(run(d, 'text/year'))).toEqual([['text/year', 'warning', 466]]);
  });
  it('flags 「2022年度我单位…」 in a 2023 final account, and a 截至 date outside the year', async () => {
    expect(brief(run(await parseFile(SEEDS.s002), 'text/year'))).toEqual([['text/year', 'warning', 1052]]);
    const d = await rewritten(SEEDS.s002, ['截至2023年12月31日', '截至2022年12月31日'], ['　　2022年度我单位未开展', '　　2023年度我单位未开展']);
    const f = run(d, 'text/year');
    expect(brief(f)).toEqual([['text/year', 'warning', 1038]]);
    expect(f[0]!.message).toContain('截至2022年');
  });
  it('reports a part heading with another year as an error', async () => {
    const d = await rewritten(SEEDS.s003, ['第三部分 2026年部门预算情况说明\n\n一、', '第三部分 2025年部门预算情况说明\n\n一、']);
    expect(brief(run(d, 'text/year'))).toEqual([['text/year', 'error', 478]]);
  });
});

describe('text/placeholder', () => {
  it('passes filled-in text', async () => {
    expect(run(await parseFile(SEEDS.s003), 'text/placeholder')).toEqual([]);
  });
  it('reports 「202 年」, 「XX局」 and empty brackets as errors', async () => {
    const d = await rewritten(
      SEEDS.s003,
      ['2026年本部门政府采购安排', '202 年本部门政府采购安排'],
      ['局本级内设机构7个', 'XX局本级内设机构7个'],
      ['主要原因是根据政策，减少困难群众', '主要原因是（）减少困难群众'],
    );
    const f = run(d, 'text/placeholder');
    expect(brief(f)).toEqual([
      ['text/placeholder', 'error', 65],
      ['text/placeholder', 'error', 496],
      ['text/placeholder', 'error', 504],
    ]);
  });
  it('warns about template instructions left in 004’s 名词解释', async () => {
    const f = run(await parseFile(SEEDS.s004), 'text/placeholder');
    expect(brief(f)).toEqual([
      ['text/placeholder', 'warning', 357],
      ['text/placeholder', 'warning', 381],
    ]);
    expect(f[1]!.locations[0]!.text).toContain('结合部门实际');
  });
});

describe('text/garbled', () => {
  it('passes clean text', async () => {
    expect(run(await parseFile(SEEDS.s001), 'text/garbled')).toEqual([]);
  });
  it('reports a cell cut off in a replacement character', async () => {
    const d = await edited(SEEDS.s003, (x) => {
      const r = row(table(x, 'unitProject'), '医疗保障宣传经费');
      r.text!.performanceTarget = '主动做好医疗保障政策解读和服务宣传，及时回应社\uFFFD';
    });
    const f = run(d, 'text/garbled');
    expect(brief(f)).toEqual([['text/garbled', 'error', 437]]);
    expect(f[0]!.message).toContain('截断');
  });
});

describe('text/department-name', () => {
  it('passes 「（本级）」 and coded 「507 景德镇市医疗保障局」 forms', async () => {
    for (const s of [SEEDS.s001, SEEDS.s002]) expect(run(await parseFile(s), 'text/department-name')).toEqual([]);
    expect(run(await parseFile(SEEDS.s004), 'text/department-name').filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('reports another department in a 单位名称 and in a part heading', async () => {
    const d = await rewritten(SEEDS.s003, ['单位名称：广州市医疗保障局\n\n单位：万元\n\n项目\t合计', '单位名称：佛山市医疗保障局\n\n单位：万元\n\n项目\t合计'], ['第一部分 广州市医疗保障局概况\n\n一、', '第一部分 佛山市医疗保障局概况\n\n一、']);
    const f = run(d, 'text/department-name');
    expect(brief(f)).toEqual([
      ['text/department-name', 'error', 33],
      ['text/department-name', 'error', 352],
    ]);
    expect(f[0]!.message).toContain('「佛山市医疗保障局」');
  });
});

describe('text/department-name: the level of the treasury', () => {
  it('accepts 「本级财政」 and a treasury of the department’s own level', async () => {
    expect(run(await parseFile(SEEDS.s000), 'text/department-name')).toEqual([]);
    const d = await rewritten(SEEDS.s003, ['指预算单位从本级财政部门取得的财政预算资金收入', '指市级财政当年拨付的资金']);
    expect(run(d, 'text/department-name')).toEqual([]);
  });
  it('warns when a city department’s 名词解释 says 「省级财政当年拨付」 (004)', async () => {
    const f = run(await parseFile(SEEDS.s004), 'text/department-name');
    expect(brief(f)).toEqual([['text/department-name', 'warning', 359]]);
    expect(f[0]!.message).toContain('市级部门');
  });
});

describe('text/punctuation', () => {
  it('passes the seeds', async () => {
    expect(run(await parseFile(SEEDS.s000), 'text/punctuation')).toEqual([]);
  });
  it('reports 「。。」 and 「，，」', async () => {
    const d = await rewritten(SEEDS.s003, ['开展医疗保障领域合作交流。', '开展医疗保障领域合作交流。。'], ['主要原因是根据政策，减少困难', '主要原因是根据政策，，减少困难']);
    expect(brief(run(d, 'text/punctuation'))).toEqual([
      ['text/punctuation', 'warning', 53],
      ['text/punctuation', 'warning', 504],
    ]);
  });
});

describe('text/unterminated', () => {
  it('passes sections that end with 。 and wrapped lines joined across a page (000 「维修\\n\\n(护)费」)', async () => {
    expect(run(await parseFile(SEEDS.s000), 'text/unterminated')).toEqual([]);
    expect(run(await parseFile(SEEDS.s003), 'text/unterminated')).toEqual([]);
  });
  it('reports 004’s two sections without a full stop, at their last line', async () => {
    const f = run(await parseFile(SEEDS.s004), 'text/unterminated');
    expect(brief(f)).toEqual([
      ['text/unterminated', 'warning', 299],
      ['text/unterminated', 'warning', 303],
    ]);
  });
  it('reports a 绩效目标 cell without a full stop (001), and a section cut off mid-sentence', async () => {
    expect(brief(run(await parseFile(SEEDS.s001), 'text/unterminated'))).toEqual([['text/unterminated', 'warning', 425]]);
    const d = await rewritten(SEEDS.s003, ['服务类采购预算2,749.83万元等。', '服务类采购预算2,749.83万元等，其中信息化支出预算支']);
    const f = run(d, 'text/unterminated');
    expect(brief(f)).toEqual([['text/unterminated', 'warning', 496]]);
    expect(f[0]!.message).toContain('其中信息化支出预算支」没有以句号结束');
  });
  it('keeps notes without a full stop as info', async () => {
    const f = run(await parseFile(SEEDS.s001), 'text/unterminated', true).filter((x) => x.severity === 'info');
    expect(f.map((x) => x.locations[0]!.line)).toEqual([446]);
  });
});

describe('text/truncated-cell', () => {
  it('reports the indicator name 004 cut off in its 项目支出绩效目标表', async () => {
    const f = run(await parseFile(SEEDS.s004), 'text/truncated-cell');
    expect(brief(f)).toEqual([['text/truncated-cell', 'warning', 258]]);
    expect(f[0]!.message).toContain('对定点医疗机构进行飞行检查查处违规基金追回比率');
  });
  it('does not take 「…（视频拍摄）」 + 「费用」 for a truncation', async () => {
    const d = await edited(SEEDS.s004, (x) => (row(table(x, 'projectPerformance'), '对定点医疗机构进行飞行检查查处违规基').name = '对定点医疗机构进行飞行检查查处违规基金追回比率'));
    expect(run(d, 'text/truncated-cell')).toEqual([]);
  });
});

describe('text/brackets', () => {
  it('balances nested quotes, mixed-width brackets and list markers', () => {
    expect(bracketProblems('“1. 结合…使“两库”公开。2. …体系。”')).toEqual([]);
    expect(bracketProblems('维修（护)费')).toEqual([]);
    expect(bracketProblems('《办法》3) 实施主体：景德镇市医疗保障局（本级）4) 实施方案')).toEqual([]);
    expect(bracketProblems('开展“人民调解协议书检查”、优秀调解案例”活动。').map((p) => [p.char, p.kind])).toEqual([['”', 'unopened']]);
  });
  it('passes the seeds', async () => {
    for (const s of Object.values(SEEDS)) expect(run(await parseFile(s), 'text/brackets')).toEqual([]);
  });
  it('reports an extra closing quote and an unclosed bracket', async () => {
    const d = await rewritten(SEEDS.s003, ['基本医疗保险权益，保证“病有所医”，', '基本医疗保险权益，保证“病有所医”，促进社会和谐”，'], ['主要是购置新对外服务场地多联体空调', '主要是（购置新对外服务场地多联体空调']);
    const f = run(d, 'text/brackets');
    expect(brief(f)).toEqual([
      ['text/brackets', 'warning', 458],
      ['text/brackets', 'warning', 500],
    ]);
  });
});

describe('text/comparison', () => {
  it('accepts 002’s 「决算小于预算数」 (1.65 < 4.3) and 「大于上年决算数」 (增加0.76万元)', async () => {
    expect(run(await parseFile(SEEDS.s002), 'text/comparison')).toEqual([]);
  });
  it('reports the same claims reversed', async () => {
    const d = await rewritten(SEEDS.s002, ['决算小于预算数', '决算大于预算数'], ['决算大于上年决算数', '决算小于上年决算数']);
    const f = run(d, 'text/comparison');
    expect(brief(f)).toEqual([
      ['text/comparison', 'error', 971],
      ['text/comparison', 'error', 977],
    ]);
    expect(f[0]!.message).toContain('决算 1.65 万元、预算 4.3 万元');
  });
  it('reads a negated comparison: 「不超过预算数」 holds, 「未低于预算数」 does not', async () => {
    expect(run(await rewritten(SEEDS.s002, ['决算小于预算数', '决算不超过预算数']), 'text/comparison')).toEqual([]);
    const f = run(await rewritten(SEEDS.s002, ['决算小于预算数', '决算未低于预算数']), 'text/comparison');
    expect(brief(f)).toEqual([['text/comparison', 'error', 971]]);
    expect(f[0]!.message).toContain('与「未低于」相反');
  });
  it('reports a figure that falls while the text says 增加 (the reviewers’ 「…比2025年预算执行数增加17.62%」)', async () => {
    const d = await rewritten(SEEDS.s000, ['2026年本部门一般公共预算安排委托业务费342.63万元，比上年减少119.94万元，下降25.9%', '2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%']);
    const f = run(d, 'text/comparison');
    expect(brief(f)).toEqual([['text/comparison', 'error', 521]]);
    expect(f[0]!.message).toContain('3845.49万元 比 43269.3万元 少');
  });
  it('leaves 「减少…增长」 within one change to narrative/change-arithmetic', async () => {
    const d = await rewritten(SEEDS.s000, ['比上年减少0.11万元，下降4.9%', '比上年减少0.11万元，增长4.9%']);
    expect(run(d, 'text/comparison')).toEqual([]);
  });
});

describe('text/duplicate-word', () => {
  it('reports 「两个项目项目」 in 002 and nothing in 000', async () => {
    expect(brief(run(await parseFile(SEEDS.s002), 'text/duplicate-word'))).toEqual([['text/duplicate-word', 'warning', 1112]]);
    expect(run(await parseFile(SEEDS.s000), 'text/duplicate-word')).toEqual([]);
  });
});

describe('text/empty-section', () => {
  it('passes headings followed by text or a table (000 第二部分, 七 重点项目)', async () => {
    expect(run(await parseFile(SEEDS.s000), 'text/empty-section')).toEqual([]);
  });
  it('reports a numbered heading with nothing under it', async () => {
    const d = await rewritten(SEEDS.s000, ['第四部分 名词解释\n\n一、', '八、其他需要说明的情况\n\n第四部分 名词解释\n\n一、']);
    expect(brief(run(d, 'text/empty-section'))).toEqual([['text/empty-section', 'warning', 534]]);
  });
});

describe.each([
  ['000', SEEDS.s000, ['text/year@482']],
  ['001', SEEDS.s001, ['text/unterminated@425']],
  ['002', SEEDS.s002, ['text/duplicate-word@1112', 'text/year@1052']],
  ['003', SEEDS.s003, []],
  ['004', SEEDS.s004, ['text/department-name@359', 'text/truncated-cell@258', 'text/unterminated@299', 'text/unterminated@303', 'text/placeholder@357', 'text/placeholder@381']],
])('seed %s', (_n, path, expected) => {
  it('has exactly the expected text findings above info', async () => {
    const found = run(await parseFile(path)).map((f) => `${f.rule}@${f.locations[0]?.line}`);
    expect(found.sort()).toEqual([...expected].sort());
  });
});
