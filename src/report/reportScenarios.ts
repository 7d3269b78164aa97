/**
 * Report scenarios (`kind: scenarios`, `target: report`): small record sets with the figures, hot spots
 * and redactions expected of their summary. The records are checked when the scenario runs (a bad one
 * becomes an appendix entry, which a scenario can expect).
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, ScenarioFileKind } from '../ruleset/capability.js'
import { reportScenariosFile, type ReportScenariosFile } from './schemas.js'
import type { ReportRuleSet } from './types.js'

function loadReportScenarios(data: ReportScenariosFile, ruleSet: ReportRuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  const scenarios = (ruleSet.reportScenarios ??= [])
  data.scenarios.forEach((scenario, i) => {
    const at = ['scenarios', i]
    const { summary, contains, notContains, error } = scenario.expect
    if (summary === undefined && contains === undefined && notContains === undefined && error === undefined) {
      issues.push(ctx.issueAt([...at, 'expect'], 'invalid_scenario', 'expect 至少写一项：summary、contains、notContains 或 error。', 'expect needs at least one of summary, contains, notContains, error.'))
      return
    }
    if (error !== undefined && (summary !== undefined || contains !== undefined || notContains !== undefined)) {
      issues.push(ctx.issueAt([...at, 'expect', 'error'], 'invalid_scenario', 'expect.error 不能与 summary、contains、notContains 同用。', 'expect.error goes alone.', { preferKey: true }))
      return
    }
    scenarios.push({ ...scenario, at: ctx.at(at) })
  })
  return issues
}

/** The `report` scenario target (its loading half; running is in `runReportScenarios.ts`). */
export const reportScenarioTarget: ScenarioFileKind<ReportScenariosFile, ReportRuleSet> = {
  target: 'report',
  schema: reportScenariosFile,
  load: loadReportScenarios,
}
