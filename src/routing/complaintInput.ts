/**
 * The complaint an app passes to `routeComplaint`, validated with zod. Unknown keys are refused so a
 * misspelt field (`recievedOn`) is an error, not a silently ignored value.
 */
import * as z from 'zod'
import { isoDate } from '../ruleset/schemas.js'

export const CHANNELS = ['12315-platform', '12315-hotline', 'letter', 'visit', 'referral'] as const

export const complaintInput = z.strictObject({
  id: z.string().max(200).optional().describe('调用方的编号'),
  kind: z.enum(['complaint', 'report', 'inquiry']).describe('投诉 | 举报 | 咨询'),
  channel: z.enum(CHANNELS).default('12315-platform'),
  receivedOn: isoDate.describe('收到日期'),
  text: z.string().refine((t) => t.trim().length > 0, { message: 'empty_text' }).describe('投诉、举报或咨询的内容'),
  respondent: z
    .strictObject({
      name: z.string().max(500).optional(),
      county: z.string().min(1).max(100).optional().describe('实际经营地或住所地所在县'),
      online: z.boolean().optional().describe('是否通过网络经营'),
      platformOperator: z
        .strictObject({ name: z.string().max(500).optional(), county: z.string().min(1).max(100).optional() })
        .optional()
        .describe('被投诉人是平台内经营者时，平台经营者及其住所地'),
    })
    .optional(),
  severity: z.enum(['normal', 'major']).optional(),
  occurredIn: z.string().min(1).max(100).optional().describe('被举报行为发生地所在县'),
  harmKnownOn: isoDate.optional().describe('知道或应当知道权益受侵害之日'),
  forLivingConsumption: z.boolean().optional(),
  handledElsewhere: z.boolean().optional(),
})

export type ComplaintInput = z.input<typeof complaintInput>
export type Complaint = z.output<typeof complaintInput>
