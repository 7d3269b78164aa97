/**
 * Escalation scenarios (`kind: scenarios`, `target: escalations`): legal staff's tests as data — items and
 * a review date in, the expected entries (or error code) out. The items are checked when the scenario
 * runs, so a scenario can expect `invalid_input`.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, ScenarioFileKind } from '../ruleset/capability.js'
import type { EscalationsRuleSet as RuleSet } from './types.js'
import { escalationScenariosFile, type EscalationScenariosFile } from './schemas.js'

function loadEscalationScenarios(data: EscalationScenariosFile, ruleSet: RuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  const scenarios = (ruleSet.escalationScenarios ??= [])
  data.scenarios.forEach((scenario, i) => {
    const at = ['scenarios', i]
    const { entries, error, errorIncludes } = scenario.expect
    if ((entries === undefined) === (error === undefined)) {
      issues.push(ctx.issueAt([...at, 'expect'], 'invalid_scenario', 'expect 须写 entries（期望的全部结果）或 error（期望的错误代码）之一，且只写一个。', 'expect needs exactly one of entries (every expected entry) or error (the expected error code).'))
      return
    }
    if (errorIncludes !== undefined && error === undefined) {
      issues.push(ctx.issueAt([...at, 'expect', 'errorIncludes'], 'invalid_scenario', 'errorIncludes 须与 error 同用。', 'errorIncludes needs error.', { preferKey: true }))
      return
    }
    const seen = new Set<string>()
    entries?.forEach((entry, j) => {
      const key = `${entry.itemId} ${entry.deadline}`
      if (seen.has(key)) issues.push(ctx.issueAt([...at, 'expect', 'entries', j], 'invalid_scenario', `${entry.itemId} 的 ${entry.deadline} 写了两次。`, `${entry.itemId} / ${entry.deadline} is listed twice.`))
      seen.add(key)
    })
    scenarios.push({
      name: scenario.name,
      asOf: scenario.asOf,
      ...(scenario.provisional !== undefined ? { provisional: scenario.provisional } : {}),
      items: scenario.items,
      expect: scenario.expect,
      at: ctx.at(at),
    })
  })
  return issues
}

/** The `escalations` scenario target. */
export const escalationScenarioTarget: ScenarioFileKind<EscalationScenariosFile, RuleSet> = {
  target: 'escalations',
  schema: escalationScenariosFile,
  load: loadEscalationScenarios,
}
