import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runRules } from '../src/check/engine.js';
import { RULES } from '../src/check/index.js';
import type { Document, Finding } from '../src/model/index.js';
import { parseFile } from '../src/index.js';

/** The rules of one family (`text/`, `completeness/` …) and a runner returning their findings above info. */
export function family(prefix: string) {
  const familyRules = RULES.filter((r) => r.meta.id.startsWith(prefix));
  const run = (doc: Document, rule?: string, withInfo = false): Finding[] =>
    runRules(doc, rule ? familyRules.filter((r) => r.meta.id === rule) : familyRules).filter((f) => withInfo || f.severity !== 'info');
  return { familyRules, run };
}

/** A fresh parse of a seed, edited in the model. */
export async function edited(path: string, edit: (d: Document) => void): Promise<Document> {
  const d = await parseFile(path);
  edit(d);
  return d;
}

/**
 * A seed with strings of its source replaced (each must occur), written to a temporary file and
 * parsed from there, so narrative lines can be aligned with the edited source.
 */
const scratch = mkdtempSync(join(tmpdir(), 'yusuan-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let edits = 0;
export async function rewritten(path: string, ...pairs: [string, string][]): Promise<Document> {
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of pairs) {
    expect(text.includes(from), `「${from}」 not in ${path}`).toBe(true);
    text = text.split(from).join(to);
  }
  const file = join(scratch, `${++edits}-${basename(path)}`);
  writeFileSync(file, text);
  return parseFile(file);
}

export const brief = (f: Finding[]) => f.map((x) => [x.rule, x.severity, x.locations[0]?.line]);
