/**
 * The zod schemas of the deadline rule files: `kind: deadlines` (rules/deadlines.yaml), `kind: escalation`
 * (rules/escalation.yaml) and their scenarios (`kind: scenarios`, `target: escalations`). The JSON Schemas
 * in rules/schemas/ are generated from them. Checks that need more than one field live in the kinds'
 * `load` (deadlinesKind.ts, escalationKind.ts), with positions.
 */
import * as z from 'zod'
import { citationRef, expectingSomething, isoDate } from '../ruleset/schemas.js'
import { ITEM_TYPES } from './trackedItems.js'

/** The deadlines the contract reports, in the order the YAML lists them. */
export const DEADLINE_IDS = [
  'complaint-acceptance',
  'complaint-acceptance-notice',
  'mediation',
  'mediation-end-notice',
  'clue-verification',
  'complaint-jurisdiction-dispute',
  'report-verification',
  'reporter-notice',
  'report-jurisdiction-dispute',
  'meeting-task',
  'meeting-report',
] as const

export type DeadlineId = (typeof DEADLINE_IDS)[number]

export const deadlineId = z.enum(DEADLINE_IDS).describe('期限编号 / deadline id')

export const ESCALATION_STATUSES = ['pending', 'due-soon', 'overdue', 'met', 'met-late'] as const
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number]

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'field_name' }).describe('事项的字段名，如 receivedOn / a field of the item')

export const deadlineSpec = z.strictObject({
  id: deadlineId,
  name: bilingual.describe('名称 / name, e.g. 受理决定'),
  appliesTo: z.enum(ITEM_TYPES).describe('complaint 投诉；report 举报；meeting-task 联席会议议定事项'),
  onlyIf: fieldName.optional().describe('只在该 true/false 字段为 true，或该事件（截至复核日）已发生时适用，如 realName（实名举报）、acceptanceDecidedOn'),
  from: fieldName.describe('期限自哪一事件起算（当日不计）/ the event the deadline runs from (that day not counted)'),
  length: z.number().int().min(1).max(1000).optional().describe('期限长度 / length'),
  unit: z.enum(['working-days', 'calendar-days']).optional().describe('working-days 工作日；calendar-days 自然日'),
  until: fieldName.optional().describe('期限取事项自带的日期（如 dueOn），代替 length 和 unit'),
  metBy: fieldName.describe('哪一事件满足该期限 / the event that meets it'),
  extension: z
    .strictObject({
      length: z.number().int().min(1).max(1000).describe('延长的工作日数'),
      when: fieldName.describe('批准延长的 true/false 字段，如 extensionApproved'),
      cites: z.array(citationRef).min(1),
    })
    .optional()
    .describe('经批准可延长一次 / a one-time extension with approval'),
  suspension: z
    .strictObject({
      field: fieldName.describe('不计入期限的工作日数所在字段，如 suspendedDays'),
      cites: z.array(citationRef).min(1),
    })
    .optional()
    .describe('不计入期限的时间（如检定、检验、检测、鉴定）/ time that does not count'),
  suspensions: z
    .array(
      z.strictObject({
        reason: z.enum(['recusal', 'testing']).describe('事项 suspensions 中该原因的期间按日历换算为工作日，不计入期限'),
        cites: z.array(citationRef).min(1),
      }),
    )
    .optional()
    .describe('按事项记录的期间（起止日期）中止或不计入期限 / periods given as dates that do not count'),
  cites: z.array(citationRef).min(1).describe('依据 / legal basis'),
  note: z.string().optional(),
})

export const deadlinesFile = z.strictObject({
  kind: z.literal('deadlines'),
  title: z.string().min(1),
  deadlines: z.array(deadlineSpec).min(1),
})

/** Who acts: a section id, the item's own section, the convener (召集人) or the joint-meeting office. */
export const ACTOR_ROLES = ['item-section', 'convener', 'joint-meeting-office'] as const
export type ActorRole = (typeof ACTOR_ROLES)[number]

