import { AmountSyntaxError, parseAmount } from '../model/index.js';
import type { Amount, Column, MoneyUnit, Row, Table } from '../model/index.js';
import type { GridLine } from '../read/grid.js';
import type { ColumnSpec, TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { unrecognisedLine, cellAt } from './context.js';
import { isPageNumber, unitHeader } from './furniture.js';
import { isNoteLine, type TableBounds } from './grid-table.js';
import { isPartHeading } from './narrative.js';
import { parseLabel, roleOf } from './labels.js';

/*
 * Reader for tables printed as a raw PDF-to-text layout (seed 002): no tabs, cells separated by
 * spaces, so a line is a sequence of tokens `[code] name [行次] amount…`, possibly twice (two
 * panels side by side). Column positions are lost, so amounts are mapped to the template's column
 * keys by position (the national templates fix the column order), checked against the printed
 * 栏次 numbers. Page furniture and repeated header blocks are skipped, wrapped names are joined,
 * and every amount token ends up in exactly one cell or in `unrecognised`.
 */

const REPORTING_UNIT = /^(?:单位名称|填报单位|编制单位)\s*[:：]\s*(?:\d+\s*)?(.+)$/;
const TABLE_NUMBER = /^表\s*\d+$/;
/** Printed ordinals before a row name (一、 （一） 1.) and a leading 其中：, stripped from names. */
const ORDINAL = /^(?:其中[:：]\s*)?([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d))\s*/;
const DECIMAL = /^[（(]?[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+[)）]?$/;
const GROUPED = /^[（(]?[-+]?\d{1,3}(?:,\d{3})+[)）]?$/;
const DASH = /^[-—–－─]+$/;
const INTEGER = /^\d+$/;
/** Function codes have 3/5/7 digits, economic codes 3/5. */
const CODE_SHAPE = { function: /^\d{3}(?:\d{2}){0,2}$/, economic: /^\d{3}(?:\d{2})?$/ } as const;
const SENTENCE_END = /[。；;！？!?：:]$/;
const HEADER_ROW_NAME = /^其中[:：]?$|[:：]$/;

interface Token {
  text: string;
  line: GridLine;
  cell: number;
}

type TokenKind = 'amount' | 'int' | 'text';

const FULL_WIDTH = /[０-９．，－]/;
function halfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function kindOf(text: string): TokenKind {
  const t = halfWidth(text);
  if (INTEGER.test(t)) return 'int';
  if (DECIMAL.test(t) || GROUPED.test(t) || DASH.test(t)) return 'amount';
  return 'text';
}

function tokensOf(line: GridLine): Token[] {
  return line.cells.filter((c) => c.text !== '').map((c) => ({ text: c.text, line, cell: c.index }));
}

/** The parts of one panel's row on a line: `[code] name [行次] amount…`. */
interface Segment {
  code?: Token;
  name: Token[];
  rowNo?: Token;
  amounts: Token[];
  phase: 'code' | 'name' | 'rowNo' | 'amounts';
}

interface SegmentOptions {
  rowNumbers: boolean;
  codeShape?: RegExp;
}

/** Split a line's tokens into row segments (one per panel printed on the line). */
function segmentsOf(tokens: Token[], opts: SegmentOptions): Segment[] {
  const segments: Segment[] = [];
  let cur: Segment | undefined;
  const open = (phase: Segment['phase']): Segment => {
    cur = { name: [], amounts: [], phase };
    segments.push(cur);
    return cur;
  };
  const addAmount = (t: Token) => {
    const s = cur ?? open('amounts');
    s.amounts.push(t);
    s.phase = 'amounts';
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const kind = kindOf(t.text);
    if (kind === 'amount') {
      addAmount(t);
      continue;
    }
    if (kind === 'int') {
      const next = tokens[k + 1];
      const atBoundary = !cur || cur.phase === 'amounts';
      if (atBoundary) {
        if (opts.codeShape?.test(t.text) && (!next || kindOf(next.text) === 'text')) {
          open('code').code = t;
        } else if (opts.rowNumbers) {
          open('rowNo').rowNo = t;
        } else {
          addAmount(t);
        }
        continue;
      }
      const c: Segment = cur!;
      if (c.phase === 'name' && opts.rowNumbers && !c.rowNo) {
        c.rowNo = t;
        c.phase = 'rowNo';
      } else if (c.phase === 'code') {
        c.name.push(t);
        c.phase = 'name';
      } else {
        addAmount(t);
      }
      continue;
    }
    if (!cur || cur.phase === 'amounts' || cur.phase === 'rowNo') {
      open('name').name.push(t);
      continue;
    }
    cur.name.push(t);
    cur.phase = 'name';
  }
  return segments;
}

/** A segment is complete when its amounts (or, in tables with 行次, its 行次) have been seen. */
function complete(s: Segment): boolean {
  return s.amounts.length > 0 || s.rowNo !== undefined;
}

function joinName(tokens: Token[]): string {
  let out = '';
  for (const { text } of tokens) out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
  return out.trim();
}

/** Column numbers printed under the header: 「栏次 1 2 3」, 「栏次 1 栏次 2 3 4 5」, 「1 2 … 12」. */
function columnNumbers(line: GridLine): string[] | undefined {
  const nums = tokensOf(line).map((t) => t.text).filter((t) => t !== '栏次');
  if (nums.length === 0 || !nums.every((t) => INTEGER.test(t))) return undefined;
  return nums.every((t, i) => Number(t) === i + 1) ? nums : undefined;
}

const norm = (s: string) => s.replace(/[\s\u3000]/g, '');

/** The plain text of a simple header pattern, for a column label the header does not print whole. */
function plainLabel(re: RegExp): string {
  return re.source
    .replace(/\[([^\]])[^\]]*\]/g, '$1')
    .replace(/\([^()]*\)\?/g, '')
    .replace(/\((?:\?:)?([^()|]*)(?:\|[^()]*)?\)/g, '$1')
    .split('|')[0]!
    .replace(/[\^$\\]/g, '');
}

