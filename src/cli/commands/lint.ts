/**
 * `xiaobao lint [rules-dir]`: every load problem with `file:line:col`; exit 1 on any error.
 */
import { join } from 'node:path'
import { CAPABILITIES } from '../../capabilities.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { safeLoadRuleSet } from '../../node/loadRuleSet.js'
import { formatIssue } from '../../problems/issue.js'
import { colorsFor, colourReport, write, type CliIo } from '../io.js'

export const lintHelp = `xiaobao lint [rules-dir] [--json]
  检查规则文件，列出所有错误（文件:行:列）。Check rule files; list every problem as file:line:col.
  rules-dir 默认为 ./rules。退出码：有错误为 1。Exit 1 when there is any error.`

export async function lintCommand(dir: string, io: CliIo, options: { json: boolean }): Promise<number> {
  const result = await safeLoadRuleSet(dir)
  // A folder that is not there is a usage error (exit 2), not a rule problem: safeLoadRuleSet returns it as data.
  if (!result.ok && result.issues.length === 1 && result.issues[0].code === 'missing_file' && result.issues[0].file === undefined && /not found|is not a folder/.test(result.issues[0].messageEn)) {
    throw new XiaobaoError(result.issues)
  }
  const issues = result.ok ? [] : result.issues
  const all = [...issues, ...result.warnings].map((i) => (i.file ? { ...i, file: join(dir, i.file) } : i))
  if (options.json) {
    await write(io.stdout, JSON.stringify({ ok: result.ok, ...(result.ok ? { ruleSet: result.value.provenance } : {}), issues: all }, null, 2) + '\n')
  } else {
    const colours = colorsFor(io.stdout, io.env)
    for (const issue of all) await write(io.stdout, colourReport(formatIssue(issue), colours) + '\n')
    if (result.ok) {
      const r = result.value
      await write(
        io.stdout,
        (colours ? '\x1b[32m' : '') +
        `规则检查通过 / rules OK: ${Object.keys(r.sections).length} 个股室 sections, ${r.routingRules.length} 条分办规则 routing rules, ` +
          `${r.screeningRules.length} 条受理/管辖规则 screening rules, ${Object.keys(r.vocabularies).length} 个关键词表 vocabularies, ` +
          `${r.meetingProcedure?.checks.length ?? 0} 项会议检查 meeting checks, ${r.deadlines?.deadlines.length ?? 0} 个期限 deadlines, ` +
          `${r.escalation?.levels.length ?? 0} 级督办 escalation levels, ${r.calendar?.years.length ?? 0} 个年度日历 calendar years, ` +
          `${CAPABILITIES.flatMap((c) => c.targets).reduce((n, t) => n + t.scenarios(r).length, 0)} 个测试场景 scenarios` +
          `${result.warnings.length ? `, ${result.warnings.length} 条警告 warnings` : ''}` +
          (colours ? '\x1b[0m' : '') +
          '\n',
      )
      await write(io.stdout, `规则集 / rule set: 版本 version ${r.provenance.version || '（未设 / unset）'}, 内容哈希 hash ${r.provenance.hash}\n`)
    } else {
      await write(io.stdout, '\n' + colourReport(`${issues.length} 个错误 / errors, ${result.warnings.length} 个警告 / warnings`, colours) + '\n')
    }
  }
  return result.ok ? 0 : 1
}
