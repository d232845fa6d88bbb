/**
 * Text pieces of a PDF page: pdf.js text items placed in viewport space (PDF units, origin
 * top-left, y down), with an estimate of every character's left edge so that an item that spans
 * two table cells can be cut at the rule between them.
 */

export interface Piece {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box, and the baseline. */
  top: number;
  bottom: number;
  base: number;
  size: number;
  /** Left edge of each character of `text`, plus the right edge of the last (length + 1). */
  edges: number[];
  bold: boolean;
  /** The PDF sets a space (a whitespace-only text item) right after this piece. */
  spaceAfter?: boolean;
}

/** Characters set one em wide in CJK fonts (ideographs, kana, hangul, full-width forms, CJK punctuation). */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x3000
  );
}

const isSpace = (code: number) => code === 32 || code === 0x3000 || code === 0xa0 || code === 9;

/** Relative advance of a character, in em: CJK 1, spaces 0.3, everything else 0.5. */
function advance(code: number): number {
  if (code === 32 || code === 0xa0 || code === 9) return 0.3;
  return isWide(code) ? 1 : 0.5;
}

const ASCENT = 0.88;
const DESCENT = 0.12;

/**
 * Place one text item. `m` is the item's matrix already mapped to viewport space. Returns
 * undefined for whitespace-only or degenerate items.
 */
export function pieceOf(str: string, m: number[], width: number, bold: boolean): Piece | undefined {
  // Control characters (some producers emit them for unmapped glyphs) are not text.
  let text = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 32 || c === 9 || c === 10) text += str[i];
  }
  if (text.trim() === '') return undefined;
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) return undefined;
  // Horizontal text (the usual case): baseline at f, running right from e.
  if (Math.abs(b) < 1e-3 * size && Math.abs(c) < 1e-3 * size && a > 0) {
    const w = width > 0 && Number.isFinite(width) ? width : 0;
    return placed(text, e, f, size, w, bold);
  }
  // Rotated or vertical text: keep it whole, boxed by its transformed extent.
  const along = Math.hypot(a, b) || 1;
  const uEnd = width > 0 && Number.isFinite(width) ? width / along : text.length;
  const corners = [
    [0, -DESCENT],
    [uEnd, -DESCENT],
    [0, ASCENT],
    [uEnd, ASCENT],
  ].map(([u, v]) => [a * u! + c * v! + e, b * u! + d * v! + f] as const);
  const x0 = Math.min(...corners.map((p) => p[0]));
  const x1 = Math.max(...corners.map((p) => p[0]));
  const top = Math.min(...corners.map((p) => p[1]));
  const bottom = Math.max(...corners.map((p) => p[1]));
  const edges = Array.from({ length: text.length + 1 }, (_, i) => x0 + ((x1 - x0) * i) / text.length);
  return { text, x0, x1, top, bottom, base: bottom, size, edges, bold };
}

function placed(text: string, x: number, base: number, size: number, width: number, bold: boolean): Piece {
  let ems = 0;
  for (let i = 0; i < text.length; i++) ems += advance(text.charCodeAt(i));
  // Scale the estimated advances so that they add up to the item's real width.
  const scale = width > 0 && ems > 0 ? width / (ems * size) : 1;
  const edges = new Array<number>(text.length + 1);
  let at = x;
  for (let i = 0; i < text.length; i++) {
    edges[i] = at;
    at += advance(text.charCodeAt(i)) * size * scale;
  }
  edges[text.length] = at;
  return { text, x0: x, x1: at, top: base - ASCENT * size, bottom: base + DESCENT * size, base, size, edges, bold };
}

/** The sub-piece of characters [from, to), or undefined if it is blank. Surrounding spaces are trimmed. */
export function slice(p: Piece, from: number, to: number): Piece | undefined {
  while (from < to && isSpace(p.text.charCodeAt(from))) from++;
  while (to > from && isSpace(p.text.charCodeAt(to - 1))) to--;
  if (from >= to) return undefined;
  return { ...p, text: p.text.slice(from, to), x0: p.edges[from]!, x1: p.edges[to]!, edges: p.edges.slice(from, to + 1) };
}

/**
 * Cut a piece at each of the given x positions (rules it crosses). The cut goes to the character
 * boundary nearest the rule, preferring a space within one em of it.
 */
export function cutAt(p: Piece, xs: number[]): Piece[] {
  const inside = xs.filter((x) => x > p.x0 + 0.25 * p.size && x < p.x1 - 0.25 * p.size).sort((u, v) => u - v);
  if (inside.length === 0) return [p];
  const cuts: number[] = [];
  for (const x of inside) {
    let best = -1;
    let bestScore = Infinity;
    for (let i = 1; i < p.text.length; i++) {
      const dist = Math.abs(p.edges[i]! - x);
      const spaced = isSpace(p.text.charCodeAt(i)) || isSpace(p.text.charCodeAt(i - 1));
      const score = spaced && dist <= p.size ? dist - p.size : dist;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best > 0 && (cuts.length === 0 || best > cuts[cuts.length - 1]!)) cuts.push(best);
  }
  const out: Piece[] = [];
  let from = 0;
  for (const c of [...cuts, p.text.length]) {
    const s = slice(p, from, c);
    if (s) out.push(s);
    from = c;
  }
  return out;
}

/** Split a piece at runs of two or more spaces (columns of an unruled layout set in one item). */
export function splitAtGaps(p: Piece): Piece[] {
  if (!/\S\s{2,}\S/.test(p.text)) return [p];
  const out: Piece[] = [];
  const re = /\s{2,}/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p.text))) {
    const s = slice(p, from, m.index);
    if (s) out.push(s);
    from = m.index + m[0].length;
  }
  const s = slice(p, from, p.text.length);
  if (s) out.push(s);
  return out;
}

const CJK_EDGE = (code: number) => isWide(code);

/** Join pieces of one visual line (sorted by x) into text: a space where there is a visible gap between non-CJK text. */
export function joinLine(pieces: Piece[]): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev) {
      const gap = p.x0 - prev.x1;
      const a = out.charCodeAt(out.length - 1);
      const b = p.text.charCodeAt(0);
      const cjk = CJK_EDGE(a) || CJK_EDGE(b);
      // A space the PDF itself sets (「2026 年」) is kept; otherwise a gap is a space between non-CJK text.
      const printed = prev.spaceAfter === true && gap > 0.23 * Math.min(p.size, prev.size) && !(CJK_EDGE(a) && CJK_EDGE(b));
      if (printed || (gap > 0.2 * Math.min(p.size, prev.size) && !(cjk && gap < 0.6 * p.size))) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out;
}

/** Join the lines of a wrapped cell: no separator between CJK text, a space between words. */
export function joinWrapped(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (out === '') out = l;
    else {
      const a = out.charCodeAt(out.length - 1);
      const b = l.charCodeAt(0);
      // No space inside a wrapped number (「3,390.7」 / 「8」) nor between CJK characters.
      const numeric = /[\d,.]$/.test(out) && /^[\d,.]/.test(l);
      out += CJK_EDGE(a) || CJK_EDGE(b) || numeric || out.endsWith('-') ? l : ` ${l}`;
    }
  }
  return out;
}
