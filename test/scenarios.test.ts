/**
 * Legal staff's scenario files, each scenario a vitest test: the bundled rules/ and the base fixture.
 */
import { describe, expect, test } from 'vitest'
import { createEngine } from '../src/engine/createEngine.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { runScenario, routeScenarioRunner } from '../src/routing/routeScenarios.js'
import { runOne } from '../src/scenarios/runner.js'
import { measureRuns } from '../src/scenarios/accuracy.js'
import { runMeetingScenario } from '../src/meetings/runMeetingScenarios.js'
import { runEscalationScenario } from '../src/escalations/runEscalationScenarios.js'
import { runReportScenario } from '../src/report/runReportScenarios.js'
import { FIXTURES, RULES_DIR } from './fixtures.js'

for (const [label, dir] of [
  ['rules/', RULES_DIR],
  ['test/fixtures/base', FIXTURES + 'base'],
] as const) {
  const ruleSet = await loadRuleSet(dir)
  const engine = createEngine({ rules: ruleSet })
  describe(label, () => {
    test.each(ruleSet.scenarios.filter((s) => !s.measure).map((s) => [`${s.at.file}:${s.at.line} ${s.name}`, s] as const))('%s', async (_name, scenario) => {
      const result = await runScenario(engine, scenario)
      expect(result.failures).toEqual([])
    })
    // The field corpus is measured by accuracy per file (its `measure:` thresholds), not scenario by scenario.
    const fieldFiles = [...new Set(ruleSet.scenarios.filter((s) => s.measure).map((s) => s.at.file))]
    test.each(fieldFiles)('field accuracy of %s meets its thresholds', async (file) => {
      const runs = []
      for (const scenario of ruleSet.scenarios.filter((s) => s.at.file === file)) runs.push(await runOne(routeScenarioRunner, engine, scenario))
      const [measured] = measureRuns(runs)
      expect(measured!.all.accuracy).toBeGreaterThanOrEqual(measured!.minAccuracy)
      if (measured!.minFrozenAccuracy !== undefined) expect(measured!.frozen.accuracy).toBeGreaterThanOrEqual(measured!.minFrozenAccuracy)
    })
    const meetingScenarios = ruleSet.meetingScenarios ?? []
    if (meetingScenarios.length > 0) {
      test.each(meetingScenarios.map((s) => [`${s.at.file}:${s.at.line} ${s.name}`, s] as const))('%s', async (_name, scenario) => {
        const result = await runMeetingScenario(engine, scenario)
        expect(result.failures).toEqual([])
      })
    }
    const escalationScenarios = ruleSet.escalationScenarios ?? []
    if (escalationScenarios.length > 0) {
      test.each(escalationScenarios.map((s) => [`${s.at.file}:${s.at.line} ${s.name}`, s] as const))('%s', async (_name, scenario) => {
        const result = await runEscalationScenario(engine, scenario)
        expect(result.failures).toEqual([])
      })
    }
    const reportScenarios = ruleSet.reportScenarios ?? []
    if (reportScenarios.length > 0) {
      test.each(reportScenarios.map((s) => [`${s.at.file}:${s.at.line} ${s.name}`, s] as const))('%s', async (_name, scenario) => {
        const result = await runReportScenario(engine, scenario)
        expect(result.failures).toEqual([])
      })
    }
  })
}
