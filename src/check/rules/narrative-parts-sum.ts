import { FAMILIES, parentOf } from '../../narrative/index.js';
import type { Claim, Family } from '../../narrative/index.js';
import type { DocumentKind } from '../../model/index.js';
import { money, place, sentenceLocation, signedChange } from '../../narrative/format.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { roundingTolerance } from '../tolerance.js';

/** A whole and the parts it should add up to. */
interface Group {
  whole: Claim;
  parts: Claim[];
  /** The parts are meant to be all of the whole (a partition, a known family, a list of counts). */
  complete: boolean;
  /** Found through the vocabulary families (the parts are spread over the section), not a printed list. */
  family?: boolean;
  /** How the group was found, for messages. */
  label: string;
  labelEn: string;
}

const value = (c: Claim): number | undefined => c.amount?.fen ?? c.count?.value;
const isCount = (c: Claim) => c.amount === undefined && c.count !== undefined;

/** Units of things counted one by one (people, vehicles, projects); 平方米 and other measures are not. */
const DISCRETE = /^(?:个|辆|人次|人|次|台[（(]套[)）]|台|套|项|家|批)$/;

/**
 * Only money figures and counts of discrete things are checked as errors. A measurement (建筑面积
 * 平方米) or a figure printed with 约 is not a figure of the budget and is often rounded: its parts
 * are reported as info only.
 */
function looseness(g: { whole: Claim; parts: Claim[] }): 'measure' | 'approximate' | undefined {
  const all = [g.whole, ...g.parts];
  if (all.some((c) => c.amount === undefined && c.count !== undefined && !DISCRETE.test(c.count.unit))) return 'measure';
  if (all.some((c) => c.amount?.approximate || c.count?.approximate)) return 'approximate';
  return undefined;
}

/** A list naming the same subject twice (「年初预算…支出决算…年初预算…支出决算…」 of numbered items) is not a list of parts. */
function distinctSubjects(parts: Claim[]): boolean {
  const subjects = parts.map((p) => p.key ?? p.subject);
  return new Set(subjects).size === subjects.length;
}

function familyFor(whole: Claim, parts: Claim[], kind: DocumentKind): Family | undefined {
  const keys = new Set(parts.map((p) => p.key));
  return FAMILIES.find((f) => f.whole === whole.key && (!f.kind || f.kind === kind) && f.parts.length === keys.size && f.parts.every((k) => keys.has(k)));
}

/** Structural lists (其中/包括/按…划分/括号) and vocabulary families stated in one section. */
function groups(claims: Claim[], kind: DocumentKind): Group[] {
  const out: Group[] = [];
  const covered = new Set<Claim>();
  for (const whole of claims) {
    if (whole.context === 'reason' || value(whole) === undefined) continue;
    for (const b of whole.breakdowns ?? []) {
      const parts = b.parts.filter((p) => isCount(p) === isCount(whole) && value(p) !== undefined && (!isCount(p) || p.count!.unit === whole.count!.unit));
      if (parts.length === 0 || !distinctSubjects(parts)) continue;
      const family = familyFor(whole, parts, kind);
      const complete = b.kind === 'partition' || family !== undefined || (isCount(whole) && parts.length >= 2);
      out.push({
        whole,
        parts,
        complete,
        label: b.label ? `「${b.label}」所列各项` : b.kind === 'partition' ? '括号内所列各项' : '「其中」所列各项',
        labelEn: b.label ? `the items listed ${b.label}` : b.kind === 'partition' ? 'the items in brackets' : 'the items listed after 其中',
      });
      // A whole already checked against a complete list is not checked again through another family.
      if (complete) covered.add(whole);
    }
  }
  // Families: the whole and every part stated in the same section (「本年收入合计…；上年结转…」).
  const bySection = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.context === 'reason' || !c.amount || !c.key) continue;
    const k = c.section.join(' › ');
    const list = bySection.get(k);
    if (list) list.push(c);
    else bySection.set(k, [c]);
  }
  for (const inSection of bySection.values()) {
    for (const family of FAMILIES) {
      if (family.kind && family.kind !== kind) continue;
      const whole = inSection.find((c) => c.key === family.whole);
      if (!whole) continue;
      if (covered.has(whole)) continue;
      // Prefer the parts stated under this whole, then the first stated in the section; a 决算's 预算数
      // (「年初预算为…」) adds up with 预算数 only.
      const candidates = inSection.filter((c) => c.measure === whole.measure);
      const parts = family.parts.map((k) => candidates.find((c) => c.key === k && parentOf(c) === whole) ?? candidates.find((c) => c.key === k && c !== whole));
      if (parts.some((p) => !p)) continue;
      if ((whole.breakdowns ?? []).some((b) => parts.every((p) => b.parts.includes(p!)))) continue;
      out.push({ whole, parts: parts as Claim[], complete: true, family: true, label: '同节所述各组成部分', labelEn: 'its parts stated in the same section' });
    }
  }
  return out;
}

