/**
 * The complaint an app passes to `routeComplaint`, validated with zod. Unknown keys are refused so a
 * misspelt field (`recievedOn`) is an error, not a silently ignored value.
 */
import * as z from 'zod'
import { isoDate } from '../ruleset/schemas.js'

import { AD_MEDIA, CHANNELS } from './complaintEnums.js'

export { AD_MEDIA, CHANNELS }

/**
 * A county name. Compared after NFKC and trimming (`ＸＸ县 ` is `XX县`); a blank one counts as not given,
 * with a `county_blank` warning.
 */
const county = z.string().max(100)

const party = z.strictObject({ name: z.string().max(500).optional(), county: county.optional() })

export const complaintInput = z.strictObject({
  id: z.string().max(200).optional().describe('调用方的编号'),
  kind: z.enum(['complaint', 'report', 'inquiry']).describe('投诉 | 举报 | 咨询'),
  channel: z.enum(CHANNELS).default('12315-platform'),
  receivedOn: isoDate.describe('收到日期'),
  text: z.string().refine((t) => t.trim().length > 0, { message: 'empty_text' }).describe('投诉、举报或咨询的内容'),
  respondent: z
    .strictObject({
      name: z.string().max(500).optional(),
      county: county.optional().describe('实际经营地或住所地所在县（不分时）'),
      operatesIn: county.optional().describe('实际经营地所在县（《暂行办法》第十二条）'),
      domicile: county.optional().describe('住所地所在县（《暂行办法》第十二条）'),
      online: z.boolean().optional().describe('是否通过网络经营'),
      platformOperator: z
        .strictObject({ name: z.string().max(500).optional(), county: county.optional() })
        .optional()
        .describe('被投诉人是平台内经营者时，平台经营者及其住所地'),
    })
    .optional(),
  severity: z.enum(['normal', 'major']).optional(),
  occurredIn: county.optional().describe('被举报行为发生地所在县'),
  advertisement: z
    .strictObject({
      medium: z.enum(AD_MEDIA).optional().describe('发布媒介'),
      publisher: party.optional().describe('广告发布者及其所在县'),
      advertiser: party.optional().describe('广告主及其所在县'),
      selfPublished: z.boolean().optional().describe('广告主自行发布'),
    })
    .optional()
    .describe('举报违法广告时：媒介、发布者、广告主（《暂行办法》第二十八条）'),
  harmKnownOn: isoDate.optional().describe('知道或应当知道权益受侵害之日'),
  forLivingConsumption: z.boolean().optional(),
  handledElsewhere: z.boolean().optional(),
})

export type ComplaintInput = z.input<typeof complaintInput>
export type Complaint = z.output<typeof complaintInput>
