import { formatFen } from '../model/index.js';
import type { Document, Row, Section, Table, TableKind } from '../model/index.js';

/*
 * Reading figures back from a published document, shared by the reconstructions
 * (reconstruct.ts, reconstruct-final.ts, reconstruct-shanghai.ts).
 */

export const tableOf = (doc: Document, kind: TableKind): Table | undefined => doc.tables.find((t) => t.kind === kind);

/** A cell in 分; 0 for an empty or missing cell. */
export const cellFen = (r: Row | undefined, column: string): number => r?.cells[column]?.fen ?? 0;

/** Every section, depth first. */
export function allSections(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    allSections(s.children, out);
  }
  return out;
}

/** 「1,081.18」 (万元, as the prose prints it) → 分, exactly. */
export function fenOfWanText(text: string): number {
  const [whole, frac = ''] = text.replace(/,/g, '').split('.');
  return Number(whole) * 1_000_000 + Number(`${frac}000000`.slice(0, 6));
}

/** An amount in 万元 for notes, exact: two decimals, more only for 元-precision amounts. */
export const wanNote = (fen: number): string => formatFen(fen, '万元', 6).replace(/(\.\d\d\d*?)0+$/, '$1');
