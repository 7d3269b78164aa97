/**
 * Routing's rule-file kinds (zod): section files with their duty items and routing rules, intake and
 * screening rules, and the routing scenarios.
 */
import * as z from 'zod'
import { topCondition } from '../conditions/schema.js'
import { bilingual, citationRef, effectivePeriod, expectingSomething, sectionId } from '../ruleset/schemas.js'

/** The kinds of matter a rule may apply to: 投诉、举报、咨询. */
export const COMPLAINT_KINDS = ['complaint', 'report', 'inquiry'] as const

const complaintKind = z.enum(COMPLAINT_KINDS)

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
  general: z
    .boolean()
    .optional()
    .describe('true：一般职责（如消保股“消费侵权”），命中时不使写了 unlessDutyMatches 的不予受理规则让位 / a general duty, which does not make a screening rule give way'),
  learnedMayOverride: z
    .literal(false)
    .optional()
    .describe('false：本条给的主办是写明的读法——相似来件模型（rules/learned/）不得改由别的股室主办，也不得改为不予受理，只能提示；只用于主办规则 / false: a written reading — the learned model may not replace the lead this rule gives nor reject, only warn; lead rules only'),
  cites: z.array(citationRef).min(1).describe('依据 / the article items this rule rests on'),
  effective: effectivePeriod.optional(),
  when: topCondition.describe('json-rules-engine 条件'),
}).superRefine((rule, ctx) => {
  // An assist rule gives no lead for the model to replace: the field would say nothing (ruleset/zodIssues.ts words it).
  if (rule.role === 'assist' && rule.learnedMayOverride !== undefined) ctx.addIssue({ code: 'custom', message: 'lead_rules_only', path: ['learnedMayOverride'] })
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
  unlessDutyMatches: z
    .union([
      z.boolean(),
      z
        .strictObject({
          minMentions: z
            .number()
            .int()
            .min(1)
            .describe('本局职责的主办规则的关键词在文字里至少出现这么多次，才让位（证据强的不予受理规则用 2：顺带提到一次「网购」不足以推翻） / the matching duty’s keywords must occur at least this many times in the text'),
        })
        .describe('只让位于证据足够的本局职责 / yield only to a duty with enough evidence'),
    ])
    .optional()
    .describe('true：这条规则的依据只是文字里的词，可能是顺带提到的；本局某股室的具体职责（非 general 的主办规则）同时命中时，不予受理让位于分办，并提示 possibly_out_of_scope / yields to a matching duty of this bureau, with a warning'),
  hint: z
    .strictObject({
      when: topCondition,
      ask: bilingual.describe('向承办人提的问题：要核实什么、核实后怎样 / what the clerk is asked to confirm, and what follows'),
    })
    .optional()
    .describe(
      '规则依据的事实没有给出、文字却显示可能适用时（如没给 harmKnownOn，文字写着「2004年买的」）：不作决定，分办照常，只提示 screening_hint 请承办人核实。只在规则本身未命中、适用于这类来件、在生效期间内时检查 / when the fact the rule rests on was not given but the text suggests it applies: decides nothing, routes as usual, and warns screening_hint',
    ),
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

export const routeExpectation = expectingSomething(z.strictObject({
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
  notWarnings: z.array(z.string()).optional().describe('不得出现的提示代码 / warning codes the decision must not carry'),
  confidence: z.enum(['high', 'medium', 'low']).optional().describe('期望的置信度 / the expected confidence'),
  confidenceAtLeast: z
    .enum(['medium', 'high'])
    .optional()
    .describe('置信度至少为此（medium：不是 low，不要人工复核）；重新训练相似来件模型可能使 high 与 medium 互换时用它 / the least confidence expected (medium: not low), for readings a retrained model may move between high and medium'),
  category: z.string().optional().describe('期望的商品和服务类别编号（rules/categories.yaml）/ the expected category id'),
  error: z.string().optional().describe('期望的错误代码（坏输入）'),
}))

export const routeScenario = z.strictObject({
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  expect: routeExpectation,
  source: z.string().url().optional().describe('实地语料的出处（公开网页地址）/ where a field text was published'),
  reason: z.string().optional().describe('按规定原文标注的理由（条款）/ why, in the regulation\'s words'),
  frozen: z.boolean().optional().describe('冻结的评测集：调规则时不看它 / held-out: never tuned on'),
})

/**
 * A file of real texts (the field corpus) is measured, not passed or failed scenario by scenario: its
 * misses count against an accuracy the bureau sets, and `frozen` scenarios (never tuned on) are
 * measured apart.
 */
export const measureSpec = z.strictObject({
  minAccuracy: z.number().min(0).max(1).describe('全部场景的最低正确率（0..1），低于此值 xiaobao test 失败 / the lowest accuracy over the file'),
  minFrozenAccuracy: z.number().min(0).max(1).optional().describe('冻结场景（frozen: true）的最低正确率 / the lowest accuracy over its frozen scenarios'),
})

export const scenariosFile = z.strictObject({
  kind: z.literal('scenarios'),
  target: z.literal('route').default('route'),
  measure: measureSpec
    .optional()
    .describe('实地语料：按正确率衡量，不逐条判通过 / a field corpus: measured by accuracy, not scenario by scenario'),
  scenarios: z.array(routeScenario).min(1),
})

export type SectionFile = z.infer<typeof sectionFile>
export type IntakeFile = z.infer<typeof intakeFile>
export type ScreeningFile = z.infer<typeof screeningFile>
export type ScenariosFile = z.infer<typeof scenariosFile>
export type RoutingRuleSpec = z.infer<typeof routingRule>
export type IntakeRuleSpec = z.infer<typeof intakeRule>
export type ScreeningRuleSpec = z.infer<typeof screeningRule>
export type RouteScenario = z.infer<typeof routeScenario>
