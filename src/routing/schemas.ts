/**
 * Routing's rule-file kinds (zod): section files with their duty items and routing rules, intake and
 * screening rules, and the routing scenarios.
 */
import * as z from 'zod'
import { topCondition } from '../conditions/schema.js'
import { bilingual, citationRef, effectivePeriod, sectionId } from '../ruleset/schemas.js'

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

export const routeExpectation = z.strictObject({
  disposition: z.enum(['route', 'transfer', 'reject']).optional(),
  intake: sectionId.optional(),
  lead: sectionId.nullable().optional(),
  assist: z.array(sectionId).optional().describe('协办股室，顺序无关，须完全一致'),
  assistIncludes: z.array(sectionId).optional(),
  transferTo: z.string().optional(),
  cites: z.array(citationRef).optional().describe('依据中须包含的条款'),
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

export type SectionFile = z.infer<typeof sectionFile>
export type IntakeFile = z.infer<typeof intakeFile>
export type ScreeningFile = z.infer<typeof screeningFile>
export type ScenariosFile = z.infer<typeof scenariosFile>
export type RoutingRuleSpec = z.infer<typeof routingRule>
export type IntakeRuleSpec = z.infer<typeof intakeRule>
export type ScreeningRuleSpec = z.infer<typeof screeningRule>
export type RouteScenario = z.infer<typeof routeScenario>
