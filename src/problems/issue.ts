/**
 * Problems are data: every error or warning the library reports has a code, a severity, a Chinese
 * message with English alongside, and — for rule files — where it is (`file:line:col` and the YAML path).
 */

/**
 * The typed fields of every issue, by code. This is the registry of codes: the ground floor declares its
 * own (a caller's input, the codes every rule file shares), and each owner contributes its codes from its
 * own folder — the loader in `ruleset/messages.ts`, each capability in its `issues.ts`:
 *
 * ```ts
 * declare global { interface XiaobaoIssueFields extends CalendarIssueFields {} }
 * ```
 *
 * so this folder imports no capability, yet `IssueCode` is closed: a code nobody declared does not
 * compile. (A global interface, not `declare module '…/issue.js'`: a module augmentation by relative
 * path does not survive the bundled `dist/index.d.ts`, a global one does.) A code whose fields are `{}`
 * has no typed payload yet (its message is still written where it is raised); see `PlainIssueCode`.
 */
declare global {
  interface XiaobaoIssueFields extends InputIssueFields, RuleFileIssueFields {}
}

/** Every code's typed fields (the registry above). */
export type IssueFieldsByCode = XiaobaoIssueFields

/** The ground floor's own codes: problems in a caller's input. */
export interface InputIssueFields {
  invalid_input: {}
  input_too_large: {}
  invalid_json: {}
  internal_error: {}
  /** A file the CLI cannot read (a folder, no permission). */
  unreadable_file: {}
  /** A file the CLI cannot write (`--html` into a missing or read-only folder). */
  unwritable_file: {}
  /** A line or file that is not valid UTF-8. */
  invalid_encoding: {}
  /** An empty NDJSON line (one output line per input line). */
  blank_line: {}
  /** A symbolic link in a rules folder that loops back to a folder above it. */
  symlink_loop: {}
  /** Problems held back because they follow from a file that did not load (counted, not repeated). */
  suppressed_issues: {}
}

/**
 * Codes any rule-file kind raises (the zod translator's, and the condition checker's on the ground
 * floor). No typed fields yet: their text is still made where they are raised.
 */
export interface RuleFileIssueFields {
  invalid_type: {}
  missing_field: {}
  unknown_key: {}
  invalid_value: {}
  invalid_date: {}
  unknown_section: {}
  unknown_fact: {}
  unknown_operator: {}
  unknown_vocabulary: {}
}

/** Every issue code: closed, the union of every owner's codes. */
export type IssueCode = keyof IssueFieldsByCode & string

/** Codes of problems in a caller's input or in a computation. */
export type InputIssueCode = keyof InputIssueFields

/** Codes of problems found while loading rule files (everything that is not an input code; `calendar_coverage` included, as before). */
export type LoadIssueCode = Exclude<IssueCode, InputIssueCode>

/** Codes that carry no typed fields yet: the only ones a call site may raise with ready-made text. */
export type PlainIssueCode = { [C in IssueCode]: {} extends IssueFieldsByCode[C] ? C : never }[IssueCode]

export type Severity = 'error' | 'warning'

/** What every issue has, whatever its code. */
export interface IssueBase {
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

/** One code's issue: the common fields plus the code's typed fields. */
export type IssueOf<C extends IssueCode> = IssueBase & { code: C } & IssueFieldsByCode[C]

/**
 * A problem, discriminated by `code`: `if (issue.code === 'duplicate_rule_id') issue.earlier.file`.
 * Every member keeps `code, severity, message, messageEn, file?, line?, col?, path?`.
 */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode]

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
