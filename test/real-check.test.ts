import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/index.js';
import { parseFile } from '../src/index.js';
import type { Document, Finding } from '../src/model/index.js';
import { resolveClaim, restatementOf } from '../src/narrative/index.js';
import { wan } from './helpers.js';

/**
 * `yusuan check` on real published disclosures (test/fixtures/real/): every finding above info, pinned
 * as [rule, line] (and the page, where the finding is located in a table of the PDF: narrative
 * findings carry the reader's running line only). Each one is a real inconsistency of the published
 * text, checked by hand (the comment says why), so a false positive that comes back fails here.
 *
 * Every 科目 code these documents print is in the built-in catalogue (20106 财政事务, 2010608
 * 财政委托业务支出, 2040601 司法 行政运行, 2120104 城管执法, …), so no classification/unknown-code
 * warning appears either: one would be a gap of the catalogue, and fails here.
 */
const DIR = 'test/fixtures/real/';

const docs = new Map<string, Promise<Document>>();
const doc = (name: string): Promise<Document> => {
  if (!docs.has(name)) docs.set(name, parseFile(DIR + name));
  return docs.get(name)!;
};
const checked = new Map<string, Promise<Finding[]>>();
const findingsOf = (name: string): Promise<Finding[]> => {
  if (!checked.has(name)) checked.set(name, doc(name).then((d) => checkDocument(d)));
  return checked.get(name)!;
};

type Pinned = [rule: string, line: number | undefined] | [rule: string, line: number | undefined, page: number];

async function aboveInfo(name: string): Promise<Pinned[]> {
  return (await findingsOf(name))
    .filter((f) => f.severity !== 'info')
    .map((f): Pinned => {
      const at = f.locations[0];
      return at?.page !== undefined ? [f.rule, at.line, at.page] : [f.rule, at?.line];
    });
}

const find = async (name: string, rule: string, line: number): Promise<Finding> => {
  const f = (await findingsOf(name)).find((x) => x.rule === rule && x.locations[0]?.line === line && x.severity !== 'info');
  if (!f) throw new Error(`no ${rule} finding at line ${line} of ${name}`);
  return f;
};

describe('上海市普陀区司法局 2026年部门预算', () => {
  const name = 'putuo-justice-2026-budget-department.pdf';

  it('reports only the real inconsistencies', async () => {
    expect(await aboveInfo(name)).toEqual([
      // 「2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%」:
      // 3845.49 is less than 43269.3, yet 「增加」 (3845.49 ÷ 3269.3 = +17.62%: the 执行数 has a stray 4).
      ['text/comparison', 120],
      // Item 9 (职业年金): 77.99 → 91.97 is +17.93%, printed 17.66% (item 8's percent, copied).
      ['narrative/change-arithmetic', 129],
      // Item 12 (住房公积金): the item says 208.8万元 (= table 5 2210201: 2,087,959元), its 「2026年预算安排」
      // 201.50万元; the printed +5.27% over 198.34 is right for 208.8, so 201.50 is the slip.
      ['narrative/restated-consistently', 139],
      // 「比2026年预算增加793.14万元」「与2026年预算持平」 in the 2026 budget (reviewers' checklist: should be
      // 2025), once per paragraph (the first paragraph once, the second four times).
      // Page 3, after the 目录, is empty (the reviewers' checklist: 「目录后多了一页空白页」).
      ['input/unrecognised', undefined, 3],
      // 主要职能 (六)–(十) are printed again on page 5 (the reviewers' 「部分文字未显示」: the page-4 copy is clipped).
      ['text/repeated-paragraph', 55],
      ['text/year', 95],
      ['text/year', 97],
      // 「…的主要原因是工作量增加」 ends its line short, then 「财政拨款支出主要内容如下：」 runs on in the same
      // paragraph: the full stop is missing (reviewers' checklist).
      ['text/unterminated', 100],
      // 「…等方面的支出。。2025年…」: a doubled full stop.
      ['text/punctuation', 116],
      // 「医疗卫生与计划生育支出（210类）」: 类 210 has been 「卫生健康支出」 since 2019.
      ['classification/code-name', 135],
      // 「开展“人民调解协议书检查”、优秀调解案例”活动」: the second ” has no opening “.
      ['text/brackets', 389],
    ]);
  });

  it('208.8万元 matches the table (2,087,959元 rounded to 0.1万元); the restatement 201.50 does not', async () => {
    const d = await doc(name);
    const item = d.claims.find((c) => c.at.line === 138 && c.amount?.raw === '208.8万元')!;
    expect(item.key).toBe('function.item:2210201:住房保障支出/住房改革支出/住房公积金');
    expect(resolveClaim(d, item)?.figure?.fen).toBe(208_795_900);
    const restated = d.claims.find((c) => c.at.line === 139 && c.amount?.raw === '201.50万元')!;
    expect(restatementOf(restated)).toBe(item);
    const f = await find(name, 'narrative/restated-consistently', 139);
    expect([f.expected, f.actual]).toEqual([wan('208.8'), wan('201.50')]);
    // Prose in 万元, tables in 元: 9628.22万元 = 96,282,213.44元 after rounding, no finding.
    expect((await findingsOf(name)).filter((x) => x.rule === 'narrative/amount-matches-table')).toEqual([]);
  });

  it('each numbered item’s 「预算安排」 is its own figure: not compared across items', async () => {
    const restated = (await findingsOf(name)).filter((f) => f.rule === 'narrative/restated-consistently');
    expect(restated.map((f) => f.locations[0]?.line)).toEqual([139]);
  });
});

