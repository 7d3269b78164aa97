/**
 * Turns zod's issues into our `Issue`s with positions and messages a lawyer can act on: the wording for
 * rule files. Reading zod's issue shapes is `problems/zodIssue.ts` (shared with input validation).
 */
import type { z } from 'zod'
import { SECTION_IDS } from '../sections.js'
import type { Issue } from '../problems/issue.js'
import { issueAt, type YamlSource } from './yamlSource.js'
import { readZodIssue } from '../problems/zodIssue.js'

export { valueAt } from '../problems/zodIssue.js'

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
    const { path, actual, problem } = readZodIssue(source.value, zi)
    if (path.some((p) => typeof p === 'string' && skipUnder.includes(p))) continue
    const field = path.length ? String(path[path.length - 1]) : '(文件)'
    switch (problem.kind) {
      case 'unknown_keys': {
        for (const key of problem.keys) {
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
      case 'type': {
        const expected = problem.expected
        if (problem.keyAbsent) {
          out.push(issueAt(source, path, 'missing_field', `缺少必填字段 "${field}"（应为${TYPE_ZH[expected] ?? expected}）。`, `missing required key "${field}" (expected ${expected}).`))
        } else if (typeof actual === 'number' && !Number.isFinite(actual)) {
          // YAML .inf / .nan: a number to JavaScript, but not one a rule can use (JSON would print it as null).
          const written = Number.isNaN(actual) ? '.nan' : actual > 0 ? '.inf' : '-.inf'
          out.push(issueAt(source, path, 'invalid_type', `"${field}" 应为有限的数字，实际是 ${written}（不是有限数）。`, `"${field}" must be a finite number; ${written} is not a finite number.`))
        } else {
          out.push(
            issueAt(
              source,
              path,
              'invalid_type',
              `"${field}" 应为${TYPE_ZH[expected] ?? expected}，实际是${TYPE_ZH[typeOf(actual)] ?? typeOf(actual)} ${show(actual)}。`,
              `"${field}" must be ${expected}, got ${typeOf(actual)} ${show(actual)}.`,
            ),
          )
        }
        break
      }
      case 'value': {
        const values = problem.values
        if (actual === undefined) {
          out.push(issueAt(source, path, 'missing_field', `缺少必填字段 "${field}"，可用的值：${values.join('、')}。`, `missing required key "${field}"; allowed: ${values.join(', ')}.`))
          break
        }
        const isSection = values.length === SECTION_IDS.length && values.every((v) => (SECTION_IDS as readonly string[]).includes(v))
        if (isSection) {
          out.push(issueAt(source, path, 'unknown_section', `未知的股室编号 ${show(actual)}。可用的编号：${SECTION_IDS.join('、')}。`, `unknown section id ${show(actual)}. Known ids: ${SECTION_IDS.join(', ')}.`))
        } else {
          out.push(issueAt(source, path, 'invalid_value', `"${field}" 的值 ${show(actual)} 不在允许范围内，可用：${values.join('、')}。`, `"${field}" is ${show(actual)}; allowed: ${values.join(', ')}.`))
        }
        break
      }
      case 'format': {
        if (problem.check === 'iso_date') {
          out.push(
            issueAt(
              source,
              path,
              'invalid_date',
              `"${field}" 的值 ${show(actual)} 不是有效日期，应写成 "YYYY-MM-DD"（加引号），如 "2026-03-02"。`,
              `"${field}" is ${show(actual)}, not a valid date; write "YYYY-MM-DD" in quotes, e.g. "2026-03-02".`,
            ),
          )
        } else if (problem.check === 'empty_expectation') {
          out.push(
            issueAt(
              source,
              path,
              'invalid_value',
              `场景的 expect 什么也没写：这样的场景总是通过（实地语料里总算对）。请按规定原文写出应有的结果：分办如 { disposition: route, lead: food-circulation }，会议如 { compliant: false, includes: [...] }，期限写 entries 或 error，报告写 summary、contains 或 error。`,
              `the scenario's expect names nothing: such a scenario always passes (and always counts as right in a field corpus). Write the answer the regulation gives: for routing e.g. { disposition: route, lead: food-circulation }, for a meeting { compliant: false, includes: [...] }, for deadlines entries or error, for the report summary, contains or error.`,
            ),
          )
        } else if (problem.check === 'lead_rules_only') {
          out.push(
            issueAt(
              source,
              path,
              'invalid_value',
              `"${field}" 只能写在主办规则（role: lead）上：协办规则不给主办，没有可让模型改的。`,
              `"${field}" belongs on lead rules (role: lead) only: an assist rule gives no lead for the model to replace.`,
            ),
          )
        } else if (problem.check === 'rule_id') {
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
          out.push(issueAt(source, path, 'invalid_value', `"${field}" 的值 ${show(actual)} 格式不对：${problem.check}`, `"${field}" has a bad format: ${problem.check}`))
        }
        break
      }
      case 'size': {
        const { limit } = problem
        const min = problem.bound === 'min'
        const isList = Array.isArray(actual)
        out.push(
          issueAt(
            source,
            path,
            'invalid_value',
            isList ? `"${field}" 的条目数${min ? '至少' : '至多'}为 ${limit}。` : `"${field}" 的值 ${show(actual)} ${min ? '不能小于' : '不能大于'} ${limit}。`,
            isList ? `"${field}" needs ${min ? 'at least' : 'at most'} ${limit} entries.` : `"${field}" is ${show(actual)}; it must be ${min ? 'at least' : 'at most'} ${limit}.`,
          ),
        )
        break
      }
      case 'other':
        out.push(issueAt(source, path, 'invalid_value', `"${field}" 的值 ${show(actual)} 不符合格式要求。`, `"${field}" is ${show(actual)}, which does not fit the format (${problem.zodCode}).`))
    }
  }
  return out
}