function describe(c: Claim): string {
  const v = c.amount ? money(c.amount.fen, c.amount.unit) : `${c.count!.value}${c.count!.unit}`;
  return `${c.subject} ${v}`;
}

function checkGroup(outer: RuleContext, g: Group): void {
  const { whole, parts } = g;
  const loose = looseness(g);
  const note = loose === 'measure' ? '（不是金额，只作提示）' : loose === 'approximate' ? '（含「约」数，只作提示）' : '';
  const noteEn = loose === 'measure' ? ' (not money: info only)' : loose === 'approximate' ? ' (approximate figures: info only)' : '';
  const ctx: Pick<RuleContext, 'report'> = loose
    ? { report: (f) => outer.report({ ...f, severity: 'info', message: `${f.message}${note}`, messageEn: `${f.messageEn}${noteEn}` }) }
    : outer;
  // A list printed under its own heading (按…划分：) is located at the list; otherwise at the whole.
  // (Built only for a finding: most groups add up.)
  const locations = () => {
    const ordered = g.family ? [whole, ...parts] : [...parts.slice(0, 1), whole, ...parts.slice(1)];
    return ordered.map(sentenceLocation).filter((l, i, a) => a.findIndex((x) => x.line === l.line) === i);
  };
  const where = () => `${place(whole)}「${whole.subject}」`;
  const whereEn = () => `line ${whole.at.line} "${whole.subject}"`;
  const sumText = () => parts.map(describe).join(' + ');
  if (whole.amount) {
    const unit = whole.amount.unit;
    const decimals = Math.max(whole.amount.decimals, ...parts.map((p) => p.amount!.decimals), 2);
    const sum = parts.reduce((s, p) => s + p.amount!.fen, 0);
    const diff = sum - whole.amount.fen;
    const tol = roundingTolerance(parts.length, unit, decimals);
    if (diff !== 0 && (g.complete || diff > tol)) {
      const rounding = Math.abs(diff) <= tol;
      ctx.report({
        ...(rounding ? { severity: 'info' as const } : {}),
        message: `${where()}${money(whole.amount.fen, unit)}${unit}，${g.label}之和 ${sumText()} = ${money(sum, unit)}${unit}，相差 ${money(diff, unit)}${rounding ? '（尾数误差）' : g.complete ? '' : '（部分之和超过总数）'}`,
        messageEn: `${whereEn()} ${money(whole.amount.fen, unit)}: ${g.labelEn} add up to ${money(sum, unit)}, a difference of ${money(diff, unit)}${rounding ? ' (rounding)' : ''}`,
        expected: whole.amount.fen,
        actual: sum,
        difference: diff,
        unit,
        locations: locations(),
      });
    }
    // N8: the stated changes of the parts add up to the stated change of the whole.
    const wholeChange = whole.change ? signedChange(whole.change) : undefined;
    const partChanges = parts.map((p) => (p.change ? signedChange(p.change) : undefined));
    if (g.complete && wholeChange !== undefined && whole.change?.amount && partChanges.every((d) => d !== undefined) && parts.every((p) => !p.change?.amount?.approximate)) {
      const basis = whole.change.basis;
      if (parts.some((p) => p.change!.basis && basis && p.change!.basis !== basis)) return;
      const changeSum = (partChanges as number[]).reduce((s, d) => s + d, 0);
      const cdiff = changeSum - wholeChange;
      const cdecimals = Math.max(whole.change.amount.decimals, ...parts.map((p) => p.change!.amount?.decimals ?? 0), 2);
      const ctol = roundingTolerance(parts.length, unit, cdecimals);
      if (cdiff !== 0) {
        const rounding = Math.abs(cdiff) <= ctol;
        const changes = parts.map((p, i) => `${p.subject} ${partChanges[i]! >= 0 ? '+' : ''}${money(partChanges[i]!, unit)}`).join('，');
        ctx.report({
          ...(rounding ? { severity: 'info' as const } : {}),
          message: `${where()}比${basis || '上年'}${wholeChange >= 0 ? '增加' : '减少'} ${money(Math.abs(wholeChange), unit)}${unit}，而${g.label}的增减额之和为 ${changeSum >= 0 ? '+' : ''}${money(changeSum, unit)}${unit}（${changes}），相差 ${money(cdiff, unit)}${rounding ? '（尾数误差）' : ''}`,
          messageEn: `${whereEn()} changes by ${money(wholeChange, unit)} from ${basis || 'last year'}, but the changes of ${g.labelEn} add up to ${money(changeSum, unit)}, a difference of ${money(cdiff, unit)}${rounding ? ' (rounding)' : ''}`,
          expected: wholeChange,
          actual: changeSum,
          difference: cdiff,
          unit,
          locations: locations(),
        });
      }
    }
    return;
  }
  // Counts (编制人数 = 行政编制 + 参公事业编制 + …).
  const total = whole.count!.value;
  const sum = parts.reduce((s, p) => s + p.count!.value, 0);
  if (sum !== total && (g.complete || sum > total)) {
    ctx.report({
      message: `${where()}${total}${whole.count!.unit}，${g.label}之和 ${sumText()} = ${sum}${whole.count!.unit}`,
      messageEn: `${whereEn()} ${total}: ${g.labelEn} add up to ${sum}`,
      locations: locations(),
    });
  }
}

