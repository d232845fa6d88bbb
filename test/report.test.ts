import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { locationOf } from '../src/check/identity.js';
import type { RuleMeta } from '../src/check/rule.js';
import type { Document, Finding, Location } from '../src/model/index.js';
import { checkReportJsonSchema, checkReportSchema, formatHtml, formatJson, formatReport, formatSarif, formatText, jsonReport, resolveLocation, sarifReport, type ReportInput } from '../src/report/index.js';
import { displayWidth } from '../src/report/text.js';
import { row, seed, SEEDS, table } from './helpers.js';

/**
 * Formatter tests use findings made by hand on a real seed document, so they do not depend on
 * which rules exist or how many findings they produce.
 */
const FILE = SEEDS.s000;

const RULE_METAS: RuleMeta[] = [
  { id: 'test/columns', severity: 'error', description: { zh: '合计列等于各列之和', en: 'total column equals the sum of columns' }, docs: '检查每行的合计列。Checks each row total.' },
  { id: 'test/hierarchy', severity: 'warning', description: { zh: '类等于所属款之和', en: 'a class equals the sum of its items' }, docs: '类、款、项逐级汇总。' },
  { id: 'test/narrative', severity: 'info', description: { zh: '说明中的数字与表一致', en: 'narrative figures match the tables' }, docs: '' },
  { id: 'test/required', severity: 'error', description: { zh: '必备表格齐全', en: 'required tables are present' }, docs: '缺少必备表格。' },
];

interface Fixture {
  doc: Document;
  findings: Finding[];
  input: ReportInput;
  /** Locations of the column-sum finding: 表3 合计 row, 合计 / 基本支出 / 项目支出. */
  columns: Location[];
}

async function fixture(): Promise<Fixture> {
  const doc = await seed(FILE);
  const t3 = table(doc, 'expenditure');
  const total = row(t3, '合计');
  const columns = (['total', 'basic', 'project'] as const).map((column) => locationOf({ table: t3, row: total, column }));
  const c208 = row(t3, '208');
  const summary = table(doc, 'summary');
  const expense = row(summary, '卫生健康支出', { panel: 'expense' });
  const narrative = doc.narrative.find((s) => s.part === 'explanation')!.children[0]!;
  const sentence = '比上年减少1,081.18万元';
  expect(narrative.text).toContain(sentence);
  const findings: Finding[] = [
    {
      rule: 'test/columns',
      severity: 'error',
      message: '表3「本年支出总体情况表」「合计」合计 ≠ 基本支出 + 项目支出，相差 0.10',
      messageEn: 'total ≠ basic + project, difference 0.10',
      expected: 3_390_680_000,
      actual: 3_390_780_000,
      difference: 100_000,
      unit: '万元',
      locations: columns,
    },
    {
      rule: 'test/hierarchy',
      severity: 'warning',
      message: '「208 社会保障和就业支出」不等于所属款之和 <b>&</b>',
      messageEn: 'class 208 ≠ sum of its items',
      locations: [{ file: FILE, line: c208.at.line!, table: 'expenditure', tableTitle: t3.title, row: c208.name, code: '208' }],
    },
    {
      rule: 'test/columns',
      severity: 'error',
      message: '收支总表支出方「卫生健康支出」与表3不一致 <script>alert(1)</script>',
      messageEn: 'summary expense differs from table 3',
      locations: [locationOf({ table: summary, row: expense, column: 'amount' })],
    },
    {
      rule: 'test/narrative',
      severity: 'info',
      message: '说明中的「1,081.18」与表不符（尾数误差）',
      messageEn: 'narrative figure differs by rounding',
      locations: [{ file: FILE, line: narrative.span.from + 1, text: sentence }],
    },
    { rule: 'test/required', severity: 'error', message: '缺少「部门整体绩效目标表」', messageEn: 'missing table', locations: [] },
    { rule: 'other/unlisted', severity: 'warning', message: '未列出的规则', messageEn: 'a rule not in the list', locations: [{ file: FILE, line: narrative.span.from + 1 }] },
  ];
  return { doc, findings, columns, input: { documents: [{ file: FILE, doc, findings }], rules: RULE_METAS, version: '0.1.0' } };
}

