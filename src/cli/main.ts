/**
 * The `xiaobao` command line: route, lint, test, schema.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkMeetingCommand, checkMeetingHelp } from './commands/checkMeeting.js'
import { lintCommand, lintHelp } from './commands/lint.js'
import { routeCommand, routeHelp } from './commands/route.js'
import { schemaCommand, schemaHelp } from './commands/schema.js'
import { testCommand, testHelp } from './commands/test.js'
import { engineFor, printError, type CliIo } from './io.js'
import { escalationsCommand, escalationsHelp } from './commands/escalations.js'
import { calendarCommand, calendarHelp } from './commands/calendar.js'
import { analyzeCommand, analyzeHelp } from './commands/analyze.js'
import { reportCommand, reportHelp } from './commands/report.js'
import { initCommand, initHelp } from './commands/init.js'
import { workbenchCommand, workbenchHelp } from './commands/workbench.js'

const HELP: Record<string, string> = { route: routeHelp, lint: lintHelp, test: testHelp, schema: schemaHelp, 'check-meeting': checkMeetingHelp, escalations: escalationsHelp, calendar: calendarHelp, analyze: analyzeHelp, report: reportHelp, init: initHelp, workbench: workbenchHelp }

export const mainHelp = `xiaobao（消保）— 县市场监管局消费者权益保护规则工具
Usage: xiaobao <command> [options]

  route [file|-]        分办投诉、举报、咨询 / route complaints (JSON or NDJSON)
  lint [rules-dir]      检查规则文件 / check rule files (file:line:col)
  test [rules-dir]      运行测试场景 / run the scenario files
  schema [out-dir]      写出 JSON Schema / write the rule files' JSON Schemas
  check-meeting FILE    检查联席会议决定的程序 / check a joint-meeting decision (YAML or JSON)
  escalations FILE      期限、超期与督办 / deadlines, overdue items and escalation (--as-of DATE)
  calendar YEAR         某年的放假和调休上班日 / a year's rest days and make-up working days
  analyze [rules-dir]   分析规则：覆盖、冲突、遮蔽、测试覆盖 / analyse the rules (coverage, collisions, shadowing)
  report FILE           消费维权数据分析报告 / the information-analysis report (--from, --to; HTML, Markdown, JSON)
  init [dir]            新建本局自己的规则目录（--county 县名）/ create a bureau's own rules folder
  workbench [rules-dir] 在本机网页中试分办、改规则、跑测试 / a local web page to try, edit and test the rules

xiaobao <command> --help 查看各命令的说明 / for a command's options.`

/** `--jobs N`: a whole number from 1 to 64 (1 when not given); `undefined` when it is not. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return 1
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(mainHelp + '\n')
    return command ? 0 : 2
  }
  if (!(command in HELP)) {
    io.stderr.write(`未知的命令 / unknown command: ${command}\n\n${mainHelp}\n`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        county: { type: 'string' }, // init
        force: { type: 'boolean' }, // init
        port: { type: 'string' }, // workbench
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        strict: { type: 'boolean' },
        jobs: { type: 'string' },
        evaluator: { type: 'string' },
        rules: { type: 'string' },
        filter: { type: 'string' },
        'as-of': { type: 'string' },
        provisional: { type: 'boolean' },
        format: { type: 'string' },
        html: { type: 'string' },
        coverage: { type: 'boolean' },
        verbose: { type: 'boolean' },
        reporter: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'compare-with': { type: 'string' },
        markdown: { type: 'boolean' },
        audience: { type: 'string' },
      },
    })
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${HELP[command]}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout.write(HELP[command] + '\n')
    return 0
  }
  const at = (p: string) => resolve(io.cwd, p)
  try {
    switch (command) {
      case 'route': {
        if (parseJobs(values.jobs) === undefined) {
          io.stderr.write(`--jobs 应为 1 到 64 的整数 / --jobs must be a whole number from 1 to 64, not ${JSON.stringify(values.jobs)}\n`)
          return 2
        }
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        const file = positionals[0] ?? '-'
        return await routeCommand(engine, file === '-' ? '-' : at(file), io, { explain: values.explain ?? false, strict: values.strict ?? false, evaluator: values.evaluator, jobs: parseJobs(values.jobs), rulesDir: values.rules ? at(values.rules) : undefined })
      }
      case 'check-meeting': {
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        return await checkMeetingCommand(engine, positionals[0] === undefined ? undefined : at(positionals[0]), io, { json: values.json ?? false })
      }
      case 'escalations': {
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        const file = positionals[0]
        return await escalationsCommand(engine, file === undefined || file === '-' ? file : at(file), io, { asOf: values['as-of'], provisional: values.provisional ?? false, json: values.json ?? false })
      }
      case 'calendar': {
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        return await calendarCommand(engine, positionals[0], io, { json: values.json ?? false, provisional: values.provisional ?? false })
      }
      case 'report': {
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        const file = positionals[0]
        return await reportCommand(engine, file === undefined || file === '-' ? file : at(file), io, {
          from: values.from,
          to: values.to,
          compareWith: values['compare-with'],
          html: values.html ? at(values.html) : undefined,
          markdown: values.markdown ?? false,
          json: values.json ?? false,
          audience: values.audience,
          provisional: values.provisional ?? false,
          strict: values.strict ?? false,
        })
      }
      case 'lint':
        return await lintCommand(at(positionals[0] ?? 'rules'), io, { json: values.json ?? false })
      case 'test':
        return await testCommand(at(positionals[0] ?? 'rules'), io, { filter: values.filter, json: values.json ?? false, coverage: values.coverage ?? false, reporter: values.reporter })
      case 'analyze':
        return await analyzeCommand(at(positionals[0] ?? 'rules'), io, { json: values.json ?? false, format: values.format, html: values.html ? at(values.html) : undefined, asOf: values['as-of'], verbose: values.verbose ?? false })
      case 'init':
        return await initCommand(at(positionals[0] ?? 'rules'), io, { county: values.county, force: values.force ?? false, shown: positionals[0] ?? 'rules' })
      case 'workbench':
        return await workbenchCommand(at(positionals[0] ?? 'rules'), io, { port: values.port })
      case 'schema':
        return await schemaCommand(at(positionals[0] ?? 'rules'), io)
    }
  } catch (error) {
    return printError(io, error)
  }
  return 2
}
