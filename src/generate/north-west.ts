
import { wanNote as wan } from './published.js';
/** A keyed amount of one printed margin (a 项, an economic 款, a unit, a project …). */
export interface Piece<K> {
  key: K;
  fen: number;
}

/**
 * Match two lists of amounts, in order. `b` is the more detailed margin and is reproduced exactly:
 * when the totals differ (a published inconsistency), the last piece of `a` absorbs the difference.
 */
export function northWest<A, B>(a: Piece<A>[], b: Piece<B>[], notes: string[], what: string, score?: (key: A, add: number) => number): { a: A; b: B; fen: number }[] {
  const A = a.filter((p) => p.fen > 0).map((p) => ({ ...p }));
  const B = b.filter((p) => p.fen > 0);
  const sumA = A.reduce((s, p) => s + p.fen, 0);
  const sumB = B.reduce((s, p) => s + p.fen, 0);
  if (A.length === 0 || B.length === 0) {
    if (sumA + sumB !== 0) notes.push(`${what}：一侧为空，另一侧合计 ${wan(sumA + sumB)} 万元无法分配`);
    return [];
  }
  if (sumA !== sumB) {
    notes.push(`${what}：两侧合计相差 ${wan(sumA - sumB)} 万元（${wan(sumA)} 与 ${wan(sumB)}），按后者`);
    let d = sumA - sumB;
    // The piece to absorb the difference: the best scored (where a printed subtotal asks for it), else the last.
    if (score) {
      let best = -1;
      let bestScore = -Infinity;
      A.forEach((p, i) => {
        const sc = score(p.key, -d);
        if (p.fen - d >= 0 && sc >= bestScore) {
          best = i;
          bestScore = sc;
        }
      });
      if (best >= 0) {
        A[best]!.fen -= d;
        d = 0;
      }
    }
    for (let i = A.length - 1; i >= 0 && d !== 0; i--) {
      const take = d > 0 ? Math.min(d, A[i]!.fen) : d;
      A[i]!.fen -= take;
      d -= take;
    }
  }
  const out: { a: A; b: B; fen: number }[] = [];
  let i = 0;
  let j = 0;
  let ra = A[0]!.fen;
  let rb = B[0]!.fen;
  while (i < A.length && j < B.length) {
    const m = Math.min(ra, rb);
    if (m > 0) out.push({ a: A[i]!.key, b: B[j]!.key, fen: m });
    ra -= m;
    rb -= m;
    if (ra === 0 && ++i < A.length) ra = A[i]!.fen;
    if (rb === 0 && ++j < B.length) rb = B[j]!.fen;
  }
  return out;
}
