/**
 * The zod schemas of every rule-file kind under `rules/`. They are the single source of truth for the
 * YAML format: the loader validates with them, the JSON Schemas in `rules/schemas/` are generated from
 * them, and the TypeScript types of a loaded rule set are inferred from them.
 */
import { z } from 'zod'
import { SECTION_IDS } from '../sections.js'

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'iso_date' })
  .refine(isRealDate, { message: 'iso_date' })
  .describe('日期，格式 YYYY-MM-DD / a date, YYYY-MM-DD')

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!
  return d <= days
}
function isLeap(y: number) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export const sectionId = z.enum(SECTION_IDS).describe('股室编号 / section id')

/** Which document a citation points into. */
export const docId = z
  .enum(['implementation-measures', 'complaint-measures', 'penalty-procedure'])
  .describe('implementation-measures：本县实施办法；complaint-measures：《暂行办法》；penalty-procedure：《处罚程序规定》')

/** A citation as written in a rule file: `{ seq: 15, item: 1 }` (the county regulation by default). */
export const citationRef = z
  .strictObject({
    doc: docId.optional(),
    seq: z.number().int().positive().describe('条的序号：本县实施办法用 1..28 的 seq；国家规定用条号'),
    item: z.number().int().positive().optional().describe('项（或款）的序号，从 1 开始'),
  })
  .describe('引用的条款 / a cited article item')

const bilingual = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
})

export const effectivePeriod = z
  .strictObject({
    from: isoDate.optional().describe('生效日（含）/ in force from (inclusive)'),
    to: isoDate.optional().describe('失效日（含）/ in force until (inclusive)'),
  })
  .describe('生效期间 / effective period')

// ---------------------------------------------------------------------------------------------------
// Conditions: json-rules-engine's format, checked structurally. Operators are checked against the
// engine's built-in and custom operator names by the loader (so the message can list them).

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> }

export const conditionNode: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionNode).min(1) }),
    z.strictObject({ any: z.array(conditionNode).min(1) }),
    z.strictObject({ not: conditionNode }),
    z.strictObject({
      fact: z.string().min(1).describe('事实名 / fact name'),
      operator: z.string().min(1).describe('运算符 / operator'),
      value: z.unknown().describe('比较值；containsAny/notContainsAny 填关键词表名或关键词列表'),
      path: z.string().regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/, { message: 'json_path' }).optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ]),
)

/** Top-level condition of a rule: json-rules-engine requires `all`, `any` or `not` at the top. */
export const topCondition = z.union([
  z.strictObject({ all: z.array(conditionNode).min(1) }),
  z.strictObject({ any: z.array(conditionNode).min(1) }),
  z.strictObject({ not: conditionNode }),
])

const complaintKind = z.enum(['complaint', 'report', 'inquiry'])

// ---------------------------------------------------------------------------------------------------
// Articles: the texts that citations point into.

export const articleItem = z.strictObject({
  item: z.number().int().positive(),
  label: z.string().optional().describe('原文的项号，如 "(一)" 或 "第二款"'),
  text: z.string().min(1).describe('原文 / verbatim text'),
  check: z
    .strictObject({ not: z.string().min(1).describe('为何不需要会议检查 / why no meeting check applies') })
    .optional()
    .describe('议事程序条款（seq 22-26）：只列工作内容、不约束会议怎样开的项，写明不检查的理由'),
})

export const article = z.strictObject({
  seq: z.number().int().positive().describe('序号（本县实施办法 1..28）或国家规定的条号'),
  printed: z.string().min(1).describe('原文印出的条号，如 "第十五条"'),
  chapter: z.string().optional(),
  text: z.string().optional().describe('条文正文（不含各项）/ article text apart from its items'),
  items: z.array(articleItem).optional(),
  note: z.string().optional().describe('对原文缺陷的说明 / a note on a defect of the source'),
})

export const articlesFile = z.strictObject({
  kind: z.literal('articles'),
  doc: docId,
  title: z.string().min(1),
  source: z.string().optional(),
  articles: z.array(article).min(1),
})

// ---------------------------------------------------------------------------------------------------
// Sections: one file per 股室 with its article, duty items and routing rules.

export const duty = z.strictObject({
  item: z.number().int().positive(),
  label: z.string().optional(),
  text: z.string().min(1).describe('职责原文 / verbatim duty text'),
  routing: z
    .union([z.literal(true), z.strictObject({ not: z.string().min(1).describe('为何不是分办职责 / why not') })])
    .optional()
    .describe('true：分办职责（须有规则引用）；{ not: 理由 }：明确不是分办职责'),
})

export const routingRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'rule_id' }).describe('稳定的规则编号'),
  description: z.string().optional(),
  role: z.enum(['lead', 'assist']).describe('lead：主办；assist：协办'),
  priority: z.number().int().min(1).max(100).describe('优先级，数大者优先 / higher wins'),
  appliesTo: z.array(complaintKind).min(1).optional().describe('适用的类型，缺省为全部'),
  whenOutranked: z
    .enum(['assist', 'drop'])
    .optional()
    .describe('主办规则命中但未当选时：assist（缺省）其股室转为协办；drop 不再参与'),
  cites: z.array(citationRef).min(1).describe('依据 / the article items this rule rests on'),
  effective: effectivePeriod.optional(),
  when: topCondition.describe('json-rules-engine 条件'),
})

