/**
 * Page layout: rebuild the visual lines of a PDF page from its text pieces and ruling lines.
 *
 * - A ruled table (a connected set of horizontal and vertical rules) becomes one line per row band
 *   with one cell per column band; merged cells print their text once, in their top-left band,
 *   and the other bands of the merge stay empty, so columns line up across rows. Text items that
 *   cross a rule are cut at it; items inside one cell are joined (wrapped lines included).
 * - Outside ruled tables, pieces are grouped into lines by baseline. Consecutive lines that split
 *   into aligned blocks (wide gaps) form an unruled table; a lone line with a wide gap (「编制部门：X
 *   … 单位：元」) becomes one line per block.
 */
import type { RuledRegion, Rules } from './pdf-rules.js';
import { regionsOf } from './pdf-rules.js';
import type { Piece } from './pdf-text.js';
import { cutAt, joinLine, joinWrapped, splitAtGaps } from './pdf-text.js';

export type Box = [number, number, number, number];

export interface LayoutCell {
  text: string;
  box: Box;
  bold: boolean;
  /** Columns a merged cell covers (absent for 1). */
  span?: number;
  /** Its text runs to the cell's right border: it may have been wrapped (and continue on the next page). */
  full?: boolean;
}

/** What one page's layout hands to the next: the column grid of the last ruled table. */
export interface LayoutCarry {
  columns?: number[];
}

export interface LayoutLine {
  cells: LayoutCell[];
  split: 'tab' | 'none';
  top: number;
  bottom: number;
  /** A blank line is printed before this one (paragraph or block break). */
  gapBefore: boolean;
  /** Set for lines of a table (ruled or aligned): they are never page furniture. */
  table: boolean;
}

const CLUSTER = 2;

/** Sorted distinct values, merging those closer than `tol`. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

function bandOf(bounds: number[], v: number): number {
  // bounds ascending; band i is [bounds[i], bounds[i+1]).
  let lo = 0;
  let hi = bounds.length - 2;
  if (v <= bounds[0]!) return 0;
  if (v >= bounds[bounds.length - 1]!) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Group pieces into visual lines by baseline; each line sorted by x. */
export function visualLines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: { base: number; size: number; top: number; bottom: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last) {
      const tol = 0.45 * Math.min(last.size, p.size);
      const overlap = Math.min(last.bottom, p.bottom) - Math.max(last.top, p.top);
      if (Math.abs(p.base - last.base) <= tol || overlap > 0.7 * Math.min(last.bottom - last.top, p.bottom - p.top)) {
        last.pieces.push(p);
        last.top = Math.min(last.top, p.top);
        last.bottom = Math.max(last.bottom, p.bottom);
        continue;
      }
    }
    lines.push({ base: p.base, size: p.size, top: p.top, bottom: p.bottom, pieces: [p] });
  }
  return lines.map((l) => l.pieces.sort((a, b) => a.x0 - b.x0));
}

function boxOf(pieces: Piece[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pieces) {
    if (p.x0 < x0) x0 = p.x0;
    if (p.top < y0) y0 = p.top;
    if (p.x1 > x1) x1 = p.x1;
    if (p.bottom > y1) y1 = p.bottom;
  }
  return [round(x0), round(y0), round(x1), round(y1)];
}

const round = (v: number) => Math.round(v * 100) / 100;

const WIDE = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u201c\u201d';
const SPACE_IN_CJK = new RegExp(`([${WIDE}])\\s+(?=[${WIDE}])`, 'g');

/** Text of pieces that share a table cell: lines by baseline, joined as wrapped text; spaces between CJK characters (letter-spaced cells) removed. */
function cellText(pieces: Piece[]): string {
  const text = pieces.length === 1 ? pieces[0]!.text : joinWrapped(visualLines(pieces).map(joinLine));
  return text.replace(SPACE_IN_CJK, '$1');
}

