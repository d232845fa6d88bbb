import { describe, expect, it } from 'vitest';
import { checkDocument, RULES } from '../src/check/index.js';
import { parseFile } from '../src/index.js';
import { SEEDS } from './helpers.js';

const rule = RULES.filter((r) => r.meta.id === 'input/unrecognised');

describe('input/unrecognised', () => {
  it('reports nothing when everything was recognised', async () => {
    expect(checkDocument(await parseFile(SEEDS.s000), { rules: rule })).toEqual([]);
  });

  it('reports a truncated file as an error at the line where it ends', async () => {
    const f = checkDocument(await parseFile('test/fixtures/000-truncated.txt'), { rules: rule });
    expect(f.map((x) => [x.severity, x.locations[0]!.line])).toEqual([['error', 200]]);
    expect(f[0]!.message).toContain('可能被截断');
  });

  it('reports a page without a text layer as an error on that page', async () => {
    const f = checkDocument(await parseFile('test/fixtures/pdf/justice-with-scanned-page.pdf'), { rules: rule });
    const scanned = f.filter((x) => x.message.includes('无文字层'));
    expect(scanned.length).toBe(1);
    expect(scanned[0]!.severity).toBe('error');
    expect(scanned[0]!.locations[0]!.page).toBeGreaterThan(0);
  });
});

describe('text/repeated-paragraph', () => {
  const repeated = RULES.filter((r) => r.meta.id === 'text/repeated-paragraph');
  it('passes the seeds (the same definition in 情况说明 and 名词解释 is in different parts)', async () => {
    for (const path of Object.values(SEEDS)) expect(checkDocument(await parseFile(path), { rules: repeated })).toEqual([]);
  });

  it('reports a block of paragraphs printed twice as one finding', async () => {
    const d = await parseFile(SEEDS.s000);
    const duties = d.narrative[0]!.children[0]!;
    const paragraphs = duties.text.split('\n');
    duties.text = [...paragraphs, ...paragraphs.slice(2, 5)].join('\n');
    const f = checkDocument(d, { rules: repeated });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('等 3 段重复出现');
    expect(f[0]!.locations).toHaveLength(6);
  });
});
