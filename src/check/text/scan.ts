/** Small text utilities for the text rules: sentences, excerpts, bracket balance, amounts in prose. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

function splitAfter(text: string, delimiters: Uint8Array): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (delimiters[text.charCodeAt(i)] === 1 || i === text.length - 1) {
      const piece = text.slice(start, i + 1);
      if (piece.trim() !== '') out.push({ text: piece, start, end: i + 1 });
      start = i + 1;
    }
  }
  return out;
}

/** A table of the given (BMP) characters by code unit: a typed-array read per character, not a Set lookup. */
function codes(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const SENTENCE_ENDS = codes('。！？；;!?\n');
const CLAUSE_ENDS = codes('。！？；;!?\n，,：:');

// (No memo across calls: a cache keyed on the text would outlive the document and flatter repeated
// checks of the same text.)

/** Sentences: split after 。！？；; and line breaks (the delimiter stays with its sentence). */
export function sentences(text: string): Span[] {
  return splitAfter(text, SENTENCE_ENDS);
}

/** Clauses: sentences further split after ，, ：: and 、 is not a clause break. */
export function clauses(text: string): Span[] {
  return splitAfter(text, CLAUSE_ENDS);
}

/**
 * The matches of global `re` in `text`, as `[...text.matchAll(re)]` but without the copy of the
 * regex matchAll makes on every call. `re` must not match the empty string.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
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
function isHanCode(code: number): boolean {
  let v = hanTable[code]!;
  if (v === 0) {
    v = HAN.test(String.fromCharCode(code)) ? 1 : 2;
    hanTable[code] = v;
  }
  return v === 1;
}

/** The number of Han characters (code points) in `text`, counting up to `limit`. */
export function countHan(text: string, limit = Infinity): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) {
      if (isHanCode(code)) count++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      if (HAN.test(text.slice(i, i + 2))) count++;
      i++;
    }
  }
  return count;
}

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
  let out: RepeatedWord[] | undefined;
  const n = text.length;
  let i = 0;
  // c0…c3 are the characters at i…i+3, carried from one position to the next: one charCodeAt per
  // position instead of four (reading a character is the cost of this scan).
  let c0 = n >= 4 ? text.charCodeAt(0) : 0;
  let c1 = n >= 4 ? text.charCodeAt(1) : 0;
  let c2 = n >= 4 ? text.charCodeAt(2) : 0;
  let c3 = n >= 4 ? text.charCodeAt(3) : 0;
  while (i + 4 <= n) {
    const c4 = i + 4 < n ? text.charCodeAt(i + 4) : -1;
    if (c0 >= 0xd800 && c0 <= 0xdfff) return repeatedWordsByRegex(text);
    // A repeat of 2–4 characters starting here repeats this character 2, 3 or 4 places on.
    const found = c0 !== c4 && c0 !== c3 && c0 !== c2 ? 0 : repeatAt(text, i);
    if (found === 0) {
      c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
      i++;
      continue;
    }
    (out ??= []).push({ index: i, word: text.slice(i, i + found), match: text.slice(i, i + 2 * found) });
    i += 2 * found;
    if (i + 4 > n) break;
    c0 = text.charCodeAt(i);
    c1 = text.charCodeAt(i + 1);
    c2 = text.charCodeAt(i + 2);
    c3 = text.charCodeAt(i + 3);
  }
  // Surrogates in the last characters (never part of a match found so far) decide nothing here, but a
  // supplementary Han character counts as one: leave such texts to the regex.
  for (let k = Math.max(0, i); k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) return repeatedWordsByRegex(text);
  }
  return out ?? NONE;
}

/** The length (4, 3 or 2, longest first) of a word of Han characters written twice from `i`, or 0. */
function repeatAt(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  for (let len = 4; len >= 2; len--) {
    if (i + 2 * len > n || c !== text.charCodeAt(i + len)) continue;
    let same = true;
    for (let k = 0; k < len; k++) {
      const code = text.charCodeAt(i + k);
      if (code !== text.charCodeAt(i + len + k) || (code >= 0xd800 && code <= 0xdfff) || !isHanCode(code)) {
        same = false;
        break;
      }
    }
    if (same) return len;
  }
  return 0;
}

const NONE: RepeatedWord[] = [];

function repeatedWordsByRegex(text: string): RepeatedWord[] {
  const out: RepeatedWord[] = [];
  for (const m of text.matchAll(REPEATED_WORD)) out.push({ index: m.index, word: m[1]!, match: m[0] });
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

/** Every mark of OPEN and CLOSE, and the straight quote: the scan jumps from one to the next. */
const MARKS = new RegExp(ANY_MARK.source, 'g');

function scanBrackets(t: string): BracketProblem[] {
  const stack: { family: string; index: number; char: string }[] = [];
  const problems: BracketProblem[] = [];
  const straight: number[] = [];
  // A regex search finds the next mark faster than reading every character in JavaScript.
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(t); m; m = MARKS.exec(t)) {
    const i = m.index;
    const c = m[0];
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
    // Usually the innermost open mark is closed; marks opened after the matching opener and still open are unclosed.
    if (at === stack.length - 1) stack.pop();
    else for (const s of stack.splice(at).slice(1)) problems.push({ index: s.index, char: s.char, kind: 'unclosed' });
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
  // exec over the shared global regex: matchAll would copy it on every call.
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isFinite(n)) continue;
    const unit = m[2]!;
    const wan = unit === '元' ? n / 10_000 : unit === '亿元' ? n * 10_000 : n;
    out.push({ wan, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}
