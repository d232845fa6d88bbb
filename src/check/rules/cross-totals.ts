import type { Document } from '../../model/index.js';
import { FIGURE_CHAINS, type Figure } from '../../templates/identities.js';
import { plusRef, type Term } from '../identity.js';
import { figure } from '../lookup.js';
import { defineRule } from '../rule.js';

/** The terms a figure stands for, or undefined if the document does not print (all of) it. */
export function termsOf(doc: Document, f: Figure): Term[] | undefined {
  if ('sum' in f) {
    const refs = f.sum.map((s) => figure(doc, s));
    return refs.every((r) => r) ? refs.map((r) => plusRef(r!)) : undefined;
  }
  const r = figure(doc, f);
  return r ? [plusRef(r)] : undefined;
}

export default defineRule({
  meta: {
    id: 'cross/totals',
    severity: 'error',
    description: { zh: '各表共同列示的总数应一致', en: 'Totals stated by several tables agree' },
    docs: '同一个数字在多张标准表中都有列示时必须一致：收入总计（预算：收支总表 = 收入总表，收入总表含上年结转列）或本年收入合计（决算：收支总表 = 收入决算表）、本年支出合计（收支总表 = 支出总表）、一般公共预算/政府性基金/国有资本经营收入（财政拨款收支总表 = 收入总表）及其支出（= 各自的支出表）、一般公共预算基本支出（一般公共预算支出表 = 基本支出经济分类表 = 分单位基本支出表的一般公共预算列）、项目支出（= 项目支出经济分类表 = 分项目表）等。对应关系以数据列出（src/templates/identities.ts 的 FIGURE_CHAINS），文件未列示的表自动跳过。\nFigures that several standard tables state must agree; the chains are declared as data.',
  },
  check(ctx) {
    for (const chain of FIGURE_CHAINS) {
      if (chain.templates && !chain.templates.includes(ctx.doc.template)) continue;
      const present = chain.members.map((m) => termsOf(ctx.doc, m)).filter((t): t is Term[] => t !== undefined);
      for (let i = 1; i < present.length; i++) ctx.identity({ rule: 'cross/totals', left: present[0]!, right: present[i]!, relation: '=', zh: chain.zh, en: chain.en });
    }
  },
});