describe('上海市普陀区人民政府万里街道办事处 2024年部门预算', () => {
  const name = 'putuo-wanli-street-2024-budget-department.pdf';

  it('reports only the real inconsistencies', async () => {
    expect(await aboveInfo(name)).toEqual([
      // Item 9 (其他教育支出): 「2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加
      // 100.00%」: growth from 0 cannot be computed (「--（基数为0，不可比）」).
      ['narrative/change-arithmetic', 108],
      // Item 31 (住房公积金): the item says 350.35万元 (= table 5 2210201: 3,503,499元), its 「2024年预算安排」
      // 352.67万元 (the printed +0.53% over 348.52 is right for 350.35).
      ['narrative/restated-consistently', 181],
      // Table 8 prints the 款 of 津贴补贴 and 绩效工资 as 「2」「7」 (codes 3012, 3017: pdftotext shows the
      // same), so as coded the children of 301 do not add up to it: one defect of the published table,
      // reported as two malformed codes and as the hierarchy (合计 and 人员经费 columns) it breaks.
      ['sum/hierarchy', 511, 29],
      ['sum/hierarchy', 511, 29],
      ['classification/code-format', 512],
      ['classification/code-format', 513],
      // 名词解释: 「市级预算主管部门」「市级财政」 in a district (区级) department's disclosure (copied from the
      // municipal template; 司法局 writes 区级).
      ['text/department-name', 64],
    ]);
  });

  it('the 建筑面积 of the project description (平方米, 约) is not money: info only', async () => {
    const f = (await findingsOf(name)).filter((x) => x.rule === 'narrative/parts-sum');
    expect(f.map((x) => [x.severity, x.locations[0]?.line])).toEqual([['info', 589]]);
  });
});

describe('上海市普陀区人民政府办公室 2025年预算 (部门, 单位)', () => {
  it('部门: a sentence without its full stop, and no reason given for the “三公” figures', async () => {
    expect(await aboveInfo('putuo-govoffice-2025-budget-department.pdf')).toEqual([
      // 「二、…三公」: every item 「与2024年预算持平」 without the reason the template asks for (司法局 gives one).
      ['completeness/narrative-sections', 310],
      // 「七、绩效目标」: 「详见单位的项目绩效目标表」 has no full stop.
      ['text/unterminated', 348],
    ]);
  });

  it('单位: no reason given for the “三公” figures', async () => {
    expect(await aboveInfo('putuo-govoffice-2025-budget-unit.pdf')).toEqual([['completeness/narrative-sections', 334]]);
  });

  it('9,101.68万元 matches 91,016,775.35元 (prose in 万元, tables in 元), and the dashed 科目 items resolve', async () => {
    const name = 'putuo-govoffice-2025-budget-department.pdf';
    expect((await findingsOf(name)).filter((x) => x.rule === 'narrative/amount-matches-table')).toEqual([]);
    const d = await doc(name);
    const item = d.claims.find((c) => c.amount?.raw === '1,202.95万元')!;
    expect(item.key).toBe('function.item:一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行');
    expect(resolveClaim(d, item)?.figure?.cells[0]?.row.code).toBe('2010301');
  });
});