describe('resolveLocation', () => {
  it('finds cells by line + cell, rows by line, sections by span, and nothing in other files', async () => {
    const { doc, columns, findings } = await fixture();
    const t = doc.tables.findIndex((x) => x.kind === 'expenditure');
    expect(resolveLocation(doc, columns[1]!)).toEqual({ kind: 'cell', table: t, row: 0, column: 1 });
    expect(resolveLocation(doc, findings[1]!.locations[0]!)).toMatchObject({ kind: 'row', table: t });
    expect(resolveLocation(doc, findings[2]!.locations[0]!)).toMatchObject({ kind: 'cell', table: 0 });
    expect(resolveLocation(doc, findings[3]!.locations[0]!)).toMatchObject({ kind: 'section' });
    expect(resolveLocation(doc, { ...columns[0]!, file: 'last-year.txt' })).toEqual({ kind: 'other' });
    // Without a line, by table kind + row + column.
    const { line: _l, cell: _c, ...byName } = columns[2]!;
    expect(resolveLocation(doc, byName)).toEqual({ kind: 'cell', table: t, row: 0, column: 2 });
  });
});

describe('json', () => {
  it('prints documents with their findings and a summary, valid against the zod schema', async () => {
    const { input, findings } = await fixture();
    const parsed = checkReportSchema.parse(JSON.parse(formatJson(input)));
    expect(parsed.summary).toEqual({ error: 3, warning: 2, info: 1 });
    expect(parsed.documents).toHaveLength(1);
    const d = parsed.documents[0]!;
    expect([d.file, d.department, d.year, d.kind, d.scope]).toEqual([FILE, '江门市医疗保障局', 2026, 'budget', 'department']);
    expect(d.findings).toEqual(findings);
    expect(d.findings[0]).toMatchObject({ expected: 3_390_680_000, actual: 3_390_780_000, difference: 100_000, unit: '万元' });
    expect(d.findings[0]!.locations[0]).toMatchObject({ file: FILE, line: 141, cell: 2, table: 'expenditure', row: '合计', column: 'total', columnLabel: '合计', value: '3,390.78' });
    expect(jsonReport(input)).toEqual(parsed);
  });

  it('rejects reports that drift from the documented shape', async () => {
    const report = JSON.parse(formatJson((await fixture()).input));
    expect(checkReportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    report.documents[0].findings[0].severity = 'fatal';
    expect(checkReportSchema.safeParse(report).success).toBe(false);
    report.documents[0].findings[0].severity = 'error';
    report.documents[0].findings[0].expected = 1.5;
    expect(checkReportSchema.safeParse(report).success).toBe(false);
  });

  it('exports the schema as JSON Schema', () => {
    const js = checkReportJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(js.required).toEqual(['documents', 'summary']);
    expect(JSON.stringify(js)).toContain('expected amount in 分');
  });
});

describe('text', () => {
  it('groups by file, then table or section, Chinese first with English below', async () => {
    const { input } = await fixture();
    const out = formatText(input, { color: false });
    expect(out).not.toContain('\u001b[');
    const lines = out.split('\n');
    expect(lines[0]).toBe(`${FILE}  江门市医疗保障局 2026年部门预算（部门汇总）`);
    // Groups in document order: document-level, 表1, 表3, then the narrative section.
    const groups = lines.filter((l) => /^ \S/.test(l)).map((l) => l.trim());
    expect(groups).toEqual(['文档 document', '表1「收支总体情况表」', '表3「本年支出总体情况表」', '第三部分 2026年部门预算情况说明 › 一、部门预算收支增减变化情况']);
    const i = lines.findIndex((l) => l.includes('test/columns') && l.includes('行141'));
    expect(lines[i]).toMatch(/^ {2}行141\s+error\s+表3「本年支出总体情况表」「合计」合计 ≠ 基本支出 \+ 项目支出，相差 0\.10 {2}test\/columns$/);
    expect(lines[i + 1]!.trim()).toBe('total ≠ basic + project, difference 0.10');
    expect(lines[i + 2]!.trim()).toBe('另见 also: 行141 基本支出, 行141 项目支出');
    // The English line starts in the terminal column where the Chinese message starts.
    expect(displayWidth(lines[i + 1]!.slice(0, lines[i + 1]!.indexOf('total')))).toBe(displayWidth(lines[i]!.slice(0, lines[i]!.indexOf('表3'))));
    expect(out).toMatch(/^ {2}行142\s+warning\s+「208 社会保障和就业支出」/m);
    expect(out).toMatch(/^ {2}—\s+error\s+缺少「部门整体绩效目标表」 {2}test\/required$/m);
    expect(lines.at(-2)).toBe('✖ 3 个错误 errors, 2 个警告 warnings, 1 条提示 info');
  });

  it('collapses info findings to a count unless verbose', async () => {
    const { input } = await fixture();
    const quiet = formatText(input);
    expect(quiet).not.toContain('尾数误差');
    expect(quiet).toContain('另有 1 条提示 info 未列出');
    const verbose = formatText(input, { verbose: true });
    expect(verbose).toMatch(/^ {2}行\d+\s+info\s+说明中的「1,081\.18」与表不符（尾数误差） {2}test\/narrative$/m);
    expect(verbose).not.toContain('未列出（');
  });

  it('colours only when asked', async () => {
    const { input } = await fixture();
    const out = formatText(input, { color: true });
    expect(out).toContain('\u001b[31merror');
    expect(out).toContain('\u001b[33mwarning');
  });

  it('says so when a document is clean', async () => {
    const { doc } = await fixture();
    const out = formatReport('text', { documents: [{ file: FILE, doc, findings: [] }], rules: [] });
    expect(out).toContain('✔ 没有发现问题 no problems found');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✔ 0 个错误 errors, 0 个警告 warnings, 0 条提示 info');
  });
});

/** The parts of SARIF 2.1.0 we rely on, with the spec's required fields and value sets. */
const sarifMessage = z.object({ text: z.string().min(1) });
const sarifLocation = z.object({
  id: z.number().int().nonnegative().optional(),
  physicalLocation: z.object({
    artifactLocation: z.object({ uri: z.string().min(1) }),
    region: z.object({ startLine: z.number().int().positive() }).optional(),
  }),
  logicalLocations: z.array(z.object({ name: z.string(), fullyQualifiedName: z.string(), kind: z.string() })).optional(),
  message: sarifMessage.optional(),
});
const sarifSchema = z.object({
  $schema: z.string().regex(/^https:\/\/.*sarif-schema-2\.1\.0\.json$/),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.literal('yusuan'),
            version: z.string().optional(),
            rules: z.array(
              z.object({
                id: z.string(),
                shortDescription: sarifMessage,
                fullDescription: sarifMessage,
                help: sarifMessage,
                defaultConfiguration: z.object({ level: z.enum(['none', 'note', 'warning', 'error']) }),
              }),
            ),
          }),
        }),
        results: z.array(
          z.object({
            ruleId: z.string(),
            ruleIndex: z.number().int().nonnegative(),
            level: z.enum(['none', 'note', 'warning', 'error']),
            message: sarifMessage,
            locations: z.array(sarifLocation).min(1),
            relatedLocations: z.array(sarifLocation.extend({ id: z.number().int().nonnegative() })).optional(),
          }),
        ),
      }),
    )
    .length(1),
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with every rule, levels, line numbers and table/row/column names', async () => {
    const { input } = await fixture();
    const log = sarifSchema.parse(JSON.parse(formatSarif(input)));
    const run = log.runs[0]!;
    expect(run.tool.driver.version).toBe('0.1.0');
    const rules = run.tool.driver.rules;
    // Every listed rule, in order, then a descriptor for the unlisted rule a finding used.
    expect(rules.map((r) => r.id)).toEqual(['test/columns', 'test/hierarchy', 'test/narrative', 'test/required', 'other/unlisted']);
    expect(rules[0]!.shortDescription.text).toBe('合计列等于各列之和 / total column equals the sum of columns');
    expect(rules[0]!.fullDescription.text).toBe('检查每行的合计列。Checks each row total.');
    expect(rules.map((r) => r.defaultConfiguration.level)).toEqual(['error', 'warning', 'note', 'error', 'warning']);
    expect(rules[2]!.help.text).toContain('说明中的数字与表一致'); // no docs: falls back to the description

    expect(run.results).toHaveLength(6);
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'error', 'note', 'error', 'warning']);
    const [columns, , summary, narrative, missing] = run.results;
    expect(columns!.message.text).toBe('表3「本年支出总体情况表」「合计」合计 ≠ 基本支出 + 项目支出，相差 0.10\ntotal ≠ basic + project, difference 0.10');
    expect(columns!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: FILE }, region: { startLine: 141 } });
    expect(columns!.locations[0]!.logicalLocations![0]).toMatchObject({ name: '合计', fullyQualifiedName: '本年支出总体情况表/合计/合计', kind: 'element' });
    expect(columns!.relatedLocations!.map((l) => [l.id, l.physicalLocation.region?.startLine, l.logicalLocations?.[0]?.fullyQualifiedName])).toEqual([
      [1, 141, '本年支出总体情况表/合计/基本支出'],
      [2, 141, '本年支出总体情况表/合计/项目支出'],
    ]);
    expect(summary!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('收支总体情况表/支出方 卫生健康支出/预算');
    expect(narrative!.locations[0]!.logicalLocations).toBeUndefined();
    expect(narrative!.locations[0]!.physicalLocation.region!.startLine).toBeGreaterThan(400);
    // A document-level finding points at the file.
    expect(missing!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: FILE } } }]);
    expect(sarifReport(input).runs[0].results[0]!.properties).toEqual({ expected: 3_390_680_000, actual: 3_390_780_000, difference: 100_000, unit: '万元', amountsIn: '分' });
  });

  it('turns paths into URIs', async () => {
    const { doc } = await fixture();
    const log = sarifReport({ documents: [{ file: 'dir with space/年度.txt', doc, findings: [] }, { file: '/abs/x.txt', doc, findings: [] }], rules: [] });
    expect(log.runs[0].artifacts.map((a) => a.location.uri)).toEqual(['dir%20with%20space/%E5%B9%B4%E5%BA%A6.txt', 'file:///abs/x.txt']);
  });
});

