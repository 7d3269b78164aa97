/**
 * What `computeEscalations` tracks: complaints (投诉), reports (举报) and joint-meeting assignments
 * (联席会议议定事项), each with the dates of the events that start and meet its deadlines.
 */
import * as z from 'zod'
import { isoDate, sectionId } from '../ruleset/schemas.js'

const itemId = z.string().min(1).max(200).describe('件号，如 12315 平台的工单号 / the item’s id')
const section = sectionId.describe('承办股室 / the section that handles the item')

export const complaintItem = z.strictObject({
  type: z.literal('complaint'),
  id: itemId,
  section,
  receivedOn: isoDate.describe('收到投诉之日 / received'),
  acceptedOn: isoDate.optional().describe('作出受理决定之日 / decided to accept'),
  mediationEndedOn: isoDate.optional().describe('调解终结（终止调解决定或达成协议）之日 / mediation ended'),
  partiesNotifiedOn: isoDate.optional().describe('告知投诉人和被投诉人之日 / both parties told'),
  suspendedDays: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .optional()
    .describe('检定、检验、检测、鉴定所用的工作日数，不计入调解期限（《暂行办法》第二十条）/ working days of testing or appraisal'),
})

export const reportItem = z.strictObject({
  type: z.literal('report'),
  id: itemId,
  section,
  receivedOn: isoDate.describe('收到举报材料之日 / received'),
  extensionApproved: z.boolean().optional().describe('负责人批准延长核查期限 / the head approved the extension'),
  caseDecisionOn: isoDate.optional().describe('作出是否立案决定之日 / decided whether to file a case'),
  realName: z.boolean().describe('实名举报 / the reporter gave their name'),
  reporterNotifiedOn: isoDate.optional().describe('告知举报人之日 / reporter told'),
})

export const meetingTaskItem = z.strictObject({
  type: z.literal('meeting-task'),
  id: itemId,
  section,
  meetingId: z.string().min(1).max(200).describe('议定该事项的联席会议 / the meeting that assigned it'),
  assignedOn: isoDate.describe('议定之日 / assigned'),
  dueOn: isoDate.describe('会议要求的完成期限 / due'),
  completedOn: isoDate.optional().describe('完成之日 / completed'),
  criticismIssuedOn: isoDate.optional().describe('联席会议办公室通报批评之日 / the office’s 通报批评'),
  newDueOn: isoDate.optional().describe('通报批评时限定的新期限 / the new deadline set with the criticism'),
})

export const trackedItem = z.discriminatedUnion('type', [complaintItem, reportItem, meetingTaskItem])

export type ComplaintItem = z.infer<typeof complaintItem>
export type ReportItem = z.infer<typeof reportItem>
export type MeetingTaskItem = z.infer<typeof meetingTaskItem>
/** One tracked item, as the caller gives it. */
export type TrackedItem = z.infer<typeof trackedItem>
export type ItemType = TrackedItem['type']

export const ITEM_TYPES = ['complaint', 'report', 'meeting-task'] as const satisfies readonly ItemType[]

export const ITEM_SCHEMAS = { complaint: complaintItem, report: reportItem, 'meeting-task': meetingTaskItem } as const

/**
 * The fields rule files may name, by what they hold. `events` are dates on which something happened (an
 * event dated after `asOf` has not happened yet, as of then); `dues` are dates someone set as deadlines;
 * `flags` are true/false; `counts` are numbers of working days.
 */
export const ITEM_FIELDS = {
  complaint: { events: ['receivedOn', 'acceptedOn', 'mediationEndedOn', 'partiesNotifiedOn'], dues: [], flags: [], counts: ['suspendedDays'] },
  report: { events: ['receivedOn', 'caseDecisionOn', 'reporterNotifiedOn'], dues: [], flags: ['extensionApproved', 'realName'], counts: [] },
  'meeting-task': { events: ['assignedOn', 'completedOn', 'criticismIssuedOn'], dues: ['dueOn', 'newDueOn'], flags: [], counts: [] },
} as const satisfies Record<ItemType, Record<'events' | 'dues' | 'flags' | 'counts', readonly string[]>>

export type FieldKind = keyof (typeof ITEM_FIELDS)[ItemType]

/**
 * Dates that cannot come in the other order: `[later, earlier, strict]`. With `strict` they cannot be the
 * same day either. A `later` date also needs its `earlier` one (mediation cannot end before acceptance).
 */
export const DATE_ORDER: Record<ItemType, readonly (readonly [string, string, boolean, boolean])[]> = {
  // [later, earlier, strict, later needs earlier]
  complaint: [
    ['acceptedOn', 'receivedOn', false, true],
    ['mediationEndedOn', 'acceptedOn', false, true],
    ['partiesNotifiedOn', 'mediationEndedOn', false, true],
  ],
  report: [
    ['caseDecisionOn', 'receivedOn', false, true],
    ['reporterNotifiedOn', 'caseDecisionOn', false, true],
  ],
  'meeting-task': [
    ['dueOn', 'assignedOn', false, true],
    ['completedOn', 'assignedOn', false, true],
    // 通报批评 is for a task not finished by its due date (实施办法第十七条, seq 26).
    ['criticismIssuedOn', 'dueOn', true, true],
    // The new deadline comes with the criticism: 予以通报批评，并督促限期完成.
    ['newDueOn', 'criticismIssuedOn', false, true],
    ['newDueOn', 'dueOn', true, true],
  ],
}
