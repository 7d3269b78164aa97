/**
 * `xiaobao test [rules-dir]`: runs legal staff's scenario files; a readable pass/fail report; exit 1 on
 * any failure. The closing line is `N passed, M failed`.
 */
import { join } from 'node:path'
import { runScenarios } from '../../scenarios/runScenarios.js'
import { engineFor, write, type CliIo } from '../io.js'

export const testHelp = `xiaobao test [rules-dir] [--filter TEXT] [--json]
  运行规则目录里的测试场景（*.test.yaml）。Run the scenario files (*.test.yaml) of a rules folder.
  rules-dir 默认为 ./rules。--filter 只运行名称含 TEXT 的场景。退出码：有失败为 1。`

export async function testCommand(dir: string, io: CliIo, options: { filter?: string; json: boolean }): Promise<number> {
  const engine = await engineFor(dir)
  const scenarios = engine.ruleSet.scenarios.filter((s) => !options.filter || s.name.includes(options.filter))
  const results = await runScenarios(engine, scenarios)
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
  return failed.length > 0 ? 1 : 0
}
