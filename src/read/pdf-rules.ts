/**
 * Ruling lines of a PDF page, from its operator list: the strokes and thin filled rectangles a
 * spreadsheet or word processor draws as table borders. Coordinates are in the page's viewport
 * space at scale 1 (PDF units, origin top-left, y down).
 */

/** A horizontal rule at `y` from `x0` to `x1`, or a vertical one at `x` from `y0` to `y1`. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface Rules {
  h: HRule[];
  v: VRule[];
  /** The page paints an image (a scan, a logo...). */
  images: number;
}

type Matrix = [number, number, number, number, number, number];

/** pdf.js operator codes used here (OPS in pdf.js; stable across 5.x). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  setLineWidth: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
}

/** pdf.js path opcodes inside constructPath data (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thickest filled rectangle still read as a line, and shortest line kept. */
const MAX_THICKNESS = 2.5;
const MIN_LENGTH = 2;
/** A rule is axis-aligned when it deviates by less than this. */
const SKEW = 0.8;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Subpaths of a constructPath buffer, as lists of points (curves reduced to their end points). */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let cur: { points: [number, number][]; closed: boolean } | undefined;
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === MOVE) {
      cur = { points: [[data[i]!, data[i + 1]!]], closed: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      if (!cur) {
        cur = { points: [], closed: false };
        out.push(cur);
      }
      cur.points.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === CURVE) {
      cur?.points.push([data[i + 4]!, data[i + 5]!]);
      i += 6;
    } else if (op === QUAD) {
      cur?.points.push([data[i + 2]!, data[i + 3]!]);
      i += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else {
      break; // unknown opcode: stop rather than misread the rest
    }
  }
  return out;
}

/** Collect ruling lines from an operator list (fnArray/argsArray), mapped through `view` to viewport space. */
export function rulesOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, view: Matrix, ops: OpCodes): Rules {
  const h: HRule[] = [];
  const v: VRule[] = [];
  let images = 0;
  let ctm: Matrix = view;
  let lineWidth = 1;
  const stack: { ctm: Matrix; lineWidth: number }[] = [];
  const addSegment = (a: [number, number], b: [number, number], width: number) => {
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    if (width > MAX_THICKNESS * 2) return;
    if (dy <= SKEW && dx >= MIN_LENGTH) h.push({ y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]) });
    else if (dx <= SKEW && dy >= MIN_LENGTH) v.push({ x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  };
  const strokeWidth = () => {
    // Line width scales with the CTM (take the geometric mean of the axis scales).
    const s = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;
    return Math.max(lineWidth, 0) * s;
  };
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    if (fn === ops.save) {
      stack.push({ ctm, lineWidth });
    } else if (fn === ops.restore) {
      const top = stack.pop();
      if (top) ({ ctm, lineWidth } = top);
    } else if (fn === ops.transform) {
      const m = argsArray[k] as number[];
      ctm = multiply(ctm, m as unknown as Matrix);
    } else if (fn === ops.setLineWidth) {
      lineWidth = Number((argsArray[k] as number[])[0]) || 0;
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, lineWidth });
      const m = (argsArray[k] as unknown[])[0] as number[] | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) {
      const top = stack.pop();
      if (top) ({ ctm, lineWidth } = top);
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject || fn === ops.paintImageXObjectRepeat) {
      images++;
    } else if (fn === ops.constructPath) {
      const args = argsArray[k] as unknown[];
      const paint = args[0] as number;
      const buffers = args[1] as (ArrayLike<number> | null)[] | null;
      const data = buffers?.[0];
      if (!data) continue;
      const stroke = paint === ops.stroke || paint === ops.closeStroke || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      const fill = paint === ops.fill || paint === ops.eoFill || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      if (!stroke && !fill) continue; // endPath (clipping), nothing painted
      for (const sp of subpaths(data)) {
        const pts = sp.points.map(([x, y]) => apply(ctm, x, y));
        if (pts.length === 0) continue;
        if (stroke) {
          const w = strokeWidth();
          for (let i = 1; i < pts.length; i++) addSegment(pts[i - 1]!, pts[i]!, w);
          if ((sp.closed || paint === ops.closeStroke) && pts.length > 2) addSegment(pts[pts.length - 1]!, pts[0]!, w);
        }
        if (fill && !stroke) {
          // A thin filled rectangle is a rule; larger fills are backgrounds.
          let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
          for (const [x, y] of pts) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
          const w = x1 - x0;
          const ht = y1 - y0;
          if (ht <= MAX_THICKNESS && w >= MIN_LENGTH) h.push({ y: (y0 + y1) / 2, x0, x1 });
          else if (w <= MAX_THICKNESS && ht >= MIN_LENGTH) v.push({ x: (x0 + x1) / 2, y0, y1 });
        }
      }
    }
  }
  return { h: mergeH(h), v: mergeV(v), images };
}