/** Part of [a0, a1] covered by rules given as [from, to] intervals. */
function coverage(intervals: [number, number][], a0: number, a1: number): number {
  if (a1 <= a0) return 1;
  const parts = intervals
    .map(([s, e]) => [Math.max(s, a0), Math.min(e, a1)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a0;
  for (const [s, e] of parts) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return covered / (a1 - a0);
}

const COVERED = 0.5;

interface RuledTable {
  lines: LayoutLine[];
}

const CARRY = 3;

/**
 * A table continued on a new page may print fewer column rules (a last page holding only the
 * 合计 row, whose label cell spans the code and name columns): when its rules are a subset of the
 * previous table's column grid, with the same outer edges, that grid is used, so that its cells
 * land in the same columns as on the previous page. Conversely a continuation may add rules that
 * cross only a few of its rows (a repeated header cut differently): the previous grid is kept too.
 */
function carriedColumns(xs: number[], carry: number[] | undefined, crossings: (x: number) => number, rows: number): number[] {
  if (!carry || carry.length === xs.length) return xs;
  if (Math.abs(carry[0]! - xs[0]!) > CARRY || Math.abs(carry[carry.length - 1]! - xs[xs.length - 1]!) > CARRY) return xs;
  const within = (a: number[], b: number[]) => a.every((x) => b.some((y) => Math.abs(x - y) <= CARRY));
  if (carry.length > xs.length) return within(xs, carry) ? carry : xs;
  if (!within(carry, xs)) return xs;
  const extra = xs.filter((x) => !carry.some((y) => Math.abs(x - y) <= CARRY));
  return extra.every((x) => crossings(x) * 3 <= rows) ? carry : xs;
}

/**
 * Tables printed one under the other with touching borders form one connected set of rules. Split
 * it where the column rules change: between two row bands whose sets of crossing column rules are
 * not one a subset of the other and share less than half of the smaller (merged cells only remove
 * some rules, another table moves them all).
 */
export function splitStacked(region: RuledRegion): RuledRegion[] {
  const xs = cluster([region.x0, region.x1, ...region.v.map((r) => r.x)], CLUSTER);
  const ys = cluster([region.y0, region.y1, ...region.h.map((r) => r.y)], CLUSTER);
  const nR = ys.length - 1;
  if (nR < 2 || xs.length < 3) return [region];
  const crossing = (r: number): Set<number> => {
    const set = new Set<number>();
    for (let c = 1; c < xs.length - 1; c++) {
      const at = region.v.filter((v) => Math.abs(v.x - xs[c]!) <= CLUSTER).map((v) => [v.y0, v.y1] as [number, number]);
      if (coverage(at, ys[r]!, ys[r + 1]!) >= COVERED) set.add(c);
    }
    return set;
  };
  const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
  const cuts: number[] = [];
  // Compared with the last band that was not merely a merged-cell version of the one above (a
  // header row spanning columns does not hide a change of tables), and a cut is moved up over the
  // bands just above it whose rules are a subset of the new table's (its merged header rows).
  const sets = Array.from({ length: nR }, (_, r) => crossing(r));
  let ref = sets[0]!;
  let refRow = 0;
  for (let r = 1; r < nR; r++) {
    const cur = sets[r]!;
    const shared = [...ref].filter((x) => cur.has(x)).length;
    if (!subset(ref, cur) && !subset(cur, ref) && shared * 2 < Math.min(ref.size, cur.size)) {
      let cut = r;
      while (cut - 1 > refRow && subset(sets[cut - 1]!, cur)) cut--;
      cuts.push(cut);
    }
    if (!subset(cur, ref)) {
      ref = cur;
      refRow = r;
    }
  }
  if (cuts.length === 0) return [region];
  const out: RuledRegion[] = [];
  const bounds = [0, ...cuts, nR];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const top = ys[bounds[k]!]!;
    const bottom = ys[bounds[k + 1]!]!;
    const h = region.h.filter((r) => r.y >= top - CLUSTER && r.y <= bottom + CLUSTER);
    const v = region.v
      .filter((r) => Math.min(r.y1, bottom) - Math.max(r.y0, top) > 1)
      .map((r) => ({ x: r.x, y0: Math.max(r.y0, top), y1: Math.min(r.y1, bottom) }));
    if (h.length < 2 || v.length < 2) continue;
    out.push({ x0: Math.min(...h.map((r) => r.x0), ...v.map((r) => r.x)), x1: Math.max(...h.map((r) => r.x1), ...v.map((r) => r.x)), y0: top, y1: bottom, h, v });
  }
  return out.length ? out : [region];
}

/** Rebuild a ruled table; undefined when the rules do not form at least two columns (a frame, a box). */
function ruledTable(region: RuledRegion, pieces: Piece[], carry: LayoutCarry): RuledTable | undefined {
  const ys = cluster([region.y0, region.y1, ...region.h.map((r) => r.y)], CLUSTER);
  /** Row bands a column rule at x crosses. */
  const crossings = (x: number) => {
    const at = region.v.filter((r) => Math.abs(r.x - x) <= CLUSTER).map((r) => [r.y0, r.y1] as [number, number]);
    let n = 0;
    for (let r = 0; r + 1 < ys.length; r++) if (coverage(at, ys[r]!, ys[r + 1]!) >= COVERED) n++;
    return n;
  };
  const xs = carriedColumns(cluster([region.x0, region.x1, ...region.v.map((r) => r.x)], CLUSTER), carry.columns, crossings, ys.length - 1);
  const nC = xs.length - 1;
  const nR = ys.length - 1;
  if (nC < 2 || nR < 1) return undefined;
  carry.columns = xs;
  const vAt = xs.map((x) => region.v.filter((r) => Math.abs(r.x - x) <= CARRY).map((r) => [r.y0, r.y1] as [number, number]));
  const hAt = ys.map((y) => region.h.filter((r) => Math.abs(r.y - y) <= CLUSTER).map((r) => [r.x0, r.x1] as [number, number]));
  const idx = (r: number, c: number) => r * nC + c;
  const parent = Array.from({ length: nR * nC }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // Keep the top-left cell as the root.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      if (c + 1 < nC && coverage(vAt[c + 1]!, ys[r]!, ys[r + 1]!) < COVERED) union(idx(r, c), idx(r, c + 1));
      if (r + 1 < nR && coverage(hAt[r + 1]!, xs[c]!, xs[c + 1]!) < COVERED) union(idx(r, c), idx(r + 1, c));
    }
  }
  // Cut pieces at the vertical rules they cross, then drop each part into its cell.
  const inCell = new Map<number, Piece[]>();
  for (const p of pieces) {
    const cy = (p.top + p.bottom) / 2;
    const crossing: number[] = [];
    for (let c = 1; c < nC; c++) {
      const x = xs[c]!;
      if (x > p.x0 && x < p.x1 && vAt[c]!.some(([y0, y1]) => cy >= y0 - 1 && cy <= y1 + 1)) crossing.push(x);
    }
    const parts = crossing.length ? cutAt(p, crossing) : [p];
    const r = bandOf(ys, cy);
    for (const part of parts) {
      const c = bandOf(xs, (part.x0 + part.x1) / 2);
      const root = find(idx(r, c));
      const list = inCell.get(root);
      if (list) list.push(part);
      else inCell.set(root, [part]);
    }
  }
  // Extent of each merged cell, in bands.
  const extent = new Map<number, { r1: number; c1: number }>();
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      const root = find(idx(r, c));
      const e = extent.get(root);
      if (e) {
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      } else extent.set(root, { r1: r, c1: c });
    }
  }
  const lines: LayoutLine[] = [];
  for (let r = 0; r < nR; r++) {
    const cells: LayoutCell[] = [];
    let any = false;
    let top = Infinity;
    let bottom = -Infinity;
    for (let c = 0; c < nC; c++) {
      const id = idx(r, c);
      const root = find(id);
      const own = root === id ? inCell.get(root) : undefined;
      if (own?.length) {
        const e = extent.get(root)!;
        const text = cellText(own);
        const cell: LayoutCell = { text, box: [round(xs[c]!), round(ys[r]!), round(xs[e.c1 + 1]!), round(ys[e.r1 + 1]!)], bold: own.some((p) => p.bold) };
        if (e.c1 > c) cell.span = e.c1 - c + 1;
        const right = Math.max(...own.map((p) => p.x1));
        if (xs[e.c1 + 1]! - right < 1.5 * Math.max(...own.map((p) => p.size))) cell.full = true;
        cells.push(cell);
        any = true;
        for (const p of own) {
          top = Math.min(top, p.top);
          bottom = Math.max(bottom, p.bottom);
        }
      } else {
        cells.push({ text: '', box: [round(xs[c]!), round(ys[r]!), round(xs[c + 1]!), round(ys[r + 1]!)], bold: false });
      }
    }
    if (any) lines.push({ cells, split: 'tab', top, bottom, gapBefore: false, table: true });
  }
  return { lines };
}

