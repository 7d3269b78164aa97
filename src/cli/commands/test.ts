/**
 * `xiaobao test [rules-dir]`: runs legal staff's scenario files; a readable pass/fail report; exit 1 on
 * any failure. The closing line is `N passed, M failed`.
 */
import { join } from 'node:path'
import { CAPABILITIES } from '../../capabilities.js'
import { runScenarioTargets } from '../../scenarios/runner.js'
import { formatJson, formatJunit, formatText, runsPassed } from '../../scenarios/reporters.js'
import { colorsFor, colourReport, engineFor, write, type CliIo } from '../io.js'
import { analyzeRuleSet } from '../../analysis/analyzeRuleSet.js'
import { formatCoverageSummary } from '../../analysis/formatAnalysis.js'

export const testHelp = `xiaobao test [rules-dir] [--filter TEXT] [--json | --reporter text|json|junit] [--coverage] [--show-frozen]
  运行规则目录里的测试场景（*.test.yaml）。Run the scenario files (*.test.yaml) of a rules folder.
  rules-dir 默认为 ./rules。--filter 只运行名称含 TEXT 的场景。退出码：有失败为 1。
  --coverage 另列测试覆盖：哪些规则、条件、职责项从未被场景走到（xiaobao analyze 的摘要）。
  --coverage also prints which rules, conditions and duty items no scenario reaches.
  --reporter junit 输出 JUnit XML，供持续集成显示。--reporter junit writes JUnit XML for a CI.
  实地语料冻结的场景只计入正确率，不逐条列出（免得照着它们改规则）；--show-frozen 逐条列出。
  Frozen field scenarios count into the accuracy but are not listed one by one (so nobody tunes to them);
  --show-frozen lists them.`

const REPORTERS = ['text', 'json', 'junit'] as const

export async function testCommand(dir: string, io: CliIo, options: { filter?: string; json: boolean; coverage?: boolean; reporter?: string; showFrozen?: boolean }): Promise<number> {
  const reporter = options.reporter ?? (options.json ? 'json' : 'text')
  if (!(REPORTERS as readonly string[]).includes(reporter)) {
    await write(io.stderr, `未知的 --reporter ${JSON.stringify(reporter)}；可用：${REPORTERS.join('、')} / unknown reporter; use ${REPORTERS.join(', ')}\n`)
    return 2
  }
  const engine = await engineFor(dir)
  const runs = await runScenarioTargets(engine, CAPABILITIES.flatMap((c) => c.targets), options.filter)
  const file = (path: string) => join(dir, path)
  if (options.filter !== undefined && runs.length === 0) {
    await write(io.stderr, `错误 [no_scenarios] 没有名称含 ${JSON.stringify(options.filter)} 的测试场景，一个也没有运行。\n    no scenario name contains ${JSON.stringify(options.filter)}: nothing was run.\n`)
    return 1
  }
  const report = { showFrozen: options.showFrozen === true }
  await write(io.stdout, reporter === 'json' ? formatJson(runs, report) : reporter === 'junit' ? formatJunit(runs, file, report) : colourReport(formatText(runs, file, report), colorsFor(io.stdout, io.env)))
  if (options.coverage) {
    const filtered = <T extends { name: string }>(list: readonly T[] | undefined) => (list ?? []).filter((s) => !options.filter || s.name.includes(options.filter))
    const analysis = analyzeRuleSet(engine.ruleSet, { scenarios: filtered(engine.ruleSet.scenarios), meetingScenarios: filtered(engine.ruleSet.meetingScenarios) })
    const targets = CAPABILITIES.flatMap((c) => c.targets).flatMap((t) => t.coverage?.(engine.ruleSet, runs.filter((r) => r.target === t.target)) ?? [])
    await write(reporter === 'text' ? io.stdout : io.stderr, '\n' + formatCoverageSummary(analysis, { file }) + targets.map((line) => line + '\n').join(''))
  }
  return runsPassed(runs) ? 0 : 1
}
