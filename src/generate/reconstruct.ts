import { findByName } from '../catalog/index.js';
import { allSections, cellFen as fen, fenOfWanText, tableOf } from './published.js';
import type { Document, Row, TableKind } from '../model/index.js';
import type { Claim } from '../narrative/index.js';
import { signedChange } from '../narrative/format.js';
import { SHEET } from './layout.js';
import { shanghaiEntry } from './reconstruct-shanghai.js';
import { finalEntry } from './reconstruct-final.js';
import { northWest, type Piece } from './north-west.js';
import { inputFromIdentity, emptyInput } from './types.js';
import type { BudgetLine, EntryInput, FundSource, PriorKey, ProjectInfo, ReasonTopic, ThreePublicPart } from './types.js';

/**
 * A data-entry input reconstructed from a published Guangdong disclosure (e.g. to prefill next
 * year's workbook, or to test that generating reproduces the published tables).
 *
 * A disclosure does not print its budget lines: only their margins (一般公共预算 by function 项 ×
 * 基本/项目, by economic 款 for 基本 and for 项目, by unit × economic 类, by unit × project). Lines
 * are rebuilt so that every one of those margins is reproduced: within each economic 类 the units'
 * amounts are matched to the 款 amounts, then the (unit, 款) pieces — in order — to the function 项
 * amounts (the "north-west corner" rule; any two lists with equal totals can be matched this way,
 * and every partial sum is reproduced exactly). Projects are matched the same way with the project
 * table and the project economic table. Which 款 goes with which 项 is not recoverable — only the
 * margins are, and they are all a disclosure prints.
 *
 * Where the published tables disagree with each other (a 类 that is not the sum of its 款, a unit
 * table that does not add up to the economic table), both sides cannot be reproduced; `notes` says
 * which margin was followed. Prior-year figures and reasons are read from the 情况说明 (prior =
 * stated figure ∓ stated change).
 */
export interface Reconstruction {
  input: EntryInput;
  notes: string[];
}


/**
 * Like northWest, but `exact` names the side to reproduce exactly: the one whose total agrees with
 * the printed total (`printed`), the detailed side `b` otherwise.
 */
function match<A, B>(
  a: Piece<A>[],
  b: Piece<B>[],
  printed: number | undefined,
  notes: string[],
  what: string,
  score?: (key: A, add: number) => number,
  scoreB?: (key: B, add: number) => number,
): { a: A; b: B; fen: number }[] {
  const sumA = a.reduce((s, p) => s + Math.max(0, p.fen), 0);
  const sumB = b.reduce((s, p) => s + Math.max(0, p.fen), 0);
  if (sumA !== sumB && printed !== undefined && sumA === printed && sumB !== printed) {
    return northWest(b, a, notes, `${what}（按印出的合计）`, scoreB).map((c) => ({ a: c.b, b: c.a, fen: c.fen }));
  }
  return northWest(a, b, notes, what, score);
}


/** Economic 类 of a per-unit category name (工资和福利支出 = 301). */
function classOfCategory(name: string): string | undefined {
  const n = name.replace(/^工资和福利支出$/, '工资福利支出');
  return findByName('economic', n).find((e) => e.level === 1)?.code;
}

interface UnitProject {
  unit: string;
  project: string;
}

const FUND_TABLE: Record<'gpb' | 'govFund' | 'stateCapital', TableKind> = { gpb: 'gpbExpenditure', govFund: 'govFund', stateCapital: 'stateCapital' };
/** Economic code given to 政府性基金/国有资本经营 lines, whose economic classification is not published. */
const UNPUBLISHED_ECONOMIC = '39999';

