import { describe, expect, it } from 'vitest';
import { claimsJson, documentJsonSchema, documentSchema, parseAmount } from '../src/model/index.js';
import { seed, SEEDS } from './helpers.js';
import { documentFromJson } from '../src/cli/load-document.js';

describe('document schema', () => {
  it.each(Object.entries(SEEDS))('validates the model of %s', async (_n, path) => {
    const doc = await seed(path);
    const result = documentSchema.safeParse(JSON.parse(JSON.stringify({ ...doc, claims: claimsJson(doc.claims) })));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('writes each claim once: top-level claims, parts nested under their breakdown', async () => {
    const doc = await seed(SEEDS.s000);
    const json = claimsJson(doc.claims);
    const count = (cs: typeof json): number => cs.reduce((n, c) => n + 1 + count((c.breakdowns ?? []).flatMap((b) => b.parts)), 0);
    expect(count(json)).toBe(doc.claims.length);
    expect(json.length).toBeLessThan(doc.claims.length);
    expect(json.some((c) => 'parts' in c)).toBe(false);
  });

  it('reads the claims again from the prose when a model JSON is loaded', async () => {
    const doc = await seed(SEEDS.s004);
    const json = JSON.parse(JSON.stringify({ ...doc, claims: claimsJson(doc.claims) }));
    const loaded = documentFromJson(new TextEncoder().encode(JSON.stringify(json)), 'model.json');
    expect(JSON.stringify(loaded.claims)).toBe(JSON.stringify(doc.claims));
    // Claims edited in the JSON do not survive: the prose is what is checked.
    json.claims[0].amount = { fen: 1, raw: '0.01万元', unit: '万元', decimals: 2 };
    const edited = documentFromJson(new TextEncoder().encode(JSON.stringify(json)), 'model.json');
    expect(edited.claims[0]!.amount).toEqual(doc.claims[0]!.amount);
  });

  it('rejects a float amount', () => {
    const bad = { fen: 1.5, unit: '万元', decimals: 2, raw: '0.0000015', at: { file: 'x' } };
    expect(documentSchema.shape.tables.element.shape.rows.element.shape.cells.valueType.safeParse(bad).success).toBe(false);
    expect(parseAmount('1.50', '万元', { file: 'x' }).fen).toBe(1_500_000);
  });

  it('exports a JSON Schema', () => {
    const schema = documentJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toContain('tables');
  });
});
