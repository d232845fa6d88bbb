export * from './types.js';
export { extractClaims, topLevelClaims, parentOf, splitClauses } from './claims.js';
export { SUBJECTS, CLASS_SUBJECTS, FAMILIES, matchSubject, subjectEntry, isPartOf } from './vocabulary.js';
export type { SubjectEntry, Family, FigureSource, CellSource, SumSource, Measure } from './vocabulary.js';
export { figureOf, resolveClaim } from './resolve.js';
export type { CellRef, Figure, Resolution } from './resolve.js';
