import type { Document, Section } from '../model/index.js';
import { LineLocator } from './lines.js';
import { AMOUNT_SOURCE, amountRegex, halfWidth, hasAmount, NOT_COMPARABLE_SOURCE, PERCENT_SOURCE, toAmount, toPercent } from './numbers.js';
import type { Breakdown, Claim, ClaimAmount, ClaimChange, ClaimPercent, Direction, PartsKind } from '../model/index.js';
import { CONTEXTUAL, isPartOf, matchSubject } from './vocabulary.js';

/** What reading claims needs of a document: its prose, and the department, year and kind it is read against. */
export type ClaimSource = Pick<Document, 'department' | 'year' | 'kind' | 'narrative'>;

/**
 * Prose → claims. The narrative (情况说明) states figures in a small set of sentence patterns:
 *
 *   {subject}{amount}，比{basis}{增加|减少}{amount}，{增长|下降}{percent}，主要原因是…；
 *   {subject}{amount}，与{basis}持平。
 *   {subject}{amount}，完成全年预算{amount}的{percent}，…
 *   {subject}{amount}，占{whole}的{percent}
 *   {whole}{amount}，其中：{part}{amount}，…；{part}{amount}（{sub-part}{amount}；…）…
 *   按支出功能科目划分：{part}{amount}，…；{part}{amount}…
 *
 * A paragraph is split into clauses at ，；。：、 (never inside brackets that are part of a name, such
 * as 因公出国（境）费 or （基数为0，不可比）). Each clause is a subject with its figure, or a phrase that
 * qualifies the last subject (a change, a percent, a completion rate, a share). 「其中」/「包括」, a
 * bracket right after an amount and 「按…划分：」 open lists of parts. Reasons (主要原因是…) are read
 * but kept apart: their figures are illustrations, not figures of the document.
 */

const A = AMOUNT_SOURCE;
/** Every amount of a clause (global: reset `lastIndex` before a scan; scans do not nest). */
const AMOUNTS = amountRegex('g');
const P = `(?:${PERCENT_SOURCE}|(${NOT_COMPARABLE_SOURCE}))`;

const DIRECTION_WORDS: Record<string, Direction> = {
  增加: 'increase', 增长: 'increase', 上升: 'increase', 增: 'increase', 提高: 'increase',
  减少: 'decrease', 下降: 'decrease', 降低: 'decrease', 减: 'decrease',
};
const DIR = '增\\s*[（(]\\s*减\\s*[)）]|增加|减少|增长|下降|降低|上升|提高|增|减';

const CHANGE = new RegExp(`^(.*?)(?:比|较|相对于?|相比于?|同比)\\s*(.*?)\\s*(${DIR})了?\\s*${A}$`);
const BARE_CHANGE = new RegExp(`^(.*?)(增加|减少)了?\\s*${A}$`);
const PERCENT_CHANGE = new RegExp(`^(?:(?:比|较)(.*?))?(增长|下降|减少|增加|上升|降低|提高)了?\\s*(约)?\\s*${P}$`);
const FLAT = /^(?:与|和|同|较|比)?(.{0,16}?)(?:基本)?(持平|保持一致|相同|无增减变化?)$/;
const COMPLETION = new RegExp(`^完成(?:了)?(全年|年初)?(?:调整)?预算(?:数)?\\s*(?:${A})?\\s*的?\\s*${P}$`);
const SHARE = new RegExp(`^(.*?)占(.*?)的?\\s*${PERCENT_SOURCE}$`);
const COUNT = /^(.*?)([\d,]+(?:\.\d+)?)\s*(个|辆|人次|人|次|台[（(]套[)）]|台|套|平方米|项|家|批)(.*)$/;
const REASON = /^(?:主要(?:原因|变动情况|增减变动情况|变动原因|增减变化原因|用途)?(?:是|为|如下)?|原因是|主要用于|主要包括|主要是)/;
const REASON_HEAD = /(?:的)?主要情况$|原因如下$|主要变动情况$/;
const LIST_LABEL = /^按.{1,14}(?:划分|分类|科目|类别|分)$/;
const INCLUDING = /^(?:其中包括|其中|包括)\s*[：:]?\s*/;
const ENUMERATOR = /^(?:\d+[.．、)）](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]+[，,、])\s*/;

