import type { GlossaryEntry, Section } from '../model/index.js';
import type { GridLine } from '../read/grid.js';

const PART = /^第([一二三四五六七八九十]+)部分[:：\s]*(.*)$/;
const NUMBERINGS: [RegExp, number][] = [
  [/^([一二三四五六七八九十]+)、\s*/, 1],
  [/^([（(][一二三四五六七八九十]+[)）])\s*/, 2],
  [/^(\d+)[.．、]\s*/, 3],
  [/^(\d+[)）])\s*/, 4],
];
const MAX_HEADING = 40;
const SENTENCE_END = /[。！？；;]$/;

export function partKind(title: string): Section['part'] {
  if (/概况/.test(title)) return 'overview';
  if (/情况说明|说明$/.test(title)) return 'explanation';
  if (/名词解释/.test(title)) return 'glossary';
  return 'other';
}

export function isPartHeading(text: string): boolean {
  return PART.test(text.trim());
}

/** A short numbered line that does not end a sentence is a heading; a numbered paragraph is not. */
function headingOf(text: string): { number: string; heading: string; level: number } | undefined {
  const t = text.trim().replace(/^\*\*(.*)\*\*$/, '$1');
  if (t.length > MAX_HEADING || /[。；，,：:]$/.test(t)) return undefined;
  for (const [re, level] of NUMBERINGS) {
    const m = re.exec(t);
    if (m && t.length > m[0].length) return { number: m[1]!, heading: t.slice(m[0].length).trim(), level };
  }
  return undefined;
}

/** Join wrapped lines: a line that does not end a sentence continues on the next one. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (out === '') out = l;
    else out += SENTENCE_END.test(out) || /[：:]$/.test(out) ? '\n' + l : l;
  }
  return out;
}

/**
 * Split the prose of a document (the lines outside tables and the table of contents) into its
 * parts and numbered sections.
 */
export function readNarrative(file: string, lines: GridLine[], inTable: (lineNo: number) => boolean): Section[] {
  const parts: Section[] = [];
  const stack: { section: Section; level: number; body: string[] }[] = [];
  const close = (downTo: number) => {
    while (stack.length && stack[stack.length - 1]!.level >= downTo) {
      const top = stack.pop()!;
      top.section.text = joinLines(top.body);
    }
  };
  for (const line of lines) {
    if (inTable(line.no)) continue;
    const t = line.text.trim();
    if (!t) continue;
    const part = PART.exec(t);
    if (part) {
      close(0);
      const section: Section = { heading: part[2]!.trim(), number: `第${part[1]}部分`, part: partKind(part[2]!), text: '', span: { file, from: line.no, to: line.no }, children: [] };
      parts.push(section);
      stack.push({ section, level: 0, body: [] });
      continue;
    }
    const h = headingOf(t);
    if (h && stack.length > 0) {
      close(h.level);
      const parent = stack[stack.length - 1];
      const section: Section = { heading: h.heading, number: h.number, part: parent?.section.part ?? 'other', text: '', span: { file, from: line.no, to: line.no }, children: [] };
      if (parent) parent.section.children.push(section);
      stack.push({ section, level: h.level, body: [] });
      for (const s of stack) s.section.span.to = line.no;
      continue;
    }
    if (stack.length === 0) continue;
    stack[stack.length - 1]!.body.push(t);
    for (const s of stack) s.section.span.to = line.no;
  }
  close(0);
  return parts;
}

const GLOSSARY_ENTRY = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?\s*([^：:，。]{2,30}?)\s*[:：]\s*(.+)$/;

/** 名词解释 entries: 「term：definition」, definitions possibly wrapped over several lines. */
export function readGlossary(parts: Section[], lines: GridLine[]): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const part of parts.filter((p) => p.part === 'glossary')) {
    let current: { entry: GlossaryEntry; body: string[] } | undefined;
    const flush = () => {
      if (current) current.entry.definition = joinLines(current.body);
      current = undefined;
    };
    for (const line of lines) {
      if (line.no <= part.span.from || line.no > part.span.to) continue;
      const t = line.text.trim();
      if (!t) continue;
      const m = GLOSSARY_ENTRY.exec(t);
      if (m && !/^(具体包括|其中)$/.test(m[1]!)) {
        flush();
        current = { entry: { term: m[1]!.trim(), definition: '', at: { file: part.span.file, line: line.no } }, body: [m[2]!] };
        entries.push(current.entry);
      } else if (current) {
        current.body.push(t);
      }
    }
    flush();
  }
  return entries;
}
