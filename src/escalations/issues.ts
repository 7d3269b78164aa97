/**
 * The escalations capability's issue codes and their catalog (Chinese and English). None carries typed
 * fields yet: each code's full message is still written where it is raised (`itemFields.ts`,
 * `escalationKind.ts`, `deadlinesKind.ts`); the templates here are the codes' titles.
 */
import { defineMessages } from '../problems/messages.js'

export interface EscalationIssueFields {
  /** 期限、升级梯度写了事项没有的字段 */
  unknown_item_field: {}
  /** 级别越高，触发应越晚 */
  escalation_trigger_order: {}
  /** 合同要求的期限未定义 */
  deadline_missing: {}
}

declare module '../problems/issue.js' {
  interface IssueFieldsByCode extends EscalationIssueFields {}
}

export const ESCALATION_MESSAGES = defineMessages<EscalationIssueFields>(
  { unknown_item_field: [], escalation_trigger_order: [], deadline_missing: [] },
  {
    zh: { unknown_item_field: '事项没有这个字段。', escalation_trigger_order: '级别与触发时间不一致。', deadline_missing: '缺少期限。' },
    en: { unknown_item_field: 'the item has no such field.', escalation_trigger_order: 'levels and triggers disagree.', deadline_missing: 'a deadline is missing.' },
  },
)