// Cheap tests that each pattern needs to pass (a clause failing one cannot match the pattern).
const SPACES = /\s+/g;

/** What a clause contains, from one pass over its characters (bits below). */
const F_DIGIT = 1; // 0-9
const F_COMMA = 2; // ,
const F_MONEY = 4; // 元 or 万
const F_PERCENT = 8; // % ％ or a dash (-—–－─)
const F_COMPARE = 16; // 比 较 相

function features(t: string): number {
  let f = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) f |= F_DIGIT;
    else if (c === 0x2c) f |= F_COMMA;
    else if (c === 0x5143 || c === 0x4e07) f |= F_MONEY; // 元 万
    else if (c === 0x25 || c === 0xff05 || c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x2500) f |= F_PERCENT;
    else if (c === 0x6bd4 || c === 0x8f83 || c === 0x76f8) f |= F_COMPARE; // 比 较 相
  }
  return f;
}

/** An amount needs a digit and 元 or 万. */
function mayStateAmount(f: number): boolean {
  return (f & (F_DIGIT | F_MONEY)) === (F_DIGIT | F_MONEY);
}

/** True when `raw` has a full-width digit or mark (halfWidth changes it) or a \s character. */
function needsNormalising(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x20) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
    } else if (c >= 0xff05) {
      if ((c >= 0xff10 && c <= 0xff19) || c === 0xff0e || c === 0xff0c || c === 0xff0d || c === 0xff05 || c === 0xfeff) return true;
    } else if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** What REASON matches at the start of a clause. */
function startsReason(t: string): boolean {
  return t.startsWith('主要') || t.startsWith('原因是');
}

function direction(word: string): Direction | undefined {
  const w = word.replace(/\s+/g, '');
  if (/^增[（(]减[)）]$/.test(w)) return undefined;
  return DIRECTION_WORDS[w];
}

interface Clause {
  text: string;
  start: number;
  end: number;
  /** Delimiter after the clause: ， ； 。 ： 、 open (bracket of parts) close, or '' at the end. */
  delim: string;
}

/** The white space at `lastIndex` (what trimStart would remove there). */
const LEADING_SPACE = /\s*/y;

const AFTER_AMOUNT = /\d\s*(?:亿元|万元|元|万)\s*$/;

/** Split a paragraph into clauses; brackets directly after an amount open a list of parts. */
export function splitClauses(p: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let depth = 0;
  let parts = 0;
  const push = (end: number, delim: string) => {
    out.push({ text: p.slice(start, end), start, end, delim });
    start = end + 1;
  };
  // Compared by code: indexing a string makes a one-character string for every CJK character.
  for (let i = 0; i < p.length; i++) {
    const ch = p.charCodeAt(i);
    if (ch === 0xff08 || ch === 0x28) {
      // （ ( — 「100万元（含）以上」: a threshold's qualifier, not a list of parts.
      if (depth === 0 && AFTER_AMOUNT.test(p.slice(Math.max(0, i - 24), i)) && !/^[（(]\s*含\s*[)）]/.test(p.slice(i, i + 5))) {
        push(i, 'open');
        parts++;
      } else depth++;
      continue;
    }
    if (ch === 0xff09 || ch === 0x29) {
      // ） )
      if (depth > 0) depth--;
      else if (parts > 0) {
        push(i, 'close');
        parts--;
      }
      continue;
    }
    if (depth > 0) continue;
    if (ch === 0xff0c || (ch === 0x2c && !/\d/.test(p[i + 1] ?? ''))) push(i, '，'); // ， ,
    else if (ch === 0xff1b || ch === 0x3b) push(i, '；'); // ； ;
    else if (ch === 0x3002) push(i, '。');
    else if (ch === 0xff1a || ch === 0x3a) push(i, '：'); // ： :
    else if (ch === 0x3001) push(i, '、');
  }
  if (start <= p.length) out.push({ text: p.slice(start), start, end: p.length, delim: '' });
  return out;
}

