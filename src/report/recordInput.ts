/**
 * One record of the report's input, as a bureau's app or a 12315 export has it: the complaint input of
 * `routeComplaint`, optionally its routing decision, and the handling fields of the escalation item
 * (the same fields, reused from src/escalations: the old flat dates and issue 11's outcome fields
 * `acceptance`, `mediation`, `suspensions`, `violationClue`, `jurisdictionDispute`, with the same
 * meaning), plus the sums and the older `mediationOutcome` only the report has.
 * Strict: a misspelt field is an error entry in the appendix, not a silently ignored value.
 */
import * as z from 'zod'
import { complaintInput } from '../routing/complaintInput.js'
import { complaintItem, reportItem } from '../escalations/trackedItems.js'
import { isoDate, sectionId } from '../ruleset/schemas.js'

const sectionRef = z.looseObject({ id: sectionId, name: z.string() })

/** 商品和服务类别 / the goods-and-services category. */
export const recordCategory = z.strictObject({
  id: z.string().min(1).max(100).describe('类别编号，如 food'),
  name: z.string().min(1).max(200).describe('类别名称，如 食品'),
})

/**
 * The routing decision as `routeComplaint` returns it; only the fields the report reads are checked, the
 * rest pass through (it is xiaobao's own output, stored by the app — its `category` carries `parent`,
 * `terms`, `sections` beside `id` and `name`).
 */
export const recordDecision = z.looseObject({
  disposition: z.enum(['route', 'transfer', 'reject']),
  intake: sectionRef,
  lead: sectionRef.nullable(),
  trace: z
    .array(
      z.looseObject({
        stage: z.string().optional(),
        effect: z.string().optional(),
        keywords: z.array(z.looseObject({ vocabulary: z.string().optional(), keywords: z.array(z.string()) })).optional(),
      }),
    )
    .optional(),
  category: z
    .looseObject({ id: recordCategory.shape.id, name: recordCategory.shape.name })
    .optional()
    .describe('分办决定给出的类别（有则优先；未分类 unclassified 视为没有）'),
})

const money = z.number().min(0).max(1e12)

export const reportRecord = complaintInput.extend({
  id: z.string().min(1).max(200).describe('件号：报告的每个数字都能追溯到件号 / every figure traces back to it'),
  decision: recordDecision.optional().describe('分办决定；没有时由 xiaobao 分办'),
  ...complaintItem.pick({
    acceptedOn: true,
    mediationEndedOn: true,
    partiesNotifiedOn: true,
    suspendedDays: true,
    acceptance: true,
    mediation: true,
    suspensions: true,
    violationClue: true,
    jurisdictionDispute: true,
  }).shape,
  ...reportItem.pick({ extensionApproved: true, caseDecisionOn: true, reporterNotifiedOn: true }).shape,
  realName: reportItem.shape.realName.optional().describe('实名举报（缺省为否）；公开版从不输出 / never in the public report'),
  mediationOutcome: z
    .enum(['agreement', 'no-agreement'])
    .optional()
    .describe('旧写法的调解结果，与 mediationEndedOn 同写：agreement 达成协议；no-agreement 未达成协议而终止调解。新记录请写 mediation.outcome'),
  closedOn: isoDate.optional().describe('办结之日；缺省时投诉取调解结束之日（mediation.endedOn 或 mediationEndedOn），不予受理的取决定之日，举报取 caseDecisionOn'),
  amountYuan: money.optional().describe('争议金额（元）'),
  recoveredYuan: money.optional().describe('为消费者挽回的经济损失（元）'),
  category: recordCategory.optional(),
})

export type ReportRecordInput = z.input<typeof reportRecord>
export type ReportRecord = z.output<typeof reportRecord>

/** The keys of the complaint input, to hand routing exactly what it validates. */
export const COMPLAINT_KEYS = Object.keys(complaintInput.shape) as (keyof z.output<typeof complaintInput>)[]
