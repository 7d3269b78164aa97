/**
 * Meeting scenarios (`kind: scenarios`, `target: meeting`): legal staff's tests as data. A file may hold a
 * compliant `baseline` record; each scenario then says only what `changes` — mappings merge level by
 * level, lists are replaced whole, `null` removes a field.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, ScenarioFileKind } from '../ruleset/capability.js'
import type { MeetingsRuleSet as RuleSet } from './types.js'
import { meetingScenariosFile, type MeetingScenariosFile } from './schemas.js'

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * `base` with `changes` applied: mappings merge, lists and values replace, `null` removes.
 * @example
 * applyChanges({ meeting: { id: 'a', type: 'regular' } }, { meeting: { type: 'ad-hoc' } })
 * // { meeting: { id: 'a', type: 'ad-hoc' } }
 */
export function applyChanges(base: unknown, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isMapping(base) ? structuredClone(base) : {}
  for (const [key, change] of Object.entries(changes)) {
    if (change === null) delete out[key]
    else if (isMapping(change) && isMapping(out[key])) out[key] = applyChanges(out[key], change)
    else out[key] = structuredClone(change)
  }
  return out
}

function loadMeetingScenarios(data: MeetingScenariosFile, ruleSet: RuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  const scenarios = (ruleSet.meetingScenarios ??= [])
  const known = ruleSet.meetingProcedure ? new Set(ruleSet.meetingProcedure.checks.map((c) => c.code)) : undefined
  data.scenarios.forEach((scenario, i) => {
    const at = ['scenarios', i]
    if ((scenario.input === undefined) === (scenario.changes === undefined)) {
      issues.push(ctx.issueAt(at, 'invalid_scenario', '每个场景须写 input（完整记录）或 changes（在 baseline 上的改动）之一，且只写一个。', 'each scenario needs exactly one of input (a whole record) or changes (to the baseline).'))
      return
    }
    if (scenario.changes !== undefined && data.baseline === undefined) {
      issues.push(ctx.issueAt([...at, 'changes'], 'invalid_scenario', '使用 changes 时，文件须有 baseline（合规的基准会议记录）。', 'changes need a baseline record in the file.'))
      return
    }
    // The procedure (a defining kind) is always loaded first, so the codes are always checked here.
    if (known) {
      for (const list of ['findings', 'includes', 'excludes'] as const) {
        scenario.expect[list]?.forEach((code, j) => {
          if (!known.has(code)) {
            issues.push(ctx.issueAt([...at, 'expect', list, j], 'invalid_scenario', `未知的检查代码 "${code}"；联席会议程序中有：${[...known].join('、')}。`, `unknown check code "${code}"; the procedure has: ${[...known].join(', ')}.`))
          }
        })
      }
    }
    const input = scenario.input ?? applyChanges(data.baseline, scenario.changes!)
    scenarios.push({ name: scenario.name, input, expect: scenario.expect, at: ctx.at(at) })
  })
  return issues
}

/** The `meeting` scenario target. */
export const meetingScenarioTarget: ScenarioFileKind<MeetingScenariosFile, RuleSet> = {
  target: 'meeting',
  schema: meetingScenariosFile,
  load: loadMeetingScenarios,
}
