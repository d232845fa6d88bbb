/** Small text utilities for the text rules: sentences, excerpts, bracket balance, amounts in prose. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

function splitAfter(text: string, delimiters: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (delimiters.includes(text[i]!) || i === text.length - 1) {
      const piece = text.slice(start, i + 1);
      if (piece.trim() !== '') out.push({ text: piece, start, end: i + 1 });
      start = i + 1;
    }
  }
  return out;
}

/** Several rules split the same texts: remember recent splits (bounded). */
const splitMemo = new Map<string, Span[]>();
function memoSplit(key: string, text: string, delimiters: string): Span[] {
  const k = key + text;
  const known = splitMemo.get(k);
  if (known) return known;
  if (splitMemo.size > 20_000) splitMemo.clear();
  const spans = splitAfter(text, delimiters);
  splitMemo.set(k, spans);
  return spans;
}

/** Sentences: split after 。！？；; and line breaks (the delimiter stays with its sentence). */
export function sentences(text: string): Span[] {
  return memoSplit('s', text, '。！？；;!?\n');
}

/** Clauses: sentences further split after ，, ：: and 、 is not a clause break. */
export function clauses(text: string): Span[] {
  return memoSplit('c', text, '。！？；;!?\n，,：:');
}

/** The text around [start, end), at most `pad` characters each side, with … where cut. */
export function excerpt(text: string, start: number, end: number, pad = 15): string {
  const from = Math.max(0, start - pad);
  const to = Math.min(text.length, end + pad);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\n/g, ' ');
}

export const HAN = /\p{Script=Han}/u;

/** Script=Han of each BMP character, learnt from HAN as characters are met (0: not yet known, 1: Han, 2: not). */
const hanTable = new Uint8Array(0x10000);