export default defineRule({
  meta: {
    id: 'narrative/parts-sum',
    severity: 'error',
    description: { zh: '说明中各组成部分之和应等于总数，增减额也应相加一致', en: 'Stated parts add up to the stated whole, and so do their changes' },
    docs:
      '情况说明中列出的组成部分应加总为所说的总数：“三公”经费 = 因公出国（境）+ 公务用车购置及运行维护 + 公务接待（江西：出国 + 接待 + 运行 + 购置），公务用车 = 购置 + 运行维护，政府采购 = 货物 + 工程 + 服务，收入总额 = 本年收入 + 上年结转，财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营，' +
      '「按支出项目类别／功能科目／经济分类划分：」所列各项 = 支出总额，编制人数、实有人数、在职人数 = 所列各类人数。' +
      '各部分都说了「比上年增减」时，各部分增减额之和还应等于总数的增减额。' +
      '容许尾数误差（在误差内只作提示）。「其中」列表不一定列全：未知是否列全的列表只在部分之和超过总数时报告。' +
      '只有金额（元、万元、亿元）和逐个计数的数量（人、个、辆等）才按错误报告；面积等计量数和带「约」的数只作提示；同一列表中同一主题出现两次的（编号条目各列「年初预算…支出决算…」），不是组成部分的列表，不加总。' +
      '修正：核对并改正总数、某一部分或增减额。' +
      '\nParts listed in the narrative add up to the whole they break down (三公, vehicles, procurement, income, the 按…划分 lists, staff counts), and when every part states its change, the changes add up to the change of the whole. Within the rounding tolerance differences are info; lists after 其中 that may be partial are reported only when the parts exceed the whole. Measurements (平方米) and approximate (约) figures are info only; a list naming one subject twice is not a list of parts.',
  },
  check(ctx) {
    const claims = ctx.doc.claims;
    for (const g of groups(claims, ctx.doc.kind)) checkGroup(ctx, g);
  },
});
