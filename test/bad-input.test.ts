import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { parseFile } from '../src/index.js';
import { InputError } from '../src/model/index.js';
import { SEEDS } from './helpers.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => main(['node', 'yusuan', ...args]);

describe('unusable input gets one clear line naming the file, and exit 2', () => {
  it.each([
    ['test/fixtures/empty.txt', '文件为空'],
    ['test/fixtures/binary.bin', '不是文本文件'],
    ['test/fixtures/not-a-disclosure.txt', '不是可识别的部门预算或决算公开文件'],
    ['test/fixtures/no-such-file.txt', '文件不存在'],
    ['test/fixtures', '这是一个目录'],
  ])('%s', async (file, message) => {
    expect(await run('parse', file)).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(file);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('rejects unknown commands and formats with exit 2', async () => {
    expect(await run('bogus')).toBe(2);
    expect(await run('parse', SEEDS.s000, '--format', 'yaml')).toBe(2);
  });

  it('still prints the good files when one of several is bad', async () => {
    expect(await run('parse', SEEDS.s001, 'test/fixtures/empty.txt')).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out).summary.threePublic).toBe(4.15);
  });
});

describe('awkward but usable input', () => {
  it('decodes GB18030/GBK text to the same document as UTF-8', async () => {
    const gbk = await parseFile('test/fixtures/000-gb18030.txt');
    const utf8 = await parseFile(SEEDS.s000);
    expect(gbk.source.encoding).toBe('gb18030');
    expect(gbk.department).toBe('江门市医疗保障局');
    const cells = (d: typeof gbk) => d.tables.map((t) => t.rows.map((r) => [r.name, Object.values(r.cells).map((a) => a?.fen ?? null)]));
    expect(cells(gbk)).toEqual(cells(utf8));
  });

  it('reports a truncated document explicitly instead of passing it off as whole', async () => {
    const doc = await parseFile('test/fixtures/000-truncated.txt');
    expect(doc.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary']);
    expect(doc.unrecognised).toHaveLength(1);
    expect(doc.unrecognised[0]!.reason).toContain('可能被截断');
    expect(doc.unrecognised[0]!.at.line).toBe(200);
  });

  it('reads a UTF-8 file cut inside a character, and says it was cut (text and HTML)', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseBytes } = await import('../src/index.js');
    // 30,000 bytes of seed 003 end 2 bytes into a 3-byte character (at line 473, inside table 12).
    const text = readFileSync(SEEDS.s003).subarray(0, 30000);
    const html = readFileSync('test/fixtures/generated/003.html');
    for (const [bytes, file] of [[text, 'cut.txt'], [html.subarray(0, html.indexOf('。', html.length / 2) + 1), 'cut.html']] as const) {
      const doc = parseBytes(bytes, file);
      expect(doc.source.encoding, file).toBe('utf-8');
      expect(doc.department, file).toBe('广州市医疗保障局');
      const cut = doc.unrecognised.filter((u) => u.what === 'document' && u.reason.includes('字符中间结束'));
      expect(cut.map((u) => u.reason), file).toEqual([`文件在一个字符中间结束（最后 ${file === 'cut.txt' ? 2 : 1} 个字节不成字），可能被截断`]);
      // A text file says where it ends: the line of the cut character.
      if (file === 'cut.txt') expect(cut[0]!.at.line).toBe(473);
    }
  });

  it('refuses a 200 MB file before reading it', async () => {
    const { mkdtempSync, truncateSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const big = join(mkdtempSync(join(tmpdir(), 'yusuan-')), 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024); // sparse: no disk space, no time
    const started = Date.now();
    await expect(parseFile(big)).rejects.toThrow(/文件过大（200 MB/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('throws InputError (not a crash) from the library', async () => {
    await expect(parseFile('test/fixtures/empty.txt')).rejects.toBeInstanceOf(InputError);
  });
});

describe('yusuan parse output', () => {
  it('prints one JSON object for one file, with the summary', async () => {
    expect(await run('parse', SEEDS.s000)).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.department).toBe('江门市医疗保障局');
    expect(doc.summary.incomeTotal).toBe(3390.78);
    expect(doc.tables[0].rows[0].cells.amount.fen).toBe(3390780000);
  });

  it('prints the narrative claims, each with its subject, amount, change and line', async () => {
    expect(await run('parse', SEEDS.s004)).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.claims).toHaveLength(14); // top-level; 56 with their parts
    const income = doc.claims.find((c: { key?: string }) => c.key === 'income.total');
    expect([income.amount.fen, income.change.direction, income.change.amount.fen, income.change.basis, income.at.line]).toEqual([959_510_000, 'increase', 55_360_000, '上年预算安排', 273]);
  });

  it('prints JSON Lines for several files', async () => {
    expect(await run('parse', SEEDS.s000, SEEDS.s001, SEEDS.s003)).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.department, l.year, l.summary.unitCount])).toEqual([['江门市医疗保障局', 2026, 5], ['江门市医疗保障局', 2024, 1], ['广州市医疗保障局', 2026, 3]]);
  });

  it('prints a Chinese overview with --format text', async () => {
    expect(await run('parse', SEEDS.s003, '--format', 'text')).toBe(0);
    expect(out).toContain('广州市医疗保障局 2026年部门预算（部门汇总，3个预算单位）');
    expect(out).toContain('说明中的数字 claims: 21 条（14 条主题可与表格核对 14 with a known subject）');
    expect(out).toMatch(/表12 部门预算项目支出及其他支出预算表\s+37 行\s+合计 626,979\.80 万元（5段合并）/);
    expect(out).toContain('未识别 unrecognised: 无 none');
  });
});
