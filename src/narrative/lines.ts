import { readFileSync } from 'node:fs';
import type { Document, Section } from '../model/index.js';

/**
 * Source lines of narrative text. The model keeps a section's text with its wrapped lines joined,
 * and only the section's line span; to report the line a sentence is printed on, the text is aligned
 * with the source lines again. The source is re-read when it is still on disk and unchanged (same
 * size); otherwise the line is estimated from the section span (never off the section).
 */

const TAG = /<\/?(?:b|strong|i|em|span|br|p|div|u)\b[^>]*>/gi;

/** The line as the text reader cleans it: markdown heading marks, tags and ** removed, trimmed. */
function clean(raw: string): string {
  return raw
    .replace(/\r$/, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(TAG, '')
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .trim();
}

/** Same length and at most one character in ten different: the line, edited (tests, fixes). */
function similar(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 8) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff * 10 <= a.length;
}

const sourceCache = new WeakMap<Document, string[] | null>();

function sourceLines(doc: Document): string[] | undefined {
  const cached = sourceCache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let lines: string[] | null = null;
  try {
    const bytes = readFileSync(doc.source.file);
    if (bytes.length === doc.source.bytes) {
      const encoding = doc.source.encoding || 'utf-8';
      let text = new TextDecoder(encoding).decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      lines = text.split('\n').map(clean);
    }
  } catch {
    lines = null;
  }
  sourceCache.set(doc, lines);
  return lines ?? undefined;
}

/** Offsets into a section's text where each source line starts. */
interface Anchor {
  offset: number;
  line: number;
}

/** Maps offsets in section texts to source lines. */
export class LineLocator {
  private readonly anchors = new WeakMap<Section, Anchor[]>();

  constructor(private readonly doc: Document) {}

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
    const known = this.anchors.get(section);
    if (known) return known;
    const anchors: Anchor[] = [];
    const lines = sourceLines(this.doc);
    const text = section.text;
    if (lines && text) {
      const end = section.children[0] ? section.children[0].span.from - 1 : section.span.to;
      let pos = 0;
      for (let no = section.span.from; no <= end && pos < text.length; no++) {
        const l = lines[no - 1];
        if (!l) continue;
        let at = pos;
        while (text[at] === '\n') at++;
        if (text.startsWith(l, at) || similar(text.slice(at, at + l.length), l)) {
          anchors.push({ offset: at, line: no });
          pos = at + l.length;
        }
        // Otherwise a heading or table line, not part of the body: skip it.
      }
    }
    this.anchors.set(section, anchors);
    return anchors;
  }
}
