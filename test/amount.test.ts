import { describe, expect, it } from 'vitest';
import { AmountSyntaxError, fenToNumber, formatFen, formatFenGrouped, groupThousands, parseAmount } from '../src/model/index.js';

const at = { file: 't', line: 1 };
const fen = (s: string, unit: '元' | '万元' = '万元') => parseAmount(s, unit, at).fen;

describe('exact amounts', () => {
  it('parses printed forms exactly', () => {
    expect(fen('1,081.18')).toBe(1_081_180_000);
    expect(fen('647,849.38')).toBe(647_849_380_000);
    expect(fen('2047')).toBe(2_047_000_000);
    expect(fen('0')).toBe(0);
    expect(fen('0.00')).toBe(0);
    expect(fen('-')).toBe(0);
    expect(fen('（12.5）')).toBe(-12_500_000);
    expect(fen('(12.5)')).toBe(-12_500_000);
    expect(fen('-3.01')).toBe(-3_010_000);
    expect(fen('１，２３４．５６')).toBe(1_234_560_000);
    expect(fen('200,000', '元')).toBe(20_000_000);
    expect(fen('0.01', '元')).toBe(1);
  });

  it('keeps unit, decimals and raw text', () => {
    const a = parseAmount('3,390.78', '万元', at);
    expect([a.unit, a.decimals, a.raw]).toEqual(['万元', 2, '3,390.78']);
    expect(parseAmount('4.3', '万元', at).decimals).toBe(1);
  });

  it('sums without float error', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in 分 it is exact.
    expect(fen('0.1') + fen('0.2')).toBe(fen('0.3'));
  });

  it('rejects what is not an amount, and precision finer than 1 分', () => {
    for (const bad of ['abc', '1.2.3', '12a', '', '1,23.00']) expect(() => fen(bad)).toThrow(AmountSyntaxError);
    expect(() => fen('0.001', '元')).toThrow(/more precision/);
    expect(fen('0.010', '元')).toBe(1);
  });

  it('formats fen back exactly', () => {
    expect(formatFen(1_081_180_000, '万元')).toBe('1081.18');
    expect(formatFen(-12_500_000, '万元', 1)).toBe('-12.5');
    expect(fenToNumber(647_849_380_000, '万元')).toBe(647849.38);
  });
});

describe('formatFenGrouped', () => {
  it('groups the integer digits in threes, sign and decimals untouched', () => {
    expect(formatFenGrouped(1081180000, '万元')).toBe('1,081.18');
    expect(formatFenGrouped(-123456789012, '元')).toBe('-1,234,567,890.12');
    expect(formatFenGrouped(0, '万元')).toBe('0.00');
    expect(formatFenGrouped(99900, '元', 0)).toBe('999');
    expect(groupThousands('1234')).toBe('1,234');
  });
});
