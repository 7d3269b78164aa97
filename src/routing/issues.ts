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
}

declare global {
  interface XiaobaoIssueFields extends RoutingIssueFields {}
}

export const ROUTING_MESSAGES = defineMessages<RoutingIssueFields>(
  { duplicate_section: ['id', 'earlier'], duplicate_duty: ['item'], duplicate_category: ['id', 'earlier'] },
  {
    zh: {
      duplicate_section: '股室 "{id}" 已在 {earlier} 定义，一个股室只能有一个文件。',
      duplicate_duty: '第 {item} 项重复。',
      duplicate_category: '类别编号 "{id}" 重复，已在 {earlier} 使用。',
    },
    en: {
      duplicate_section: 'section "{id}" is already defined in {earlier}; one file per section.',
      duplicate_duty: 'item {item} is listed twice.',
      duplicate_category: 'category id "{id}" is used twice; first at {earlier}.',
    },
  },
)
