export type { Claim, ClaimAmount, ClaimChange, ClaimPercent, ClaimCompletion, ClaimShare, ClaimCount, ClaimSite, Breakdown, PartsKind, Direction } from '../model/index.js';
export { readClaims, withNarrative, topLevelClaims, parentOf, restatementOf, splitClauses } from './claims.js';
export { SUBJECTS, CLASS_SUBJECTS, FAMILIES, CONTEXTUAL, matchSubject, subjectEntry, isPartOf, functionPath } from './vocabulary.js';
export type { SubjectEntry, Family, FigureSource, CellSource, SumSource, Measure, FunctionPath } from './vocabulary.js';
export { figureOf, resolveClaim } from './resolve.js';
export type { CellRef, Figure, Resolution } from './resolve.js';
