import type { Section } from '../model/index.js';

/**
 * Source lines of narrative text. The recogniser records, for each section, where each source line
 * starts in the joined text (`Section.lines`); the line of any offset is looked up there. Documents
 * built without that record (older JSON) fall back to an estimate from the section span.
 */

/** Offsets into a section's text where each source line starts. */
interface Anchor {
  offset: number;
  line: number;
}

/** Maps offsets in section texts to source lines. */
export class LineLocator {
  /** The source line of `offset` in `section.text` (1-based). */
  lineOf(section: Section, offset: number): number {
    const anchors = this.anchorsOf(section);
    let line = anchors[0]?.line;
    for (const a of anchors) {
      if (a.offset > offset) break;
      line = a.line;
    }
    if (line !== undefined) return line;
    // Estimate: proportionally within the section's body lines.
    const from = section.span.from + 1;
    const to = Math.max(from, section.children[0] ? section.children[0].span.from - 1 : section.span.to);
    const share = section.text.length > 0 ? offset / section.text.length : 0;
    return Math.min(to, from + Math.floor(share * (to - from + 1)));
  }

  private anchorsOf(section: Section): Anchor[] {
    return section.lines ?? [];
  }
}