describe('html', () => {
  const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

  it('highlights a finding’s cells and links cells and finding both ways', async () => {
    const { input } = await fixture();
    const html = formatHtml(input);
    // The 合计 cell of 表3 合计 row (line 141): highlighted as an error, linking to its finding.
    const cell = /<td id="([^"]+)" class="num hit hit-error"[^>]*><a href="#([^"]+)">3,390\.78<\/a>/.exec(html);
    expect(cell).not.toBeNull();
    const [, cellId, findingId] = cell!;
    // The finding is in the list and links back to the cell (and to the other two cells).
    const item = new RegExp(`<li id="${findingId}" class="finding error">.*?</li></ul></li>`).exec(html)?.[0];
    expect(item).toBeDefined();
    expect(item).toContain('test/columns');
    expect(item).toContain(`href="#${cellId}"`);
    expect(item!.match(/<a href="#[^"]+-c\d+">/g)).toHaveLength(3);
    expect(item).toContain('应为 expected 3,390.68 · 实际 actual 3,390.78 · 差额 difference 0.10 万元');
    // The row-level finding highlights the 208 row; the narrative one marks the sentence.
    expect(html).toMatch(/<tr id="[^"]+" title="[^"]*" class="role-item hit hit-warning"><td class="code">208<\/td>/);
    expect(html).toMatch(/<mark id="[^"]+" class="hit hit-info"[^>]*><a href="#[^"]+">比上年减少1,081\.18万元<\/a><\/mark>/);
    // Every internal link lands on an element of the page.
    const present = ids(html);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      expect(href.startsWith('#')).toBe(true);
      expect(present.has(href.slice(1))).toBe(true);
    }
    // Findings grouped by severity.
    expect(html.indexOf('>错误 error (3)</h4>')).toBeLessThan(html.indexOf('>警告 warning (2)</h4>'));
    expect(html.indexOf('>警告 warning (2)</h4>')).toBeLessThan(html.indexOf('>提示 info (1)</h4>'));
  });

  it('shows tables with printed headers, both panels side by side and amounts to 2 decimals', async () => {
    const { input } = await fixture();
    const html = formatHtml(input);
    expect(html).toContain('<th>编码</th><th>项目</th><th>合计</th><th>基本支出</th><th>项目支出</th>');
    expect(html).toContain('<th>项目（收入）</th><th>预算</th><th>项目（支出）</th><th>预算</th>');
    expect(html).toMatch(/<td>预算拨款<\/td><td class="num"[^>]*>3,390\.78<\/td><td>一般公共服务支出<\/td>/);
    // 重点项目 prints 「5874.04」 and 「300」: shown with separators and 2 decimals.
    expect(html).toMatch(/>5,874\.04<\/td>/);
    expect(html).toMatch(/<td>医疗救助专项资金<\/td><td class="num"[^>]*>300\.00<\/td>/);
  });

  it('escapes all text and loads nothing from outside the page', async () => {
    const { input } = await fixture();
    const html = formatHtml(input);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href|action)\s*=\s*["']?(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
  });

  it('renders one page for several documents with distinct anchors', async () => {
    const { doc, findings } = await fixture();
    const html = formatHtml({ documents: [{ file: FILE, doc, findings }, { file: FILE, doc, findings: [] }], rules: RULE_METAS });
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain('id="d1"');
    expect(html).toContain('id="d2"');
    const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(all).size).toBe(all.length);
  });
});