/**
 * The printed label of a column: the template's canonical path when the column sits under merged
 * group cells (the layout keeps no header structure to derive one from: 「预算数/公务用车购置及运行维护费/小计」),
 * else a header token (or up to three wrapped fragments) it matches.
 */
function labelOf(spec: ColumnSpec, headerTokens: string[]): string {
  if (spec.path !== undefined) return spec.path;
  for (let s = 0; s < headerTokens.length; s++) {
    let text = '';
    for (let n = 0; n < 3 && s + n < headerTokens.length; n++) {
      text += headerTokens[s + n];
      if (spec.header.test(text)) return text;
    }
  }
  return plainLabel(spec.header);
}

interface PanelState {
  key: string;
  header?: RegExp;
  columns: Column[];
  lastCode?: string;
  closed: boolean;
}

/** The unit line printed above the title (page top of a PDF layout): 「单位：万元单位：X」. */
function unitAbove(lines: GridLine[], titleIndex: number): { unit?: MoneyUnit; reportingUnit?: string; blockStart: number } {
  let blockStart = titleIndex;
  let seen = 0;
  for (let j = titleIndex - 1; j >= 0 && seen < 4; j--) {
    const t = lines[j]!.text.trim();
    if (t === '') continue;
    seen++;
    if (TABLE_NUMBER.test(t)) {
      if (seen === 1) blockStart = j;
      continue;
    }
    if (isPartHeading(t)) continue;
    const u = unitHeader(t);
    if (u) return { unit: u.unit, ...(u.reportingUnit ? { reportingUnit: u.reportingUnit } : {}), blockStart };
    break;
  }
  return { blockStart };
}

