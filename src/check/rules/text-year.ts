import type { Document, Severity } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { allMatches, clauses, excerpt } from '../text/scan.js';
import { locate, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

/** A year written as a single year: 「2025年」「2025 年度」, not part of a range 「2025-2026年」. */
const YEAR = /(?<![\d\-－—~～至])((?:19|20)\d{2})\s*(年度?)(?!\s*[-－—~～至]\s*\d)/gu;
/** 「截至2023年12月31日」 */
const AS_OF = /截[至止]\s*((?:19|20)\d{2})\s*年/gu;

/**
 * A comparison with a year's budget or final account: 「比2026年预算增加」「与2025年预算持平」「与2024年度相比」.
 * The year compared with must be an earlier one.
 */
const COMPARED_BUDGET = /(?:比|较|与|同|和)\s*((?:19|20)\d{2})\s*年度?\s*(?:年初)?预算(?:数|安排)?/gu;
const COMPARED_FINAL = /(?:(?:与|同|和)\s*((?:19|20)\d{2})\s*年度?\s*(?:决算数?)?\s*(?:相比|比较)|(?:比|较)\s*((?:19|20)\d{2})\s*年度?\s*决算)/gu;

/** The clause compares or refers back: the earlier year is the point of comparison, not the subject. */
const COMPARISON = /比|较|同比|相比|对比|上年|去年|以前|以来|往年|历年|结转|延续|持续|起|至今|截[至止]|清算|执行|完成|实际|决算|下达|批复/;
/** Budget prose: what the department plans or funds. */
const PLAN = /计划|拟|预计|将|准备|安排|投入/;
/** Words that may stand before the year in a clause about the document's own year. */
const SUBJECT_BEFORE = /^(?:[\s\u3000]*|.{0,6})$/u;

function years(text: string): { year: number; index: number; end: number }[] {
  if (!text.includes('年')) return [];
  return [...text.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), index: m.index, end: m.index + m[0].length }));
}

const FIRST_YEAR = new RegExp(YEAR.source, 'u');
/** Every YEAR match contains this (YEAR without its lookarounds). */
const YEAR_LIKE = /(?:19|20)\d{2}\s*年/u;

/** The first year of `text` (what `years(text)[0]` is). */
function firstYear(text: string): { year: number; index: number; end: number } | undefined {
  if (!text.includes('年')) return undefined;
  const m = FIRST_YEAR.exec(text);
  return m ? { year: Number(m[1]), index: m.index, end: m.index + m[0].length } : undefined;
}

interface Hit {
  unit: TextUnit;
  index: number;
  end: number;
  severity: Severity;
  zh: string;
  en: string;
}

function labelHits(doc: Document, u: TextUnit): Hit[] {
  const Y = doc.year;
  const ys = years(u.text);
  if (ys.length === 0 || ys.some((y) => y.year === Y)) return [];
  const wrong = ys[0]!;
  if (u.kind === 'heading' && COMPARISON.test(u.text)) return [];
  if (u.kind === 'column') {
    // A prior-year column beside the current one is normal; a table whose columns name only other years is not.
    const others = u.table?.columns.some((c) => years(c.label).some((y) => y.year === Y));
    if (others) return [];
  }
  const severity: Severity = u.kind === 'heading' ? 'warning' : 'error';
  return [{ unit: u, index: wrong.index, end: wrong.end, severity, zh: `写的是${wrong.year}年，与文档年度${Y}年不符`, en: `names ${wrong.year}, but the document is for ${Y}` }];
}

