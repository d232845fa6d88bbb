import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckOptions } from '../src/check/engine.js';
import { RULES } from '../src/check/index.js';
import { main } from '../src/cli/main.js';
import type { Document, Finding } from '../src/model/index.js';
import { checkReportSchema } from '../src/report/index.js';
import { entryFromDocument, writeEntryWorkbook } from '../src/generate/index.js';
import { SEEDS, seed } from './helpers.js';

/**
 * `checkDocument` runs the real rules unless a test sets `ctl.findings`, so exit-code logic can be
 * tested with findings of known severity while the rules (and their findings) keep changing.
 */
const ctl = vi.hoisted(() => ({
  findings: undefined as ((doc: Document) => Finding[]) | undefined,
  calls: [] as { file: string; prior?: string }[],
}));

vi.mock('../src/check/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/check/index.js')>();
  return {
    ...actual,
    checkDocument: (doc: Document, options: CheckOptions = {}) => {
      ctl.calls.push({ file: doc.source.file, ...(options.prior ? { prior: options.prior.source.file } : {}) });
      return ctl.findings ? ctl.findings(doc) : actual.checkDocument(doc, options);
    },
  };
});

let out = '';
let err = '';
let tty: PropertyDescriptor | undefined;
const env = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
beforeEach(() => {
  out = '';
  err = '';
  ctl.findings = undefined;
  ctl.calls = [];
  delete process.env.NO_COLOR;
  delete process.env.FORCE_COLOR;
  tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
  else delete (process.stdout as { isTTY?: boolean }).isTTY;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

const run = (...args: string[]) => main(['node', 'yusuan', ...args]);

const finding = (doc: Document, severity: Finding['severity']): Finding => ({
  rule: `test/${severity}`,
  severity,
  message: `测试${severity}`,
  messageEn: `test ${severity}`,
  locations: [{ file: doc.source.file, line: doc.tables[0]!.span.from }],
});

describe('yusuan check exit codes', () => {
  it('exits 0 for a clean document', async () => {
    ctl.findings = () => [];
    expect(await run('check', SEEDS.s000)).toBe(0);
    expect(out).toContain('✔ 没有发现问题 no problems found');
    expect(err).toBe('');
  });

  it('exits 0 with only warnings and info, 1 as soon as one error is found', async () => {
    ctl.findings = (doc) => [finding(doc, 'warning'), finding(doc, 'info')];
    expect(await run('check', SEEDS.s000, SEEDS.s001)).toBe(0);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 0 个错误 errors, 2 个警告 warnings, 2 条提示 info');
    out = '';
    ctl.findings = (doc) => (doc.source.file === SEEDS.s001 ? [finding(doc, 'error')] : [finding(doc, 'info')]);
    expect(await run('check', SEEDS.s000, SEEDS.s001)).toBe(1);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 1 个错误 errors, 0 个警告 warnings, 1 条提示 info');
  });

  it('exits 2 for a missing file, naming it on one stderr line, and still reports the others', async () => {
    ctl.findings = (doc) => [finding(doc, 'error')];
    expect(await run('check', 'test/fixtures/no-such-file.txt', SEEDS.s000, '--format', 'json')).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('test/fixtures/no-such-file.txt');
    expect(err).toContain('文件不存在');
    const report = checkReportSchema.parse(JSON.parse(out));
    expect(report.documents.map((d) => d.file)).toEqual([SEEDS.s000]);
  });

  it('exits 2 for unusable files and prints no report when nothing could be read', async () => {
    expect(await run('check', 'test/fixtures/empty.txt', 'test/fixtures/binary.bin')).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(2);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('exits 2 for bad arguments', async () => {
    expect(await run('check', SEEDS.s000, '--format', 'yaml')).toBe(2);
    expect(err).toContain('yaml');
    expect(await run('check')).toBe(2);
    expect(await run('check', SEEDS.s000, '--prior', 'test/fixtures/no-such-file.txt')).toBe(2);
    expect(err).toContain('test/fixtures/no-such-file.txt');
    expect(ctl.calls).toEqual([]);
    expect(await run('rules', '--format', 'sarif')).toBe(2);
  });
});

describe('yusuan check with the real rules', () => {
  // The rules are still changing: assert structure and the exit-code logic, not the findings.
  it.each([SEEDS.s000, SEEDS.s002, SEEDS.s004])('json on %s validates against the schema and matches the exit code', async (file) => {
    const code = await run('check', file, '--format', 'json');
    const report = checkReportSchema.parse(JSON.parse(out));
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]!.file).toBe(file);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of report.documents[0]!.findings) {
      counts[f.severity]++;
      expect(f.rule).toMatch(/^\S+\/\S+$/);
      for (const loc of f.locations) expect(typeof loc.file).toBe('string');
    }
    expect(report.summary).toEqual(counts);
    expect(code).toBe(counts.error > 0 ? 1 : 0);
  });

  it('text lists files and ends with the counts line', async () => {
    const code = await run('check', SEEDS.s000, SEEDS.s003);
    expect(out).not.toContain('\u001b[');
    expect(out.startsWith(`${SEEDS.s000}  江门市医疗保障局 2026年部门预算（部门汇总）`)).toBe(true);
    expect(out).toContain(`\n${SEEDS.s003}  广州市医疗保障局 2026年部门预算（部门汇总）\n`);
    const last = out.trimEnd().split('\n').at(-1)!;
    const m = /^([✖✔]) (\d+) 个错误 errors, (\d+) 个警告 warnings, (\d+) 条提示 info$/.exec(last);
    expect(m).not.toBeNull();
    expect(code).toBe(Number(m![2]) > 0 ? 1 : 0);
    // Without --verbose no info line is listed.
    expect(out).not.toMatch(/^ {2}\S+\s+info\s/m);
  });

  it('sarif is one run listing every rule', async () => {
    const code = await run('check', SEEDS.s001, '--format', 'sarif');
    const log = JSON.parse(out);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const ids = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids.slice(0, RULES.length)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of log.runs[0].results) {
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(ids[r.ruleIndex]).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(SEEDS.s001);
    }
    expect(code).toBe(log.runs[0].results.some((r: { level: string }) => r.level === 'error') ? 1 : 0);
  });

  it('html is one self-contained page', async () => {
    await run('check', SEEDS.s000, SEEDS.s001, '--format', 'html');
    expect(out).toMatch(/^<!doctype html>/);
    expect(out.match(/<html/g)).toHaveLength(1);
    expect(out).not.toMatch(/<script|<link\b|\bsrc=/i);
    expect(out).toContain('id="d2"');
  });
});

