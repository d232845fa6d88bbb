import { RULES } from '../check/index.js';
import type { RuleMeta } from '../check/index.js';
import { displayWidth } from '../report/text.js';
import { EXIT } from './constants.js';

/** Every rule: id, severity and description (Chinese, then English). */
export function rulesText(rules: readonly RuleMeta[]): string {
  if (rules.length === 0) return '（暂无规则 no rules）\n';
  const idW = Math.max(...rules.map((r) => displayWidth(r.id)));
  const sevW = Math.max(...rules.map((r) => r.severity.length));
  const indent = ' '.repeat(idW + 2 + sevW + 2);
  const out: string[] = [];
  for (const r of rules) {
    out.push(`${r.id.padEnd(idW)}  ${r.severity.padEnd(sevW)}  ${r.description.zh}`);
    out.push(`${indent}${r.description.en}`);
  }
  out.push('', `共 ${rules.length} 条规则 ${rules.length} rules`);
  return out.join('\n') + '\n';
}

/** `yusuan rules`: list the rules `yusuan check` runs; `--format json` adds each rule's docs. */
export function rulesCommand(opts: { format: 'text' | 'json' }): number {
  const rules = RULES.map((r) => r.meta);
  process.stdout.write(opts.format === 'json' ? JSON.stringify(rules, null, 2) + '\n' : rulesText(rules));
  return EXIT.ok;
}
