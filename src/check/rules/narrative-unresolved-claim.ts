import { restatementOf } from '../../narrative/index.js';
import { resolvedClaim } from '../claim-resolutions.js';
import type { Claim } from '../../narrative/index.js';
import { asPrinted, place, sentenceLocation } from '../../narrative/format.js';
import { defineRule } from '../rule.js';

function stated(c: Claim): string {
  if (c.amount) return asPrinted(c.amount);
  if (c.count) return `${c.count.value}${c.count.unit}`;
  if (c.change?.amount) return `${c.change.words.amount ?? ''}${asPrinted(c.change.amount)}`;
  if (c.share) return `占${c.share.of ?? ''}${c.share.percent.raw}`;
  return '';
}

export default defineRule({
  meta: {
    id: 'narrative/unresolved-claim',
    severity: 'info',
    description: { zh: '说明中未能与表格核对的数字', en: 'Narrative figures that could not be checked against a table' },
    docs:
      '情况说明里的每个数字都被读成一条陈述；主题不在主题词表中（如固定资产金额、授予中小企业合同金额、绩效自评涉及资金），或主题已知但本文件没有公开对应表格（如政府采购、江西模板缺《部门收入总表》时的本年收入与上年结转），或只是「主要原因」里举例的数字，就无法与表格核对。' +
      '这些数字逐条列为提示，不会被悄悄丢弃：它们仍参与说明内部的核对（各部分之和、重复陈述、增减率），但需要人工对照原始资料。' +
      '\nEvery figure of the narrative becomes a claim; those whose subject is not in the vocabulary, whose table is not published, or that only illustrate a reason cannot be checked against the tables and are listed here (they still take part in the narrative\'s own arithmetic checks).',
  },
  check(ctx) {
    for (const claim of ctx.doc.claims) {
      // A numbered item's 「预算安排」 is checked against the item's own figure (restated-consistently).
      if (restatementOf(claim) && claim.context !== 'reason') continue;
      const r = claim.key ? resolvedClaim(ctx, claim) : undefined;
      if (r?.figure && claim.context !== 'reason') continue;
      const what = `${place(claim)}「${claim.subject || claim.phrase}」${stated(claim)}`;
      const whatEn = `line ${claim.at.line} "${claim.subject || claim.phrase}" ${stated(claim)}`;
      const [zh, en] =
        claim.context === 'reason'
          ? ['是说明增减原因时举例的数字，不与表格核对', 'illustrates a reason; not checked against the tables']
          : r
            ? [`主题「${r.entry.zh}」没有可核对的表格（本文件未公开相应表格或栏目）`, `no table of this document prints "${r.entry.zh}"`]
            : ['主题不在主题词表中，无法与表格核对', 'subject not in the vocabulary; not checked against the tables'];
      ctx.report({ message: `${what}：${zh}`, messageEn: `${whatEn}: ${en}`, locations: [sentenceLocation(claim)] });
    }
  },
});