const BLOCK_GAP = 2.5;

/**
 * Whether a page may hold a table: some visual line splits into blocks at a wide gap (or an item
 * holds a run of spaces between words). A page of prose only has no use for its ruling lines,
 * which are costly to collect.
 */
export function mayHoldTable(pieces: Piece[]): boolean {
  for (const p of pieces) if (/\S\s{2,}\S/.test(p.text)) return true;
  for (const line of visualLines(pieces)) if (blocksOf(line).length > 1) return true;
  return false;
}

/** Split a line's pieces into blocks separated by wide gaps. */
function blocksOf(line: Piece[]): Piece[][] {
  const blocks: Piece[][] = [];
  let cur: Piece[] = [];
  for (const p of line) {
    const prev = cur[cur.length - 1];
    if (prev && p.x0 - prev.x1 > BLOCK_GAP * Math.min(p.size, prev.size)) {
      blocks.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

interface FreeLine {
  blocks: Piece[][];
  top: number;
  bottom: number;
  size: number;
}

/** Columns of an unruled table: x-intervals of the blocks of its fullest lines, merged where they overlap. */
function alignedColumns(run: FreeLine[]): [number, number][] {
  const most = Math.max(...run.map((l) => l.blocks.length));
  const intervals = run
    .filter((l) => l.blocks.length === most)
    .flatMap((l) => l.blocks.map((b) => [Math.min(...b.map((p) => p.x0)), Math.max(...b.map((p) => p.x1))] as [number, number]))
    .sort((a, b) => a[0] - b[0]);
  const cols: [number, number][] = [];
  for (const iv of intervals) {
    const last = cols[cols.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else cols.push([...iv]);
  }
  return cols;
}

function alignedTable(run: FreeLine[]): LayoutLine[] {
  const cols = alignedColumns(run);
  return run.map((l) => {
    const texts: Piece[][] = cols.map(() => []);
    for (const b of l.blocks) {
      const x0 = Math.min(...b.map((p) => p.x0));
      const x1 = Math.max(...b.map((p) => p.x1));
      let best = 0;
      let bestOverlap = -Infinity;
      cols.forEach(([c0, c1], k) => {
        const overlap = Math.min(c1, x1) - Math.max(c0, x0);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = k;
        }
      });
      texts[best]!.push(...b);
    }
    const cells = texts.map((ps, k) => (ps.length ? { text: joinLine(ps).replace(SPACE_IN_CJK, '$1'), box: boxOf(ps), bold: ps.some((p) => p.bold) } : { text: '', box: [round(cols[k]![0]), round(l.top), round(cols[k]![1]), round(l.bottom)] as Box, bold: false }));
    return { cells, split: 'tab' as const, top: l.top, bottom: l.bottom, gapBefore: false, table: true };
  });
}

/** Lines of text outside ruled tables, in groups: an unruled table is one group, any other line its own. */
function freeLines(pieces: Piece[]): LayoutLine[][] {
  const split = pieces.flatMap(splitAtGaps);
  const lines: FreeLine[] = visualLines(split).map((ps) => ({
    blocks: blocksOf(ps),
    top: Math.min(...ps.map((p) => p.top)),
    bottom: Math.max(...ps.map((p) => p.bottom)),
    size: Math.max(...ps.map((p) => p.size)),
  }));
  const out: LayoutLine[][] = [];
  for (let i = 0; i < lines.length; ) {
    // A run of consecutive multi-block lines is an unruled table.
    let j = i;
    while (j < lines.length && lines[j]!.blocks.length >= 2) j++;
    if (j - i >= 2) {
      out.push(alignedTable(lines.slice(i, j)));
      i = j;
      continue;
    }
    const l = lines[i]!;
    for (const b of l.blocks) {
      out.push([{ cells: [{ text: joinLine(b), box: boxOf(b), bold: b.some((p) => p.bold) }], split: 'none', top: l.top, bottom: l.bottom, gapBefore: false, table: false }]);
    }
    i++;
  }
  return out;
}

/** A page read as plain text only (too many items to rebuild tables): one single-cell line per visual line. */
export function plainLines(pieces: Piece[]): LayoutLine[] {
  return visualLines(pieces).map((ps) => {
    const top = Math.min(...ps.map((p) => p.top));
    const bottom = Math.max(...ps.map((p) => p.bottom));
    return { cells: [{ text: joinLine(ps), box: boxOf(ps), bold: false }], split: 'none' as const, top, bottom, gapBefore: false, table: false };
  });
}

/** Drop text drawn twice at (almost) the same place (simulated bold), marking the survivor bold. */
function dedupe(pieces: Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const out: Piece[] = [];
  for (const p of sorted) {
    let dup = false;
    for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) {
      const q = out[k]!;
      if (q.text === p.text && Math.abs(q.x0 - p.x0) < 0.3 * p.size && Math.abs(q.base - p.base) < 0.3 * p.size) {
        q.bold = true;
        dup = true;
        break;
      }
    }
    if (!dup) out.push(p);
  }
  return out;
}

/** Lay out one page: ruled tables, unruled tables and prose lines, top to bottom. */
export function layoutPage(pieces: Piece[], rules: Rules | undefined, carry: LayoutCarry = {}): LayoutLine[] {
  const all = dedupe(pieces);
  const regions = rules ? regionsOf(rules).flatMap(splitStacked) : [];
  const claimed = new Map<RuledRegion, Piece[]>();
  const free: Piece[] = [];
  for (const p of all) {
    const cx = (p.x0 + p.x1) / 2;
    const cy = (p.top + p.bottom) / 2;
    const region = regions.find((g) => cx >= g.x0 - 1 && cx <= g.x1 + 1 && cy >= g.y0 - 1 && cy <= g.y1 + 1);
    if (region) {
      const list = claimed.get(region);
      if (list) list.push(p);
      else claimed.set(region, [p]);
    } else free.push(p);
  }
  const blocks: LayoutLine[][] = [];
  // Tables top to bottom, so that a page's first table continues the previous page's last one.
  const ordered = [...claimed].sort((a, b) => a[0].y0 - b[0].y0);
  for (const [region, ps] of ordered) {
    const t = ruledTable(region, ps, carry);
    if (t) blocks.push(t.lines);
    else free.push(...ps);
  }
  const loose = freeLines(free);
  // Merge table blocks and loose lines by position.
  const seq = [...blocks, ...loose].filter((b) => b.length).map((b) => ({ top: b[0]!.top, lines: b }));
  seq.sort((a, b) => a.top - b.top);
  const out: LayoutLine[] = [];
  let prev: LayoutLine | undefined;
  for (const s of seq) {
    const first = s.lines[0]!;
    if (prev) {
      const gap = first.top - prev.bottom;
      const size = Math.max(1, Math.min(prev.bottom - prev.top, first.bottom - first.top));
      first.gapBefore = prev.table !== first.table || gap > 1.0 * size;
    }
    out.push(...s.lines);
    prev = s.lines[s.lines.length - 1];
  }
  return out;
}
