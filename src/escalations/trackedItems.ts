/**
 * What `computeEscalations` tracks: complaints (投诉), reports (举报) and joint-meeting assignments
 * (联席会议议定事项), each with the dates of the events that start and meet its deadlines.
 */
import * as z from 'zod'
import { isoDate, sectionId } from '../ruleset/schemas.js'

const itemId = z.string().min(1).max(200).describe('件号，如 12315 平台的工单号 / the item’s id')
const section = sectionId.describe('承办股室 / the section that handles the item')

/** A period in which a clock stands still: `from` to `to`, both days included. */
export const suspensionPeriod = z
  .strictObject({
    from: isoDate.describe('中止或检测开始之日（含）'),
    to: isoDate.describe('中止或检测结束之日（含）'),
    reason: z
      .enum(['recusal', 'testing'])
      .describe('recusal：当事人申请回避而中止调解（《暂行办法》第十九条第二款）；testing：检定、检验、检测、鉴定（第二十条第三款；举报为《处罚程序规定》第十八条第二款）'),
  })
  .describe('期限中止或不计入的期间 / a period the clock does not run')

/** 第三十条: a dispute with another department over which of them handles the item. */
export const jurisdictionDispute = z
  .strictObject({
    arisenOn: isoDate.describe('发生处理权限争议之日'),
    settledOn: isoDate.optional().describe('协商解决，或报请共同的上一级市场监督管理部门指定之日'),
  })
  .describe('与其他市场监督管理部门的处理权限争议（《暂行办法》第三十条）')

const suspensions = z.array(suspensionPeriod).max(100).optional().describe('中止、检测等不计入期限的期间（按日历换算为工作日）')

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
  acceptance: z
    .strictObject({
      decision: z.enum(['accepted', 'not-accepted']).describe('accepted 受理；not-accepted 不予受理'),
      on: isoDate.describe('作出决定之日'),
      notifiedOn: isoDate.optional().describe('告知投诉人之日（第十四条“并告知投诉人”）'),
    })
    .optional()
    .describe('受理或者不予受理的决定（《暂行办法》第十四条）；写了它就不必写 acceptedOn'),
  mediation: z
    .strictObject({
      consented: z.boolean().describe('投诉人和被投诉人同意调解（第十六条）；不同意则没有调解期限'),
      endedOn: isoDate.optional().describe('调解结束之日（达成协议或作出终止调解决定）'),
      outcome: z.enum(['agreement', 'terminated']).optional().describe('agreement 达成调解协议；terminated 终止调解'),
      terminationGround: z.number().int().min(1).max(7).optional().describe('终止调解的情形：第二十一条第一款第几项（1-7）'),
      partiesNotifiedOn: isoDate.optional().describe('终止调解后告知投诉人和被投诉人之日（第二十一条第二款）'),
    })
    .optional()
    .describe('调解（《暂行办法》第十六条至第二十一条）'),
  suspensions,
  violationClue: z
    .strictObject({
      foundOn: isoDate.describe('在调解中发现涉嫌违法线索之日'),
      verifiedOn: isoDate.optional().describe('核查完毕之日'),
      extensionApproved: z.boolean().optional().describe('特殊情况下延长核查时限十五个工作日'),
    })
    .optional()
    .describe('调解中发现的违法线索（《暂行办法》第二十三条）'),
  jurisdictionDispute: jurisdictionDispute.optional(),
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
  suspendedDays: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .optional()
    .describe('检测、检验、检疫、鉴定等所用的工作日数，不计入核查期限（《处罚程序规定》第十八条第二款）'),
  suspensions: z
    .array(suspensionPeriod)
    .max(100)
    .optional()
    .describe('检测、检验、检疫、鉴定等的期间（reason: testing），按日历换算为工作日，不计入核查期限'),
  jurisdictionDispute: jurisdictionDispute.optional(),
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
  nextMeeting: z
    .strictObject({
      heldOn: isoDate.describe('下一次联席会议的日期'),
      reported: z.boolean().describe('承办股室在该次会议上报告了落实情况'),
    })
    .optional()
    .describe('下一次联席会议（实施办法第十七条：在下一次联席会议上报告落实情况）'),
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
 * The fields rule files may name, by what they hold. They are the item's flat fields and the facts
 * `itemFacts` derives from its nested ones (`acceptance`, `mediation`, …). `events` are dates on which
 * something happened (an event dated after `asOf` has not happened yet, as of then); `dues` are dates
 * someone set as deadlines; `flags` are true/false; `counts` are numbers of working days.
 */
export const ITEM_FIELDS = {
  complaint: {
    events: [
      'receivedOn',
      'decisionOn',
      'acceptedOn',
      'mediationStartOn',
      'mediationEndedOn',
      'terminatedOn',
      'partiesNotifiedOn',
      'complainantNotifiedOn',
      'acceptanceDecidedOn',
      'clueFoundOn',
      'clueVerifiedOn',
      'disputeArisenOn',
      'disputeSettledOn',
    ],
    dues: [],
    flags: ['clueExtensionApproved'],
    counts: ['suspendedDays'],
  },
  report: {
    events: ['receivedOn', 'caseDecisionOn', 'reporterNotifiedOn', 'disputeArisenOn', 'disputeSettledOn'],
    dues: [],
    flags: ['extensionApproved', 'realName'],
    counts: ['suspendedDays'],
  },
  'meeting-task': {
    events: ['assignedOn', 'completedOn', 'criticismIssuedOn', 'reportedAtMeetingOn'],
    dues: ['dueOn', 'newDueOn', 'nextMeetingOn'],
    flags: [],
    counts: [],
  },
} as const satisfies Record<ItemType, Record<'events' | 'dues' | 'flags' | 'counts', readonly string[]>>

export type FieldKind = keyof (typeof ITEM_FIELDS)[ItemType]

/**
 * Facts (see `itemFacts`) whose dates cannot come in the other order: `[later, earlier, strict, later
 * needs earlier]`. With `strict` they cannot be the same day either. A `later` date may also need its
 * `earlier` one (mediation cannot end before acceptance).
 */
export const DATE_ORDER: Record<ItemType, readonly (readonly [string, string, boolean, boolean])[]> = {
  complaint: [
    ['decisionOn', 'receivedOn', false, true],
    ['complainantNotifiedOn', 'decisionOn', false, true],
    ['mediationEndedOn', 'acceptedOn', false, true],
    ['partiesNotifiedOn', 'terminatedOn', false, true],
    ['clueVerifiedOn', 'clueFoundOn', false, true],
    ['clueFoundOn', 'receivedOn', false, true],
    ['disputeSettledOn', 'disputeArisenOn', false, true],
    ['disputeArisenOn', 'receivedOn', false, true],
  ],
  report: [
    ['caseDecisionOn', 'receivedOn', false, true],
    ['reporterNotifiedOn', 'caseDecisionOn', false, true],
    ['disputeSettledOn', 'disputeArisenOn', false, true],
    ['disputeArisenOn', 'receivedOn', false, true],
  ],
  'meeting-task': [
    ['dueOn', 'assignedOn', false, true],
    ['completedOn', 'assignedOn', false, true],
    // 通报批评 is for a task not finished by its due date (实施办法第十七条, seq 26).
    ['criticismIssuedOn', 'dueOn', true, true],
    // The new deadline comes with the criticism: 予以通报批评，并督促限期完成.
    ['newDueOn', 'criticismIssuedOn', false, true],
    ['newDueOn', 'dueOn', true, true],
    // The next meeting is a later meeting than the one that assigned the task.
    ['nextMeetingOn', 'assignedOn', true, true],
  ],
}
