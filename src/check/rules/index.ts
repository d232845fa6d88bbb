import type { Rule } from '../rule.js';

/** Every rule, in the order `yusuan rules` lists them. One file per rule. */
export const RULES: Rule[] = [
];
