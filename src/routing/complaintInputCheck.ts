/**
 * The complaint check routing runs: `complaintInput` (complaintInput.ts) written with `zod/mini`, so an
 * app that routes does not carry the whole of zod's classic API (an app's bundle of one
 * `routeComplaintSync` call, test/tools/routeBundle.ts). The exported `complaintInput` stays the classic
 * schema apps may extend; test/complaintInputCheck.test.ts proves the two accept, reject (with the same
 * issues) and output the same, value for value.
 */
import * as z from 'zod/mini'
import { isRealDate } from '../dates/isoDay.js'
import { AD_MEDIA, CHANNELS } from './complaintEnums.js'
import type { Complaint } from './complaintInput.js'

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'iso_date', abort: true }), z.refine(isRealDate, { message: 'iso_date' }))

const county = z.string().check(z.maxLength(100))
const name = z.string().check(z.maxLength(500))
const party = z.strictObject({ name: z.optional(name), county: z.optional(county) })

export const complaintInputCheck: z.ZodMiniType<Complaint, unknown> = z.strictObject({
  id: z.optional(z.string().check(z.maxLength(200))),
  kind: z.enum(['complaint', 'report', 'inquiry']),
  channel: z._default(z.enum(CHANNELS), '12315-platform'),
  receivedOn: isoDate,
  text: z.string().check(z.refine((t: string) => t.trim().length > 0, { message: 'empty_text' })),
  respondent: z.optional(
    z.strictObject({
      name: z.optional(name),
      county: z.optional(county),
      operatesIn: z.optional(county),
      domicile: z.optional(county),
      online: z.optional(z.boolean()),
      platformOperator: z.optional(z.strictObject({ name: z.optional(name), county: z.optional(county) })),
    }),
  ),
  severity: z.optional(z.enum(['normal', 'major'])),
  occurredIn: z.optional(county),
  advertisement: z.optional(
    z.strictObject({
      medium: z.optional(z.enum(AD_MEDIA)),
      publisher: z.optional(party),
      advertiser: z.optional(party),
      selfPublished: z.optional(z.boolean()),
    }),
  ),
  harmKnownOn: z.optional(isoDate),
  forLivingConsumption: z.optional(z.boolean()),
  handledElsewhere: z.optional(z.boolean()),
})
