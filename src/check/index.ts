import type { Document, Finding } from '../model/index.js';
import { runRules, type CheckOptions } from './engine.js';
import { RULES } from './rules/index.js';

export type { Rule, RuleMeta, RuleContext, Report } from './rule.js';
export { defineRule } from './rule.js';
export { RULES } from './rules/index.js';
export { roundingTolerance, ROUNDING_TOLERANCE_NAME } from './tolerance.js';

/** Check a document with every rule (or the given ones). */
export function checkDocument(doc: Document, options: CheckOptions = {}): Finding[] {
  return runRules(doc, options.rules ?? RULES, options);
}
