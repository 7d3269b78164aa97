import { formatIssue, type Issue, type IssueCode, type PlainIssueCode } from './issue.js'

/**
 * The one error class the library throws. It carries the same `issues` a safe variant returns, and the
 * first issue's code as `code`, so `catch (e) { if (e instanceof XiaobaoError && e.code === 'invalid_input') … }`.
 */
export class XiaobaoError extends Error {
  readonly code: IssueCode
  readonly issues: [Issue, ...Issue[]]
  constructor(issues: [Issue, ...Issue[]], options?: { cause?: unknown }) {
    super(issues.map((i) => formatIssue(i)).join('\n'), options)
    this.name = 'XiaobaoError'
    this.code = issues[0].code
    this.issues = issues
  }
}

/** Builds a single-issue error. */
export function xiaobaoError(
  code: PlainIssueCode,
  message: string,
  messageEn: string,
  extra: Partial<Omit<Issue, 'code'>> = {},
): XiaobaoError {
  return new XiaobaoError([{ code, severity: 'error', message, messageEn, ...extra } as Issue])
}
