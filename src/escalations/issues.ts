/**
 * The escalations capability's issue codes and their catalog (Chinese and English). `deadline_missing`
 * carries typed fields and its text is made here; `unknown_item_field` and `escalation_trigger_order`
 * have none yet (their full message is still written in `itemFields.ts` and `escalationKind.ts`; the
 * templates here are their titles).
 */
import { defineMessages } from '../problems/messages.js'

export interface EscalationIssueFields {
  /** 期限、升级梯度写了事项没有的字段 */
  unknown_item_field: {}
  /** 级别越高，触发应越晚 */
  escalation_trigger_order: {}
  /** 合同要求的期限未定义: `missing` the ids not defined, `required` every id computeEscalations reports, `count` how many. */
  deadline_missing: { missing: string[]; required: string[]; count: number }
}

declare global {
  interface XiaobaoIssueFields extends EscalationIssueFields {}
}

export const ESCALATION_MESSAGES = defineMessages<EscalationIssueFields>(
  { unknown_item_field: [], escalation_trigger_order: [], deadline_missing: ['missing', 'required', 'count'] },
  {
    zh: { unknown_item_field: '事项没有这个字段。', escalation_trigger_order: '级别与触发时间不一致。', deadline_missing: '缺少期限：{missing}。computeEscalations 对每件事项报告这 {count} 个期限（{required}），每个都须在此定义并写明依据。' },
    en: { unknown_item_field: 'the item has no such field.', escalation_trigger_order: 'levels and triggers disagree.', deadline_missing: 'missing deadline(s): {missing}. computeEscalations reports these {count} deadlines ({required}); define each here with its basis.' },
  },
)