export const escalationAction = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'action_code' }).describe('动作代码，如 supervise / action code'),
  actor: z
    .string()
    .min(1)
    .describe('谁来做：股室编号，或 item-section（承办股室）、convener（联席会议召集人）、joint-meeting-office（联席会议办公室，设在消保股）'),
  doneWhen: fieldName.optional().describe('该事件已发生时不再列出此动作，如 criticismIssuedOn'),
  message: bilingual.describe('说明，可用 {itemId} {deadline} {dueOn} {workingDaysLate} {section} 及事项的日期字段'),
})

/** Exactly one of `before` and `after` (checked with its position by the kind's `load`). */
export const escalationTrigger = z
  .strictObject({
    before: z.number().int().min(0).max(100).optional().describe('到期日前第几个工作日起（到期日当天为 0）'),
    after: z.number().int().min(0).max(1000).optional().describe('逾期几个工作日起；0 为期限一过即触发'),
    relativeTo: fieldName.optional().describe('与 after 同用：从事项的哪个日期算起（如 newDueOn），缺省为到期日'),
  })
  .describe('{ before: n }：到期前 n 个工作日起；{ after: n }：逾期 n 个工作日起')

export const escalationLevelSpec = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'rule_id' }).describe('稳定的编号'),
  level: z.number().int().min(1).max(9).describe('级别，1 起；0 表示无'),
  name: bilingual,
  deadlines: z.array(deadlineId).min(1).describe('适用的期限'),
  trigger: escalationTrigger,
  setBy: z.literal('bureau').optional().describe('bureau：本局自行设定，不是条文原话'),
  whenMetLate: z
    .boolean()
    .optional()
    .describe('true：逾期后才办结的，本级尚未完成的动作（有 doneWhen 的）仍列出，直到完成，如通报批评'),
  note: z.string().optional(),
  cites: z.array(citationRef).min(1),
  actions: z.array(escalationAction).min(1),
})

export const escalationFile = z.strictObject({
  kind: z.literal('escalation'),
  title: z.string().min(1),
  levels: z.array(escalationLevelSpec).min(1),
})

export const expectedEntry = z.strictObject({
  itemId: z.string().min(1),
  deadline: deadlineId,
  dueOn: isoDate.optional(),
  status: z.enum(ESCALATION_STATUSES).optional(),
  level: z.number().int().min(0).optional(),
  workingDaysLate: z.number().int().min(0).nullable().optional().describe('null：结果中不应有此项'),
  provisional: z.boolean().optional(),
  nextReviewOn: isoDate.nullable().optional().describe('null：结果中不应有此项'),
  nextReviewProvisional: z.boolean().optional().describe('下次复核日期按暂定日历算出'),
  nextReviewNeedsYear: z.number().int().nullable().optional().describe('下次复核日期落在尚无放假通知的年份；null：结果中不应有此项'),
  actions: z.array(z.string()).optional().describe('动作代码，顺序不论，须完全一致'),
})

export const escalationScenario = z.strictObject({
  name: z.string().min(1),
  note: z.string().optional(),
  asOf: isoDate,
  provisional: z.boolean().optional(),
  items: z.array(z.unknown()).describe('事项，格式同 computeEscalations 的输入（运行时校验）'),
  expect: expectingSomething(z.strictObject({
    entries: z.array(expectedEntry).optional().describe('全部结果：每件每个期限一条，不多不少'),
    error: z.string().optional().describe('期望的错误代码，如 calendar_coverage'),
    errorIncludes: z.string().optional().describe('错误说明应包含的文字，如 2027'),
  })),
})

export const escalationScenariosFile = z.strictObject({
  kind: z.literal('scenarios'),
  target: z.literal('escalations'),
  description: z.string().optional(),
  scenarios: z.array(escalationScenario).min(1),
})

export type DeadlineSpec = z.infer<typeof deadlineSpec>
export type DeadlinesFile = z.infer<typeof deadlinesFile>
export type EscalationLevelSpec = z.infer<typeof escalationLevelSpec>
export type EscalationFile = z.infer<typeof escalationFile>
export type EscalationScenariosFile = z.infer<typeof escalationScenariosFile>
export type ExpectedEntry = z.infer<typeof expectedEntry>
