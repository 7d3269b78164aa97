/**
 * The ground floor's catalog: the codes of a caller's input and the codes every rule-file kind shares.
 * These codes have no typed fields yet, so the templates are the codes' titles (what `xiaobao lint`
 * would call the problem); the full message is still written where each is raised.
 */
import { defineMessages } from './messages.js'
import type { InputIssueFields, RuleFileIssueFields } from './issue.js'

export const INPUT_MESSAGES = defineMessages<InputIssueFields>(
  { invalid_input: [], input_too_large: [], invalid_json: [], internal_error: [], unreadable_file: [], unwritable_file: [], invalid_encoding: [], blank_line: [], symlink_loop: [], suppressed_issues: [] },
  {
    zh: { invalid_input: '输入有误。', input_too_large: '输入过大。', invalid_json: '不是合法的 JSON。', internal_error: '内部错误。', unreadable_file: '文件无法读取。', unwritable_file: '文件无法写入。', invalid_encoding: '不是合法的 UTF-8。', blank_line: '空行。', symlink_loop: '符号链接形成循环。', suppressed_issues: '因前面的文件未能加载而略去的问题。' },
    en: { invalid_input: 'bad input.', input_too_large: 'input too large.', invalid_json: 'not valid JSON.', internal_error: 'internal error.', unreadable_file: 'file cannot be read.', unwritable_file: 'file cannot be written.', invalid_encoding: 'not valid UTF-8.', blank_line: 'blank line.', symlink_loop: 'symbolic link loop.', suppressed_issues: 'problems held back because a file did not load.' },
  },
)

export const RULE_FILE_MESSAGES = defineMessages<RuleFileIssueFields>(
  { invalid_type: [], missing_field: [], unknown_key: [], invalid_value: [], invalid_date: [], unknown_section: [], unknown_fact: [], unknown_operator: [], unknown_vocabulary: [] },
  {
    zh: {
      invalid_type: '类型不对。',
      missing_field: '缺少必填字段。',
      unknown_key: '未知的字段。',
      invalid_value: '值不在允许范围内或格式不对。',
      invalid_date: '不是有效日期（YYYY-MM-DD）。',
      unknown_section: '未知的股室编号。',
      unknown_fact: '未知的事实名。',
      unknown_operator: '未知的运算符。',
      unknown_vocabulary: '未知的关键词表。',
    },
    en: {
      invalid_type: 'wrong type.',
      missing_field: 'missing required key.',
      unknown_key: 'unknown key.',
      invalid_value: 'value not allowed or badly formatted.',
      invalid_date: 'not a valid date (YYYY-MM-DD).',
      unknown_section: 'unknown section id.',
      unknown_fact: 'unknown fact.',
      unknown_operator: 'unknown operator.',
      unknown_vocabulary: 'unknown vocabulary.',
    },
  },
)
