import { defineRule } from '../rule.js';
import { HAN } from '../text/scan.js';
import { textUnits, unitPlace, unitPlaceEn } from '../text/units.js';

/** Indicators derived from another by a standard ending (「宣传活动」→「宣传活动费用」) are not truncations. */
const STANDARD_SUFFIX = /^(费用|经费|金额|成本|资金|数量|次数|人数|人次|率|比率|比例|覆盖率|完成率|及时率|满意度|知晓率|合格率|达标率|执行率)$/;
const key = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

export default defineRule({
  meta: {
    id: 'text/truncated-cell',
    severity: 'warning',
    description: { zh: '指标名称被截断', en: 'Truncated indicator name' },
    docs:
      '绩效指标名称恰是同一文档中另一指标名称的开头一截（如项目绩效目标表的「对定点医疗机构进行飞行检查查处违规基」与部门整体绩效目标的「……查处违规基金追回比率」），' +
      '说明单元格在导出时按长度被截断。只比较绩效指标名称，且被截部分至少6个字、缺少部分以汉字开头。修正：补全指标名称。' +
      ' An indicator name that is a strict prefix of another indicator name in the document was cut off when exported.',
  },
  check(ctx) {
    const names = textUnits(ctx.doc).filter((u) => u.kind === 'name' && u.row?.role === 'indicator');
    const full = [...new Set(names.map((u) => key(u.text)))];
    const seen = new Set<string>();
    for (const u of names) {
      const k = key(u.text);
      if (k.length < 6 || seen.has(k)) continue;
      if (/[)）”》」]$/.test(k)) continue; // a complete phrase: 「…宣传（视频拍摄）」 + 「费用」
      const longer = full.find((f) => f.length > k.length && f.startsWith(k) && HAN.test(f[k.length]!) && !STANDARD_SUFFIX.test(f.slice(k.length)));
      if (!longer) continue;
      seen.add(k);
      ctx.report({
        message: `${unitPlace(u)}：指标名称「${u.text}」似被截断，同一文档中另有指标「${longer}」`,
        messageEn: `${unitPlaceEn(u)}: the indicator name "${u.text}" looks cut off; the document also has "${longer}"`,
        locations: [{ ...u.location, text: u.text }],
      });
    }
  },
});
