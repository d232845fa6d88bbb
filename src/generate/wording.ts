import { groupThousands } from '../model/index.js';
import { printWan } from './derive.js';

/**
 * The arithmetic and wording of 「比上年增加（减少）…，增长（下降）…%」 sentences. Percentages are
 * computed on exact integers: change ÷ prior, rounded half-up to the given decimals.
 */

export const PENDING_REASON = '（原因待填写）';

/** 「3,390.78万元」. */
export function wanText(fen: number): string {
  return `${printWan(fen)}万元`;
}

/** |change| / prior × 100, rounded half-up to `decimals`, as printed (「24.2」). prior must be > 0. */
export function percentText(change: number, prior: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const num = BigInt(Math.abs(change)) * 100n * scale;
  const den = BigInt(prior);
  const q = (2n * num + den) / (2n * den);
  const whole = q / scale;
  const frac = (q % scale).toString().padStart(decimals, '0');
  return decimals > 0 ? `${whole}.${frac}` : `${whole}`;
}

export interface ChangeWording {
  /** 「比上年减少1,081.18万元，下降24.2%」 / 「与上年持平」 / 「比上年增加5.18万元，增长--（基数为0，不可比）」. */
  text: string;
  delta: number;
  flat: boolean;
}

export interface ChangeStyle {
  /** 比 (Guangdong) or 较 (Jiangxi). */
  word?: '比' | '较';
  /** Print the percentage (Guangdong) or only the amount (Jiangxi's 「较上年预算安排增加55.36万元」). */
  percent?: boolean;
}

/** The change of `current` against `prior` (undefined when last year's figure was not given). */
export function changeWording(current: number, prior: number | undefined, decimals: number, basis = '上年', style: ChangeStyle = {}): ChangeWording | undefined {
  if (prior === undefined) return undefined;
  const delta = current - prior;
  if (delta === 0) return { text: `与${basis}持平`, delta, flat: true };
  const up = delta > 0;
  const amount = `${style.word ?? '比'}${basis}${up ? '增加' : '减少'}${wanText(Math.abs(delta))}`;
  if (style.percent === false) return { text: amount, delta, flat: false };
  if (prior <= 0) return { text: `${amount}，${up ? '增长' : '下降'}--（基数为0，不可比）`, delta, flat: false };
  return { text: `${amount}，${up ? '增长' : '下降'}${percentText(delta, prior, decimals)}%`, delta, flat: false };
}

/**
 * A reason as a clause: 「主要原因是…」. The officer's text is used as typed (without a leading
 * 主要原因是 and trailing punctuation; ；and 。 inside become ， so the reason stays one clause). A
 * missing reason is never invented: 「主要原因是（原因待填写）」.
 */
export function reasonClause(reason: string | undefined): string {
  const t = (reason ?? '')
    .trim()
    .replace(/^(?:主要原因(?:是|为)?|原因(?:是|为)|主要是)[：:，,]?/, '')
    .replace(/[。；;，,\s]+$/, '')
    .replace(/[；;。\n]+/g, '，')
    .trim();
  return `主要原因是${t || PENDING_REASON}`;
}

/** 「…，比上年减少…，下降…%，主要原因是…」 — the reason only when there is a change (or one was typed). */
export function withChange(change: ChangeWording | undefined, reason: string | undefined, pendingPrior = '（上年数待填写）'): string {
  if (!change) return pendingPrior;
  if (change.flat) return reason?.trim() ? `，${change.text}，${reasonClause(reason)}` : `，${change.text}`;
  return `，${change.text}，${reasonClause(reason)}`;
}

/** A count as printed: 14,137.05 / 4. */
export function countText(n: number): string {
  const [w, f] = String(n).split('.');
  return `${groupThousands(w!)}${f ? `.${f}` : ''}`;
}

/** A typed text as paragraphs (one a line), or the pending marker when nothing was typed. */
export const paragraphsOf = (text: string | undefined, pending: string): string[] => (text?.trim() ? text.split(/\r?\n/).map((p) => p.trim()).filter(Boolean) : [pending]);
