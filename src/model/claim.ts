import type { MoneyUnit } from './amount.js';

/** An amount as stated in the prose: exact fen, the text as printed, the unit and printed decimals. */
export interface ClaimAmount {
  fen: number;
  raw: string;
  unit: MoneyUnit;
  decimals: number;
  /** Printed with 约 (about): never compared exactly. */
  approximate?: boolean;
}

/** A percentage as printed: 24.2% → { value: 24.2, raw: '24.2%', decimals: 1 }. */
export interface ClaimPercent {
  value: number;
  raw: string;
  decimals: number;
}

export type Direction = 'increase' | 'decrease' | 'flat';

/**
 * 「比上年减少1,081.18万元，下降24.2%」: a change against a basis. `direction` is the direction of the
 * amount phrase (增加/减少/增(减)/持平), `percentDirection` that of the percent phrase (增长/下降).
 * A change printed with 增(减) is 'flat' only when its amount is zero; otherwise its direction is unknown
 * and recorded as printed in `words`.
 */
export interface ClaimChange {
  direction: Direction;
  amount?: ClaimAmount;
  percent?: ClaimPercent | 'not-comparable';
  percentDirection?: Direction;
  /** The words as printed: 减少 / 下降 / 增(减) / 持平. */
  words: { amount?: string; percent?: string };
  /** What the change is measured against, spaces removed: 上年 / 上年决算数 / 年初预算数 / 上年预算安排 / 2025年预算. */
  basis: string;
}

/** 决算: 「完成全年预算4.3万元的38.3%」. `of` is absent when the budget figure is stated in a separate clause. */
export interface ClaimCompletion {
  of?: ClaimAmount;
  percent: ClaimPercent | 'not-comparable';
}

/** 「占91%」, 「占政府采购支出总额的100%」. `of` is the whole as printed, absent when implied. */
export interface ClaimShare {
  percent: ClaimPercent;
  of?: string;
}

export interface ClaimCount {
  value: number;
  /** 个 / 辆 / 人 / 人次 / 次 / 台 / 平方米 … */
  unit: string;
  /** Printed with 约 (about). */
  approximate?: boolean;
}

/** Where a claim was stated. */
export interface ClaimSite {
  file: string;
  line: number;
}

/**
 * How a list of parts relates to its whole. `partition`: 「按支出功能科目划分：…」 and 「（…）」
 * breakdowns — the parts are meant to add up to the whole; `including`: 「其中：…」 / 「包括…」 — the
 * parts may or may not be exhaustive (the vocabulary decides for known families such as “三公”经费).
 */
export type PartsKind = 'partition' | 'including';

/** One list of parts of a whole, e.g. 「按支出功能科目划分：…」. */
export interface Breakdown {
  kind: PartsKind;
  /** The heading of the list as printed (按支出经济分类划分), when there is one. */
  label?: string;
  parts: Claim[];
}

export interface Claim {
  /** The subject as printed, stripped of dates, 本部门 and verbs: 收入预算, “三公”经费, 公务接待费 … */
  subject: string;
  /** The vocabulary subject it names (income.total, threePublic.reception, function.208 …), when recognised. */
  key?: string;
  /** The whole noun phrase before the figure, as printed (2026年本部门财政拨款安排“三公”经费). */
  phrase: string;
  amount?: ClaimAmount;
  change?: ClaimChange;
  completion?: ClaimCompletion;
  share?: ClaimShare;
  count?: ClaimCount;
  /** Every part stated for this claim (all breakdowns, in order). */
  parts?: Claim[];
  /** The lists the parts were stated in; a whole may be broken down several ways (by function, by economic class). */
  breakdowns?: Breakdown[];
  /** The heading of the list this claim is a part of (按支出经济分类划分), when printed. */
  listLabel?: string;
  /** 'reason': stated inside 主要原因/主要变动情况 — an illustration, not a figure of the document. */
  context?: 'reason';
  /** The whole this claim is a part of, by subject (set for parts). */
  parentSubject?: string;
  /** The subject a list of shares refers to when printed before the list: 「“三公”经费…支出决算中，…占91%」. */
  shareOf?: string;
  /** The sentence (up to 。) the claim was read from. */
  sentence: string;
  /** The clause(s) of the claim itself. */
  clause: string;
  at: ClaimSite;
  /** Headings of the sections the claim was read from, outermost first. */
  section: string[];
  /** 'overview' for 人员/机构 counts read from the 概况, 'explanation' otherwise. */
  part: 'overview' | 'explanation';
  /**
   * The numbered item (「1、」「2.」「（三）」 paragraphs and the paragraphs that continue them) of its
   * section the claim was stated in, counted from 1; absent outside numbered items. Claims in different
   * items of one list are about different things (different subjects, projects, 科目).
   */
  item?: number;
  /**
   * 决算: the figure is the 预算数 (「年初预算为…」「预算数为…」) of its subject, not the 决算数.
   */
  measure?: 'budget';
}

/** A claim as written to JSON: parts nested once, under their breakdown (`parts` repeats them in memory). */
export type ClaimJson = Omit<Claim, 'parts' | 'breakdowns'> & { breakdowns?: (Omit<Breakdown, 'parts'> & { parts: ClaimJson[] })[] };

/** The claims of a document as written to JSON: the top-level ones, each part nested once under its breakdown. */
export function claimsJson(claims: Claim[]): ClaimJson[] {
  const parts = new Set(claims.flatMap((c) => c.parts ?? []));
  const json = (c: Claim): ClaimJson => {
    const { parts: _parts, breakdowns, ...rest } = c;
    return breakdowns ? { ...rest, breakdowns: breakdowns.map((b) => ({ ...b, parts: b.parts.map(json) })) } : rest;
  };
  return claims.filter((c) => !parts.has(c)).map(json);
}
