/**
 * `xiaobao test [rules-dir]`: runs legal staff's scenario files; a readable pass/fail report; exit 1 on
 * any failure. The closing line is `N passed, M failed`.
 */
import { join } from 'node:path'
import { runScenarios, type ScenarioResult } from '../../scenarios/runScenarios.js'
import { runMeetingScenarios } from '../../meetings/runMeetingScenarios.js'
import { runEscalationScenarios } from '../../escalations/runEscalationScenarios.js'
import { runReportScenarios } from '../../report/runReportScenarios.js'
import type { ReportRuleSet } from '../../report/types.js'
import { engineFor, write, type CliIo } from '../io.js'
import { analyzeRuleSet } from '../../analysis/analyzeRuleSet.js'
import { formatCoverageSummary } from '../../analysis/formatAnalysis.js'

export const testHelp = `xiaobao test [rules-dir] [--filter TEXT] [--json] [--coverage]
  运行规则目录里的测试场景（*.test.yaml）。Run the scenario files (*.test.yaml) of a rules folder.
  rules-dir 默认为 ./rules。--filter 只运行名称含 TEXT 的场景。退出码：有失败为 1。
  --coverage 另列测试覆盖：哪些规则、条件、职责项从未被场景走到（xiaobao analyze 的摘要）。
  --coverage also prints which rules, conditions and duty items no scenario reaches.`

export async function testCommand(dir: string, io: CliIo, options: { filter?: string; json: boolean; coverage?: boolean }): Promise<number> {
  const engine = await engineFor(dir)
  const scenarios = engine.ruleSet.scenarios.filter((s) => !options.filter || s.name.includes(options.filter))
  const meetingScenarios = (engine.ruleSet.meetingScenarios ?? []).filter((s) => !options.filter || s.name.includes(options.filter))
  const escalationScenarios = (engine.ruleSet.escalationScenarios ?? []).filter((s) => !options.filter || s.name.includes(options.filter))
  const reportScenarios = ((engine.ruleSet as ReportRuleSet).reportScenarios ?? []).filter((s) => !options.filter || s.name.includes(options.filter))
  const results: ScenarioResult[] = [
    ...(await runScenarios(engine, scenarios)),
    ...(await runMeetingScenarios(engine, meetingScenarios)),
    ...(await runEscalationScenarios(engine, escalationScenarios)),
    ...(await runReportScenarios(engine, reportScenarios)),
  ]
  const failed = results.filter((r) => !r.passed)
  if (options.json) {
    await write(io.stdout, JSON.stringify(results.map(({ decision: _d, ...r }) => r), null, 2) + '\n')
  } else {
    let file = ''
    for (const r of results) {
      if (r.at.file !== file) {
        file = r.at.file
        await write(io.stdout, `\n${join(dir, file)}\n`)
      }
      await write(io.stdout, `  ${r.passed ? '✓' : '✗'} ${r.name}${r.passed ? '' : `  (${join(dir, r.at.file)}:${r.at.line})`}\n`)
      for (const f of r.failures) await write(io.stdout, `      ${f}\n`)
    }
    await write(io.stdout, `\n${results.length - failed.length} passed, ${failed.length} failed\n`)
  }
  if (options.coverage) {
    const analysis = analyzeRuleSet(engine.ruleSet, { scenarios, meetingScenarios })
    await write(options.json ? io.stderr : io.stdout, '\n' + formatCoverageSummary(analysis, { file: (path) => join(dir, path) }))
  }
  return failed.length > 0 ? 1 : 0
}
