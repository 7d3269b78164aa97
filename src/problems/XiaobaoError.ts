import { formatIssue, type Issue, type IssueCode, type PlainIssueCode } from './issue.js'

/** Shared by every copy of this module (`xiaobao` and `xiaobao/node` are bundled separately). */
const BRAND = Symbol.for('xiaobao.XiaobaoError')

/**
 * The one error class the library throws. It carries the same `issues` a safe variant returns, and the
 * first issue's code as `code`, so `catch (e) { if (e instanceof XiaobaoError && e.code === 'invalid_input') … }`.
 */
export class XiaobaoError extends Error {
  /**
   * `e instanceof XiaobaoError` holds for an error from any entry point: the check is by a
   * `Symbol.for` brand, not by the class object, which each bundle has its own copy of.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    try {
      return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, BRAND)
    } catch {
      return false // a revoked Proxy
    }
  }
  readonly code: IssueCode
  readonly issues: [Issue, ...Issue[]]
  constructor(issues: [Issue, ...Issue[]], options?: { cause?: unknown }) {
    super(issues.map((i) => formatIssue(i)).join('\n'), options)
    this.name = 'XiaobaoError'
    this.code = issues[0].code
    this.issues = issues
    Object.defineProperty(this, BRAND, { value: true })
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
