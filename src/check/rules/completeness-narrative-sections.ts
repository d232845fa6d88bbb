import type { Document, DocumentKind, Location, Severity } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { isPart, sectionText, walkSections } from '../text/units.js';

interface Topic {
  zh: string;
  en: string;
  severity: Severity;
  /** Searched in the headings and text of the narrative outside the 名词解释. */
  pattern: RegExp;
  kinds?: DocumentKind[];
  /** Other ways the document can satisfy the requirement (e.g. a table). */
  satisfiedBy?: (doc: Document) => boolean;
  why: string;
}

const hasPerformanceTables = (doc: Document): boolean =>
  doc.tables.some((t) => (t.kind === 'keyProjects' || t.kind === 'deptPerformance' || t.kind === 'projectPerformance') && t.rows.length > 0) ||
  doc.tables.some((t) => t.rows.some((r) => (r.text?.performanceTarget ?? '').trim() !== ''));

/**
 * What 143号 (第八、九条 as summarised in docs/domain.md §3) requires the 部门预决算 to explain.
 * 国有资产占用 and 绩效目标/绩效评价 are 「逐步公开」 (to be published progressively): a warning.
 */
const TOPICS: Topic[] = [
  { zh: '部门主要职责', en: 'the department\'s duties', severity: 'error', pattern: /职责|职能/, why: '143号要求公开部门职责' },
  { zh: '机构设置', en: 'its organisation', severity: 'error', pattern: /机构设置|内设机构|单位构成|预算单位/, why: '143号要求公开机构设置情况' },
  { zh: '收支增减变化情况', en: 'the changes in income and spending', severity: 'error', pattern: /(收入|支出)[^。；]{0,60}(比|较|与)(上年|年初|\d{4}\s*年)/, why: '143号要求对预决算收支增减变化作出说明' },
  { zh: '“三公”经费情况', en: 'the “三公” spending', severity: 'error', pattern: /三公/, why: '143号要求说明“三公”经费安排（使用）情况及增减变化原因' },
  { zh: '机关运行经费情况', en: 'the administrative running costs (机关运行经费)', severity: 'error', pattern: /机关运行(经)?费/, why: '143号要求说明机关运行经费安排（使用）情况' },
  { zh: '政府采购情况', en: 'government procurement', severity: 'error', pattern: /政府采购/, why: '143号要求说明政府采购情况' },
  { zh: '国有资产占有使用情况', en: 'state-owned assets', severity: 'warning', pattern: /国有资产|固定资产|资产占[有用]/, why: '143号要求逐步公开国有资产占有使用情况' },
  { zh: '重点项目绩效目标', en: 'the performance targets of key projects', severity: 'warning', kinds: ['budget'], pattern: /绩效目标/, satisfiedBy: hasPerformanceTables, why: '143号要求逐步公开重点项目预算绩效目标（项目绩效目标表亦可）' },
  { zh: '绩效评价情况', en: 'the performance evaluation', severity: 'warning', kinds: ['final'], pattern: /绩效评价|绩效自评/, why: '143号要求逐步公开绩效评价结果' },
];

/** Causes given for a change: 主要原因是…, 主要情况：…, 由于…, 主要是…. */
const REASON = /原因|主要是|由于|因为|主要情况|得益于/;

export default defineRule({
  meta: {
    id: 'completeness/narrative-sections',
    severity: 'error',
    description: { zh: '情况说明包含必备内容', en: 'The narrative explains what 143号 requires' },
    docs:
      '财预〔2016〕143号要求部门预决算公开时说明：部门职责、机构设置、收支增减变化、“三公”经费（含增减变化原因）、机关运行经费、政府采购，' +
      '并逐步公开国有资产占有使用情况、重点项目绩效目标（预算）或绩效评价结果（决算）。在情况说明和概况（不含名词解释）的标题和正文中查找这些内容；' +
      '缺少前六项为错误，缺少逐步公开的两项为警告；重点项目绩效目标也可由绩效目标表满足。“三公”经费说明中找不到增减原因的报警告。' +
      '没有名词解释部分也报错误。修正：补写相应的说明。 The narrative must cover duties, organisation, changes in income and spending, 三公 (with reasons), running costs and procurement (errors), and progressively assets and performance (warnings); plus a 名词解释.',
  },
  check(ctx) {
    const { doc } = ctx;
    const visits = walkSections(doc);
    const body = visits.filter((v) => v.section.part !== 'glossary');
    const text = body.map((v) => sectionText(v.section, false)).join('\n');
    const explanation = visits.find((v) => isPart(v.section) && v.section.part === 'explanation')?.section;
    const at: Location = explanation ? { file: explanation.span.file, line: explanation.span.from } : { file: doc.source.file };
    for (const topic of TOPICS) {
      if (topic.kinds && !topic.kinds.includes(doc.kind)) continue;
      if (topic.pattern.test(text) || topic.satisfiedBy?.(doc)) continue;
      ctx.report({
        severity: topic.severity,
        message: `情况说明缺少${topic.zh}（${topic.why}）`,
        messageEn: `The narrative does not explain ${topic.en}`,
        locations: [at],
      });
    }
    // 三公: the explanation must give the reasons for the change.
    const threePublic = body.filter((v) => /三公/.test(v.section.heading));
    const sections = threePublic.length > 0 ? threePublic.map((v) => v.section) : [];
    const threeText = sections.length > 0 ? sections.map((s) => sectionText(s)).join('\n') : text.split(/[。\n]/).filter((s) => /三公/.test(s)).join('。');
    if (/三公/.test(text) && !REASON.test(threeText)) {
      const s = sections[0];
      ctx.report({
        severity: 'warning',
        message: '“三公”经费说明中没有说明增减变化的原因（143号要求说明“三公”经费增减变化原因）',
        messageEn: 'The 三公 explanation gives no reason for the change',
        locations: [s ? { file: s.span.file, line: s.span.from } : at],
      });
    }
    if (!visits.some((v) => v.section.part === 'glossary') && doc.glossary.length === 0) {
      ctx.report({
        message: '缺少名词解释部分（143号要求对专业性较强的名词进行解释）',
        messageEn: 'The document has no glossary (名词解释)',
        locations: [at],
      });
    }
  },
});
