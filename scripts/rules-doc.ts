// Writes docs/rules.md from the rules' own metadata, so the documentation cannot drift from the code.
// Run: npm run docs:rules   (test/rules-meta.test.ts fails when docs/rules.md is out of date)
import { writeFileSync } from 'node:fs';
import { RULES } from '../src/check/index.js';
import { ROUNDING_TOLERANCE_NAME } from '../src/check/tolerance.js';

export function rulesMarkdown(): string {
  const out: string[] = [
    '# 检查规则 Rules',
    '',
    '由 `npm run docs:rules` 根据各规则的元数据生成，请勿手改。Generated from each rule\'s metadata by `npm run docs:rules`; do not edit by hand.',
    '',
    `金额比较使用统一的${ROUNDING_TOLERANCE_NAME}：n 个打印数相加与一个打印合计比较时，允许相差 floor(n/2) 个末位单位（万元两位小数即 0.01 万元）；在此范围内的差额报告为 info。见 \`src/check/tolerance.ts\`。`,
    '',
    '| id | severity | 说明 | description |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id.replace(/[^a-z0-9-]/g, '')}) | ${r.meta.severity} | ${r.meta.description.zh} | ${r.meta.description.en} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`## ${r.meta.id}`, '', `**${r.meta.severity}** — ${r.meta.description.zh} / ${r.meta.description.en}`, '', r.meta.docs.trim(), '');
  }
  return out.join('\n');
}

if (process.argv[1] && /rules-doc\.ts$/.test(process.argv[1])) writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
