import { InputError, type Document, type TemplateId } from '../model/index.js';
import { templateById } from '../templates/index.js';
import { GD_LAYOUTS } from './guangdong.js';
import { entryFromDocument } from './reconstruct.js';
import type { EntryInput } from './types.js';

/** Templates whose published tables `entryFromDocument` can turn back into budget lines. */
export const RECONSTRUCTED_TEMPLATES: readonly TemplateId[] = ['guangdong-budget', 'jiangxi-budget', 'national-final', 'shanghai-budget'];

const KIND_ZH = { budget: '预算', final: '决算' } as const;

/** 0.01 万元 in 分: the finest amount the 万元 templates print. */
const FEN_PER_CENT_OF_WAN = 10_000;

/**
 * The input switched to another template. A 表式 (layout) belongs to one template: it is kept only
 * when the target template has it, so the target's own default (by year) applies otherwise.
 */
export function inTemplate(input: EntryInput, template: TemplateId): EntryInput {
  if (input.template === template) return input;
  const out: EntryInput = { ...input, template };
  const keepsLayout = template === 'guangdong-budget' && GD_LAYOUTS.some((l) => l.name === input.layout);
  if (!keepsLayout) delete out.layout;
  return out;
}

/** Refuses a template of the other document kind: a budget cannot be printed as final accounts. */
export function assertSameKind(doc: { kind: Document['kind'] }, template: TemplateId, file: string): void {
  const target = templateById(template);
  if (!target) throw new InputError(file, `不认识的模板「${template}」`, `unknown template "${template}"`);
  if (target.kind !== doc.kind) {
    throw new InputError(
      file,
      `这是一份部门${KIND_ZH[doc.kind]}，不能按${KIND_ZH[target.kind]}模板「${target.name}」生成`,
      `a ${doc.kind === 'budget' ? 'budget' : 'final account'} cannot be rendered in the ${target.kind} template ${template}`,
    );
  }
}

/**
 * The entry input that prints `doc` in another template. Tables are not re-labelled but rebuilt:
 * the published tables are turned back into budget lines that reproduce every printed margin
 * (`entryFromDocument`), and the caller computes every table of the target template from them.
 * `notes` says where the published tables disagree with each other and which side was followed.
 */
export function entryInTemplate(doc: Document, template: TemplateId): { input: EntryInput; notes: string[] } {
  const file = doc.source.file;
  assertSameKind(doc, template, file);
  if (!RECONSTRUCTED_TEMPLATES.includes(doc.template)) {
    const from = templateById(doc.template)?.name ?? doc.template;
    throw new InputError(
      file,
      `暂不能由「${from}」格式的公开文件反推预算明细，因而不能改按其他模板生成（可反推：${RECONSTRUCTED_TEMPLATES.map((t) => templateById(t)?.name ?? t).join('、')}）`,
      `budget lines cannot be reconstructed from a ${doc.template} disclosure yet, so it cannot be rebuilt in another template`,
    );
  }
  const { input, notes } = entryFromDocument(doc);
  const target = templateById(template)!;
  const fine = template === 'shanghai-budget' ? 0 : input.lines.filter((l) => l.fen % FEN_PER_CENT_OF_WAN !== 0).length;
  if (fine > 0) {
    throw new InputError(
      file,
      `本文件的金额精确到元（反推出的 ${fine} 行预算明细不是 0.01 万元的整数倍），而「${target.name}」以万元印两位小数：改换模板会丢失精度，未生成`,
      `amounts are printed to the yuan (${fine} reconstructed lines are not whole 0.01 万元), while ${template} prints 万元 with two decimals: not rebuilt, as precision would be lost`,
    );
  }
  return { input: inTemplate(input, template), notes };
}
