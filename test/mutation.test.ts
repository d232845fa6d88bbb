import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/index.js';
import type { Amount, Document, Finding } from '../src/model/index.js';
import { parseFile } from '../src/index.js';
import { SEEDS } from './helpers.js';

/**
 * Mutation test: change every amount cell of every seed (+1.00 in its printed unit; and, for a
 * sample of cells, swap two digits) and require that the checker reports a new finding above info,
 * ideally locating the mutated cell. Reports detection and localisation rates.
 */
const key = (f: Finding) => `${f.rule}|${f.message}`;

function digitSwap(a: Amount): number | undefined {
  const digits = a.raw.replace(/[^0-9]/g, '');
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    const scale = a.fen / Math.max(1, Number(digits));
    if (Number.isFinite(scale) && Number(digits) > 0) return Math.round(Number(swapped) * scale);
  }
  return undefined;
}

interface Outcome {
  mutations: number;
  detected: number;
  located: number;
  locatedFirst: number;
  missed: string[];
}

function mutate(doc: Document, sampleEvery: number): Outcome {
  const base = new Set(checkDocument(doc).filter((f) => f.severity !== 'info').map(key));
  const out: Outcome = { mutations: 0, detected: 0, located: 0, locatedFirst: 0, missed: [] };
  let n = 0;
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const [column, a] of Object.entries(r.cells)) {
        if (!a) continue;
        const original = a.fen;
        const variants = [original + (a.unit === '万元' ? 1_000_000 : 100)];
        if (n++ % sampleEvery === 0) {
          const swapped = digitSwap(a);
          if (swapped !== undefined && swapped !== original) variants.push(swapped);
        }
        for (const v of variants) {
          out.mutations++;
          a.fen = v;
          const fresh = checkDocument(doc).filter((f) => f.severity !== 'info' && !base.has(key(f)));
          a.fen = original;
          if (fresh.length === 0) {
            out.missed.push(`${t.kind}「${r.code ?? ''}${r.name}」${column} 第${a.at.line}行`);
            continue;
          }
          out.detected++;
          const here = (l: Finding['locations'][number]) => l.line === a.at.line && l.cell === a.at.cell && l.page === a.at.page;
          if (fresh.some((f) => f.locations.some(here))) out.located++;
          if (fresh.some((f) => f.locations[0] && here(f.locations[0]))) out.locatedFirst++;
        }
      }
  return out;
}

describe('mutation test: every amount cell is covered by a check', () => {
  const totals: Outcome = { mutations: 0, detected: 0, located: 0, locatedFirst: 0, missed: [] };
  it.each(Object.entries(SEEDS))('%s', async (_name, path) => {
    const doc = await parseFile(path);
    const o = mutate(doc, 7);
    totals.mutations += o.mutations;
    totals.detected += o.detected;
    totals.located += o.located;
    totals.locatedFirst += o.locatedFirst;
    totals.missed.push(...o.missed.map((m) => `${path}: ${m}`));
    console.log(`${path}: ${o.detected}/${o.mutations} detected (${((100 * o.detected) / o.mutations).toFixed(1)}%), mutated cell located ${((100 * o.located) / o.detected).toFixed(1)}%, first ${((100 * o.locatedFirst) / o.detected).toFixed(1)}%`);
    for (const m of o.missed) console.log(`  undetected: ${m}`);
    expect(o.detected / o.mutations).toBeGreaterThanOrEqual(0.98);
    expect(o.located / o.detected).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it('meets the targets over all seeds: ≥ 99% detection, ≥ 90% localisation', () => {
    console.log(`all seeds: ${totals.detected}/${totals.mutations} detected (${((100 * totals.detected) / totals.mutations).toFixed(2)}%), located ${((100 * totals.located) / totals.detected).toFixed(1)}%, first ${((100 * totals.locatedFirst) / totals.detected).toFixed(1)}%`);
    expect(totals.detected / totals.mutations).toBeGreaterThanOrEqual(0.99);
    expect(totals.located / totals.detected).toBeGreaterThanOrEqual(0.9);
  });
});