function linesFromTables(doc: Document, notes: string[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const at = { sheet: SHEET.lines };
  const unitBasic = tableOf(doc, 'unitBasic');
  const unitProject = tableOf(doc, 'unitProject');
  const firstUnit = doc.units[0]?.name ?? doc.department;
  const push = (l: Omit<BudgetLine, 'at'>) => lines.push({ ...l, at });

  for (const fund of ['gpb', 'govFund', 'stateCapital'] as const) {
    const fnTable = tableOf(doc, FUND_TABLE[fund]);
    const leaves = (kind: 'basic' | 'project') => (fnTable?.rows ?? []).filter((r) => r.level === 3 && r.code).map((r) => ({ key: r.code!, fen: fen(r, kind) }));
    /** Where a printed 款/类 of the function table exceeds (or falls short of) the sum of its 项. */
    const leafScore = (kind: 'basic' | 'project') => {
      const rows = fnTable?.rows ?? [];
      const gap = new Map<string, number>();
      for (const r of rows) if (r.code && r.level !== 3) gap.set(r.code, fen(r, kind));
      for (const r of rows) if (r.code && r.level === 3) for (const p of [r.code.slice(0, 3), r.code.slice(0, 5)]) gap.set(p, (gap.get(p) ?? 0) - fen(r, kind));
      return (code: string, addFen: number) => [code.slice(0, 3), code.slice(0, 5)].filter((p) => Math.sign(gap.get(p) ?? 0) === Math.sign(addFen)).length;
    };

    // 基本支出: (unit, 款) pieces, then 项.
    const basicCells: Piece<{ unit: string; economic: string }>[] = [];
    if (fund === 'gpb') {
      const econ = tableOf(doc, 'gpbBasicEconomic');
      const econRows = (econ?.rows ?? []).filter((r) => r.level === 2 && r.code);
      const byUnitClass = new Map<string, Map<string, number>>();
      let personnel = false;
      let unit = firstUnit;
      const unitTotals: Piece<string>[] = [];
      for (const r of unitBasic?.rows ?? []) {
        if (r.role === 'subtotal') {
          unit = r.unit ?? unit;
          unitTotals.push({ key: unit, fen: fen(r, 'gpb') });
          continue;
        }
        if (r.role !== 'item') continue;
        const cls = classOfCategory(r.name);
        if (!cls) {
          personnel = true;
          continue;
        }
        const m = byUnitClass.get(cls) ?? new Map<string, number>();
        m.set(unit, (m.get(unit) ?? 0) + fen(r, 'gpb'));
        byUnitClass.set(cls, m);
      }
      if (!unitBasic || personnel) {
        if (personnel) notes.push('部门预算基本支出预算表按人员类/公用经费类列示，无法对应经济分类：各单位基本支出按单位小计与经济分类款级依次匹配');
        const units = unitTotals.length ? unitTotals : [{ key: firstUnit, fen: econRows.reduce((s, r) => s + fen(r, 'amount'), 0) }];
        for (const c of northWest(units, econRows.map((r) => ({ key: r.code!, fen: fen(r, 'amount') })), notes, '基本支出：单位 × 经济分类')) basicCells.push({ key: { unit: c.a, economic: c.b }, fen: c.fen });
      } else {
        // Each unit's categories less its printed subtotal: the unit to absorb a class's rounding difference.
        const excess = new Map<string, number>();
        for (const u of unitTotals) excess.set(u.key, -u.fen);
        for (const m of byUnitClass.values()) for (const [u, v] of m) excess.set(u, (excess.get(u) ?? 0) + v);
        const kuanOf = (cls: string) => econRows.filter((r) => r.code!.startsWith(cls)).map((r) => ({ key: r.code!, fen: fen(r, 'amount') }));
        const unitsOf = (cls: string) => [...(byUnitClass.get(cls) ?? new Map<string, number>())].map(([key, v]) => ({ key, fen: v }));
        const econClasses = [...new Set(econRows.map((r) => r.code!.slice(0, 3)))];
        const leftUnits: Piece<string>[] = [];
        const leftKuan: Piece<string>[] = [];
        for (const cls of new Set([...econClasses, ...byUnitClass.keys()])) {
          const units = unitsOf(cls);
          const kuan = kuanOf(cls);
          if (units.length === 0 || kuan.length === 0) {
            leftUnits.push(...units);
            leftKuan.push(...kuan);
            continue;
          }
          let d = units.reduce((s, p) => s + p.fen, 0) - kuan.reduce((s, p) => s + p.fen, 0);
          if (d !== 0) {
            const u = units.find((p) => Math.sign(excess.get(p.key) ?? 0) === Math.sign(d) && p.fen >= d) ?? units[units.length - 1]!;
            u.fen -= d;
            excess.set(u.key, (excess.get(u.key) ?? 0) - d);
            notes.push(`基本支出经济分类 ${cls}：各单位之和与款级之和相差 ${(d / 1e6).toFixed(2)} 万元，由「${u.key}」调整`);
            d = 0;
          }
          for (const c of northWest(units, kuan, notes, `基本支出经济分类 ${cls}`)) basicCells.push({ key: { unit: c.a, economic: c.b }, fen: c.fen });
        }
        if (leftUnits.length || leftKuan.length) {
          notes.push(`部门预算基本支出预算表与经济分类表的类不一致（${leftUnits.map((p) => p.key).join('、') || '—'} / ${leftKuan.map((p) => p.key).join('、') || '—'}）：按经济分类表`);
          for (const c of northWest(leftUnits, leftKuan, notes, '基本支出：类不一致部分')) basicCells.push({ key: { unit: c.a, economic: c.b }, fen: c.fen });
        }
      }
    } else {
      for (const r of unitBasic?.rows ?? []) if (r.role === 'subtotal' && fen(r, fund) > 0) basicCells.push({ key: { unit: r.unit ?? firstUnit, economic: UNPUBLISHED_ECONOMIC }, fen: fen(r, fund) });
    }
    const printedTotal = (kind: 'basic' | 'project') => fnTable?.rows.find((r) => r.role === 'total')?.cells[kind]?.fen;
    // A rounding difference goes where a printed 类 total or unit subtotal asks for it.
    const gaps = basicGaps(doc, fund, basicCells);
    const score = (k: { unit: string; economic: string }, addFen: number) =>
      (Math.sign(gaps.cls.get(k.economic.slice(0, 3)) ?? 0) === Math.sign(addFen) ? 1 : 0) + (Math.sign(gaps.unit.get(k.unit) ?? 0) === Math.sign(addFen) ? 1 : 0);
    for (const c of match(basicCells, leaves('basic'), printedTotal('basic'), notes, `${fund} 基本支出：经济分类 × 功能分类`, score, leafScore('basic'))) {
      push({ unit: c.a.unit, functionCode: c.b, economicCode: c.a.economic, fund, kind: 'basic', fen: c.fen });
    }

    // 项目支出: (unit, project) pieces, then 款 (一般公共预算), then 项.
    const projects: Piece<UnitProject>[] = [];
    let unit = firstUnit;
    for (const r of unitProject?.rows ?? []) {
      if (r.role === 'subtotal') unit = r.unit ?? unit;
      if (r.role === 'item') projects.push({ key: { unit: r.unit ?? unit, project: r.project ?? r.name }, fen: fen(r, fund) });
    }
    let projectCells: Piece<UnitProject & { economic: string }>[];
    if (fund === 'gpb') {
      const econ = (tableOf(doc, 'gpbProjectEconomic')?.rows ?? []).filter((r) => r.level === 2 && r.code).map((r) => ({ key: r.code!, fen: fen(r, 'amount') }));
      const printedEcon = tableOf(doc, 'gpbProjectEconomic')?.rows.find((r) => r.role === 'total')?.cells.amount?.fen;
      const classGap = new Map<string, number>();
      for (const r of tableOf(doc, 'gpbProjectEconomic')?.rows ?? []) if (r.code && r.level === 1) classGap.set(r.code, fen(r, 'amount'));
      for (const p of econ) classGap.set(p.key.slice(0, 3), (classGap.get(p.key.slice(0, 3)) ?? 0) - p.fen);
      const econScore = (code: string, addFen: number) => (Math.sign(classGap.get(code.slice(0, 3)) ?? 0) === Math.sign(addFen) ? 1 : 0);
      projectCells = match(projects, econ, printedEcon, notes, '项目支出：项目 × 经济分类', undefined, econScore).map((c) => ({ key: { ...c.a, economic: c.b }, fen: c.fen }));
    } else projectCells = projects.filter((p) => p.fen > 0).map((p) => ({ key: { ...p.key, economic: UNPUBLISHED_ECONOMIC }, fen: p.fen }));
    for (const c of match(projectCells, leaves('project'), printedTotal('project'), notes, `${fund} 项目支出：项目 × 功能分类`, undefined, leafScore('project'))) {
      push({ unit: c.a.unit, functionCode: c.b, economicCode: c.a.economic, fund, kind: 'project', project: c.a.project, fen: c.fen });
    }
    // Projects printed with a zero amount still print a row.
    if (fund === 'gpb') {
      for (const p of projects) {
        const allZero = (unitProject?.rows ?? []).some((r) => r.role === 'item' && (r.project ?? r.name) === p.key.project && r.unit === p.key.unit && fen(r, 'total') === 0);
        if (!allZero) continue;
        const like = lines.find((l) => l.kind === 'project' && l.fund === 'gpb');
        if (like) push({ unit: p.key.unit, functionCode: like.functionCode, economicCode: like.economicCode, fund, kind: 'project', project: p.key.project, fen: 0 });
      }
    }
  }

  // Rows printed with zero amounts: a zero line attached to an existing line (same unit, category, project).
  const expenditure = tableOf(doc, 'expenditure');
  const printedInAll = new Set((expenditure?.rows ?? []).map((r) => r.code).filter(Boolean));
  for (const fund of ['gpb', 'govFund', 'stateCapital'] as const) {
    for (const r of tableOf(doc, FUND_TABLE[fund])?.rows ?? []) {
      if (r.level !== 3 || !r.code || fen(r, 'total') !== 0 || lines.some((l) => l.functionCode === r.code && l.fund === fund)) continue;
      const like = lines.find((l) => l.fund === fund) ?? (printedInAll.has(r.code) ? lines[0] : undefined);
      if (!like) {
        notes.push(`${tableOf(doc, FUND_TABLE[fund])?.title ?? fund} 印有金额为 0 的科目 ${r.code}，但支出总体情况表没有该科目：无法同时重现`);
        continue;
      }
      push({ unit: like.unit, functionCode: r.code, economicCode: like.economicCode, fund, kind: like.kind, ...(like.project ? { project: like.project } : {}), fen: 0 });
    }
  }
  for (const [kind, tableKind] of [['basic', 'gpbBasicEconomic'], ['project', 'gpbProjectEconomic']] as const) {
    for (const r of tableOf(doc, tableKind)?.rows ?? []) {
      if (r.level !== 2 || !r.code || fen(r, 'amount') !== 0 || lines.some((l) => l.economicCode === r.code && l.kind === kind && l.fund === 'gpb')) continue;
      const like = lines.find((l) => l.kind === kind && l.fund === 'gpb' && l.economicCode.slice(0, 3) === r.code!.slice(0, 3)) ?? lines.find((l) => l.kind === kind && l.fund === 'gpb');
      if (like) push({ unit: like.unit, functionCode: like.functionCode, economicCode: r.code, fund: 'gpb', kind, ...(like.project ? { project: like.project } : {}), fen: 0 });
    }
  }
  return lines;
}

/** Printed 类 totals and unit subtotals less what the (unit, 款) pieces give them. */
function basicGaps(doc: Document, fund: 'gpb' | 'govFund' | 'stateCapital', cells: Piece<{ unit: string; economic: string }>[]): { cls: Map<string, number>; unit: Map<string, number> } {
  const cls = new Map<string, number>();
  const unit = new Map<string, number>();
  if (fund === 'gpb') for (const r of tableOf(doc, 'gpbBasicEconomic')?.rows ?? []) if (r.level === 1 && r.code) cls.set(r.code, fen(r, 'amount'));
  for (const r of tableOf(doc, 'unitBasic')?.rows ?? []) if (r.role === 'subtotal' && r.unit) unit.set(r.unit, fen(r, fund));
  for (const c of cells) {
    const k = c.key.economic.slice(0, 3);
    if (cls.has(k)) cls.set(k, cls.get(k)! - c.fen);
    if (unit.has(c.key.unit)) unit.set(c.key.unit, unit.get(c.key.unit)! - c.fen);
  }
  return { cls, unit };
}

const PRIOR_KEYS: Record<string, PriorKey> = { 'income.total': 'incomeTotal', 'expense.total': 'expenseTotal', adminCost: 'adminCost', 'economic.30227': 'commissioned', 'income.current': 'incomeCurrent', 'fiscal.income': 'fiscalIncome', 'fiscal.expense': 'fiscalExpense', 'expense.basic': 'basic', 'expense.project': 'project', 'income.carryOver': 'carriedOver' };
const THREE_PUBLIC_KEYS: Record<string, ThreePublicPart> = { 'threePublic.abroad': 'abroad', 'threePublic.vehiclePurchase': 'vehiclePurchase', 'threePublic.vehicleRunning': 'vehicleRunning', 'threePublic.reception': 'reception' };
const REASON_KEYS: Record<string, ReasonTopic> = { 'income.total': 'income', 'expense.total': 'expense', 'threePublic.total': 'threePublic', 'threePublic.abroad': 'abroad', 'threePublic.vehicle': 'vehicle', 'threePublic.reception': 'reception', 'threePublic.vehicleRunning': 'vehicleRunning', 'threePublic.vehiclePurchase': 'vehiclePurchase', adminCost: 'adminCost', 'economic.30227': 'commissioned' };

/** The reason printed right after a claim's change: 「…，下降24.2%，主要原因是…；」. */
function reasonAfter(claim: Claim): string | undefined {
  const i = claim.sentence.indexOf(claim.clause);
  if (i < 0) return undefined;
  const m = /^\s*[，,]\s*主要原因(?:是|为)\s*[：:]?\s*([^；;。]*)/.exec(claim.sentence.slice(i + claim.clause.length));
  const t = m?.[1]?.trim();
  return t && !/^与上年持平/.test(t) ? t : undefined;
}

function narrativeFacts(doc: Document, input: EntryInput): void {
  let decimals = 0;
  for (const claim of doc.claims) {
    if (claim.context === 'reason' || !claim.key) continue;
    if (claim.key.startsWith('procurement.') && claim.amount) {
      const k = { 'procurement.goods': 'procurementGoods', 'procurement.works': 'procurementWorks', 'procurement.services': 'procurementServices' }[claim.key] as 'procurementGoods' | 'procurementWorks' | 'procurementServices' | undefined;
      if (k) input.other[k] = claim.amount.fen;
    }
    // Jiangxi prints 机关运行费 only in the prose; a Guangdong table 8 figure, read before, wins.
    if (claim.key === 'adminCost' && claim.amount && !claim.context && input.other.adminCost === undefined) input.other.adminCost = claim.amount.fen;
    const change = claim.change;
    if (!change || !claim.amount) continue;
    if (typeof change.percent === 'object') decimals = Math.max(decimals, change.percent.decimals);
    const delta = signedChange(change);
    if (delta === undefined) continue;
    const prior = claim.amount.fen - delta;
    const pk = PRIOR_KEYS[claim.key];
    if (pk && input.prior.values[pk] === undefined) input.prior.values[pk] = prior;
    const tk = THREE_PUBLIC_KEYS[claim.key];
    if (tk && input.threePublic[tk]?.prior === undefined) input.threePublic[tk] = { ...input.threePublic[tk], prior };
    const cls = /^(function|economic)\.(\d{3})$/.exec(claim.key);
    if (cls && /上年/.test(change.basis)) {
      const into = cls[1] === 'function' ? input.prior.functionClass : input.prior.economicClass;
      if (into[cls[2]!] === undefined) into[cls[2]!] = prior;
    }
    const rk = REASON_KEYS[claim.key];
    const reason = reasonAfter(claim);
    if (rk && reason && !input.reasons[rk]) input.reasons[rk] = reason;
  }
  if (decimals > 0) input.percentDecimals = decimals;
}



function proseFacts(doc: Document, input: EntryInput): void {
  const sections = allSections(doc.narrative);
  const find = (re: RegExp) => sections.find((s) => re.test(s.heading));
  const duties = find(/职责/);
  if (duties?.text) input.duties = duties.text;
  const org = find(/机构设置/);
  if (org?.text) input.organisation = org.text;
  const assets = find(/国有资产/)?.text ?? '';
  const m = (re: RegExp) => re.exec(assets)?.[1];
  const date = m(/截至\s*([^，,]+?)\s*[，,]/);
  if (date) input.other.assetDate = date;
  const fixed = m(/固定资产金额\s*([\d,.]+)\s*万元/);
  if (fixed) input.other.fixedAssets = fenOfWanText(fixed);
  const area = m(/房屋\s*([\d,.]+)\s*平方米/);
  if (area) input.other.buildingArea = Number(area.replace(/,/g, ''));
  const vehicles = m(/车辆\s*(\d+)\s*辆/);
  if (vehicles) input.other.vehicles = Number(vehicles);
  const equipment = m(/设备\s*(\d+)\s*台/);
  if (equipment) input.other.largeEquipment = Number(equipment);
  const purchase = /拟购置固定资产\s*([\d,.]+)\s*万元(?:[，,]\s*主要是([^。]+))?/.exec(assets);
  if (purchase) {
    input.other.assetPurchase = fenOfWanText(purchase[1]!);
    if (purchase[2]) input.other.assetPurchaseUse = purchase[2];
  }
}

function projectInfos(doc: Document, input: EntryInput, notes: string[]): void {
  const at = { sheet: SHEET.projects };
  const infos: ProjectInfo[] = [];
  for (const r of tableOf(doc, 'unitProject')?.rows ?? []) {
    if (r.role !== 'item') continue;
    const target = r.text?.performanceTarget;
    infos.push({ name: r.project ?? r.name, ...(r.unit ? { unit: r.unit } : {}), key: false, ...(target ? { target } : {}), indicators: [], at });
  }
  for (const r of tableOf(doc, 'keyProjects')?.rows ?? []) {
    const same = infos.find((p) => p.name === r.name);
    const target = r.text?.performanceTarget;
    const amount = fen(r, 'amount');
    if (same) {
      same.key = true;
      if (target && !same.target) same.target = target;
      const inLines = input.lines.filter((l) => l.project === same.name && l.unit === same.unit).reduce((s, l) => s + l.fen, 0);
      if (inLines !== amount) notes.push(`重点项目「${r.name}」印 ${amount / 1e6} 万元，项目支出表中同名项目为 ${inLines / 1e6} 万元：按项目支出表生成`);
    } else infos.push({ name: r.name, key: true, fen: amount, ...(target ? { target } : {}), indicators: [], at });
  }
  // Key projects in the order of the published key-project table, then the others.
  const keyOrder = (tableOf(doc, 'keyProjects')?.rows ?? []).map((r) => r.name);
  const rank = (p: ProjectInfo) => (p.key ? keyOrder.indexOf(p.name) : keyOrder.length);
  input.projects = infos.map((p, i) => ({ p, i })).sort((x, y) => rank(x.p) - rank(y.p) || x.i - y.i).map((x) => x.p);
}

/**
 * Jiangxi prints no per-unit or project tables and no project economic table: 基本支出 lines come
 * from the basic economic table × the 一般公共预算 function 项; 项目支出 lines from the function 项
 * (named after the project whose 绩效目标表 gives that amount, economic code not published); the
 * difference between 部门支出总表 and 一般公共预算支出表 is spending of carried-over funds (上年结转).
 * All lines go to the 本级 unit.
 */
function jiangxiLines(doc: Document, notes: string[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const at = { sheet: SHEET.lines };
  const unit = doc.units.find((u) => u.self)?.name ?? doc.units[0]?.name ?? doc.department;
  const gpb = tableOf(doc, 'gpbExpenditure')?.rows ?? [];
  const all = tableOf(doc, 'expenditure')?.rows ?? [];
  const leaves = (rows: Row[], kind: 'basic' | 'project') => rows.filter((r) => r.level === 3 && r.code).map((r) => ({ key: r.code!, fen: fen(r, kind) }));
  const econ = (tableOf(doc, 'gpbBasicEconomic')?.rows ?? []).filter((r) => r.level === 2 && r.code).map((r) => ({ key: r.code!, fen: fen(r, 'total') }));
  const printedBasic = tableOf(doc, 'gpbExpenditure')?.rows.find((r) => r.role === 'total')?.cells.basic?.fen;
  const classGap = new Map<string, number>();
  for (const r of tableOf(doc, 'gpbBasicEconomic')?.rows ?? []) if (r.code && r.level === 1) classGap.set(r.code, fen(r, 'total'));
  for (const p of econ) classGap.set(p.key.slice(0, 3), (classGap.get(p.key.slice(0, 3)) ?? 0) - p.fen);
  const score = (code: string, addFen: number) => (Math.sign(classGap.get(code.slice(0, 3)) ?? 0) === Math.sign(addFen) ? 1 : 0);
  for (const c of match(econ, leaves(gpb, 'basic'), printedBasic, notes, '基本支出：经济分类 × 功能分类', score)) {
    lines.push({ unit, functionCode: c.b, economicCode: c.a, fund: 'gpb', kind: 'basic', fen: c.fen, at });
  }
  const named = doc.tables.filter((t) => t.kind === 'projectPerformance').map((t) => ({ name: t.project ?? t.rows[0]?.name ?? '', fen: t.rows[0] ? fen(t.rows[0], 'total') : 0 }));
  for (const leaf of leaves(gpb, 'project')) {
    if (leaf.fen === 0) continue;
    const i = named.findIndex((p) => p.fen === leaf.fen);
    const project = i >= 0 ? named.splice(i, 1)[0]!.name : `未公开名称的项目（${leaf.key}）`;
    lines.push({ unit, functionCode: leaf.key, economicCode: UNPUBLISHED_PROJECT_ECONOMIC, fund: 'gpb', kind: 'project', project, fen: leaf.fen, at });
  }
  for (const r of all) {
    if (r.level !== 3 || !r.code) continue;
    const g = gpb.find((x) => x.code === r.code);
    for (const kind of ['basic', 'project'] as const) {
      const rest = fen(r, kind) - (g ? fen(g, kind) : 0);
      if (rest > 0) lines.push({ unit, functionCode: r.code, economicCode: kind === 'basic' ? '30299' : UNPUBLISHED_PROJECT_ECONOMIC, fund: 'carriedOver', kind, ...(kind === 'project' ? { project: `上年结转项目（${r.code}）` } : {}), fen: rest, at });
    }
  }
  notes.push(`项目支出的经济分类未公开：记为 ${UNPUBLISHED_PROJECT_ECONOMIC}；部门支出总表多于一般公共预算支出表的部分记为上年结转资金`);
  return lines;
}

/** Economic code given to Jiangxi project lines, whose economic classification is not published. */
const UNPUBLISHED_PROJECT_ECONOMIC = '30299';

function jiangxiProjects(doc: Document, input: EntryInput): void {
  const dept = tableOf(doc, 'deptPerformance');
  const indicatorsOf = (rows: Row[]) => rows.filter((r) => r.role === 'indicator').map((r) => ({ level1: r.text?.level1 ?? '', level2: r.text?.level2 ?? '', level3: r.text?.level3 ?? r.name, operator: r.text?.operator ?? '', target: r.text?.target ?? '', measure: r.text?.measure ?? '' }));
  const at = { sheet: SHEET.projects };
  if (dept) {
    const head = dept.rows.find((r) => r.role !== 'indicator');
    if (head?.text?.departmentCode) input.departmentCode = head.text.departmentCode;
    input.projects.push({ name: '部门整体', key: false, ...(head?.text?.target ? { target: head.text.target } : {}), indicators: indicatorsOf(dept.rows), at });
  }
  for (const t of doc.tables.filter((x) => x.kind === 'projectPerformance')) {
    const head = t.rows.find((r) => r.role !== 'indicator');
    const name = t.project ?? head?.name ?? '';
    input.projects.push({ name, ...(head?.text?.implementer ? { unit: head.text.implementer } : {}), key: false, ...(head?.text?.target ? { target: head.text.target } : {}), indicators: indicatorsOf(t.rows), at });
  }
}

/** An entry input whose generated tables reproduce the document's published margins (Guangdong, Jiangxi). */
export function entryFromDocument(doc: Document): Reconstruction {
  if (doc.template === 'jiangxi-budget') return jiangxiEntry(doc);
  if (doc.template === 'shanghai-budget') return shanghaiEntry(doc);
  if (doc.template === 'national-final') return finalEntry(doc);
  return guangdongEntry(doc);
}

function jiangxiEntry(doc: Document): Reconstruction {
  const notes: string[] = [];
  const input = emptyInput();
  input.department = doc.department;
  input.year = doc.year;
  input.kind = doc.kind;
  input.template = doc.template;
  input.layout = '江西2026';
  input.units = doc.units.length ? doc.units.map((u) => ({ ...u })) : [{ name: doc.department, self: true }];
  input.lines = jiangxiLines(doc, notes);
  jiangxiProjects(doc, input);
  narrativeFacts(doc, input);
  proseFacts(doc, input);
  for (const c of doc.claims) {
    if (!c.count || c.context) continue;
    if (c.key === 'staff.authorised') input.other.staffAuthorised ??= c.count.value;
    if (c.key === 'staff.actual') input.other.staffActual ??= c.count.value;
    if (c.key === 'staff.serving') input.other.staffServing ??= c.count.value;
  }
  return { input, notes };
}

function guangdongEntry(doc: Document): Reconstruction {
  const notes: string[] = [];
  const input = inputFromIdentity(doc);
  const summary = tableOf(doc, 'summary');
  input.layout = doc.year <= 2024 ? '广东2024' : summary?.rows.some((r) => r.name === '债务还本支出') ? '广东2026（含债务及转移性支出行）' : '广东2026';
  input.lines = linesFromTables(doc, notes);
  const admin = tableOf(doc, 'threePublic')?.rows.find((r) => /^行政经费/.test(r.name));
  if (admin) input.other.adminCost = fen(admin, 'total');
  projectInfos(doc, input, notes);
  narrativeFacts(doc, input);
  proseFacts(doc, input);
  const funds = new Set<FundSource>(input.lines.map((l) => l.fund));
  if (!funds.has('gpb')) notes.push('没有一般公共预算明细');
  return { input, notes };
}
