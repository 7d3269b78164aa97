/**
 * Problems are data: every error or warning the library reports has a code, a severity, a Chinese
 * message with English alongside, and — for rule files — where it is (`file:line:col` and the YAML path).
 */

/** Codes of problems found while loading rule files. */
export type LoadIssueCode =
  | 'yaml_syntax' // 不是合法的 YAML
  | 'yaml_alias_limit' // 别名炸弹
  | 'file_too_large'
  | 'forbidden_key' // __proto__ / constructor / prototype
  | 'unknown_file_kind'
  | 'invalid_type' // 类型不对
  | 'missing_field'
  | 'unknown_key'
  | 'invalid_value' // 枚举值、格式不对
  | 'invalid_date'
  | 'unknown_operator'
  | 'unknown_vocabulary'
  | 'unknown_fact'
  | 'duplicate_rule_id'
  | 'duplicate_vocabulary'
  | 'duplicate_section'
  | 'duplicate_article'
  | 'unknown_section'
  | 'dangling_citation'
  | 'duty_mismatch'
  | 'missing_file'
  | 'duplicate_file' // 只能有一个的文件类型（config、procedure、deadlines……）写了两个
  | 'invalid_period'
  | 'invalid_scenario'
  | 'calendar_date_outside_year'
  | 'calendar_makeup_not_weekend'
  | 'calendar_date_conflict'
  | 'calendar_long_holiday'
  | 'unknown_item_field' // 期限、升级梯度写了事项没有的字段
  | 'escalation_trigger_order' // 级别越高，触发应越晚
  | 'deadline_missing' // 合同要求的期限未定义
  | 'invalid_encoding' // 不是 UTF-8
  | 'unreadable_file'
  | 'symlink_loop'

/** Codes of problems in a caller's input or in a computation. */
export type InputIssueCode =
  | 'invalid_input'
  | 'input_too_large'
  | 'calendar_coverage'
  | 'invalid_json'

export type IssueCode = LoadIssueCode | InputIssueCode | (string & {})

export type Severity = 'error' | 'warning'

export interface Issue {
  code: IssueCode
  severity: Severity
  /** 中文说明，告诉作者怎么改 / Chinese message that tells the author what to do. */
  message: string
  /** The same in English. */
  messageEn: string
  /** Rule file (relative path) for load problems. */
  file?: string
  /** 1-based line and column in `file`. */
  line?: number
  col?: number
  /** Path of the offending node in the YAML document or in the input object. */
  path?: (string | number)[]
}

/** The result of a validating operation, valibot-style. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: [Issue, ...Issue[]] }

/** Formats an issue the way compilers do: `file:line:col code 消息`. */
export function formatIssue(issue: Issue, language: 'zh' | 'en' | 'both' = 'both'): string {
  const where = issue.file
    ? `${issue.file}${issue.line ? `:${issue.line}:${issue.col ?? 1}` : ''}`
    : issue.path && issue.path.length
      ? issue.path.join('.')
      : ''
  const text =
    language === 'zh' ? issue.message : language === 'en' ? issue.messageEn : `${issue.message}\n    ${issue.messageEn}`
  return `${where ? where + ' ' : ''}${issue.severity === 'warning' ? '警告' : '错误'} [${issue.code}] ${text}`
}
