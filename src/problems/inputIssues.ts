/**
 * zod issues of a caller's input, as `Issue`s with Chinese and English messages: the wording for API
 * callers. Reading zod's issue shapes is `zodIssue.ts` (shared with the rule-file loader).
 */
import type { z } from 'zod'
import type { Issue } from './issue.js'
import { readZodIssue } from './zodIssue.js'

const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: 'true/false', array: '列表', object: '对象' }

/** How a value is shown in a message, in the message's language (an English text holds no Chinese word). */
export function describe(value: unknown, language: 'zh' | 'en' = 'zh'): string {
  const en = language === 'en'
  if (value === undefined) return en ? 'nothing' : '缺失'
  if (value === null) return 'null'
  if (Array.isArray(value)) return en ? 'a list' : '列表'
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}..."` : JSON.stringify(value)
  if (typeof value === 'number' && !Number.isFinite(value)) return en ? `${String(value)} (not a finite number)` : `${String(value)}（不是有限数）`
  if (typeof value === 'bigint') return en ? 'a BigInt' : 'BigInt'
  if (typeof value === 'symbol') return en ? 'a symbol' : 'Symbol'
  if (typeof value === 'function') return en ? 'a function' : '函数'
  return typeof value === 'object' ? (en ? 'an object' : '对象') : String(value)
}

/** Converts the issues of a failed `safeParse` of `input` (prefixing `basePath`). */
export function inputIssues(input: unknown, issues: readonly z.core.$ZodIssue[], basePath: (string | number)[] = [], rootName = 'input'): [Issue, ...Issue[]] {
  const out = issues.map((zi): Issue => {
    const { path: local, actual, problem } = readZodIssue(input, zi)
    const path = [...basePath, ...local]
    const field = path.length ? path.join('.') : '输入'
    const fieldEn = path.length ? path.join('.') : rootName
    let message: string
    let messageEn: string
    switch (problem.kind) {
      case 'type':
        if (problem.absent) {
          message = `缺少字段 ${field}（应为${TYPE_ZH[problem.expected] ?? problem.expected}）。`
          messageEn = `${fieldEn} is missing (expected ${problem.expected}).`
        } else {
          message = `${field} 应为${TYPE_ZH[problem.expected] ?? problem.expected}，收到的是 ${describe(actual)}。`
          messageEn = `${fieldEn} must be ${problem.expected}, got ${describe(actual, 'en')}.`
        }
        break
      case 'value':
        if (actual === undefined) {
          message = `缺少字段 ${field}，可用的值：${problem.values.join('、')}。`
          messageEn = `${fieldEn} is missing; allowed: ${problem.values.join(', ')}.`
          break
        }
        message = `${field} 的值 ${describe(actual)} 不在允许范围内，可用：${problem.values.join('、')}。`
        messageEn = `${fieldEn} is ${describe(actual, 'en')}; allowed: ${problem.values.join(', ')}.`
        break
      case 'unknown_keys':
        message = `未知的字段：${problem.keys.join('、')}${path.length ? `（在 ${field} 中）` : ''}。是否拼错了？`
        messageEn = `unknown field(s): ${problem.keys.join(', ')}${path.length ? ` (in ${fieldEn})` : ''}. Misspelt?`
        break
      case 'size':
        if (problem.bound === 'max') {
          message = `${field} 过长或过大（上限 ${problem.limit}）。`
          messageEn = `${fieldEn} is too long or too large (limit ${problem.limit}).`
        } else {
          message = `${field} 过短或过小（下限 ${problem.limit}）。`
          messageEn = `${fieldEn} is too short or too small (minimum ${problem.limit}).`
        }
        break
      default:
        if (problem.check === 'iso_date') {
          message = `${field} 的值 ${describe(actual)} 不是有效日期，应为 YYYY-MM-DD，如 2026-03-02。`
          messageEn = `${fieldEn} is ${describe(actual, 'en')}, not a valid date; use YYYY-MM-DD, e.g. 2026-03-02.`
        } else if (problem.check === 'empty_text') {
          message = `${field} 不能为空。`
          messageEn = `${fieldEn} must not be empty.`
        } else {
          message = `${field} 的值 ${describe(actual)} 不符合要求：${problem.check}`
          messageEn = `${fieldEn} is ${describe(actual, 'en')}: ${problem.check}`
        }
    }
    return { code: 'invalid_input', severity: 'error', message, messageEn, path }
  })
  return out as [Issue, ...Issue[]]
}
