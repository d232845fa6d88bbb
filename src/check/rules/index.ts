import type { Rule } from '../rule.js';
import balanceSummary from './balance-summary.js';
import crossByCode from './cross-by-code.js';
import crossKeyProjects from './cross-key-projects.js';
import crossTotals from './cross-totals.js';
import crossUnits from './cross-units.js';
import sumHierarchy from './sum-hierarchy.js';
import sumRow from './sum-row.js';
import sumUnits from './sum-units.js';
import threePublicEconomic from './three-public-economic.js';
import threePublicParts from './three-public-parts.js';

/** Every rule, in the order `yusuan rules` lists them. One file per rule. */
export const RULES: Rule[] = [
  sumRow,
  sumHierarchy,
  sumUnits,
  balanceSummary,
  threePublicParts,
  crossTotals,
  crossByCode,
  crossUnits,
  crossKeyProjects,
  threePublicEconomic,
];
