import type { Document, Finding, Severity } from '../model/index.js';
import type { Identity } from './identity.js';

export interface RuleMeta {
  /** Stable id, `area/name`, e.g. `sum/row-total`. */
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** A paragraph: what the rule checks, why, and how to fix a finding (Chinese first). */
  docs: string;
}

/** What a rule reports: a finding without its rule id; severity defaults to the rule's. */
export type Report = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  doc: Document;
  /** Last year's disclosure of the same department, when given (--prior). */
  prior?: Document;
  report(finding: Report): void;
  /** Declare an identity between cells; the engine evaluates it with the rounding tolerance. */
  identity(identity: Identity): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Rules are modules: `export default defineRule({ meta, check })`, like ESLint's meta + create. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
