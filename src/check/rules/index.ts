import type { Rule } from '../rule.js';
import textRepeatedParagraph from './text-repeated-paragraph.js';
import inputUnrecognised from './input-unrecognised.js';
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
import classificationCodeFormat from './classification-code-format.js';
import classificationHierarchy from './classification-hierarchy.js';
import classificationCodeName from './classification-code-name.js';
import classificationUnknownCode from './classification-unknown-code.js';
import completenessRequiredTables from './completeness-required-tables.js';
import completenessContents from './completeness-contents.js';
import completenessEmptyTableNote from './completeness-empty-table-note.js';
import completenessDetailLevel from './completeness-detail-level.js';
import completenessNarrativeSections from './completeness-narrative-sections.js';
import textYear from './text-year.js';
import textPlaceholder from './text-placeholder.js';
import textGarbled from './text-garbled.js';
import textDepartmentName from './text-department-name.js';
import textPunctuation from './text-punctuation.js';
import textUnterminated from './text-unterminated.js';
import textTruncatedCell from './text-truncated-cell.js';
import textBrackets from './text-brackets.js';
import textComparison from './text-comparison.js';
import textDuplicateWord from './text-duplicate-word.js';
import textEmptySection from './text-empty-section.js';
import narrativeAmountMatchesTable from './narrative-amount-matches-table.js';
import narrativeChangeArithmetic from './narrative-change-arithmetic.js';
import narrativeRatioArithmetic from './narrative-ratio-arithmetic.js';
import narrativePartsSum from './narrative-parts-sum.js';
import narrativeRestatedConsistently from './narrative-restated-consistently.js';
import narrativePriorYear from './narrative-prior-year.js';
import narrativeUnresolvedClaim from './narrative-unresolved-claim.js';

/** Every rule, in the order `yusuan rules` lists them. One file per rule. */
export const RULES: Rule[] = [
  inputUnrecognised,
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
  classificationCodeFormat,
  classificationHierarchy,
  classificationCodeName,
  classificationUnknownCode,
  completenessRequiredTables,
  completenessContents,
  completenessEmptyTableNote,
  completenessDetailLevel,
  completenessNarrativeSections,
  textYear,
  textPlaceholder,
  textGarbled,
  textDepartmentName,
  textPunctuation,
  textUnterminated,
  textTruncatedCell,
  textBrackets,
  textComparison,
  textDuplicateWord,
  textEmptySection,
  narrativeAmountMatchesTable,
  narrativeChangeArithmetic,
  narrativeRatioArithmetic,
  narrativePartsSum,
  narrativeRestatedConsistently,
  narrativePriorYear,
  narrativeUnresolvedClaim,
  textRepeatedParagraph,
];
