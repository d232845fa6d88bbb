import { resolveClaim, type Resolution } from '../narrative/index.js';
import type { Claim } from '../model/index.js';
import type { RuleContext } from './rule.js';

/**
 * Claims resolved to their table figures, once per check run: several rules look up the same claim.
 * Kept per run (keyed on the run's context), not per document, since a document may change between
 * runs (the mutation test edits a cell and checks again).
 */
const runs = new WeakMap<RuleContext, Map<Claim, Resolution | undefined>>();

/** `resolveClaim(ctx.doc, claim)`, computed once per claim and run. */
export function resolvedClaim(ctx: RuleContext, claim: Claim): Resolution | undefined {
  let known = runs.get(ctx);
  if (!known) runs.set(ctx, (known = new Map()));
  if (known.has(claim)) return known.get(claim);
  const r = resolveClaim(ctx.doc, claim);
  known.set(claim, r);
  return r;
}
