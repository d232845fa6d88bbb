import type { GlossaryEntry, Section } from '../model/index.js';
import type { GridLine } from '../read/grid.js';
import { isPageFurniture } from './furniture.js';

const PART = /^第([一二三四五六七八九十]+)部分[:：\s]*(.*)$/;
const NUMBERINGS: [RegExp, number][] = [
  [/^([一二三四五六七八九十]+)、\s*/, 1],
  [/^([（(][一二三四五六七八九十]+[)）])\s*/, 2],
  [/^(\d+)[.．、](?!\d)\s*/, 3],
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

/**
 * Documents that number no part (上海市区级部门预算: 「上海市普陀区司法局主要职能」, 「名词解释」,
 * 「2026年部门预算编制说明」, 「其他相关情况说明」, 「人民调解项目经费情况说明」) title each part on
 * a line of its own.
 */
const UNNUMBERED_PART = /^[^。；，,：:]{0,30}?(主要职能|主要职责|机构设置|名词解释|预算编制说明|情况说明)$/;

function unnumberedPartKind(title: string): Section['part'] {
  return /主要职能|主要职责|机构设置/.test(title) ? 'overview' : partKind(title);
}

/**
 * A part heading wrapped onto the next line (PDF layouts: 「第三部分：X2023」 / 「年度部门决算情况说明」):
 * the index of the continuation line, when joining it turns an unknown part into a known one.
 */
function headingContinuation(lines: GridLine[], at: number, title: string): number | undefined {
  if (partKind(title) !== 'other') return undefined;
  for (let j = at + 1; j < lines.length && j <= at + 3; j++) {
    const t = lines[j]!.text.trim();
    if (!t) continue;
    if (t.length > MAX_HEADING || isPartHeading(t) || headingOf(t) || SENTENCE_END.test(t)) return undefined;
    return partKind(title + t) !== 'other' ? j : undefined;
  }
  return undefined;
}

/**
 * A short numbered line that does not end a sentence is a heading; a numbered paragraph is not,
 * nor is the first line of a wrapped paragraph (a sentence break inside it: 「1.…2,229.94万元，比上年」).
 */
function headingOf(text: string): { number: string; heading: string; level: number } | undefined {
  const t = text.trim().replace(/^\*\*(.*)\*\*$/, '$1');
  if (t.length > MAX_HEADING || /[。；，,：:]$/.test(t) || /[。；，]./.test(t)) return undefined;
  for (const [re, level] of NUMBERINGS) {
    const m = re.exec(t);
    // 「3) 实施主体：X」 / 「(九) 术语：指…」 is a labelled paragraph, not a heading.
    if (m && t.length > m[0].length && !/[：:]\s*\S/.test(t.slice(m[0].length))) return { number: m[1]!, heading: t.slice(m[0].length).trim(), level };
  }
  return undefined;
}

/** Join wrapped lines: a line that does not end a sentence continues on the next one. */
export function joinLines(lines: string[]): string {
  return joinWithAnchors(lines.map((text) => ({ text, no: 0 }))).text;
}

/** Join wrapped lines, recording where each source line starts in the joined text. */
function joinWithAnchors(lines: { text: string; no: number }[]): { text: string; anchors: { offset: number; line: number }[] } {
  let out = '';
  const anchors: { offset: number; line: number }[] = [];
  for (const { text: raw, no } of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (out !== '') out += SENTENCE_END.test(out) || /[：:]$/.test(out) ? '\n' : '';
    anchors.push({ offset: out.length, line: no });
    out += l;
  }
  return { text: out, anchors };
}

/**
 * Split the prose of a document (the lines outside tables and the table of contents) into its
 * parts and numbered sections.
 */
export function readNarrative(file: string, lines: GridLine[], inTable: (lineNo: number) => boolean): Section[] {
  const parts: Section[] = [];
  const unnumbered = !lines.some((l) => PART.test(l.text.trim()));
  const stack: { section: Section; level: number; body: { text: string; no: number }[] }[] = [];
  const close = (downTo: number) => {
    while (stack.length && stack[stack.length - 1]!.level >= downTo) {
      const top = stack.pop()!;
      const joined = joinWithAnchors(top.body);
      top.section.text = joined.text;
      top.section.lines = joined.anchors;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inTable(line.no)) continue;
    const t = line.text.trim();
    if (!t || isPageFurniture(t)) continue;
    if (unnumbered && t.length <= MAX_HEADING && UNNUMBERED_PART.test(t) && !headingOf(t)) {
      close(0);
      const section: Section = { heading: t, part: unnumberedPartKind(t), text: '', span: { file, from: line.no, to: line.no }, children: [] };
      parts.push(section);
      stack.push({ section, level: 0, body: [] });
      continue;
    }
    const part = PART.exec(t);
    if (part) {
      close(0);
      let heading = part[2]!.trim();
      let to = line.no;
      const next = headingContinuation(lines, i, heading);
      if (next !== undefined && !inTable(lines[next]!.no)) {
        heading += lines[next]!.text.trim();
        to = lines[next]!.no;
        i = next;
      }
      const section: Section = { heading, number: `第${part[1]}部分`, part: partKind(heading), text: '', span: { file, from: line.no, to }, children: [] };
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
    stack[stack.length - 1]!.body.push({ text: t, no: line.no });
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
      if (headingOf(t)) {
        // A sub-heading (二、支出科目) ends the entry above it; it is not part of its definition.
        flush();
        continue;
      }
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