const TOL = 1.2;

/** Merge collinear, touching or overlapping horizontal rules. */
export function mergeH(rules: HRule[]): HRule[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: HRule[] = [];
  for (const r of sorted) {
    let hit: HRule | undefined;
    for (let j = out.length - 1; j >= 0 && out[j]!.y >= r.y - TOL; j--) {
      const o = out[j]!;
      if (r.x0 <= o.x1 + TOL && r.x1 >= o.x0 - TOL) {
        hit = o;
        break;
      }
    }
    if (hit) {
      hit.x0 = Math.min(hit.x0, r.x0);
      hit.x1 = Math.max(hit.x1, r.x1);
    } else out.push({ ...r });
  }
  return out;
}

/** Merge collinear, touching or overlapping vertical rules. */
export function mergeV(rules: VRule[]): VRule[] {
  const sorted = [...rules].sort((a, b) => a.x - b.x || a.y0 - b.y0);
  const out: VRule[] = [];
  for (const r of sorted) {
    let hit: VRule | undefined;
    for (let j = out.length - 1; j >= 0 && out[j]!.x >= r.x - TOL; j--) {
      const o = out[j]!;
      if (r.y0 <= o.y1 + TOL && r.y1 >= o.y0 - TOL) {
        hit = o;
        break;
      }
    }
    if (hit) {
      hit.y0 = Math.min(hit.y0, r.y0);
      hit.y1 = Math.max(hit.y1, r.y1);
    } else out.push({ ...r });
  }
  return out;
}

/** A table region: rules that touch each other, and the rectangle they cover. */
export interface RuledRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  h: HRule[];
  v: VRule[];
}

const TOUCH = 2;

/** Group rules into connected regions (rules that cross or touch belong to one table). */
export function regionsOf(rules: Rules): RuledRegion[] {
  const n = rules.h.length + rules.v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
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
    if (ra !== rb) parent[ra] = rb;
  };
  const nh = rules.h.length;
  for (let i = 0; i < nh; i++) {
    const a = rules.h[i]!;
    for (let j = 0; j < rules.v.length; j++) {
      const b = rules.v[j]!;
      if (b.x >= a.x0 - TOUCH && b.x <= a.x1 + TOUCH && a.y >= b.y0 - TOUCH && a.y <= b.y1 + TOUCH) union(i, nh + j);
    }
  }
  const groups = new Map<number, RuledRegion>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, h: [], v: [] };
      groups.set(root, g);
    }
    if (i < nh) {
      const r = rules.h[i]!;
      g.h.push(r);
      g.x0 = Math.min(g.x0, r.x0);
      g.x1 = Math.max(g.x1, r.x1);
      g.y0 = Math.min(g.y0, r.y);
      g.y1 = Math.max(g.y1, r.y);
    } else {
      const r = rules.v[i - nh]!;
      g.v.push(r);
      g.x0 = Math.min(g.x0, r.x);
      g.x1 = Math.max(g.x1, r.x);
      g.y0 = Math.min(g.y0, r.y0);
      g.y1 = Math.max(g.y1, r.y1);
    }
  }
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}