describe('上海市普陀区财政局 2024年度部门决算', () => {
  const name = 'putuo-finance-2024-final-department.pdf';

  it('reports only the real inconsistencies', async () => {
    expect(await aboveInfo(name)).toEqual([
      // 社会保障和就业支出: 326.71 in 表1 收入支出决算总表, 326.72 in 表3 支出决算表 (whose 项 add up to it:
      // 84.65 + 160.75 + 80.38 + 0.94 = 326.72): the tables disagree by 0.01.
      ['cross/by-code', 144, 6],
      // 「财政拨款收入支出总计0.3万元」: 表4 财政拨款收入支出决算总表 总计 is 2,961.68万元.
      ['narrative/amount-matches-table', 397],
      // Page 14 prints nothing but one empty table row: a blank page in the published file.
      ['input/unrecognised', undefined, 14],
    ]);
    const f = await find(name, 'narrative/amount-matches-table', 397);
    expect([f.expected, f.actual]).toEqual([wan('2961.68'), wan('0.3')]);
  });

  it('the “三公” 年初预算 0.95 is the whole’s 预算数 (matching 表9 合计), not each part’s', async () => {
    const d = await doc(name);
    const claims = d.claims.filter((c) => c.at.line === 484 || c.at.line === 485);
    const budget = claims.find((c) => c.amount?.raw === '0.95万元')!;
    expect([budget.key, budget.measure]).toEqual(['threePublic.total', 'budget']);
    expect(resolveClaim(d, budget)?.figure?.fen).toBe(wan('0.95'));
    const abroad = claims.find((c) => c.key === 'threePublic.abroad')!;
    expect(abroad.completion?.of).toBeUndefined();
  });
});

describe('2024年度部门决算 template (blank)', () => {
  it('reports the unfilled template: placeholders, empty tables, missing explanations', async () => {
    const found = await aboveInfo('final-accounts-template-2024.pdf');
    // Every 「XX」「XXX」 left in the text, several on one line reported one by one (pinned by what they
    // quote rather than by line: how the reader wraps the template's last page is not the point here).
    const placeholders = (await findingsOf('final-accounts-template-2024.pdf')).filter((f) => f.rule === 'text/placeholder');
    expect(placeholders.length).toBeGreaterThanOrEqual(25);
    for (const f of placeholders) expect([f.severity, f.message]).toEqual(['error', expect.stringMatching(/占位符未替换：「[^」]*X{2,}/)]);
    expect(found.filter(([rule]) => rule !== 'text/placeholder')).toEqual([
      // Tables 1–6 and 9 are empty (the template has no figures) and their notes do not say why.
      ['completeness/empty-table-note', 86],
      ['completeness/empty-table-note', 122],
      ['completeness/empty-table-note', 138],
      ['completeness/empty-table-note', 154],
      ['completeness/empty-table-note', 193],
      ['completeness/empty-table-note', 209],
      ['completeness/empty-table-note', 255],
      // No 收支增减变化 explained (only 「增加（减少）XXX万元」 placeholders).
      ['completeness/narrative-sections', 287],
      // The unit list's unfilled rows 「4 。。。」…「8 。。。」.
      ['text/punctuation', 78],
      ['text/punctuation', 79],
      ['text/punctuation', 80],
      ['text/punctuation', 81],
      ['text/punctuation', 82],
      // The template's own example item 「1、XX（类）XX（款）XX（项）…」 is printed twice.
      ['text/repeated-paragraph', 479],
    ]);
  });
});
