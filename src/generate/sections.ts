import type { Section } from '../model/index.js';

/**
 * Section trees for generated prose. A generated document has no source lines, so each heading and
 * paragraph is given the next line number of an imagined printout, in document order; findings
 * and claims can then point at 「情况说明第N行」 as they do for parsed documents.
 */
export interface SectionSpec {
  heading: string;
  number?: string;
  part: Section['part'];
  paragraphs: string[];
  children: SectionSpec[];
}

export const spec = (heading: string, number: string | undefined, part: Section['part'], paragraphs: string[], children: SectionSpec[] = []): SectionSpec => ({
  heading,
  ...(number !== undefined ? { number } : {}),
  part,
  paragraphs,
  children,
});

export class LineCounter {
  constructor(
    readonly file: string,
    public next = 1,
  ) {}
}

export function materialise(s: SectionSpec, counter: LineCounter): Section {
  const from = counter.next++;
  const lines: { offset: number; line: number }[] = [];
  let offset = 0;
  for (const p of s.paragraphs) {
    lines.push({ offset, line: counter.next++ });
    offset += p.length + 1;
  }
  const children = s.children.map((c) => materialise(c, counter));
  return {
    heading: s.heading,
    ...(s.number !== undefined ? { number: s.number } : {}),
    part: s.part,
    text: s.paragraphs.join('\n'),
    ...(lines.length ? { lines } : {}),
    span: { file: counter.file, from, to: counter.next - 1 },
    children,
  };
}
