import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/index.js';
import { seed, SEEDS } from './helpers.js';

/** A printed amount with decimals, as a whole token (a cell, or a space-separated word). */
const DECIMAL_TOKEN = /^[（(]?-?\d[\d,]*\.\d+[)）]?$/;

function tokensOf(line: string): string[] {
  return line
    .replace(/<\/?b>/g, '')
    .split(/[\t \u3000]+/)
    .map((t) => t.trim())
    .filter((t) => DECIMAL_TOKEN.test(t));
}

function toFen(t: string): number {
  const neg = /^[（(]|^-/.test(t);
  const [w, f = ''] = t.replace(/[（()）,-]/g, '').split('.');
  const fen = Number(w) * 1_000_000 + Number((f + '000000').slice(0, 6));
  return neg ? -fen : fen;
}

function census(doc: Document, source: string[]) {
  const inTable = (no: number) => doc.tables.some((t) => no >= t.span.from && no <= t.span.to);
  const printed: string[] = [];
  const outside: string[] = [];
  source.forEach((text, i) => {
    const no = i + 1;
    for (const tok of tokensOf(text)) (inTable(no) ? printed : outside).push(`${no}:${tok}`);
  });
  const modelled: string[] = [];
  for (const t of doc.tables) for (const r of t.rows) for (const a of Object.values(r.cells)) if (a && a.raw.includes('.')) modelled.push(`${a.at.line}:${a.raw}`);
  return { printed: printed.sort(), modelled: modelled.sort(), outside };
}

describe.each(Object.entries(SEEDS))('completeness of %s', (_name, path) => {
  it('puts every amount printed inside a table into exactly one cell', async () => {
    const doc = await seed(path);
    const source = readFileSync(path, 'utf8').split('\n');
    const { printed, modelled } = census(doc, source);
    expect(printed.length).toBeGreaterThan(100);
    expect(modelled).toEqual(printed);
    const sum = (xs: string[]) => xs.reduce((s, x) => s + toFen(x.slice(x.indexOf(':') + 1)), 0);
    expect(sum(modelled)).toBe(sum(printed));
  });

  it('leaves no tab-separated amount line outside a recognised table', async () => {
    const doc = await seed(path);
    const source = readFileSync(path, 'utf8').split('\n');
    const { outside } = census(doc, source);
    const tabbed = outside.filter((o) => source[Number(o.split(':')[0]) - 1]!.includes('\t'));
    expect(tabbed).toEqual([]);
  });
});
