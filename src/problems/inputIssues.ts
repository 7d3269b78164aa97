/**
 * zod issues of a caller's input, as `Issue`s with Chinese and English messages.
 */
import type { z } from 'zod'
import type { Issue } from './issue.js'

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

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

/** Converts the issues of a failed `safeParse` of `input` (prefixing `basePath`). */
export function inputIssues(input: unknown, issues: readonly z.core.$ZodIssue[], basePath: (string | number)[] = [], rootName = 'input'): [Issue, ...Issue[]] {
  const out = issues.map((zi): Issue => {
    const path = [...basePath, ...zi.path.filter((p): p is string | number => typeof p !== 'symbol')]
    const local = zi.path.filter((p): p is string | number => typeof p !== 'symbol')
    const field = path.length ? path.join('.') : '输入'
    const fieldEn = path.length ? path.join('.') : rootName
    const actual = valueAt(input, local)
    let message: string
    let messageEn: string
    switch (zi.code) {
      case 'invalid_type':
        if (actual === undefined) {
          message = `缺少字段 ${field}（应为${TYPE_ZH[zi.expected] ?? zi.expected}）。`
          messageEn = `${fieldEn} is missing (expected ${zi.expected}).`
        } else {
          message = `${field} 应为${TYPE_ZH[zi.expected] ?? zi.expected}，收到的是 ${describe(actual)}。`
          messageEn = `${fieldEn} must be ${zi.expected}, got ${describe(actual, 'en')}.`
        }
        break
      case 'invalid_value':
        if (actual === undefined) {
          message = `缺少字段 ${field}，可用的值：${zi.values.map(String).join('、')}。`
          messageEn = `${fieldEn} is missing; allowed: ${zi.values.map(String).join(', ')}.`
          break
        }
        message = `${field} 的值 ${describe(actual)} 不在允许范围内，可用：${zi.values.map(String).join('、')}。`
        messageEn = `${fieldEn} is ${describe(actual, 'en')}; allowed: ${zi.values.map(String).join(', ')}.`
        break
      case 'unrecognized_keys':
        message = `未知的字段：${zi.keys.join('、')}${path.length ? `（在 ${field} 中）` : ''}。是否拼错了？`
        messageEn = `unknown field(s): ${zi.keys.join(', ')}${path.length ? ` (in ${fieldEn})` : ''}. Misspelt?`
        break
      case 'too_big':
        message = `${field} 过长或过大（上限 ${String(zi.maximum)}）。`
        messageEn = `${fieldEn} is too long or too large (limit ${String(zi.maximum)}).`
        break
      case 'too_small':
        message = `${field} 过短或过小（下限 ${String(zi.minimum)}）。`
        messageEn = `${fieldEn} is too short or too small (minimum ${String(zi.minimum)}).`
        break
      default:
        if (zi.message === 'iso_date') {
          message = `${field} 的值 ${describe(actual)} 不是有效日期，应为 YYYY-MM-DD，如 2026-03-02。`
          messageEn = `${fieldEn} is ${describe(actual, 'en')}, not a valid date; use YYYY-MM-DD, e.g. 2026-03-02.`
        } else if (zi.message === 'not_rule_set') {
          message = `${field} 不是已加载的规则集（请用 loadRuleSet 或 parseRuleSet 得到）。`
          messageEn = `${fieldEn} is not a loaded rule set (get one from loadRuleSet or parseRuleSet).`
        } else if (zi.message === 'empty_text') {
          message = `${field} 不能为空。`
          messageEn = `${fieldEn} must not be empty.`
        } else {
          message = `${field} 的值 ${describe(actual)} 不符合要求：${zi.message}`
          messageEn = `${fieldEn} is ${describe(actual, 'en')}: ${zi.message}`
        }
    }
    return { code: 'invalid_input', severity: 'error', message, messageEn, path }
  })
  return out as [Issue, ...Issue[]]
}