const CLEANED_START = /^[\d（(一二三四五六七八九十第其包截本我全部单局共合累，,、]/;

/** Remove numbering, dates, the department's name and 本部门/本单位 from the front of a noun phrase. */
/** `dept`: the department's name without white space. */
function cleanPhrase(phrase: string, dept: string): string {
  const compact = phrase.replace(/\s+/g, '').replace(/^[，,、；;：:]+/, '');
  let s = compact;
  for (let i = 0; i < 4; i++) {
    // Every pattern below starts with one of these characters (or is the department's name).
    if (!CLEANED_START.test(s) && !(dept && s.startsWith(dept))) break;
    const before = s;
    s = s.replace(ENUMERATOR, '');
    s = s.replace(INCLUDING, '');
    s = s.replace(/^(?:截至|截止)?\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?[，,]?/, '');
    if (dept && s.startsWith(dept)) s = s.slice(dept.length);
    s = s.replace(/^[（(]本级[)）]/, '');
    s = s.replace(/^(?:本|我|全)?(?:部门|单位)(?:所属各单位|本级)?/, '');
    s = s.replace(/^局本级/, '');
    s = s.replace(/^(?:共计|合计|累计|共有|共)/, '');
    s = s.replace(/^[，,、]+/, '');
    if (s === before) break;
  }
  return s || compact;
}

/** The subject as printed: the vocabulary head when recognised, else the phrase without trailing verbs. */
function subjectOf(phrase: string, scheme?: 'function' | 'economic', count = false): { subject: string; key?: string } {
  const m = matchSubject(phrase, { scheme, count });
  if (m) return { subject: m.printed, key: m.entry.key };
  return { subject: phrase.replace(/(?:为|是|共计|合计|小计|达|约)+$/, '') || phrase };
}

function schemeOfLabel(label: string | undefined): 'function' | 'economic' | undefined {
  if (!label) return undefined;
  if (/经济/.test(label)) return 'economic';
  if (/功能/.test(label)) return 'function';
  return undefined;
}

function percentOf(m: RegExpExecArray, numberGroup: number, ncGroup: number): ClaimPercent | 'not-comparable' | undefined {
  if (m[numberGroup] !== undefined) return toPercent(m[numberGroup], `${m[numberGroup]}%`);
  if (m[ncGroup] !== undefined) return 'not-comparable';
  return undefined;
}

interface Frame {
  owner: Claim;
  breakdown: Breakdown;
  paren: boolean;
  /** The delimiter between the list's items, once known. */
  sep?: string;
  /** Opened by 「其中：」 at the end of a paragraph: the items are the following paragraphs. */
  acrossParagraphs: boolean;
}

interface Spans {
  start: number;
  end: number;
  paragraph: string;
  paragraphStart: number;
}

const parents = new WeakMap<Claim, Claim>();
const restated = new WeakMap<Claim, Claim>();

/** 决算: a phrase that names the 预算数 of its subject (「…年初预算为」「…预算数」), not its 决算数. */
const BUDGET_MEASURE = /(?:年初|全年|调整后?)?预算(?:数)?(?:安排)?(?:为|是)?$/;

/** 'amount', or 'count:人' — what a claim measures; parts measure what their whole does. */
function measureOf(claim: Claim): string | undefined {
  if (claim.amount) return 'amount';
  if (claim.count) return `count:${claim.count.unit}`;
  return claim.change?.amount ? 'amount' : undefined;
}

/** The claim a part was stated under, if any. */
export function parentOf(claim: Claim): Claim | undefined {
  return parents.get(claim);
}

/**
 * The claim this one states again, if any: in a numbered item that opens with its figure
 * (「12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。…2026年预算安排201.50万元」),
 * the 「（本年）预算安排」 of the item is the item's figure.
 */
export function restatementOf(claim: Claim): Claim | undefined {
  return restated.get(claim);
}

class SectionReader {
  readonly claims: Claim[] = [];
  private lead: Claim | undefined;
  private lastTop: Claim | undefined;
  private current: Claim | undefined;
  private frames: Frame[] = [];
  private reason = false;
  private shareOf: string | undefined;
  private readonly spans = new Map<Claim, Spans>();
  private paragraph = '';
  private paragraphStart = 0;
  private sentenceStart = true;
  /** The numbered item being read (0: none yet), and the claim it opened with. */
  private item = 0;
  private inItem = false;
  private itemLead: Claim | undefined;
  private itemClaims = 0;

  /** The department's name without white space (cleanPhrase removes it from the front of phrases). */
  private readonly dept: string;

  constructor(
    private readonly doc: ClaimSource,
    private readonly section: Section,
    private readonly path: string[],
    private readonly part: 'overview' | 'explanation',
    private readonly locator: LineLocator,
    /** Subjects of the phrases read so far in this document (phrases recur: 一般公共预算财政拨款支出 …). */
    private readonly subjects: Map<string, { subject: string; key?: string }>,
  ) {
    this.dept = doc.department.replace(/\s+/g, '');
  }

  private subjectOf(phrase: string, scheme?: 'function' | 'economic', count = false): { subject: string; key?: string } {
    const k = `${scheme ?? ''}|${count ? 1 : 0}|${phrase}`;
    let s = this.subjects.get(k);
    if (!s) this.subjects.set(k, (s = subjectOf(phrase, scheme, count)));
    return s;
  }

  read(): Claim[] {
    const text = this.section.text;
    let offset = 0;
    for (const paragraph of text.split('\n')) {
      this.readParagraph(paragraph, offset);
      offset += paragraph.length + 1;
    }
    this.finish();
    return this.claims;
  }

  private readParagraph(p: string, offset: number): void {
    this.paragraph = p;
    this.paragraphStart = offset;
    // A paragraph after one that ends with a colon continues its sentence (「主要变动情况：」⏎「一是…」).
    const continues = /[：:]$/.test(this.lastParagraphEnd);
    if (!continues) {
      this.reason = false;
      // Lists end with their paragraph unless opened by a colon at the end of the previous one.
      this.frames = this.frames.filter((f) => f.acrossParagraphs);
      this.sentenceStart = true;
      this.shareOf = undefined;
    }
    // 「1、」「2.」「（三）」: a numbered item, continued by the paragraphs up to the next one.
    if (ENUMERATOR.test(halfWidth(p.trim()))) {
      this.item++;
      this.inItem = true;
      this.itemLead = undefined;
      this.itemClaims = 0;
    }
    const clauses = splitClauses(p);
    clauses.forEach((c, i) => {
      this.readClause(c, clauses[i - 1]?.delim ?? '');
      this.afterClause(c, i === clauses.length - 1);
    });
    this.lastParagraphEnd = p.trim();
  }

  private lastParagraphEnd = '';

  private afterClause(c: Clause, last: boolean): void {
    if (c.delim === 'open') {
      if (this.current) this.openFrame(this.current, 'partition', { paren: true });
    } else if (c.delim === 'close') {
      while (this.frames.length) {
        const f = this.frames.pop()!;
        if (f.paren) {
          this.current = f.owner;
          break;
        }
      }
    } else if (c.delim === '；' || c.delim === '。') {
      if (this.reason) this.reason = false;
      const top = this.frames[this.frames.length - 1];
      const inParen = this.frames.some((f) => f.paren);
      if (c.delim === '；' && top && !top.paren && this.frames.length >= 2 && (top.sep === '、' || top.sep === '，')) this.frames.pop();
      if (c.delim === '。' && !inParen) {
        this.frames = this.frames.filter((f) => f.acrossParagraphs);
        this.shareOf = undefined;
      }
    }
    if (c.delim === '。' && !this.frames.some((f) => f.paren)) this.sentenceStart = true;
    else if (c.text.trim()) this.sentenceStart = false;
    if (c.delim === '：' && this.pendingAcross && this.paragraph.slice(c.end + 1).trim() === '') this.pendingAcross.acrossParagraphs = true;
    this.pendingAcross = undefined;
    if (last) this.label = undefined;
  }

  private pendingAcross: Frame | undefined;
  /** features() of the clause being read. */
  private f = 0;
  /** 「年度预算安排：50 万元」: a clause ending with a colon names the figure that follows. */
  private label: string | undefined;

  private openFrame(owner: Claim, kind: PartsKind, opts: { paren?: boolean; label?: string } = {}): Frame {
    const breakdown: Breakdown = { kind, ...(opts.label ? { label: opts.label } : {}), parts: [] };
    const frame: Frame = { owner, breakdown, paren: opts.paren ?? false, acrossParagraphs: false };
    (owner.breakdowns ??= []).push(breakdown);
    // A new top-level list replaces the lists of other wholes.
    if (!opts.paren && !this.isInFrames(owner)) this.frames = this.frames.filter((f) => f.paren || f.acrossParagraphs);
    this.frames.push(frame);
    return frame;
  }

  private isInFrames(claim: Claim): boolean {
    return this.frames.some((f) => f.breakdown.parts.includes(claim) || f.owner === claim);
  }

  private readClause(c: Clause, delimBefore: string): void {
    const raw = c.text;
    let t = needsNormalising(raw) ? halfWidth(raw).replace(SPACES, '') : raw;
    // 「“2026年…」: a quote before a figure.
    const q = t.charCodeAt(0);
    const d = t.charCodeAt(1);
    if ((q === 0x201c || q === 0x22) && d >= 0x30 && d <= 0x39) t = t.slice(1); // “ " then 0-9
    if (!t) return;
    const at = c.start;
    if (this.sentenceStart) {
      this.sentenceStart = false;
      if (!this.frames.some((f) => f.paren)) this.frames = this.frames.filter((f) => f.acrossParagraphs);
    }
    // Reasons: 「主要原因是…」 up to the next ； or 。 (across a line break after a colon).
    if (!this.reason && (startsReason(t) || (c.delim === '：' && REASON_HEAD.test(t)))) this.reason = true;
    if (this.reason) {
      this.readReason(t, c);
      return;
    }
    // 「其中」 / 「包括」 open a list of parts of the current claim (or, at the start of a sentence, of the sentence before).
    const inc = t.startsWith('其中') || t.startsWith('包括') ? INCLUDING.exec(t) : null;
    if (inc && (inc[0].length > 0)) {
      const rest = t.slice(inc[0].length);
      const parenTop = this.frames[this.frames.length - 1];
      if (parenTop?.paren && parenTop.breakdown.parts.length === 0) {
        parenTop.breakdown.kind = 'including';
      } else {
        const owner = delimBefore === '。' || delimBefore === '' ? (this.lastTop ?? this.current) : this.current;
        if (owner) {
          const frame = this.openFrame(owner, 'including');
          if (!rest && c.delim === '：') this.pendingAcross = frame;
        }
      }
      t = rest;
      if (!t) return;
    }
    // 「按支出功能科目划分：」 opens a list of parts of the section's lead claim.
    if (t.startsWith('按') && LIST_LABEL.test(t) && (c.delim === '：' || c.delim === '')) {
      const owner = this.lead ?? this.lastTop;
      if (owner) this.openFrame(owner, 'partition', { label: t });
      return;
    }
    this.f = features(t);
    if (this.readChange(t, c)) return;
    if (this.readPercent(t, c)) return;
    if (this.readCompletion(t, c)) return;
    if (this.readShare(t, c, at)) return;
    if (this.readFlat(t, c)) return;
    // 「“三公”经费财政拨款支出决算中，…占91%」: the whole shares refer to.
    if (t.endsWith('中') && !hasAmount(t)) {
      const phrase = cleanPhrase(t.slice(0, -1), this.dept);
      const s = this.subjectOf(phrase);
      if (s.key) this.shareOf = s.subject;
      return;
    }
    if (this.readAmounts(t, c, delimBefore)) return;
    if (this.readCount(t, c, delimBefore)) return;
    this.label = c.delim === '：' ? t : undefined;
  }

  private readReason(t: string, c: Clause): void {
    const re = AMOUNTS;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let from = 0;
    while ((m = re.exec(t))) {
      const amount = toAmount(m[2]!, m[3]!, m[1] !== undefined);
      if (!amount) continue;
      const before = t.slice(from, m.index).replace(REASON, '').replace(/^[：:]/, '');
      const bare = BARE_CHANGE.exec(t.slice(from, m.index + m[0].length));
      const phrase = cleanPhrase(bare ? bare[1]! : before, this.dept).replace(/(?:相对|比|较)(?:上年)?$/, '');
      const claim = this.newClaim(phrase, c, { reason: true });
      if (bare) claim.change = { direction: direction(bare[2]!) ?? 'increase', amount, words: { amount: bare[2]! }, basis: '' };
      else claim.amount = amount;
      from = m.index + m[0].length;
    }
  }

  private readChange(t: string, c: Clause): boolean {
    if (!mayStateAmount(this.f) || !(this.f & F_COMPARE)) return false;
    const m = CHANGE.exec(t);
    if (!m) return false;
    const amount = toAmount(m[5]!, m[6]!, m[4] !== undefined);
    if (!amount) return false;
    const word = m[3]!;
    // 「增(减) 0 万元」 is flat; 「增(减) -5 万元」 a decrease.
    const dir = direction(word) ?? (amount.fen === 0 ? 'flat' : amount.fen > 0 ? 'increase' : 'decrease');
    const change: ClaimChange = { direction: dir, amount, words: { amount: word.replace(/\s+/g, '') }, basis: m[2]!.replace(/\s+/g, '') };
    const prefix = m[1]!;
    let claim = this.current;
    if (prefix && hasAmount(prefix)) return false;
    if (prefix || !claim || claim.change) {
      claim = this.newClaim(cleanPhrase(prefix, this.dept), c);
    }
    claim.change = { ...(claim.change ?? {}), ...change };
    this.extend(claim, c);
    return true;
  }

  private readPercent(t: string, c: Clause): boolean {
    if (!(this.f & F_PERCENT) && !t.includes('不可比')) return false;
    const m = PERCENT_CHANGE.exec(t);
    if (!m || !this.current) return false;
    const percent = percentOf(m, 4, 5);
    if (percent === undefined) return false;
    const claim = this.current;
    const dir = direction(m[2]!);
    const change: ClaimChange = claim.change ?? { direction: dir ?? 'flat', words: {}, basis: (m[1] ?? '').replace(/\s+/g, '') };
    change.percent = percent;
    if (dir) change.percentDirection = dir;
    change.words = { ...change.words, percent: m[2]! };
    claim.change = change;
    this.extend(claim, c);
    return true;
  }

  private readFlat(t: string, c: Clause): boolean {
    if (!(t.includes('持平') || t.includes('一致') || t.includes('相同') || t.includes('无增减'))) return false;
    const m = FLAT.exec(t);
    if (!m || !this.current || this.current.change) return false;
    if (hasAmount(t)) return false;
    this.current.change = { direction: 'flat', words: { amount: m[2]! }, basis: m[1]! };
    this.extend(this.current, c);
    return true;
  }

  private readCompletion(t: string, c: Clause): boolean {
    if (!t.startsWith('完成')) return false;
    const m = COMPLETION.exec(t);
    if (!m || !this.current) return false;
    const percent = percentOf(m, 5, 6);
    if (percent === undefined) return false;
    const of = m[3] !== undefined ? toAmount(m[3], m[4]!, m[2] !== undefined) : undefined;
    const claim = this.current;
    claim.completion = { ...(of ? { of } : {}), percent };
    if (!of) {
      // 「全年预算数2386.28万元，执行数2698.41万元，完成预算的113.1%」: the budget was the clause right
      // before, in the same sentence. Not any earlier budget: in 「“三公”经费…年初预算为0.95万元，支出决算为
      // 0.00万元，…其中：因公出国（境）费决算为0.00万元，完成预算的0%」 the 0.95 is the whole's budget.
      const before = this.claims[this.claims.lastIndexOf(claim) - 1];
      const spanBefore = before ? this.spans.get(before) : undefined;
      const spanHere = this.spans.get(claim);
      const sameSentence = spanBefore !== undefined && spanHere !== undefined && spanBefore.paragraphStart === this.paragraphStart && !this.paragraph.slice(spanBefore.start, spanHere.start).includes('。');
      if (before?.amount && !before.context && sameSentence && (before.measure === 'budget' || /预算/.test(before.subject))) claim.completion.of = before.amount;
    }
    this.extend(claim, c);
    return true;
  }

  private readShare(t: string, c: Clause, _at: number): boolean {
    if (!t.includes('占') || !(t.includes('%') || t.includes('％'))) return false;
    const m = SHARE.exec(t);
    if (!m) return false;
    if (hasAmount(m[1]!)) return false;
    const percent = toPercent(m[3]!, `${m[3]}%`);
    const of = m[2]!.replace(/的$/, '') || undefined;
    let claim = this.current;
    if (m[1]) claim = this.newClaim(cleanPhrase(m[1], this.dept), c);
    if (!claim) return false;
    claim.share = { percent, ...(of ? { of } : {}) };
    this.extend(claim, c);
    return true;
  }

  private readAmounts(t: string, c: Clause, delimBefore: string): boolean {
    if (!mayStateAmount(this.f)) return false;
    const re = AMOUNTS;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let from = 0;
    let found = false;
    while ((m = re.exec(t))) {
      const amount = toAmount(m[2]!, m[3]!, m[1] !== undefined);
      if (!amount) continue;
      const printed = t.slice(from, m.index);
      let phrase = cleanPhrase(printed, this.dept);
      if (!phrase && from === 0 && this.label) phrase = cleanPhrase(this.label, this.dept);
      const claim = this.newClaim(phrase, c, { delimBefore, measure: 'amount' });
      claim.amount = amount;
      if (this.doc.kind === 'final' && claim.key && BUDGET_MEASURE.test(phrase)) claim.measure = 'budget';
      this.noteItemFigure(claim, printed);
      from = m.index + m[0].length;
      found = true;
    }
    return found;
  }

  /**
   * The first figure of a numbered item is the item's own (「1、…（01项）1672.67万元」); a later
   * 「（本年）预算安排」 in the same item states it again.
   */
  private noteItemFigure(claim: Claim, printed: string): void {
    if (!this.inItem) return;
    this.itemClaims++;
    if (this.itemClaims === 1) {
      if (claim.phrase && !(claim.key && CONTEXTUAL.has(claim.key))) this.itemLead = claim;
      return;
    }
    const lead = this.itemLead;
    if (!lead?.amount || !claim.key || !CONTEXTUAL.has(claim.key)) return;
    const years = [...printed.matchAll(/((?:19|20)\d{2})\s*年/g)].map((y) => Number(y[1]));
    if (years.some((y) => y !== this.doc.year)) return;
    restated.set(claim, lead);
  }

  private readCount(t: string, c: Clause, delimBefore: string): boolean {
    if (!(this.f & (F_DIGIT | F_COMMA))) return false;
    const m = COUNT.exec(t);
    if (!m) return false;
    let prefix = m[1]!;
    if (/\d[年月日]$/.test(prefix) || /^\d{4}年/.test(m[2]!)) return false;
    let phrase = cleanPhrase(prefix, this.dept);
    const suffix = m[4]!.replace(/^的/, '');
    if ((!phrase || /(?:设|有|下属|包括)$/.test(phrase) || /^(?:和|及|与|以及)$/.test(phrase)) && suffix && !/^等/.test(suffix)) {
      prefix = suffix;
      phrase = suffix.replace(/[，。；、]+$/, '');
    }
    const approximate = /约(?:为|是)?$/.test(m[1]!);
    const claim = this.newClaim(phrase.replace(/(?:为|小计|共计|合计)+$/, ''), c, { delimBefore, measure: `count:${m[3]!}` });
    claim.count = { value: Number(m[2]!.replace(/,/g, '')), unit: m[3]!, ...(approximate ? { approximate: true } : {}) };
    if (this.inItem) this.itemClaims++;
    return true;
  }

  /** Lengthen the claim's clause to include `c`. */
  private extend(claim: Claim, c: Clause): void {
    const s = this.spans.get(claim);
    if (s && s.paragraphStart === this.paragraphStart) s.end = Math.max(s.end, c.end);
  }

  private newClaim(phrase: string, c: Clause, opts: { reason?: boolean; delimBefore?: string; measure?: string } = {}): Claim {
    // A figure of another kind (车辆 1辆 after 设备 0台, a count under an amount) ends the list it would join.
    if (!opts.reason && opts.measure) {
      while (this.frames.length && !this.frames[this.frames.length - 1]!.paren && measureOf(this.frames[this.frames.length - 1]!.owner) !== opts.measure) this.frames.pop();
    }
    const top = opts.reason ? undefined : this.frames[this.frames.length - 1];
    const scheme = schemeOfLabel(top?.breakdown.label);
    const s = this.subjectOf(phrase, scheme, opts.measure?.startsWith('count:') ?? false);
    // Built by assignment (conditional spreads are slow in V8); the keys keep this order.
    const claim = { subject: s.subject } as Claim;
    if (s.key) claim.key = s.key;
    claim.phrase = phrase;
    claim.sentence = '';
    claim.clause = '';
    claim.at = { file: this.section.span.file, line: 0 };
    claim.section = this.path;
    claim.part = this.part;
    if (this.inItem) claim.item = this.item;
    if (opts.reason) claim.context = 'reason';
    this.spans.set(claim, { start: c.start, end: c.end, paragraph: this.paragraph, paragraphStart: this.paragraphStart });
    if (opts.reason) {
      this.claims.push(claim);
      return claim;
    }
    // Leave nested lists whose whole this subject is not a part of (「…；其中：购置…；运行…；公务接待费…」).
    while (this.frames.length >= 2) {
      const inner = this.frames[this.frames.length - 1]!;
      const outer = this.frames[this.frames.length - 2]!;
      if (inner.paren || !claim.key || !inner.owner.key || !outer.owner.key) break;
      if (!isPartOf(claim.key, inner.owner.key) && isPartOf(claim.key, outer.owner.key)) this.frames.pop();
      else break;
    }
    const frame = this.frames[this.frames.length - 1];
    if (frame && frame.owner !== claim) {
      if (frame.breakdown.parts.length === 1 && frame.sep === undefined && opts.delimBefore) frame.sep = opts.delimBefore;
      frame.breakdown.parts.push(claim);
      (frame.owner.parts ??= []).push(claim);
      claim.parentSubject = frame.owner.subject;
      if (frame.breakdown.label) claim.listLabel = frame.breakdown.label;
      parents.set(claim, frame.owner);
    } else {
      this.lastTop = claim;
      if (!this.lead && claim.part === 'explanation') this.lead = claim;
    }
    if (this.shareOf) claim.shareOf = this.shareOf;
    this.claims.push(claim);
    this.current = claim;
    return claim;
  }

  private finish(): void {
    for (const claim of this.claims) {
      const s = this.spans.get(claim)!;
      const p = s.paragraph;
      const sentenceFrom = Math.max(p.lastIndexOf('。', s.start - 1) + 1, 0);
      let sentenceTo = p.indexOf('。', s.end);
      sentenceTo = sentenceTo < 0 ? p.length : sentenceTo + 1;
      claim.sentence = p.slice(sentenceFrom, sentenceTo).trim();
      claim.clause = p.slice(s.start, s.end).replace(/^[，,；;、：:\s]+/, '').trim();
      LEADING_SPACE.lastIndex = s.start;
      const leading = LEADING_SPACE.exec(p)![0].length;
      claim.at = { file: this.section.span.file, line: this.locator.lineOf(this.section, s.paragraphStart + s.start + leading) };
    }
  }
}

function walk(doc: ClaimSource, sections: Section[], path: string[], locator: LineLocator, out: Claim[], subjects: Map<string, { subject: string; key?: string }>, part?: 'overview' | 'explanation'): void {
  for (const section of sections) {
    const kind = part ?? (section.part === 'explanation' || section.part === 'overview' ? section.part : undefined);
    if (!kind) continue;
    const here = [...path, section.heading];
    if (section.text) {
      const claims = new SectionReader(doc, section, here, kind, locator, subjects).read();
      // From the 概况, only counts (人员, 机构) are claims.
      out.push(...(kind === 'overview' ? claims.filter((c) => c.count !== undefined) : claims));
    }
    walk(doc, section.children, here, locator, out, subjects, kind);
  }
}

/**
 * Every numeric claim of the narrative, read once with the document (`Document.claims`): the 情况说明
 * (explanation) sections, and the 人员/机构 counts of the 概况, parts included, in reading order.
 * Claims whose subject is not in the vocabulary are kept (without `key`).
 */
export function readClaims(doc: ClaimSource): Claim[] {
  const out: Claim[] = [];
  walk(doc, doc.narrative, [], new LineLocator(), out, new Map());
  return out;
}

/** The document with its prose replaced and the claims read again from the new prose. */
export function withNarrative(doc: Document, narrative: Section[]): Document {
  const next = { ...doc, narrative };
  return { ...next, claims: readClaims(next) };
}

/** Top-level claims only (parts are reachable through `parts`). */
export function topLevelClaims(claims: Claim[]): Claim[] {
  return claims.filter((c) => !parents.has(c));
}

export type { ClaimAmount };
