import type { Table } from '../../model/index.js';
import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { hasAmount } from '../text/codes.js';
import { isAmountTable } from '../text/tables.js';
import { tableLocation, walkSections } from '../text/units.js';

/** A note that says the table is empty on purpose. */
const EXPLAINS_EMPTY = /无发生额|空表|无数据|不涉及|无(此类|相关|该类|该项)?(收支|收入|支出|数据|内容|安排|资金)|没有(使用)?[^。；，]{0,20}(收支|收入|支出|安排|资金)|未(安排|发生)/;

const FUND_WORDS: Partial<Record<Table['kind'], RegExp>> = {
  govFund: /政府性基金/,
  stateCapital: /国有资本经营/,
  threePublic: /三公/,
};

export default defineRule({
  meta: {
    id: 'completeness/empty-table-note',
    severity: 'error',
    description: { zh: '空表须加注说明', en: 'An empty table carries a note saying why' },
    docs:
      '部门没有某项收支时，相应的表（常见为政府性基金、国有资本经营预算支出表）仍须公开，并在表中注明原因，' +
      '如广东「注：本表本年无发生额。」、江西「注：若为空表，则为该部门（单位）无……支出」、决算「本表本年度无发生额」。' +
      '没有数据行或只有为零的合计行的表，若没有这样的注，报为错误；情况说明里已说明没有该项支出的，降为警告。' +
      '修正：在表下（江西模板在表前）加注说明。 An amount table with no data rows, or only zero rows, must carry a note explaining that it is empty.',
  },
  check(ctx) {
    const { doc } = ctx;
    const prose = walkSections(doc).map((v) => `${v.section.heading}\n${v.section.text}`).join('\n');
    for (const t of doc.tables) {
      if (!isAmountTable(t) || t.rows.some(hasAmount)) continue;
      if (t.note && EXPLAINS_EMPTY.test(t.note)) continue;
      const topic = FUND_WORDS[t.kind];
      const explained = topic
        ? prose.split(/[。\n]/).some((s) => topic.test(s) && /没有|无(?:此类|相关|该项)?(?:支出|收入|收支|安排|发生)|未安排|不涉及/.test(s))
        : false;
      const what = t.rows.length === 0 ? '没有数据行' : '各行金额均为零';
      ctx.report({
        ...(explained ? { severity: 'warning' as const } : {}),
        message: `${tableName(t)}${what}，是空表，但${t.note ? `注「${t.note}」` : '表中'}未说明为何为空（应注明如「本表本年无发生额」）${explained ? '；情况说明中已说明没有该项收支' : ''}`,
        messageEn: `Table "${t.title}" is empty (${t.rows.length === 0 ? 'no data rows' : 'all amounts zero'}) and has no note explaining why${explained ? '; the narrative does say there is no such spending' : ''}`,
        locations: [{ ...tableLocation(t), ...(t.note ? { text: t.note } : {}) }],
      });
    }
  },
});
