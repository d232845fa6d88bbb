import { formatFen, groupThousands } from '../model/index.js';
import type { Location, MoneyUnit } from '../model/index.js';
import type { Claim, ClaimAmount, ClaimChange, ClaimPercent } from '../model/index.js';

/** The sentence a claim was read from, as a finding location. */
export function sentenceLocation(claim: Claim): Location {
  return { file: claim.at.file, line: claim.at.line, text: claim.sentence || claim.clause };
}

/** Where a claim is, for messages: 「情况说明第503行」 / 「概况第65行」. */
export function place(claim: Claim): string {
  return `${claim.part === 'overview' ? '概况' : '情况说明'}第${claim.at.line}行`;
}

/** 1234567890 fen → 「1,234.57」 (in 万元 by default), with the given decimals. */
export function money(fen: number, unit: MoneyUnit = '万元', decimals = 2): string {
  const s = formatFen(Math.abs(fen), unit, decimals);
  const dot = s.indexOf('.');
  const grouped = groupThousands(dot < 0 ? s : s.slice(0, dot));
  return `${fen < 0 ? '−' : ''}${grouped}${dot < 0 ? '' : s.slice(dot)}`;
}

/** An amount as the narrative printed it, with its unit: 「4.3万元」. */
export function asPrinted(a: ClaimAmount): string {
  return a.raw.replace(/\s+/g, '');
}

export function percentText(p: ClaimPercent | 'not-comparable' | undefined): string {
  if (p === undefined) return '';
  return p === 'not-comparable' ? '--（不可比）' : p.raw;
}

/** Signed change in fen: 增加 +, 减少 −, 持平 0; undefined when no amount is stated. */
export function signedChange(change: ClaimChange): number | undefined {
  if (change.direction === 'flat') return change.amount ? Math.abs(change.amount.fen) : 0;
  if (!change.amount) return undefined;
  return change.direction === 'increase' ? Math.abs(change.amount.fen) : -Math.abs(change.amount.fen);
}

/** 「增加0.15万元」 / 「减少0.15万元」 / 「持平」 from a signed fen value. */
export function changeWords(fen: number, unit: MoneyUnit = '万元'): string {
  return fen === 0 ? '持平' : `${fen > 0 ? '增加' : '减少'}${money(Math.abs(fen), unit)}${unit}`;
}

/** A number for messages with up to `decimals` digits. */
export function round(n: number, decimals: number): string {
  return n.toFixed(decimals);
}

/** Where a claim stands in the narrative, for messages: 「第三部分 › 二、“三公”经费安排情况」. */
export function sectionName(claim: Claim): string {
  return claim.section.slice(1).join(' › ') || claim.section[0] || '';
}