describe('yusuan check inputs', () => {
  it('checks model JSON and a data-entry workbook (the document it computes) like a disclosure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yusuan-check-'));
    try {
      const doc = await seed(SEEDS.s003);
      const json = join(dir, '003.json');
      await writeFile(json, JSON.stringify(doc));
      const workbook = join(dir, '003.entry.xlsx');
      await writeFile(workbook, await writeEntryWorkbook(entryFromDocument(doc).input));
      await run('check', SEEDS.s003, json, workbook, '--format', 'json');
      const report = checkReportSchema.parse(JSON.parse(out));
      expect(report.documents.map((d) => [d.file, d.department, d.year])).toEqual([SEEDS.s003, json, workbook].map((f) => [f, '广州市医疗保障局', 2026]));
      const rules = (i: number) => report.documents[i]!.findings.map((f) => `${f.rule} ${f.message}`);
      // The model JSON is the document itself; the workbook's document is computed from its lines.
      expect(rules(1)).toEqual(rules(0));
      expect(report.documents[2]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
      out = '';
      expect(await run('check', join(dir, 'missing.json'))).toBe(2);
      expect(err).toContain('missing.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('yusuan check options', () => {
  it('passes the --prior document to every check', async () => {
    ctl.findings = () => [];
    expect(await run('check', SEEDS.s000, '--prior', SEEDS.s001)).toBe(0);
    expect(ctl.calls).toEqual([{ file: SEEDS.s000, prior: SEEDS.s001 }]);
  });

  it('writes the report to --out instead of stdout', async () => {
    ctl.findings = (doc) => [finding(doc, 'error')];
    const dir = await mkdtemp(join(tmpdir(), 'yusuan-'));
    try {
      const file = join(dir, 'report.json');
      expect(await run('check', SEEDS.s000, '--format', 'json', '--out', file)).toBe(1);
      expect(out).toBe('');
      expect(checkReportSchema.parse(JSON.parse(await readFile(file, 'utf8'))).summary.error).toBe(1);
      expect(await run('check', SEEDS.s000, '--out', join(dir, 'missing-dir', 'x.txt'))).toBe(2);
      expect(err).toContain('missing-dir');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists info findings with --verbose', async () => {
    ctl.findings = (doc) => [finding(doc, 'info')];
    await run('check', SEEDS.s000);
    expect(out).not.toContain('测试info');
    out = '';
    await run('check', SEEDS.s000, '--verbose');
    expect(out).toMatch(/^ {2}行\d+\s+info\s+测试info {2}test\/info$/m);
  });

  it('colours text only on a terminal, and never with NO_COLOR or --out', async () => {
    ctl.findings = (doc) => [finding(doc, 'error')];
    await run('check', SEEDS.s000);
    expect(out).not.toContain('\u001b[');
    Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
    out = '';
    await run('check', SEEDS.s000);
    expect(out).toContain('\u001b[31merror');
    process.env.NO_COLOR = '1';
    out = '';
    await run('check', SEEDS.s000);
    expect(out).not.toContain('\u001b[');
  });
});

describe('yusuan rules', () => {
  it('lists every rule with id, severity and both descriptions', async () => {
    expect(await run('rules')).toBe(0);
    for (const { meta } of RULES) {
      expect(out).toMatch(new RegExp(`^${meta.id.replace(/[/-]/g, '\\$&')}\\s+${meta.severity}\\s+`, 'm'));
      expect(out).toContain(meta.description.zh);
      expect(out).toContain(meta.description.en);
    }
    expect(out).toContain(RULES.length ? `共 ${RULES.length} 条规则 ${RULES.length} rules` : '暂无规则 no rules');
  });

  it('prints the rules with their docs as JSON', async () => {
    expect(await run('rules', '--format', 'json')).toBe(0);
    const rules = JSON.parse(out) as { id: string; severity: string; description: { zh: string; en: string }; docs: string }[];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of rules) {
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.description.zh).toBeTruthy();
      expect(r.description.en).toBeTruthy();
      expect(typeof r.docs).toBe('string');
    }
  });
});
