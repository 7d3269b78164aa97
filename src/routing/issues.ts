/**
 * Routing's issue codes, their typed fields and their messages (Chinese and English).
 */
import { defineMessages } from '../problems/messages.js'

/** The typed fields of routing's issues, by code. */
export interface RoutingIssueFields {
  /** A second file for a section id; `earlier` is the first file. */
  duplicate_section: { id: string; earlier: { file: string } }
  /** A category id used twice in categories.yaml (was raised as `duplicate_rule_id`, whose text is about rules). */
  duplicate_category: { id: string; earlier: { file: string; line: number; col: number } }
  /** A duty item listed twice in one section file (was raised as `duplicate_article`, which promises an earlier place). */
  duplicate_duty: { item: number }
  /** The model was trained on other scenarios than the rule set has now (`xiaobao train`). */
  stale_routing_model: { files: string[] }
}

declare global {
  interface XiaobaoIssueFields extends RoutingIssueFields {}
}

export const ROUTING_MESSAGES = defineMessages<RoutingIssueFields>(
  { duplicate_section: ['id', 'earlier'], duplicate_duty: ['item'], duplicate_category: ['id', 'earlier'], stale_routing_model: ['files'] },
  {
    zh: {
      duplicate_section: '股室 "{id}" 已在 {earlier} 定义，一个股室只能有一个文件。',
      duplicate_duty: '第 {item} 项重复。',
      duplicate_category: '类别编号 "{id}" 重复，已在 {earlier} 使用。',
      stale_routing_model: '学得的分办模型过期了：这些场景文件在训练后改过或新加（{files}），请运行 xiaobao train 重新训练。',
    },
    en: {
      duplicate_section: 'section "{id}" is already defined in {earlier}; one file per section.',
      duplicate_duty: 'item {item} is listed twice.',
      duplicate_category: 'category id "{id}" is used twice; first at {earlier}.',
      stale_routing_model: 'the routing model is stale: these scenario files changed or are new since it was trained ({files}); run xiaobao train.',
    },
  },
)
