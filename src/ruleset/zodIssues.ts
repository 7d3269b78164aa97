/**
 * Turns zod's issues into our `Issue`s with positions and messages a lawyer can act on.
 */
import type { z } from 'zod'
import { SECTION_IDS } from '../sections.js'
import type { Issue } from '../problems/issue.js'
import { issueAt, type YamlSource } from './yamlSource.js'

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true/false',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
  undefined: '空',
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Value at a path in plain data, or `undefined`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    if (!Object.prototype.hasOwnProperty.call(node, key as PropertyKey)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key as PropertyKey]
  }
  return node
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? String(value) : text.length > 60 ? text.slice(0, 57) + '...' : text
  } catch {
    return String(value)
  }
}

/** Maps zod issues of one file to located `Issue`s. Issues under any `skipUnder` key are dropped. */
export function zodToIssues(source: YamlSource, issues: readonly z.core.$ZodIssue[], skipUnder: readonly string[] = []): Issue[] {
  const out: Issue[] = []
  for (const zi of issues) {
    const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (path.some((p) => typeof p === 'string' && skipUnder.includes(p))) continue
    const actual = valueAt(source.value, path)
    const field = path.length ? String(path[path.length - 1]) : '(文件)'
    switch (zi.code) {
      case 'unrecognized_keys': {
        for (const key of zi.keys) {
          out.push(
            issueAt(
              source,
              [...path, key],
              'unknown_key',
              `未知的字段 "${key}"。这里允许的字段见 JSON Schema（编辑器会自动提示）；是否拼错了？`,
              `unknown key "${key}". See the JSON Schema for the allowed keys (your editor suggests them); is it misspelt?`,
              { preferKey: true },
            ),
          )
        }
        break
      }
      case 'invalid_type': {
        const parent = valueAt(source.value, path.slice(0, -1))
        const missing =
          actual === undefined &&
          (parent === undefined ||
            (typeof parent === 'object' && parent !== null && !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!)))
        if (missing) {
          out.push(
            issueAt(
              source,
              path,
              'missing_field',
              `缺少必填字段 "${field}"（应为${TYPE_ZH[zi.expected] ?? zi.expected}）。`,
              `missing required key "${field}" (expected ${zi.expected}).`,
            ),
          )
        } else if (typeof actual === 'number' && !Number.isFinite(actual)) {
          // YAML .inf / .nan: a number to JavaScript, but not one a rule can use (JSON would print it as null).
          const written = Number.isNaN(actual) ? '.nan' : actual > 0 ? '.inf' : '-.inf'
          out.push(
            issueAt(
              source,
              path,
              'invalid_type',
              `"${field}" 应为有限的数字，实际是 ${written}（不是有限数）。`,
              `"${field}" must be a finite number; ${written} is not a finite number.`,
            ),
          )
        } else {
          out.push(
            issueAt(
              source,
              path,
              'invalid_type',
              `"${field}" 应为${TYPE_ZH[zi.expected] ?? zi.expected}，实际是${TYPE_ZH[typeOf(actual)] ?? typeOf(actual)} ${show(actual)}。`,
              `"${field}" must be ${zi.expected}, got ${typeOf(actual)} ${show(actual)}.`,
            ),
          )
        }
        break
      }
      case 'invalid_value': {
        const values = zi.values.map(String)
        if (actual === undefined) {
          out.push(issueAt(source, path, 'missing_field', `缺少必填字段 "${field}"，可用的值：${values.join('、')}。`, `missing required key "${field}"; allowed: ${values.join(', ')}.`))
          break
        }
        const isSection = values.length === SECTION_IDS.length && values.every((v) => (SECTION_IDS as readonly string[]).includes(v))
        if (isSection) {
          out.push(
            issueAt(
              source,
              path,
              'unknown_section',
              `未知的股室编号 ${show(actual)}。可用的编号：${SECTION_IDS.join('、')}。`,
              `unknown section id ${show(actual)}. Known ids: ${SECTION_IDS.join(', ')}.`,
            ),
          )
        } else {
          out.push(
            issueAt(
              source,
              path,
              'invalid_value',
              `"${field}" 的值 ${show(actual)} 不在允许范围内，可用：${values.join('、')}。`,
              `"${field}" is ${show(actual)}; allowed: ${values.join(', ')}.`,
            ),
          )
        }
        break
      }
      case 'invalid_format':
      case 'custom': {
        if (zi.message === 'iso_date') {
          out.push(
            issueAt(
              source,
              path,
              'invalid_date',
              `"${field}" 的值 ${show(actual)} 不是有效日期，应写成 "YYYY-MM-DD"（加引号），如 "2026-03-02"。`,
              `"${field}" is ${show(actual)}, not a valid date; write "YYYY-MM-DD" in quotes, e.g. "2026-03-02".`,
            ),
          )
        } else if (zi.message === 'rule_id') {
          out.push(
            issueAt(
              source,
              path,
              'invalid_value',
              `规则编号 ${show(actual)} 只能用小写英文字母、数字、点和连字符，如 "food-circulation.expired-food"。`,
              `rule id ${show(actual)} may use only lower-case letters, digits, dots and hyphens, e.g. "food-circulation.expired-food".`,
            ),
          )
        } else {
          out.push(issueAt(source, path, 'invalid_value', `"${field}" 的值 ${show(actual)} 格式不对：${zi.message}`, `"${field}" has a bad format: ${zi.message}`))
        }
        break
      }
      case 'too_small':
      case 'too_big': {
        const limit = String(zi.code === 'too_small' ? zi.minimum : zi.maximum)
        const isList = Array.isArray(actual)
        out.push(
          issueAt(
            source,
            path,
            'invalid_value',
            isList
              ? `"${field}" 的条目数${zi.code === 'too_small' ? '至少' : '至多'}为 ${limit}。`
              : `"${field}" 的值 ${show(actual)} ${zi.code === 'too_small' ? '不能小于' : '不能大于'} ${limit}。`,
            isList
              ? `"${field}" needs ${zi.code === 'too_small' ? 'at least' : 'at most'} ${limit} entries.`
              : `"${field}" is ${show(actual)}; it must be ${zi.code === 'too_small' ? 'at least' : 'at most'} ${limit}.`,
          ),
        )
        break
      }
      default:
        out.push(
          issueAt(source, path, 'invalid_value', `"${field}" 的值 ${show(actual)} 不符合格式要求。`, `"${field}" is ${show(actual)}, which does not fit the format (${zi.code}).`),
        )
    }
  }
  return out
}
