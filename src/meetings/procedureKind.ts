/**
 * The `procedure` rule-file kind (rules/procedures/joint-meeting.yaml): the joint meeting's parameters
 * and checks. Loaded through the loader's extension point, so every mistake is reported with
 * `file:line:col` like any other rule file.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from '../ruleset/capability.js'
import type { ConditionNode } from '../ruleset/schemas.js'
import { INDEX_FACTS, MEETING_FACTS } from './facts.js'
import { unknownPlaceholders } from './interpolate.js'
import { recordPathProblem } from './recordPaths.js'
import { procedureFile, type ProcedureFile } from './schemas.js'
import type { MeetingCheckRule, MeetingProcedure, MeetingsRuleSet as RuleSet } from './types.js'

const NUMERIC_OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']
const FACT_NAMES = Object.keys(MEETING_FACTS)

/** Checks what the generic condition check cannot: `{ fact: … }` values and `params` paths. */
function checkReferences(node: unknown, path: (string | number)[], params: ProcedureFile['params'], ctx: KindContext): Issue[] {
  if (node === null || typeof node !== 'object') return []
  const record = node as Record<string, unknown>
  if (Array.isArray(record.all)) return record.all.flatMap((c, i) => checkReferences(c, [...path, 'all', i], params, ctx))
  if (Array.isArray(record.any)) return record.any.flatMap((c, i) => checkReferences(c, [...path, 'any', i], params, ctx))
  if ('not' in record) return checkReferences(record.not, [...path, 'not'], params, ctx)
  const issues: Issue[] = []
  const known = Object.keys(params)
  const checkParam = (ref: { fact?: unknown; path?: unknown }, at: (string | number)[]) => {
    if (ref.fact !== 'params') return
    const name = typeof ref.path === 'string' ? /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref.path)?.[1] : undefined
    if (ref.path === undefined) {
      issues.push(ctx.issueAt(at, 'missing_field', `使用事实 params 时须写 path 指明参数，如 "$.minAttendanceRatio"；已定义的参数：${known.join('、') || '（无）'}。`, `with the fact params, write a path naming the parameter, e.g. "$.minAttendanceRatio"; defined: ${known.join(', ') || '(none)'}.`))
    } else if (!name || !known.includes(name)) {
      issues.push(ctx.issueAt([...at, 'path'], 'unknown_fact', `未知的参数 ${JSON.stringify(ref.path)}；已在 params 中定义的有：${known.join('、') || '（无）'}。`, `unknown parameter ${JSON.stringify(ref.path)}; params defines: ${known.join(', ') || '(none)'}.`))
    } else if (NUMERIC_OPERATORS.includes(String(record.operator)) && typeof params[name]!.value !== 'number') {
      issues.push(ctx.issueAt(['params', name, 'value'], 'invalid_type', `参数 ${name} 用于数值比较（${String(record.operator)}），其 value 应为数字。`, `parameter ${name} is compared as a number (${String(record.operator)}); its value must be a number.`))
    }
  }
  checkParam(record, path)
  const value = record.value
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>
    const extra = Object.keys(ref).find((k) => k !== 'fact' && k !== 'path')
    if (!('fact' in ref) || extra) {
      issues.push(ctx.issueAt([...path, 'value'], 'invalid_value', 'value 为映射时只能是对另一事实的引用：{ fact: 事实名, path: "$.字段" }。', 'a mapping as value can only refer to another fact: { fact: name, path: "$.field" }.'))
    } else if (typeof ref.fact !== 'string' || !FACT_NAMES.includes(ref.fact)) {
      issues.push(ctx.issueAt([...path, 'value', 'fact'], 'unknown_fact', `未知的事实 ${JSON.stringify(ref.fact)}；可用：${FACT_NAMES.join('、')}。`, `unknown fact ${JSON.stringify(ref.fact)}; known facts: ${FACT_NAMES.join(', ')}.`))
    } else {
      checkParam(ref, [...path, 'value'])
    }
  }
  return issues
}

