import type { TemplateId } from '../model/index.js';
import { guangdongBudget } from './guangdong-budget.js';
import { jiangxiBudget } from './jiangxi-budget.js';
import { nationalFinal } from './national-final.js';
import { shanghaiBudget } from './shanghai-budget.js';
import type { Template } from './types.js';

export type { Template, TableSpec, ColumnSpec, PanelSpec, TableLayout } from './types.js';

/** Every template yusuan knows, in detection order. */
export const TEMPLATES: Template[] = [guangdongBudget, nationalFinal, jiangxiBudget, shanghaiBudget];

export function templateById(id: TemplateId): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
