import type { Provenance } from './provenance.js';

/** The unit an amount is printed in. */
export type MoneyUnit = '元' | '万元';

/** 分 per printed unit: exact integer factors, so conversion never touches floats. */
export const FEN_PER_UNIT: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000 };

/**
 * An exact amount. `fen` is an integer number of 分 (0.01 元); `raw` is the text as printed;
 * `unit` and `decimals` record how it was printed, so rounding tolerances can be derived.
 */
export interface Amount {
  fen: number;
  unit: MoneyUnit;
  decimals: number;
  raw: string;
  at: Provenance;
}

export class AmountSyntaxError extends Error {
  constructor(
    readonly raw: string,
    reason: string,
  ) {
    super(`「${raw}」不是金额 (not an amount): ${reason}`);
  }
}

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;
function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Text that stands for "no amount" in a cell (a dash); parsed as zero, kept as printed. */
const DASH = /^[-—–－─]+$/;
const NUMBER = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** True when `text` is printed like an amount (digits with optional grouping, sign, decimals, brackets, dash). */
export function looksLikeAmount(text: string): boolean {
  const t = toHalfWidth(text.trim());
  if (DASH.test(t)) return true;
  return NUMBER.test(t.replace(/^[（(](.*)[)）]$/, '$1'));
}

/**
 * Parse a printed amount exactly. Accepts "1,081.18", "2047", "-", "0", "（12.5）" (negative),
 * full-width digits. Throws AmountSyntaxError otherwise.
 */
const PLAIN = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d\d)$/;

export function parseAmount(text: string, unit: MoneyUnit, at: Provenance): Amount {
  const raw = text.trim();
  // Fast path for the common "1,081.18" in 万元 or 元.
  const plain = PLAIN.exec(raw);
  if (plain) {
    const perUnit = FEN_PER_UNIT[unit];
    const whole = plain[1]!;
    const fen = Number(whole.length > 3 ? whole.replace(/,/g, '') : whole) * perUnit + Number(plain[2]) * (perUnit / 100);
    if (Number.isSafeInteger(fen)) return { fen, unit, decimals: 2, raw, at };
  }
  let t = toHalfWidth(raw);
  if (DASH.test(t)) return { fen: 0, unit, decimals: 0, raw, at };
  let negative = false;
  const bracketed = /^[（(](.*)[)）]$/.exec(t);
  if (bracketed) {
    negative = true;
    t = bracketed[1]!.trim();
  }
  const m = NUMBER.exec(t);
  if (!m) throw new AmountSyntaxError(raw, 'unexpected characters');
  if (m[1] === '-') negative = !negative;
  const whole = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const perUnit = FEN_PER_UNIT[unit];
  const fracDigitsAllowed = Math.round(Math.log10(perUnit));
  if (frac.length > fracDigitsAllowed && /[1-9]/.test(frac.slice(fracDigitsAllowed))) {
    throw new AmountSyntaxError(raw, `more precision than 1 分 in ${unit}`);
  }
  const fracFen = Number((frac + '0'.repeat(fracDigitsAllowed)).slice(0, fracDigitsAllowed) || '0');
  const fen = Number(whole) * perUnit + fracFen;
  if (!Number.isSafeInteger(fen)) throw new AmountSyntaxError(raw, 'too large to hold exactly');
  return { fen: negative ? -fen : fen === 0 ? 0 : fen, unit, decimals: frac.length, raw, at };
}

/** Exact decimal rendering of a fen value in a unit, e.g. 1081180000 fen in 万元 -> "1081.18". */
export function formatFen(fen: number, unit: MoneyUnit, decimals = 2): string {
  const perUnit = FEN_PER_UNIT[unit];
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const unitDigits = Math.round(Math.log10(perUnit));
  const whole = Math.floor(abs / perUnit);
  const rest = String(abs % perUnit).padStart(unitDigits, '0');
  const shown = decimals >= unitDigits ? rest.padEnd(decimals, '0') : rest.slice(0, decimals);
  return decimals > 0 ? `${sign}${whole}.${shown}` : `${sign}${whole}`;
}

/** 「1234567」 → 「1,234,567」: an integer's digits in groups of three. */
export function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `formatFen` with thousands separators: 1081180000 fen in 万元 -> "1,081.18". Exact, never rounded up. */
export function formatFenGrouped(fen: number, unit: MoneyUnit, decimals = 2): string {
  const text = formatFen(fen, unit, decimals);
  const sign = text.startsWith('-') ? '-' : '';
  const body = sign ? text.slice(1) : text;
  const dot = body.indexOf('.');
  return `${sign}${groupThousands(dot < 0 ? body : body.slice(0, dot))}${dot < 0 ? '' : body.slice(dot)}`;
}

/** fen as a JSON number in the given unit. Exact for 万元 to 2 decimals within double precision. */
export function fenToNumber(fen: number, unit: MoneyUnit): number {
  return Number(formatFen(fen, unit, Math.round(Math.log10(FEN_PER_UNIT[unit]))));
}