/** Loads one procedure file into `ruleSet.meetingProcedure`. */
function loadProcedure(data: ProcedureFile, ruleSet: RuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  // When only a condition failed zod, `data` is the raw value: defaults were not applied.
  const paramsSpec = data.params ?? {}
  const paramNames = Object.keys(paramsSpec)
  const params: MeetingProcedure['params'] = {}
  for (const [name, param] of Object.entries(paramsSpec)) params[name] = { ...param, at: ctx.at(['params', name]) }
  const checks: MeetingCheckRule[] = []
  data.checks.forEach((check, i) => {
    const at = ['checks', i]
    issues.push(...ctx.claimId(check.code, [...at, 'code']))
    issues.push(...ctx.checkCites(check.cites, [...at, 'cites']))
    const conditionIssues = ctx.checkCondition(check.when, [...at, 'when'], FACT_NAMES)
    issues.push(...conditionIssues)
    if (conditionIssues.length === 0) issues.push(...checkReferences(check.when, [...at, 'when'], paramsSpec, ctx))

    const pathProblem = recordPathProblem(check.path)
    if (pathProblem) {
      const allowed = pathProblem.allowed
      issues.push(
        ctx.issueAt(
          [...at, 'path', pathProblem.at],
          'invalid_value',
          `path 中的 ${JSON.stringify(check.path[pathProblem.at])} 不是会议记录的字段${allowed.length ? `；这里可用：${allowed.join('、')}` : '（上一级已不是映射或列表）'}。`,
          `${JSON.stringify(check.path[pathProblem.at])} in path is not a field of the meeting record${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ' (the level above is neither a mapping nor a list)'}.`,
        ),
      )
    } else if (check.each) {
      const prefix = INDEX_FACTS[check.each]
      const fits = prefix.every((k, j) => check.path[j] === k) && check.path[prefix.length] === '*'
      if (!fits) {
        issues.push(ctx.issueAt([...at, 'path'], 'invalid_value', `each: ${check.each} 列出的是 ${prefix.join('.')} 中的序号，path 应以 [${prefix.join(', ')}, '*'] 开头。`, `each: ${check.each} lists positions in ${prefix.join('.')}; path must start with [${prefix.join(', ')}, '*'].`))
      }
    } else if (check.path.includes('*')) {
      issues.push(ctx.issueAt([...at, 'path'], 'invalid_value', "path 中的 '*' 代表序号，须与 each 同用。", "'*' in path stands for a position and needs each."))
    }

    for (const language of ['zh', 'en'] as const) {
      const unknown = unknownPlaceholders(check.message[language], paramNames, check.each !== undefined)
      if (unknown.length > 0) {
        issues.push(ctx.issueAt([...at, 'message', language], 'unknown_fact', `说明中的 {${unknown.join('}、{')}} 不是事实或参数；可用 {事实名}、{params.参数名}${check.each ? '、{n}' : ''}。`, `{${unknown.join('}, {')}} in the message names no fact or parameter; use {fact}, {params.name}${check.each ? ', {n}' : ''}.`))
      }
    }
    checks.push({
      code: check.code,
      severity: check.severity,
      cites: check.cites,
      message: check.message,
      path: check.path,
      ...(check.each ? { each: check.each } : {}),
      when: check.when as ConditionNode,
      at: ctx.at([...at, 'code']),
    })
  })
  ruleSet.meetingProcedure = { procedure: 'joint-meeting', title: data.title, params, checks, at: ctx.at(['procedure']) }
  return issues
}

/** The `procedure` file kind (one file: it defines the check codes the meeting scenarios name). */
export const procedureFileKind: RuleFileKind<ProcedureFile, RuleSet> = {
  kind: 'procedure',
  facts: MEETING_FACTS,
  schema: procedureFile,
  role: 'defines',
  max: 1,
  load: loadProcedure,
}