/** True when the BMP code unit `code` is a Han character (as HAN decides). */
export function isHanCode(code: number): boolean {
  let v = hanTable[code]!;
  if (v === 0) {
    v = HAN.test(String.fromCharCode(code)) ? 1 : 2;
    hanTable[code] = v;
  }
  return v === 1;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const REPEATED_WORD = /(\p{Script=Han}{2,4})\1/gu;

export interface RepeatedWord {
  index: number;
  /** The word written twice. */
  word: string;
  /** The whole match (the word twice). */
  match: string;
}

/**
 * Words of 2–4 Han characters written twice in a row, as `/(\p{Script=Han}{2,4})\1/gu` finds them
 * (longest word first at each position; matches do not overlap). A direct scan: the regex, with its
 * Unicode property and backreference, is slow on long texts.
 */
export function repeatedWords(text: string): RepeatedWord[] {
  const out: RepeatedWord[] = [];
  if (SURROGATE.test(text)) {
    for (const m of text.matchAll(REPEATED_WORD)) out.push({ index: m.index, word: m[1]!, match: m[0] });
    return out;
  }
  const n = text.length;
  let i = 0;
  while (i + 4 <= n) {
    let found = 0;
    for (let len = 4; len >= 2; len--) {
      if (i + 2 * len > n || text.charCodeAt(i) !== text.charCodeAt(i + len)) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        const code = text.charCodeAt(i + k);
        if (code !== text.charCodeAt(i + len + k) || !isHanCode(code)) {
          same = false;
          break;
        }
      }
      if (same) {
        found = len;
        break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    out.push({ index: i, word: text.slice(i, i + found), match: text.slice(i, i + 2 * found) });
    i += 2 * found;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Brackets and quotes

const OPEN: Record<string, string> = { '“': 'dq', '‘': 'sq', '（': 'paren', '(': 'paren', '《': 'book', '【': 'lent', '[': 'lent', '「': 'corner', '『': 'wcorner', '〔': 'tort' };
const CLOSE: Record<string, string> = { '”': 'dq', '’': 'sq', '）': 'paren', ')': 'paren', '》': 'book', '】': 'lent', ']': 'lent', '」': 'corner', '』': 'wcorner', '〕': 'tort' };
export const CLOSER_OF: Record<string, string> = { dq: '”', sq: '’', paren: '）', book: '》', lent: '】', corner: '」', wcorner: '』', tort: '〕' };
export const OPENER_OF: Record<string, string> = { dq: '“', sq: '‘', paren: '（', book: '《', lent: '【', corner: '「', wcorner: '『', tort: '〔' };

export interface BracketProblem {
  index: number;
  char: string;
  /** unclosed: an opening mark never closed; unopened: a closing mark with no opening one. */
  kind: 'unclosed' | 'unopened';
}

/** List markers 「1)」「a)」「(1)」 at the start of an item: their lone ) is not a bracket. */
const LIST_MARKER = /(?<![\d（(A-Za-z一二三四五六七八九十])(\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）](?=\s|\p{Script=Han}|$)/gu;

/**
 * Unbalanced brackets and quotes. Marks pair by family (（ and ( are one family, so 「维修（护)费」 is
 * balanced); nested quotes “…“两库”…” balance; a closing mark of another family first closes the
 * marks opened after its own opener (they are unclosed).
 */
const ANY_MARK = /[“”‘’（）()《》【】[\]「」『』〔〕"]/;

export function bracketProblems(text: string): BracketProblem[] {
  if (!ANY_MARK.test(text)) return [];
  // Balanced as printed: nothing to report (list markers only matter where something is unbalanced).
  const raw = scanBrackets(text);
  if (raw.length === 0) return raw;
  return scanBrackets(text.replace(LIST_MARKER, (_m, n: string) => `${n}\u0000`));
}

const MARK_CODES = new Set([...Object.keys(OPEN), ...Object.keys(CLOSE), '"'].map((c) => c.charCodeAt(0)));

function scanBrackets(t: string): BracketProblem[] {
  const stack: { family: string; index: number; char: string }[] = [];
  const problems: BracketProblem[] = [];
  const straight: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!MARK_CODES.has(t.charCodeAt(i))) continue;
    const c = t[i]!;
    if (c === '"') {
      straight.push(i);
      continue;
    }
    // An apostrophe between Latin letters (DRG's) is not a quote.
    if (c === '’' && /[A-Za-z]/.test(t[i - 1] ?? '') && /[A-Za-z]/.test(t[i + 1] ?? '')) continue;
    const open = OPEN[c];
    if (open) {
      stack.push({ family: open, index: i, char: c });
      continue;
    }
    const close = CLOSE[c];
    if (!close) continue;
    let at = stack.length - 1;
    while (at >= 0 && stack[at]!.family !== close) at--;
    if (at < 0) {
      problems.push({ index: i, char: c, kind: 'unopened' });
      continue;
    }
    // Marks opened after the matching opener and still open are unclosed.
    for (const s of stack.splice(at).slice(1)) problems.push({ index: s.index, char: s.char, kind: 'unclosed' });
  }
  for (const s of stack) problems.push({ index: s.index, char: s.char, kind: 'unclosed' });
  if (straight.length % 2 === 1) problems.push({ index: straight[straight.length - 1]!, char: '"', kind: 'unclosed' });
  return problems.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// Amounts in prose

export interface ProseAmount {
  /** Value in 万元 (the unit is normalised: 元 are divided by 10,000). */
  wan: number;
  start: number;
  end: number;
  raw: string;
}

const AMOUNT = /(-?\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|万(?!\p{Script=Han}))/gu;

/** Amounts written in prose: 「3,390.78万元」「959.51 万元」「180000元」「642.6万」. */
export function proseAmounts(text: string): ProseAmount[] {
  const out: ProseAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isFinite(n)) continue;
    const unit = m[2]!;
    const wan = unit === '元' ? n / 10_000 : unit === '亿元' ? n * 10_000 : n;
    out.push({ wan, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}
