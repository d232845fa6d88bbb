import { describe, expect, it } from 'vitest';
import type { Row, Table } from '../src/model/index.js';
import { splitIndicatorValue } from '../src/recognize/performance.js';
import { jiangxiBudget } from '../src/templates/jiangxi-budget.js';
import { cell, kinds, row, seed, SEEDS, table, wan } from './helpers.js';

const doc = () => seed(SEEDS.s004);

const indicators = (t: Table): Row[] => t.rows.filter((r) => r.role === 'indicator');
function indicator(t: Table, name: string): Row {
  const found = indicators(t).filter((r) => r.name === name);
  if (found.length !== 1) throw new Error(`${found.length} indicators named ${name}`);
  return found[0]!;
}

describe('seed 004: 景德镇市医疗保障局 2026 budget (Jiangxi template, markdown with <b>)', () => {
  it('reads the identity, units and contents', async () => {
    const d = await doc();
    expect([d.department, d.year, d.kind, d.scope, d.template]).toEqual(['景德镇市医疗保障局', 2026, 'budget', 'department', 'jiangxi-budget']);
    expect(d.units).toEqual([
      { name: '景德镇市医疗保障局', self: true },
      { name: '景德镇市医疗保险事业服务中心', self: false },
    ]);
    expect(d.contents).toEqual([
      '收支预算总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表',
      '财政拨款“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表', '部门整体绩效目标', '项目绩效目标表',
    ]);
    expect(d.unrecognised).toEqual([]);
  });

  it('recognises the 8 printed tables (3 listed in the 目录 are absent) with row counts', async () => {
    const d = await doc();
    expect(kinds(d)).toEqual(['expenditure', 'gpbExpenditure', 'gpbBasicEconomic', 'threePublic', 'govFund', 'stateCapital', 'deptPerformance', 'projectPerformance']);
    expect(d.tables.map((t) => t.rows.length)).toEqual([21, 18, 25, 1, 0, 0, 25, 24]);
    expect(d.tables.map((t) => t.number)).toEqual([3, 5, 6, 7, 8, 9, 10, 11]);
    expect(d.tables.every((t) => t.unit === '万元')).toBe(true);
    expect(table(d, 'expenditure').reportingUnit).toBe('景德镇市医疗保障局');
  });

  it('reads 部门支出总表 with bold 类/款 rows and the 栏次 row', async () => {
    const t = table(await doc(), 'expenditure');
    expect(t.columns.map((c) => [c.key, c.printedNumber])).toEqual([['total', '1'], ['basic', '2'], ['project', '3']]);
    const total = row(t, '合计');
    expect([total.role, total.bold, total.cells.total!.fen, total.cells.basic!.fen, total.cells.project!.fen]).toEqual(['total', true, wan('959.51'), wan('673.22'), wan('286.28')]);
    const health = row(t, '210');
    expect([health.name, health.level, health.scheme, health.bold, health.cells.total!.fen]).toEqual(['卫生健康支出', 1, 'function', true, wan('819.11')]);
    expect([row(t, '21015').level, row(t, '21015').bold]).toEqual([2, true]);
    const item = row(t, '2101506');
    expect([item.name, item.level, item.bold, item.cells.total!.fen, item.cells.basic!.fen, item.cells.project!.fen]).toEqual(['医疗保障经办事务', 3, undefined, wan('480.58'), wan('322.36'), wan('158.22')]);
    expect(cell(t, '2101599', 'project')).toBe(wan('122.88'));
    expect(cell(t, '2210201', 'total')).toBe(wan('49.50'));
  });

  it('reads 一般公共预算支出表 and 一般公共预算基本支出表', async () => {
    const d = await doc();
    const gpb = table(d, 'gpbExpenditure');
    expect([cell(gpb, '合计', 'total'), cell(gpb, '合计', 'basic'), cell(gpb, '合计', 'project')]).toEqual([wan('881.44'), wan('673.22'), wan('208.22')]);
    expect(cell(gpb, '2101599', 'project')).toBe(wan('50.00'));
    const basic = table(d, 'gpbBasicEconomic');
    expect(basic.columns.map((c) => c.key)).toEqual(['total', 'personnel', 'publicUse']);
    expect(basic.columns.map((c) => c.label)).toEqual(['2026 年基本支出/合计', '2026 年基本支出/人员经费', '2026 年基本支出/公用经费']);
    expect(row(basic, '30201').name).toBe('办公费');
    expect(row(basic, '30201').scheme).toBe('economic');
    expect([cell(basic, '30201', 'total'), cell(basic, '30201', 'personnel'), cell(basic, '30201', 'publicUse')]).toEqual([wan('15.52'), 0, wan('15.52')]);
    expect([cell(basic, '合计', 'total'), cell(basic, '合计', 'personnel'), cell(basic, '合计', 'publicUse')]).toEqual([wan('673.22'), wan('611.66'), wan('61.56')]);
    expect([row(basic, '302').level, row(basic, '302').bold, cell(basic, '302', 'publicUse')]).toEqual([1, true, wan('61.56')]);
    expect(cell(basic, '30309', 'personnel')).toBe(wan('0.12'));
  });

  it('reads the 三公 table as one row of 8 amounts under a 3-row header', async () => {
    const t = table(await doc(), 'threePublic');
    expect(t.title).toBe('财政拨款“三公”经费支出表');
    expect(t.columns.map((c) => `${c.printedNumber}:${c.key}:${c.label}`)).toEqual([
      '1:total:合计',
      '2:abroad:因公出国(境)费/小计',
      '3:abroadOfficial:因公出国(境)费/一般公务出国(境)费',
      '4:abroadAcademic:因公出国(境)费/高等院校和科研院所学术交流合作出国(境)费',
      '5:reception:公务接待费',
      '6:vehicle:公务用车购置及运行维护费/小计',
      '7:vehicleRunning:公务用车购置及运行维护费/公务用车运行维护费',
      '8:vehiclePurchase:公务用车购置及运行维护费/公务用车购置',
    ]);
    const [r] = t.rows;
    expect([r!.name, r!.role, r!.at.line]).toEqual(['“三公”经费', 'item', 176]);
    expect(Object.fromEntries(Object.entries(r!.cells).map(([k, a]) => [k, a?.fen]))).toEqual({
      total: wan('1.00'), abroad: 0, abroadOfficial: 0, abroadAcademic: 0, reception: wan('1.00'), vehicle: 0, vehicleRunning: 0, vehiclePurchase: 0,
    });
    expect(r!.cells.total).toMatchObject({ raw: '1.00', unit: '万元', decimals: 2, at: { line: 176, cell: 0 } });
    expect(t.note).toBeUndefined();
  });

  it('keeps the empty fund tables with the notes printed before them', async () => {
    const d = await doc();
    const fund = table(d, 'govFund');
    expect(fund.rows).toHaveLength(0);
    expect(fund.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
    expect(fund.note).toBe('注：若为空表，则为该部门（单位）无政府性基金支出');
    expect([fund.span.from, fund.span.to]).toEqual([178, 188]);
    const capital = table(d, 'stateCapital');
    expect(capital.rows).toHaveLength(0);
    expect(capital.note).toBe('注：若为空表，则为该部门（单位）无国有资本经营预算支出');
    expect(capital.reportingUnit).toBe('景德镇市医疗保障局');
  });

  it('reads 部门整体绩效目标: header row, 24 indicators with 一级/二级 carried down', async () => {
    const t = table(await doc(), 'deptPerformance');
    expect(t.reportingUnit).toBe('景德镇市医疗保障局');
    const head = t.rows[0]!;
    expect([head.role, head.name, head.text?.departmentCode, head.text?.department]).toEqual(['item', '景德镇市医疗保障局', '507', '景德镇市医疗保障局']);
    expect(head.text?.target).toMatch(/^通过调整医疗服务收费价格.*维护医保基金安全。$/);
    const list = indicators(t);
    expect(list).toHaveLength(24);
    expect(list.map((r) => r.text?.level1)).toEqual([...Array(19).fill('产出指标'), ...Array(4).fill('效益指标'), '满意度指标']);
    expect(list.map((r) => r.at.line)).toEqual(Array.from({ length: 24 }, (_, k) => 207 + k));
    expect(indicator(t, '基本医保参保人数').text).toEqual({ level1: '产出指标', level2: '数量指标', level3: '基本医保参保人数', operator: '≥', target: '154', measure: '万人' });
    expect(indicator(t, '医保宣传活动覆盖率').text).toEqual({ level1: '产出指标', level2: '质量指标', level3: '医保宣传活动覆盖率', operator: '≥', target: '75', measure: '%' });
    expect(indicator(t, '参保人员满意度').text).toEqual({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '参保人员满意度', operator: '≥', target: '85', measure: '%' });
    // The misaligned row (its 三级 name printed in the 一级 column) is recovered in place.
    const recovered = indicator(t, '预算支出标准的执行率');
    expect(recovered.text).toEqual({ level1: '产出指标', level2: '成本指标', level3: '预算支出标准的执行率', operator: '≥', target: '95', measure: '%' });
    expect(recovered.at).toEqual({ file: SEEDS.s004, line: 225 });
    expect(indicator(t, '飞行检查查处收缴违规医保基金金额').text).toMatchObject({ level1: '效益指标', level2: '经济效益指标', measure: '万元' });
    expect(list.filter((r) => r.text?.level2 === '成本指标').map((r) => r.name)).toEqual(['在职人员控制率', '公用经费的控制率', '三公经费的控制率', '预算支出标准的执行率']);
  });

  it('reads 项目支出绩效目标表: project block with funding amounts and 23 indicators', async () => {
    const t = table(await doc(), 'projectPerformance');
    const project = '医疗保障服务能力建设_医疗保障改革专项经费';
    expect([t.title, t.project, t.unit]).toEqual(['项目支出绩效目标表', project, '万元']);
    const block = t.rows[0]!;
    expect([block.role, block.name, block.project, block.at.line]).toEqual(['item', project, project, 234]);
    expect(Object.fromEntries(Object.entries(block.cells).map(([k, a]) => [k, a?.fen]))).toEqual({ total: 50_000_000, nonFiscal: 0, other: 0, carriedOver: 0 });
    expect(block.cells.total).toMatchObject({ raw: '50.00', at: { line: 236, cell: 2 } });
    expect(block.text).toMatchObject({ department: '507-景德镇市医疗保障局', implementer: '景德镇市医疗保障局' });
    expect(block.text?.target).toMatch(/^通过调整医疗服务收费价格和开展集中带量采购工作,完善价格形成机制.*维护医保基金安全。$/);
    const list = indicators(t);
    expect(list).toHaveLength(23);
    expect(list.every((r) => r.project === project)).toBe(true);
    expect(indicator(t, '基金监管三折页制作数量').text).toEqual({ level1: '产出指标', level2: '数量指标', level3: '基金监管三折页制作数量', operator: '≥', target: '10000', measure: '张' });
    expect(indicator(t, '全民参保宣传费用').text).toEqual({ level1: '成本指标', level2: '经济成本指标', level3: '全民参保宣传费用', operator: '≤', target: '4', measure: '万元' });
    expect(indicator(t, '定点医药机构监督检查覆盖率').text).toMatchObject({ operator: '=', target: '100', measure: '%' });
    const recovered = indicator(t, 'DIP服务改革出台政策及时率');
    expect(recovered.text).toEqual({ level1: '产出指标', level2: '时效指标', level3: 'DIP服务改革出台政策及时率', operator: '=', target: '100', measure: '%' });
    expect(recovered.at.line).toBe(261);
    expect(indicator(t, '参保人员满意度').text).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
  });

  it('reads the narrative parts and the glossary', async () => {
    const d = await doc();
    expect(d.narrative.map((s) => [s.number, s.part])).toEqual([['第一部分', 'overview'], ['第三部分', 'explanation'], ['第四部分', 'glossary']]);
    expect(d.narrative[0]!.children.map((s) => s.heading)).toEqual(['部门主要职责', '机构设置及人员情况']);
    const explanation = d.narrative[1]!;
    expect(explanation.children.map((s) => `${s.number}${s.heading}`)).toEqual(['一2026 年部门预算收支情况说明', '二2026 年财政拨款“三公”经费预算情况说明']);
    const sections = explanation.children[0]!.children;
    expect(sections.map((s) => s.number)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)']);
    expect(sections[2]!.heading).toBe('财政拨款支出情况');
    expect(sections[8]!.heading).toBe('医疗保障改革专项经费项目情况说明');
    expect(sections[8]!.children).toEqual([]);
    expect(d.narrative[2]!.children.map((s) => s.heading)).toEqual(['收入科目', '支出科目', '相关专业名词']);
    expect(d.glossary.map((g) => g.term)).toContain('“三公”经费');
    const carried = d.glossary.find((g) => g.term === '上年结转和结余')!;
    expect(carried.definition).toBe('指以前年度全部结转和结余的资金数，包括当年结转结余资金和历年滚存结转结余资金。');
  });
});

describe('Jiangxi template titles and indicator values', () => {
  const titled = (t: string) => jiangxiBudget.tables.filter((s) => s.titles.some((re) => re.test(t))).map((s) => s.kind);

  it('matches titles with or without 《》 and either kind of quotes', () => {
    expect(titled('收支预算总表')).toEqual(['summary']);
    expect(titled('《部门收入总表》')).toEqual(['income']);
    expect(titled('财政拨款收支总表')).toEqual(['fiscalSummary']);
    expect(titled('《财政拨款“三公”经费支出表》')).toEqual(['threePublic']);
    expect(titled('财政拨款"三公"经费支出表')).toEqual(['threePublic']);
    expect(titled('部门整体绩效目标')).toEqual(['deptPerformance']);
    expect(titled('《项目绩效目标表》')).toEqual(['projectPerformance']);
    expect(titled('项目支出绩效目标表')).toEqual(['projectPerformance']);
    expect(titled('一般公共预算基本支出表')).toEqual(['gpbBasicEconomic']);
    expect(titled('收入总体情况表')).toEqual([]);
  });

  it('splits a combined 指标值', () => {
    expect(splitIndicatorValue('≥10000张')).toEqual({ operator: '≥', target: '10000', measure: '张' });
    expect(splitIndicatorValue('≤4万元')).toEqual({ operator: '≤', target: '4', measure: '万元' });
    expect(splitIndicatorValue('=100%')).toEqual({ operator: '=', target: '100', measure: '%' });
    expect(splitIndicatorValue('＞0.5 个百分点')).toEqual({ operator: '>', target: '0.5', measure: '个百分点' });
    expect(splitIndicatorValue('优')).toEqual({ target: '优' });
  });
});
