import type { Document, Finding, Location } from '../model/index.js';
import { cellLocation, describeCell, failureOf, labelOf, printed, refKey, type Evaluation, type Identity } from './identity.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { ROUNDING_TOLERANCE_NAME } from './tolerance.js';

export interface CheckOptions {
  prior?: Document;
  rules?: Rule[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
/** 尾数误差, the Chinese half of the tolerance's name. */
const ROUNDING_TOLERANCE_ZH = ROUNDING_TOLERANCE_NAME.split(' ')[0]!;

function identityFinding(e: Evaluation, severity: Finding['severity'], failCount: Map<object, number>, passCount: (key: object) => number): Finding {
  const { identity } = e;
  const refs = [...identity.left, ...identity.right];
  // Each cell's column label, looked up once: the message and the locations both name it.
  const labels = refs.map(labelOf);
  const unit = refs[0]?.table.unit ?? '万元';
  const value = (t: Identity['left'][number]) => printed(t.row.cells[t.column]?.fen ?? 0, unit);
  // Long sums are summarised: the locations list every cell anyway. `first` is the index in `refs` of the side's first term.
  const side = (terms: Identity['left'], first: number) =>
    terms.length > 3
      ? `${describeCell(terms[0]!, labels[first]!)} 等 ${terms.length} 项之和`
      : terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${describeCell(t, labels[first + i]!)} ${value(t)}`).join('');
  const rel = identity.relation === '=' ? '≠' : identity.relation === '>=' ? '<' : '>';
  // Each amount printed once, for both languages.
  const leftText = printed(e.left, unit);
  const rightText = printed(e.right, unit);
  let what: string;
  let whatEn: string;
  if (e.rounding) {
    const difference = printed(Math.abs(e.difference), unit);
    const tolerance = printed(e.tolerance, unit);
    what = `尾数误差（相差 ${difference}，在${ROUNDING_TOLERANCE_ZH}容许范围 ${tolerance} 内）`;
    whatEn = `rounding difference of ${difference} (within the ${tolerance} rounding tolerance)`;
  } else {
    const difference = printed(e.difference, unit);
    what = `相差 ${difference}`;
    whatEn = `difference ${difference}`;
  }
  // Most likely wrong first: the cell in most failing identities, then in fewest passing ones.
  const ordered = refs
    .map((t, i) => ({ t, i, fail: failCount.get(refKey(t)) ?? 0, pass: passCount(refKey(t)) }))
    .sort((a, b) => b.fail - a.fail || a.pass - b.pass || a.i - b.i);
  const seen = new Set<object>();
  const locations: Location[] = [];
  for (const o of ordered) {
    const k = refKey(o.t);
    if (seen.has(k)) continue;
    seen.add(k);
    locations.push(cellLocation(o.t, labels[o.i]!));
  }
  return {
    rule: identity.rule,
    severity: e.rounding ? 'info' : severity,
    message: `${identity.zh}：${side(identity.left, 0)}${identity.left.length > 1 ? `（${leftText}）` : ''} ${rel} ${side(identity.right, identity.left.length) || '（无对应数字）0'}${identity.right.length > 1 ? `（${rightText}）` : ''}，${what}`,
    messageEn: `${identity.en} does not hold: ${leftText} ${rel} ${rightText}, ${whatEn}`,
    expected: e.right,
    actual: e.left,
    difference: e.difference,
    unit,
    locations,
  };
}

/** Run every rule on a document and return its findings, errors first, in document order. */
export function runRules(doc: Document, rules: Rule[], options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // Identities are evaluated as rules declare them (a check changes no cell). Failing ones are kept
  // for their findings; of a passing one only its terms are kept, to count passes at the end for the
  // cells that fail some identity (usually none, so nothing is counted).
  const failing: { e: Evaluation; severity: Finding['severity'] }[] = [];
  const passedTerms: Identity['left'][] = [];
  // One context for every rule; `rule` is the one running (rules report synchronously).
  let rule: Rule | undefined;
  const ctx: RuleContext = {
    doc,
    report: (r: Report) => findings.push({ ...r, rule: rule!.meta.id, severity: r.severity ?? rule!.meta.severity }),
    identity: (identity: Identity) => {
      const e = failureOf(identity);
      if (e) failing.push({ e, severity: rule!.meta.severity });
      else passedTerms.push(identity.left, identity.right);
    },
  };
  if (options.prior) ctx.prior = options.prior;
  for (const r of rules) {
    rule = r;
    r.check(ctx);
  }
  // Ranking the cells of a failing identity: how many identities (beyond rounding) each fails, and,
  // for cells that fail some, how many it passes (0 for the others).
  const failCount = new Map<object, number>();
  const tally = (terms: Identity['left']) => {
    for (const t of terms) {
      const k = refKey(t);
      failCount.set(k, (failCount.get(k) ?? 0) + 1);
    }
  };
  for (const { e } of failing) {
    if (e.rounding) continue;
    tally(e.identity.left);
    tally(e.identity.right);
  }
  const passes = new Map<object, number>();
  if (failCount.size > 0) {
    for (const terms of passedTerms) {
      for (const t of terms) {
        const k = refKey(t);
        if (failCount.has(k)) passes.set(k, (passes.get(k) ?? 0) + 1);
      }
    }
  }
  const passCount = (k: object) => passes.get(k) ?? 0;
  for (const { e, severity } of failing) findings.push(identityFinding(e, severity, failCount, passCount));
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0));
}
