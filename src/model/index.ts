export * from './amount.js';
export * from './provenance.js';
export * from './table.js';
export * from './document.js';
export * from './errors.js';
export * from './schema.js';
export * from './finding.js';
export * from './claim.js';
