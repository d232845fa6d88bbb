import { describe, expect, it } from 'vitest';
import { documentJsonSchema, documentSchema, parseAmount } from '../src/model/index.js';
import { seed, SEEDS } from './helpers.js';

describe('document schema', () => {
  it.each(Object.entries(SEEDS))('validates the model of %s', async (_n, path) => {
    const doc = await seed(path);
    const result = documentSchema.safeParse(JSON.parse(JSON.stringify(doc)));
    expect(result.error?.issues ?? []).toEqual([]);
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
