/**
 * Checks a json-rules-engine condition written in YAML: its shape, its facts, its operators and the
 * vocabularies it names. Hand-written rather than left to zod so each mistake gets its own code and a
 * message that names what is allowed.
 */
import type { Issue, PlainIssueCode } from '../problems/issue.js'
import { operatorOf } from './operators.js'

export interface ConditionContext {
  facts: readonly string[]
  operators: readonly string[]
  vocabularies: ReadonlySet<string>
}

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const
const LEAF_KEYS = ['fact', 'operator', 'value', 'path', 'params']

/** Makes a located issue at a path of the file being checked (the loader knows where the path is). */
export type IssueAt = (path: (string | number)[], code: PlainIssueCode, message: string, messageEn: string, options?: { preferKey?: boolean }) => Issue

export function checkCondition(issueAt: IssueAt, node: unknown, path: (string | number)[], ctx: ConditionContext, top = false): Issue[] {
  const at = (p: (string | number)[], code: PlainIssueCode, zh: string, en: string, preferKey = false) =>
    issueAt(p, code, zh, en, { preferKey })
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    return [at(path, 'invalid_type', '条件应为映射：{ all: [...] }、{ any: [...] }、{ not: ... } 或 { fact, operator, value }。', 'a condition must be a mapping: { all: [...] }, { any: [...] }, { not: ... } or { fact, operator, value }.')]
  }
  const record = node as Record<string, unknown>
  const keys = Object.keys(record)
  const booleanKeys = keys.filter((k) => (BOOLEAN_KEYS as readonly string[]).includes(k))
  if (booleanKeys.length > 0) {
    const issues: Issue[] = []
    if (booleanKeys.length > 1 || keys.length > 1) {
      const extra = keys.find((k) => k !== booleanKeys[0])!
      return [at([...path, extra], 'unknown_key', `一个条件里只能有 all、any、not 中的一个，不能再有 "${extra}"；请分成两个条件放进 all 里。`, `a condition holds exactly one of all, any, not; "${extra}" cannot stand beside it. Put the two into an all.`, true)]
    }
    const key = booleanKeys[0]!
    const child = record[key]
    if (key === 'not') return checkCondition(issueAt, child, [...path, key], ctx)
    if (!Array.isArray(child) || child.length === 0) {
      return [at([...path, key], 'invalid_type', `"${key}" 后面应是至少一个条件的列表。`, `"${key}" must be followed by a list of at least one condition.`)]
    }
    child.forEach((c, i) => issues.push(...checkCondition(issueAt, c, [...path, key, i], ctx)))
    return issues
  }
  if (top) {
    return [at(path, 'invalid_type', '规则条件最外层必须是 all、any 或 not（json-rules-engine 的要求）。', 'the top of a rule condition must be all, any or not (a json-rules-engine requirement).')]
  }
  const issues: Issue[] = []
  for (const key of keys) {
    if (!LEAF_KEYS.includes(key)) {
      issues.push(at([...path, key], 'unknown_key', `条件里未知的字段 "${key}"；可用：fact、operator、value、path、params，或 all/any/not。`, `unknown key "${key}" in a condition; allowed: fact, operator, value, path, params, or all/any/not.`, true))
    }
  }
  for (const key of ['fact', 'operator'] as const) {
    if (!(key in record)) issues.push(at(path, 'missing_field', `条件缺少 "${key}"。`, `the condition lacks "${key}".`))
  }
  if (!('value' in record)) issues.push(at(path, 'missing_field', '条件缺少 "value"。', 'the condition lacks "value".'))
  const { fact, operator, value } = record
  if ('fact' in record && (typeof fact !== 'string' || !ctx.facts.includes(fact))) {
    issues.push(at([...path, 'fact'], 'unknown_fact', `未知的事实 ${JSON.stringify(fact)}；可用：${ctx.facts.join('、')}。`, `unknown fact ${JSON.stringify(fact)}; known facts: ${ctx.facts.join(', ')}.`))
  }
  // json-rules-engine reads `value: { fact: … }` as another fact's value: a typo there is as wrong as one in `fact`.
  for (const [refPath, ref] of factReferences(value, [...path, 'value'])) {
    if (typeof ref !== 'string' || !ctx.facts.includes(ref)) {
      issues.push(at([...refPath, 'fact'], 'unknown_fact', `未知的事实 ${JSON.stringify(ref)}（在 value 中引用）；可用：${ctx.facts.join('、')}。`, `unknown fact ${JSON.stringify(ref)} (referred to in value); known facts: ${ctx.facts.join(', ')}.`))
    }
  }
  if ('path' in record && (typeof record.path !== 'string' || !/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(record.path))) {
    issues.push(at([...path, 'path'], 'invalid_value', `path 应写成 "$.字段名"，如 "$.county"。`, `path must look like "$.field", e.g. "$.county".`))
  }
  if ('operator' in record) {
    if (typeof operator !== 'string' || !ctx.operators.includes(operator)) {
      issues.push(at([...path, 'operator'], 'unknown_operator', `未知的运算符 ${JSON.stringify(operator)}；可用：${ctx.operators.join('、')}。`, `unknown operator ${JSON.stringify(operator)}; known operators: ${ctx.operators.join(', ')}.`))
    } else {
      const problem = operatorOf(operator)?.checkValue?.(value, ctx.vocabularies)
      if (problem) issues.push(at([...path, 'value'], problem.code, problem.zh, problem.en))
    }
  }
  return issues
}

/** Every `{ fact: … }` inside a condition's `value`, with its path. */
function factReferences(value: unknown, path: (string | number)[], depth = 0): [(string | number)[], unknown][] {
  if (value === null || typeof value !== 'object' || depth > 32) return []
  if (Array.isArray(value)) return value.flatMap((v, i) => factReferences(v, [...path, i], depth + 1))
  const record = value as Record<string, unknown>
  if ('fact' in record) return [[path, record.fact]]
  return Object.entries(record).flatMap(([k, v]) => factReferences(v, [...path, k], depth + 1))
}
