/**
 * Spreadsheet number formats, rendered the way Excel / WPS display a number: `#,##0.00` turns
 * 1081.18 into "1,081.18". Exactness: the stored value is first reduced to the 15 significant
 * digits a spreadsheet shows (so 0.30000000000000004 is 0.3 and 1081.18 stays 1081.18), and every
 * step after that (rounding, percent, grouping) works on the decimal digits as a string — never
 * on binary floats.
 *
 * Supported: General, `0`, `0.00`, `#,##0.00`, optional digits (`#`, `?`), several sections
 * (positive;negative;zero;text), quoted and escaped literals, `_x` spacing, `*x` fill, colour and
 * condition tags (ignored), `%`, and trailing `,` scaling. Dates and scientific formats are not
 * rendered: the number is given as General.
 */
import { groupThousands } from '../model/index.js';

interface Decimal {
  negative: boolean;
  /** Digits without leading zeros ('' for zero). */
  digits: string;
  /** Position of the decimal point within `digits` (may be <= 0 or > digits.length). */
  point: number;
}

/** The decimal a spreadsheet shows for a double: 15 significant digits. */
function toDecimal(value: number): Decimal {
  const negative = value < 0 || Object.is(value, -0);
  const p = Math.abs(value).toPrecision(15); // "1081.18000000000" or "1.00000000000000e+21"
  const [mant, exp = '0'] = p.split('e');
  const [int, frac = ''] = mant!.split('.');
  let digits = int! + frac;
  let point = int!.length + Number(exp);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  if (digits === '') return { negative: false, digits: '', point: 0 };
  return { negative, digits, point };
}

/** Round half away from zero to `decimals` places; returns integer and fraction digit strings. */
function roundDecimal(d: Decimal, decimals: number): { int: string; frac: string } {
  // Pad so that every digit up to `decimals` places exists.
  let digits = d.digits;
  let point = d.point;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const need = point + decimals;
  if (digits.length < need) digits += '0'.repeat(need - digits.length);
  let kept = digits.slice(0, need);
  const next = digits.charCodeAt(need);
  if (next >= 53 /* '5' */) {
    // Increment the kept digits as a decimal string.
    const arr = kept.split('');
    let i = arr.length - 1;
    for (; i >= 0; i--) {
      if (arr[i] === '9') arr[i] = '0';
      else {
        arr[i] = String.fromCharCode(arr[i]!.charCodeAt(0) + 1);
        break;
      }
    }
    kept = arr.join('');
    if (i < 0) {
      kept = '1' + kept;
      point++;
    }
  }
  const int = kept.slice(0, point).replace(/^0+(?=\d)/, '');
  return { int: int === '' ? '0' : int, frac: kept.slice(point) };
}

/** General: up to 15 significant digits, no grouping, no trailing zeros. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = toDecimal(value);
  if (d.digits === '') return '0';
  if (d.point > 21 || d.point < -6) return String(Number(Math.abs(value).toPrecision(15)) * (d.negative ? -1 : 1));
  const { int, frac } = roundDecimal(d, Math.max(0, d.digits.length - d.point));
  const f = frac.replace(/0+$/, '');
  return `${d.negative ? '-' : ''}${int}${f ? `.${f}` : ''}`;
}

/** Split a format into sections at `;` outside quotes and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (c === '\\' || c === '_' || c === '*') {
      cur += format.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

type Token = { literal: string } | { placeholder: string };

/** Tokenise one section into literals and the run of number placeholders. */
function tokens(section: string): Token[] {
  const out: Token[] = [];
  const lit = (s: string) => {
    const last = out[out.length - 1];
    if (last && 'literal' in last) last.literal += s;
    else out.push({ literal: s });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop;
    } else if (c === '\\') {
      lit(section[i + 1] ?? '');
      i++;
    } else if (c === '_') {
      lit(' ');
      i++;
    } else if (c === '*') {
      i++;
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if ('0#?.,'.includes(c)) {
      const last = out[out.length - 1];
      if (last && 'placeholder' in last) last.placeholder += c;
      else if (c === ',' || c === '.') lit(c); // a separator outside a number
      else out.push({ placeholder: c });
    } else lit(c);
  }
  return out;
}

/** Render an absolute decimal with one placeholder run (`#,##0.00`, `0.0#`, `0,`). */
function renderNumber(d: Decimal, placeholder: string, percent: boolean): string {
  let p = placeholder;
  let scale = 0;
  while (p.endsWith(',')) {
    scale += 3;
    p = p.slice(0, -1);
  }
  const dot = p.indexOf('.');
  const intPart = dot < 0 ? p : p.slice(0, dot);
  const fracPart = dot < 0 ? '' : p.slice(dot + 1).replace(/[^0#?]/g, '');
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const minFrac = (fracPart.match(/[0?]/g) ?? []).length;
  const maxFrac = fracPart.length;
  const shifted: Decimal = { ...d, point: d.point + (percent ? 2 : 0) - scale };
  let { int, frac } = roundDecimal(shifted, maxFrac);
  if (int === '0' && minInt === 0) int = '';
  if (int.length < minInt) int = '0'.repeat(minInt - int.length) + int;
  if (grouping) int = groupThousands(int);
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  return dot < 0 ? int : frac === '' && minFrac === 0 && maxFrac > 0 ? `${int}.` : `${int}.${frac}`;
}

const DATE_OR_SCIENTIFIC = /[yYmMdDhHsS]|E[+-]/;

/** Display text of a number under a spreadsheet number format. */
export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const f = (format ?? '').trim();
  if (f === '' || /^general$/i.test(f) || f === '@') return generalNumber(value);
  const secs = sections(f);
  const d = toDecimal(value);
  let section: string;
  let signed = false;
  if (d.digits === '' && secs.length >= 3) section = secs[2]!;
  else if (d.negative && secs.length >= 2) section = secs[1]!;
  else {
    section = secs[0]!;
    signed = d.negative;
  }
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (DATE_OR_SCIENTIFIC.test(bare)) return generalNumber(value);
  if (/^general$/i.test(bare.trim())) return (d.negative && !signed ? generalNumber(-value) : generalNumber(value));
  const toks = tokens(section);
  const percent = bare.includes('%');
  let out = '';
  let placed = false;
  for (const t of toks) {
    if ('literal' in t) out += t.literal;
    else if (!placed) {
      out += renderNumber({ ...d, negative: false }, t.placeholder, percent);
      placed = true;
    }
  }
  if (!placed && toks.length === 0) out = generalNumber(Math.abs(value));
  return signed && d.digits !== '' ? `-${out}` : out;
}