export const sectionFile = z.strictObject({
  kind: z.literal('section'),
  id: sectionId,
  name: z.string().min(1),
  shortName: z.string().optional(),
  article: z.strictObject({
    seq: z.number().int().positive(),
    printed: z.string().min(1),
    chapter: z.string().optional(),
    text: z.string().optional().describe('条文中各项之前的文字，如 "消保股工作职责:"'),
    note: z.string().optional(),
  }),
  duties: z.array(duty).min(1),
  rules: z.array(routingRule).default([]),
})

// ---------------------------------------------------------------------------------------------------
// Vocabularies: named keyword lists, defined once, referenced by name from conditions.

export const vocabulary = z.strictObject({
  description: z.string().optional(),
  keywords: z.array(z.string().min(1)).min(1),
})

export const vocabulariesFile = z.strictObject({
  kind: z.literal('vocabularies'),
  vocabularies: z.record(z.string().min(1), vocabulary),
})

// ---------------------------------------------------------------------------------------------------
// Bureau configuration, intake and screening (transfer / reject) rules.

export const configFile = z.strictObject({
  kind: z.literal('config'),
  bureau: z.strictObject({
    name: z.string().min(1),
    county: z.string().min(1).describe('本局所在县 / the bureau’s own county'),
  }),
  fallback: z
    .strictObject({
      section: sectionId,
      cites: z.array(citationRef).min(1),
    })
    .describe('无具体股室命中时的主办股室 / who leads when no specific rule matches'),
  limits: z
    .strictObject({
      maxTextLength: z.number().int().positive().describe('投诉文本的最大字数'),
    })
    .optional(),
})

export const intakeRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'rule_id' }),
  description: z.string().optional(),
  section: sectionId,
  priority: z.number().int().min(1).max(100),
  cites: z.array(citationRef).min(1),
  effective: effectivePeriod.optional(),
  when: topCondition,
})

export const intakeFile = z.strictObject({
  kind: z.literal('intake'),
  rules: z.array(intakeRule).min(1),
})

export const screeningRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'rule_id' }),
  description: z.string().optional(),
  outcome: z.enum(['reject', 'transfer']).describe('reject：不予受理；transfer：移送有管辖权的县'),
  priority: z.number().int().min(1).max(100).describe('数大者先判 / higher is checked first'),
  appliesTo: z.array(complaintKind).min(1).optional(),
  cites: z.array(citationRef).min(1),
  effective: effectivePeriod.optional(),
  reason: bilingual.describe('向群众说明的理由 / the reason given'),
  competentAuthority: z.string().optional().describe('reject 时：有权处理的机关类别'),
  action: bilingual
    .optional()
    .describe('本局怎样处理，如“不予受理，告知投诉人向{to}市场监督管理部门提出”；{to} 为有管辖权的县 / what the bureau does; {to} is the competent county'),
  note: z.string().optional().describe('说明，如本局对条文的理解、待法规股确认之处 / a note, e.g. the bureau’s reading for the legal section to confirm'),
  transferTo: z
    .strictObject({ fact: z.string().min(1), path: z.string().optional() })
    .optional()
    .describe('transfer 时：取哪个事实作为有管辖权的县'),
  when: topCondition,
})

export const screeningFile = z.strictObject({
  kind: z.literal('screening'),
  rules: z.array(screeningRule).min(1),
})

// ---------------------------------------------------------------------------------------------------
// Scenarios: legal staff's tests as data.

export const routeExpectation = z.strictObject({
  disposition: z.enum(['route', 'transfer', 'reject']).optional(),
  intake: sectionId.optional(),
  lead: sectionId.nullable().optional(),
  assist: z.array(sectionId).optional().describe('协办股室，顺序无关，须完全一致'),
  assistIncludes: z.array(sectionId).optional(),
  transferTo: z.string().optional(),
  cites: z.array(citationRef).optional().describe('依据中须包含的条款'),
  notCites: z.array(citationRef).optional().describe('依据中不得出现的条款（不写 item 即该条任何一项）/ articles the basis must not cite'),
  action: z.string().optional().describe('结果的 action（transfer.action 或 rejection.action）须包含的文字 / text the decision’s action must contain'),
  warnings: z.array(z.string()).optional().describe('须出现的提示代码'),
  error: z.string().optional().describe('期望的错误代码（坏输入）'),
})

export const routeScenario = z.strictObject({
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  expect: routeExpectation,
  source: z.string().url().optional().describe('实地语料的出处（公开网页地址）/ where a field text was published'),
  reason: z.string().optional().describe('按规定原文标注的理由（条款）/ why, in the regulation\'s words'),
  frozen: z.boolean().optional().describe('冻结的评测集：调规则时不看它 / held-out: never tuned on'),
})

export const scenariosFile = z.strictObject({
  kind: z.literal('scenarios'),
  target: z.literal('route').default('route'),
  scenarios: z.array(routeScenario).min(1),
})

export type ArticlesFile = z.infer<typeof articlesFile>
export type SectionFile = z.infer<typeof sectionFile>
export type VocabulariesFile = z.infer<typeof vocabulariesFile>
export type ConfigFile = z.infer<typeof configFile>
export type IntakeFile = z.infer<typeof intakeFile>
export type ScreeningFile = z.infer<typeof screeningFile>
export type ScenariosFile = z.infer<typeof scenariosFile>
export type RoutingRuleSpec = z.infer<typeof routingRule>
export type IntakeRuleSpec = z.infer<typeof intakeRule>
export type ScreeningRuleSpec = z.infer<typeof screeningRule>
export type CitationRef = z.infer<typeof citationRef>
export type RouteScenario = z.infer<typeof routeScenario>
export type EffectivePeriod = z.infer<typeof effectivePeriod>