const padCode = (code: string) => code.padEnd(7, '0');
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Recognise one table printed as a space-separated PDF-to-text layout (any layout of the spec). */
export function readLayoutTable(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): Table {
  const { lines, file } = ctx;
  const above = unitAbove(lines, bounds.titleIndex);
  let unit: MoneyUnit = above.unit ?? ctx.defaultUnit;
  let reportingUnit = above.reportingUnit;

  // The header block: from the title to the 栏次 line or the first line that carries data.
  const codeShape = spec.codes ? CODE_SHAPE[spec.codes] : undefined;
  const looksLikeData = (line: GridLine) => {
    const toks = tokensOf(line);
    return toks.some((t) => kindOf(t.text) === 'amount') || (codeShape !== undefined && toks[0] !== undefined && codeShape.test(toks[0].text));
  };
  let i = bounds.bodyIndex;
  const header: GridLine[] = [];
  let numbers: string[] | undefined;
  let last = bounds.titleIndex;
  for (; i < bounds.limit; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    const u = unitHeader(t);
    if (u) {
      unit = u.unit;
      if (u.reportingUnit) reportingUnit = u.reportingUnit;
      last = i;
      continue;
    }
    const r = REPORTING_UNIT.exec(t);
    if (r) {
      reportingUnit = r[1]!.trim();
      last = i;
      continue;
    }
    if (isPageNumber(t)) {
      last = i;
      continue;
    }
    if (isNoteLine(line)) break;
    const nums = columnNumbers(line);
    if (nums) {
      header.push(line);
      numbers = nums;
      last = i;
      i++;
      break;
    }
    if (looksLikeData(line)) break;
    header.push(line);
    last = i;
  }
  const rowNumbers = header.some((l) => /行次/.test(l.text));
  const headerTokens = header.flatMap((l) => tokensOf(l).map((t) => t.text)).filter((t) => t !== '栏次' && t !== '行次' && !INTEGER.test(t));
  const toColumn = (c: ColumnSpec, panel?: string): Column => ({ key: c.key, label: labelOf(c, headerTokens), type: c.type ?? 'amount', ...(panel ? { panel } : {}) });
  const panels: PanelState[] =
    spec.layout === 'panels' && spec.panels?.length
      ? spec.panels.map((p) => ({ key: p.key, header: p.header, columns: p.columns.map((c) => toColumn(c, p.key)), closed: false }))
      : [{ key: '', columns: spec.columns.map((c) => toColumn(c)), closed: false }];
  const amountColumns = (p: PanelState) => p.columns.filter((c) => c.type === 'amount');

  const table: Table = {
    kind: spec.kind,
    ...(bounds.number !== undefined ? { number: bounds.number } : spec.number !== undefined ? { number: spec.number } : {}),
    title: bounds.title,
    unit,
    decimals: 2,
    columns: panels.flatMap((p) => p.columns),
    rows: [],
    ...(bounds.noteBefore ? { note: bounds.noteBefore } : {}),
    ...(reportingUnit ? { reportingUnit } : {}),
    ...(bounds.project ? { project: bounds.project } : {}),
    pieces: 1,
    at: { file, line: lines[bounds.titleIndex]!.no },
    span: { file, from: lines[above.blockStart]!.no, to: lines[bounds.titleIndex]!.no },
  };
  const tableAt = table.at;
  const title = bounds.title;
  if (header.length === 0) {
    ctx.unrecognised.push({ what: 'table', reason: `表「${title}」没有可识别的表头`, reasonEn: `table "${title}" has no recognisable header`, text: title, at: tableAt });
  }

  // 栏次: printed column numbers, checked against the template's column count.
  if (numbers) {
    const flat = panels.flatMap(amountColumns);
    if (numbers.length === flat.length) {
      flat.forEach((c, k) => (c.printedNumber = numbers[k]));
    } else {
      const where = header[header.length - 1]!;
      ctx.unrecognised.push({
        what: 'table',
        reason: `表「${title}」印有 ${numbers.length} 个栏次，模板规定 ${flat.length} 栏；金额按位置对应可能有误`,
        reasonEn: `table "${title}" prints ${numbers.length} column numbers but the template has ${flat.length} columns; positional mapping may be wrong`,
        text: where.text.trim(),
        at: { file, line: where.no },
      });
    }
  }

  const amountOf = (tok: Token): Amount | null => {
    try {
      return parseAmount(tok.text, unit, cellAt(ctx, tok.line, tok.cell));
    } catch (e) {
      if (!(e instanceof AmountSyntaxError)) throw e;
      ctx.unrecognised.push({ what: 'cell', reason: `无法解析的金额「${tok.text}」`, reasonEn: `unparseable amount "${tok.text}"`, text: tok.text, at: { file, line: tok.line.no, cell: tok.cell } });
      return null;
    }
  };
  const strayAmounts = (toks: Token[], why: string, whyEn: string) => {
    for (const tok of toks) ctx.unrecognised.push({ what: 'cell', reason: `表「${title}」中${why}「${tok.text}」`, reasonEn: `${whyEn} "${tok.text}" in table "${title}"`, text: tok.text, at: { file, line: tok.line.no, cell: tok.cell } });
  };
  const segmentLines = (s: Segment): GridLine[] => {
    const all = [s.code, ...s.name, s.rowNo, ...s.amounts].filter((t): t is Token => t !== undefined).map((t) => t.line);
    return all.filter((l, k) => all.indexOf(l) === k);
  };

  const emit = (s: Segment, p: number) => {
    const panel = panels[p]!;
    let name = joinName(s.name);
    const firstToken = s.code ?? s.name[0] ?? s.rowNo ?? s.amounts[0];
    if (!firstToken) return;
    if (!s.code && name === '') {
      if (s.amounts.length === 0) return; // an empty side of a two-panel line: only its 行次
      if (spec.layout !== 'single-row') {
        strayAmounts(s.amounts, '没有科目名称的金额', 'amount without a row label');
        return;
      }
    }
    if (!s.code && !complete(s) && !HEADER_ROW_NAME.test(name)) {
      // Text that is neither a row (no amounts) nor a wrapped name of one.
      for (const l of segmentLines(s)) unrecognisedLine(ctx, l, `表「${title}」中无法识别的行`, `unrecognised line inside table "${title}"`);
      return;
    }
    const ord = ORDINAL.exec(name);
    if (ord) name = name.slice(ord[0].length);
    const label = parseLabel(s.code?.text, name, spec.codes);
    // Built field by field (optional fields only when present): this is the hot path of the reader.
    const row = { name: label.name, role: complete(s) ? roleOf(label.name) : 'header', cells: {}, at: { file, line: firstToken.line.no } } as Row;
    if (label.code) {
      row.code = label.code;
      if (spec.codes) row.scheme = spec.codes;
    }
    if (label.level) row.level = label.level;
    if (panel.key) row.panel = panel.key;
    if (s.rowNo) row.printedNumber = s.rowNo.text;
    const cols = amountColumns(panel);
    for (const c of cols) row.cells[c.key] = null;
    s.amounts.forEach((tok, k) => {
      const c = cols[k];
      if (c) row.cells[c.key] = amountOf(tok);
    });
    if (s.amounts.length > cols.length) {
      strayAmounts(s.amounts.slice(cols.length), `「${row.name}」多出的金额`, `extra amount in row "${row.name}"`);
    } else if (s.amounts.length > 0 && s.amounts.length < cols.length) {
      ctx.unrecognised.push({
        what: 'row',
        reason: `表「${title}」「${row.name}」只有 ${s.amounts.length} 个金额，少于 ${cols.length} 栏，已按顺序对应前 ${s.amounts.length} 栏`,
        reasonEn: `row "${row.name}" of table "${title}" has ${s.amounts.length} amounts for ${cols.length} columns; mapped to the first ones by position`,
        text: s.amounts.map((t) => t.text).join(' '),
        at: row.at,
      });
    }
    if (label.code && !label.level) {
      ctx.unrecognised.push({ what: 'cell', reason: `科目编码「${label.code}」格式不符`, reasonEn: `malformed classification code "${label.code}"`, text: label.code, at: { file, line: s.code!.line.no, cell: s.code!.cell } });
    }
    if (label.code) panel.lastCode = label.code;
    table.rows.push(row);
  };

  /** Which panel a segment belongs to when a line prints fewer segments than there are panels. */
  const choosePanel = (s: Segment, from: number): number => {
    const open = panels.map((_, k) => k).filter((k) => k >= from && !panels[k]!.closed);
    const name = joinName(s.name);
    let pick = open.find((k) => panels[k]!.header?.test(name));
    if (pick === undefined && open.length === 1) pick = open[0];
    if (pick === undefined && s.code) {
      const code = padCode(s.code.text);
      const after = open.filter((k) => panels[k]!.lastCode === undefined || padCode(panels[k]!.lastCode!) < code);
      let best = -1;
      for (const k of after) {
        const shared = commonPrefix(panels[k]!.lastCode ?? '', s.code.text);
        if (shared > best) {
          best = shared;
          pick = k;
        }
      }
    }
    pick ??= open[0] ?? Math.min(from, panels.length - 1);
    // Side-by-side lists: when a line carries one list only, the others have ended.
    if (s.code && open.length > 1) for (const k of open) if (k !== pick) panels[k]!.closed = true;
    return pick;
  };

  let pending: { seg: Segment; panel: number } | undefined;
  const flush = () => {
    if (pending) emit(pending.seg, pending.panel);
    pending = undefined;
  };

  const place = (segs: Segment[]) => {
    let from = 0;
    if (pending) {
      const first = segs[0];
      if (first && !first.code && !(first.rowNo && first.name.length === 0) && !HEADER_ROW_NAME.test(joinName(pending.seg.name))) {
        // A wrapped row: the name (or amounts) continue on this line.
        const p = pending.seg;
        p.name.push(...first.name);
        p.rowNo ??= first.rowNo;
        p.amounts.push(...first.amounts);
        segs.shift();
        from = pending.panel + 1;
        if (!complete(p) && segs.length === 0) return;
      }
      flush();
    }
    const assigned: number[] = [];
    const available = panels.length - from;
    if (panels.length === 1) segs.forEach(() => assigned.push(0));
    else if (segs.length >= available) segs.forEach((_, k) => assigned.push(from + k));
    else if (segs.length === 1) assigned.push(choosePanel(segs[0]!, from));
    else segs.forEach((_, k) => assigned.push(from + k));
    segs.forEach((s, k) => {
      const p = assigned[k]!;
      if (p >= panels.length) {
        const toks = [s.code, ...s.name, s.rowNo, ...s.amounts].filter((t): t is Token => t !== undefined);
        strayAmounts(toks, '超出栏目的内容', 'content beyond the last panel');
        return;
      }
      if (k === segs.length - 1 && !complete(s)) {
        pending = { seg: s, panel: p };
        return;
      }
      emit(s, p);
    });
  };

  // The body.
  const headerTexts = new Set(header.map((l) => norm(l.text)));
  const headKey = header[0] ? norm(header[0].text) : undefined;
  let inHeaderRun = false;
  let afterBreak = false;
  for (; i < bounds.limit; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    last = i;
    if (isPageNumber(t) || unitHeader(t)) {
      afterBreak = true;
      continue;
    }
    if (isNoteLine(line)) {
      flush();
      const note = [t];
      for (i++; i < bounds.limit; i++) {
        const next = lines[i]!;
        const nt = next.text.trim();
        if (nt === '') continue;
        last = i;
        if (isPageNumber(nt) || unitHeader(nt)) continue;
        if (tokensOf(next).some((tok) => kindOf(tok.text) === 'amount')) {
          unrecognisedLine(ctx, next, `表「${title}」注释之后无法识别的行`, `unrecognised line after the note of table "${title}"`);
          continue;
        }
        note.push(nt);
      }
      table.note = note.reduce((acc, l) => (SENTENCE_END.test(acc) ? `${acc}\n${l}` : acc + l));
      break;
    }
    const key = norm(t);
    if (headerTexts.has(key) && !tokensOf(line).some((tok) => kindOf(tok.text) === 'amount') && (key === headKey || inHeaderRun || afterBreak)) {
      // A header block repeated after a page break: the table continues.
      if (!inHeaderRun) table.pieces++;
      inHeaderRun = true;
      continue;
    }
    inHeaderRun = false;
    afterBreak = false;
    place(segmentsOf(tokensOf(line), { rowNumbers, ...(codeShape ? { codeShape } : {}) }));
  }
  flush();
  table.span.to = lines[Math.max(last, bounds.titleIndex)]!.no;
  return table;
}