function proseHits(doc: Document, u: TextUnit): Hit[] {
  const Y = doc.year;
  const hits: Hit[] = [];
  // Every pattern names a year with 年.
  if (!u.text.includes('年')) return hits;
  for (const m of allMatches(AS_OF, u.text)) {
    const y = Number(m[1]);
    const stale = doc.kind === 'final' ? y !== Y : y > Y || y < Y - 1;
    if (!stale) continue;
    hits.push({
      unit: u, index: m.index, end: m.index + m[0].length, severity: 'warning',
      zh: doc.kind === 'final' ? `${Y}年度决算的资产等情况应截至${Y}年末，这里写的是截至${y}年` : `${Y}年预算中的时点「截至${y}年」不在${Y - 1}—${Y}年间`,
      en: doc.kind === 'final' ? `a ${Y} final account states a position as of ${y}` : `a ${Y} budget states a position as of ${y}`,
    });
  }
  // 「比2026年预算增加793.14万元」 in a 2026 budget: the budget compared with itself (should be 2025).
  // One finding per paragraph: the same slip is usually repeated in every sentence of it.
  const compared = allMatches(doc.kind === 'budget' ? COMPARED_BUDGET : COMPARED_FINAL, u.text).filter((m) => Number(m[1] ?? m[2]) >= Y);
  const first = compared[0];
  if (first) {
    const y = Number(first[1] ?? first[2]);
    const more = compared.length > 1 ? `（本段共${compared.length}处）` : '';
    hits.push({
      unit: u, index: first.index, end: first.index + first[0].length, severity: 'warning',
      zh: `${Y}年${doc.kind === 'budget' ? '预算' : '度决算'}与${y}年${doc.kind === 'budget' ? '预算' : '度'}比较：比较的应是上年（${Y - 1}年）${more}`,
      en: `a ${Y} ${doc.kind === 'budget' ? 'budget' : 'final account'} compares with ${y}; the comparison should be with ${Y - 1}${compared.length > 1 ? ` (${compared.length} times in this paragraph)` : ''}`,
    });
  }
  // A clause's year is also a year-like run in the whole text: without one, no clause has a year.
  if (!YEAR_LIKE.test(u.text)) return hits;
  for (const c of clauses(u.text)) {
    const y = firstYear(c.text);
    if (!y || y.year >= Y) continue;
    const before = c.text.slice(0, y.index).replace(/^[\s\u3000]+/, '').replace(/^(?:\d+[.、)）]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是])\s*/, '');
    if (!SUBJECT_BEFORE.test(before) || COMPARISON.test(c.text)) continue;
    const after = c.text.slice(y.end);
    if (doc.kind === 'budget' && !PLAN.test(after.slice(0, 12))) continue;
    const start = c.start + y.index;
    hits.push({
      unit: u, index: start, end: c.start + y.end, severity: 'warning',
      zh: doc.kind === 'budget' ? `${Y}年预算中把${y.year}年作为计划年度（应为${Y}年）` : `${Y}年度决算中以${y.year}年度为所述年度（应为${Y}年度，或写明是与上年比较）`,
      en: doc.kind === 'budget' ? `a ${Y} budget states plans for ${y.year}` : `a ${Y} final account reports ${y.year} as its year`,
    });
  }
  return hits;
}

export default defineRule({
  meta: {
    id: 'text/year',
    severity: 'warning',
    description: { zh: '年份与文档年度矛盾', en: 'Years that contradict the document\'s year' },
    docs:
      '套用上年文本时最常见的错误是年份没改。规则（文档年度为 Y）：' +
      '（1）表题、部分标题、目录和表头栏目中的年份不是 Y（表头另有 Y 年栏目的比较栏除外）：错误；其他标题中只出现非 Y 年份且不是比较：警告。' +
      '（2）预算：一个分句以早于 Y 的年份开头（前面至多有「本项目」之类的主语），其后紧接「计划／拟／预计／将／安排／投入」，而分句中没有「比、较、上年、执行、完成、决算、结转、清算」等比较或回顾的词，' +
      '说的是本年度的计划却写成了往年（如2026年预算中「2025年计划聘请专家……」）：警告。「比2025年预算减少」「2025年预算执行数」「截至2025年7月31日」的资产时点都是正常写法。' +
      '（3）决算：分句以早于 Y 的年份开头且不是比较或回顾（如2023年度决算中「2022年度我单位未开展重点项目绩效评价」）：警告；「截至」的时点不是 Y 年（如2024年度决算写「截至2023年」）：警告。' +
      '预算中「截至」的时点应在 Y−1 年或 Y 年。' +
      '（4）比较的对象不是往年：Y 年预算中「比Y年预算增加」「与Y年预算持平」（审核清单：2026年预算写「比2026年预算增加793.14万元」，应为2025年），Y 年度决算中「与Y年度相比」：警告。修正：核对年份。' +
      ' Years in titles, part headings, the 目录 and column labels must be the document year (errors); in prose, a clause that starts with an earlier year and states plans (budget) or reports it as the year (final account), without any comparison word, is a warning, as is a final account\'s 「截至」 date outside its year, and a comparison with the document\'s own (or a later) year (「比2026年预算增加」 in a 2026 budget).',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const u of textUnits(doc)) {
      let hits: Hit[] = [];
      if (u.kind === 'title' || u.kind === 'part' || u.kind === 'contents' || u.kind === 'column' || u.kind === 'heading') hits = labelHits(doc, u);
      else if (u.prose) hits = proseHits(doc, u);
      for (const h of hits) {
        const ex = excerpt(u.text, h.index, h.end, 20);
        ctx.report({
          severity: h.severity,
          message: `${unitPlace(u)}「${ex}」${h.zh}`,
          messageEn: `${unitPlaceEn(u)}: ${h.en}: "${ex}"`,
          locations: [locate(u, h.index, ex)],
        });
      }
    }
  },
});
