import type { Section } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { allMatches, excerpt, proseAmounts, sentences, type ProseAmount } from '../text/scan.js';
import { locate, sectionText, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

const UP = /^(增加|增长|上升|提高|多)$/;
const DOWN = /^(减少|下降|降低|少)$/;
const direction = (w: string): 1 | -1 | 0 => (UP.test(w) ? 1 : DOWN.test(w) ? -1 : 0);

/** 「决算小于预算数」「支出大于上年」 */
const CLAIM = /(小于|低于|少于|大于|高于|多于|超过|超出)/gu;
const ANY_CLAIM = new RegExp(CLAIM.source, 'u');
const LESS = /小于|低于|少于/;
/** 「比〔the first figure〕增加／减少」 */
const COMPARED = /比([^，。；,;]{2,20}?)(增加|增长|减少|下降)/gu;
/** 「决算为1.65万元，完成全年预算4.3万元」 */
const ACTUAL_VS_BUDGET = /决算(?:数)?(?:为)?\s*(-?[\d,]*\.?\d+)\s*万元\s*[，,]\s*完成(?:全年|年初)?预算(?:数)?(?:为)?\s*(-?[\d,]*\.?\d+)\s*万元/u;
/** 「比上年决算数增加0.76万元」 */
const VS_PRIOR = /比上年(?:决算数?|预算数?)?\s*(增加|减少|增长|下降|持平)\s*(-?[\d,]*\.?\d+)?\s*(?:万元|元|%)?/u;
const TOPICS = ['三公', '因公出国', '公务用车', '公务接待', '机关运行', '政府采购', '委托业务'];

const num = (s: string) => Number(s.replace(/,/g, ''));

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const c of hay) if (c === needle[i]) i++;
  return i === needle.length;
}

export default defineRule({
  meta: {
    id: 'text/comparison',
    severity: 'error',
    description: { zh: '比较的文字与数字相反', en: 'Comparison words contradict the numbers' },
    docs:
      '情况说明里的比较用语必须与数字的方向一致：（1）「决算小于预算数」「大于上年决算数」等判断，与同一节中给出的决算数、预算数（「决算为1.65万元，完成全年预算4.3万元」）或上年增减（「比上年决算数增加0.76万元」）相反；' +
      '（2）同一句先给出两个数，再说「比〔前一个〕增加／减少」，而数字方向相反（审核清单：「2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%」）。' +
      '找不到可核对的数字时不报告。「增加X万元，下降P%」这类增减额与增减率自相矛盾的情形由 narrative/change-arithmetic 检查，此处不重复。修正：改正用语或数字。' +
      ' Comparison words (大于/小于, 比…增加/减少) must agree with the numbers they describe, in the same sentence or section; 「增加…下降」 within one change is narrative/change-arithmetic\'s.',
  },
  check(ctx) {
    const units = textUnits(ctx.doc).filter((u) => u.prose);
    const report = (u: TextUnit, text: string, start: number, end: number, zh: string, en: string) => {
      const ex = excerpt(text, start, end, 25);
      ctx.report({ message: `${unitPlace(u)}「${ex}」：${zh}`, messageEn: `${unitPlaceEn(u)}: "${ex}": ${en}`, locations: [locate(u, start, ex)] });
    };
    for (const u of units) {
      // (2) two figures, then 「比〔the first〕增加／减少」
      if (!u.text.includes('比')) continue;
      for (const s of sentences(u.text)) {
        if (!s.text.includes('比')) continue;
        // The sentence's amounts, read when it has a comparison to check.
        let amounts: ProseAmount[] | undefined;
        for (const m of allMatches(COMPARED, s.text)) {
          amounts ??= proseAmounts(s.text);
          const ref = m[1]!.replace(/\s/g, '');
          const before = amounts.filter((a) => a.end <= m.index);
          const current = before[before.length - 1];
          if (!current) continue;
          const base = before.slice(0, -1).reverse().find((a) => {
            const label = s.text.slice(Math.max(0, s.text.lastIndexOf('，', a.start) + 1), a.start).replace(/\s/g, '');
            return ref.length >= 4 && isSubsequence(ref, label);
          });
          if (!base || base.wan === current.wan) continue;
          const actual = Math.sign(current.wan - base.wan);
          if (actual !== direction(m[2]!)) {
            report(u, u.text, s.start + base.start, s.start + m.index + m[0].length, `${current.raw} 比 ${base.raw} ${actual > 0 ? '多' : '少'}，却写作「${m[2]}」`, `${current.raw} is ${actual > 0 ? 'more' : 'less'} than ${base.raw}, but the text says "${m[2]}"`);
          }
        }
      }
    }
    // (1) 「小于／大于」 judgements, checked against the figures of their section.
    for (const u of units) {
      if (u.kind !== 'paragraph' || !u.section || !ANY_CLAIM.test(u.text)) continue;
      for (const s of sentences(u.text)) {
        for (const m of allMatches(CLAIM, s.text)) {
          const subject = s.text.slice(0, m.index);
          const object = s.text.slice(m.index + m[0].length).split(/[，。；的]/)[0] ?? '';
          const verdict = check(u.section, subject, object);
          if (verdict === undefined) continue;
          // 「不超过」「未超出」「不低于」: a negated comparison allows equality and means the opposite.
          const negation = /(?:不|未|没有|并未)$/.exec(subject)?.[0] ?? '';
          const negated = negation !== '';
          const claimLess = LESS.test(m[0]) !== negated;
          if (verdict.equal || verdict.less === claimLess) continue;
          report(u, u.text, s.start, s.start + m.index + m[0].length + object.length, `${verdict.evidence}，与「${negation}${m[0]}」相反`, `the section's figures (${verdict.evidence}) say the opposite of "${negation}${m[0]}"`);
        }
      }
    }
  },
});

interface Verdict {
  less: boolean;
  equal: boolean;
  evidence: string;
}

/** Resolve 「subject 小于/大于 object」 against the section's figures, when they can be found. */
function check(section: Section, subject: string, object: string): Verdict | undefined {
  const inline = proseAmounts(subject).pop();
  const against = proseAmounts(object)[0];
  if (inline && against) return { less: inline.wan < against.wan, equal: inline.wan === against.wan, evidence: `${inline.raw} 与 ${against.raw}` };
  const topic = TOPICS.find((t) => subject.includes(t));
  const text = sectionText(section);
  const relevant = sentences(text).map((s) => s.text).filter((s) => !topic || s.includes(topic));
  if (/决算|支出|实际/.test(subject) && /预算/.test(object) && !/上年/.test(object)) {
    for (const s of relevant) {
      const m = ACTUAL_VS_BUDGET.exec(s);
      if (!m) continue;
      const a = num(m[1]!);
      const b = num(m[2]!);
      return { less: a < b, equal: a === b, evidence: `决算 ${m[1]} 万元、预算 ${m[2]} 万元` };
    }
  }
  if (/上年/.test(object)) {
    for (const s of relevant) {
      const m = VS_PRIOR.exec(s);
      if (!m) continue;
      const d = m[1] === '持平' ? 0 : direction(m[1]!) * Math.sign(num(m[2] ?? '0'));
      return { less: d < 0, equal: d === 0, evidence: `同节写明「${m[0]}」` };
    }
  }
  return undefined;
}
