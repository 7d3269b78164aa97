/**
 * The `xiaobao` command line. Each command is one row of COMMANDS: its help, its own options (an option
 * of another command is a usage error) and how it runs. Adding a command is adding a row.
 */
import { readFileSync } from 'node:fs'
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
import { trainCommand, trainHelp } from './commands/train.js'

type OptionSpec = { type: 'boolean' | 'string'; short?: string }
type Values = Record<string, string | boolean | undefined>

interface Command {
  help: string
  /** The command's own options (`--help` is every command's). */
  options: Record<string, OptionSpec>
  run: (values: Values, positionals: string[], io: CliIo, at: (path: string) => string) => Promise<number>
}

const flag: OptionSpec = { type: 'boolean' }
const text: OptionSpec = { type: 'string' }
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)
const bool = (v: string | boolean | undefined) => v === true
const rulesOf = (values: Values, at: (path: string) => string) => (str(values.rules) ? at(str(values.rules)!) : undefined)

/** `--jobs N`: a whole number from 1 to 64 (1 when not given); `undefined` when it is not. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return 1
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined
}

export const COMMANDS: Record<string, Command> = {
  route: {
    help: routeHelp,
    options: { rules: text, explain: flag, strict: flag, jobs: text, evaluator: text, format: text },
    async run(values, positionals, io, at) {
      const jobs = parseJobs(str(values.jobs))
      if (jobs === undefined) {
        io.stderr.write(`--jobs 应为 1 到 64 的整数 / --jobs must be a whole number from 1 to 64, not ${JSON.stringify(values.jobs)}\n`)
        return 2
      }
      const engine = await engineFor(rulesOf(values, at))
      const file = positionals[0] ?? '-'
      return routeCommand(engine, file === '-' ? '-' : at(file), io, { explain: bool(values.explain), strict: bool(values.strict), evaluator: str(values.evaluator), jobs, format: str(values.format) })
    },
  },
  lint: {
    help: lintHelp,
    options: { json: flag },
    run: (values, positionals, io, at) => lintCommand(at(positionals[0] ?? 'rules'), io, { json: bool(values.json) }),
  },
  test: {
    help: testHelp,
    options: { filter: text, json: flag, coverage: flag, reporter: text, 'show-frozen': flag },
    run: (values, positionals, io, at) => testCommand(at(positionals[0] ?? 'rules'), io, { filter: str(values.filter), json: bool(values.json), coverage: bool(values.coverage), reporter: str(values.reporter), showFrozen: bool(values['show-frozen']) }),
  },
  train: {
    help: trainHelp,
    options: {},
    run: (_values, positionals, io, at) => trainCommand(at(positionals[0] ?? 'rules'), io),
  },
  schema: {
    help: schemaHelp,
    options: {},
    run: (_values, positionals, io, at) => schemaCommand(at(positionals[0] ?? 'rules'), io),
  },
  'check-meeting': {
    help: checkMeetingHelp,
    options: { rules: text, json: flag },
    async run(values, positionals, io, at) {
      const engine = await engineFor(rulesOf(values, at))
      return checkMeetingCommand(engine, positionals[0] === undefined ? undefined : at(positionals[0]), io, { json: bool(values.json) })
    },
  },
  escalations: {
    help: escalationsHelp,
    options: { rules: text, 'as-of': text, provisional: flag, json: flag },
    async run(values, positionals, io, at) {
      const engine = await engineFor(rulesOf(values, at))
      const file = positionals[0]
      return escalationsCommand(engine, file === undefined || file === '-' ? file : at(file), io, { asOf: str(values['as-of']), provisional: bool(values.provisional), json: bool(values.json) })
    },
  },
  calendar: {
    help: calendarHelp,
    options: { rules: text, json: flag, provisional: flag },
    async run(values, positionals, io, at) {
      const engine = await engineFor(rulesOf(values, at))
      return calendarCommand(engine, positionals[0], io, { json: bool(values.json), provisional: bool(values.provisional) })
    },
  },
  analyze: {
    help: analyzeHelp,
    options: { json: flag, format: text, html: text, 'as-of': text, words: text, verbose: flag },
    run: (values, positionals, io, at) =>
      analyzeCommand(at(positionals[0] ?? 'rules'), io, { json: bool(values.json), format: str(values.format), html: str(values.html) ? at(str(values.html)!) : undefined, asOf: str(values['as-of']), words: str(values.words) ? at(str(values.words)!) : undefined, verbose: bool(values.verbose) }),
  },
  report: {
    help: reportHelp,
    options: { rules: text, from: text, to: text, 'compare-with': text, html: text, markdown: flag, json: flag, audience: text, provisional: flag, strict: flag },
    run: async (values, positionals, io, at) => {
      const engine = await engineFor(rulesOf(values, at))
      const file = positionals[0]
      return reportCommand(engine, file === undefined || file === '-' ? file : at(file), io, {
        from: str(values.from),
        to: str(values.to),
        compareWith: str(values['compare-with']),
        html: str(values.html) ? at(str(values.html)!) : undefined,
        markdown: bool(values.markdown),
        json: bool(values.json),
        audience: str(values.audience),
        provisional: bool(values.provisional),
        strict: bool(values.strict),
      })
    },
  },
  init: {
    help: initHelp,
    options: { county: text, force: flag },
    run: (values, positionals, io, at) => initCommand(at(positionals[0] ?? 'rules'), io, { county: str(values.county), force: bool(values.force), shown: positionals[0] ?? 'rules' }),
  },
  workbench: {
    help: workbenchHelp,
    options: { port: text },
    run: (values, positionals, io, at) => workbenchCommand(at(positionals[0] ?? 'rules'), io, { port: str(values.port) }),
  },
}

export const mainHelp = `xiaobao（消保）— 县市场监管局消费者权益保护规则工具
Usage: xiaobao <command> [options]

  route [file|-]        分办投诉、举报、咨询 / route complaints (JSON or NDJSON)
  lint [rules-dir]      检查规则文件 / check rule files (file:line:col)
  test [rules-dir]      运行测试场景 / run the scenario files
  schema [rules-dir]    写出该规则目录的 JSON Schema / write the folder's rule-file JSON Schemas
  check-meeting FILE    检查联席会议决定的程序 / check a joint-meeting decision (YAML or JSON)
  escalations FILE      期限、超期与督办 / deadlines, overdue items and escalation (--as-of DATE)
  calendar YEAR         某年的放假和调休上班日 / a year's rest days and make-up working days
  analyze [rules-dir]   分析规则：覆盖、冲突、遮蔽、测试覆盖 / analyse the rules (coverage, collisions, shadowing)
  report FILE           消费维权数据分析报告 / the information-analysis report (--from, --to; HTML, Markdown, JSON)
  init [dir]            新建本局自己的规则目录（--county 县名）/ create a bureau's own rules folder
  workbench [rules-dir] 在本机网页中试分办、改规则、跑测试 / a local web page to try, edit and test the rules

xiaobao <command> --help 或 xiaobao help <command> 查看各命令的说明 / for a command's options.
xiaobao --version 显示版本 / prints the version.`

/** The package's version, from the package.json beside src/ or dist/. */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = row[j]!
      row[j] = next
    }
  }
  return row[b.length]!
}

/** The nearest of `candidates` to `word`, when near enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = distance(word, c)
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined
}

const optionList = (command: Command) => ['--help', ...Object.keys(command.options).map((o) => `--${o}`)].join(' ')

/** The first option in `args` that `name` does not take, with a message naming the options it does take. */
function unknownOption(name: string, command: Command, args: string[]): string | undefined {
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true, options: { help: { type: 'boolean', short: 'h' }, ...command.options } })
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'help' || token.name in command.options) continue
    const given = token.rawName
    const own = ['help', ...Object.keys(command.options)]
    const guess = token.rawName.startsWith('--') ? nearest(token.name, own) : undefined
    const elsewhere = Object.entries(COMMANDS)
      .filter(([, c]) => token.name in c.options)
      .map(([n]) => n)
    const zh = [
      `xiaobao ${name} 没有选项 ${given}。`,
      guess ? `是不是 --${guess}？` : '',
      elsewhere.length ? `（${given} 是 ${elsewhere.join('、')} 的选项。）` : '',
      `可用选项：${optionList(command)}`,
    ].join('')
    const en = [
      `xiaobao ${name} has no option ${given}.`,
      guess ? ` Did you mean --${guess}?` : '',
      elsewhere.length ? ` (${given} is an option of ${elsewhere.join(', ')}.)` : '',
      ` Its options: ${optionList(command)}`,
    ].join('')
    return `错误 [usage] ${zh}\n    ${en}`
  }
  return undefined
}

function unknownCommand(name: string): string {
  const guess = nearest(name, Object.keys(COMMANDS))
  return `错误 [usage] 未知的命令 ${name}${guess ? `，是不是 ${guess}？` : '。'}\n    unknown command: ${name}${guess ? `. Did you mean ${guess}?` : ''}`
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout.write(`${version()}\n`)
    return 0
  }
  if (name === 'help' && rest.length > 0) {
    const command = COMMANDS[rest[0]!]
    if (!command || !Object.hasOwn(COMMANDS, rest[0]!)) {
      io.stderr.write(`${unknownCommand(rest[0]!)}\n\n${mainHelp}\n`)
      return 2
    }
    io.stdout.write(command.help + '\n')
    return 0
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp + '\n')
    return name ? 0 : 2
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    io.stderr.write(`${unknownCommand(name)}\n\n${mainHelp}\n`)
    return 2
  }
  const unknown = unknownOption(name, command, rest)
  if (unknown) {
    io.stderr.write(`${unknown}\n\n${command.help}\n`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, ...command.options } })
  } catch (error) {
    io.stderr.write(`错误 [usage] ${(error as Error).message}\n\n${command.help}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout.write(command.help + '\n')
    return 0
  }
  const at = (p: string) => resolve(io.cwd, p)
  // A reader that goes away (`| head -1`) ends the command quietly with status 0.
  let closed: (() => void) | undefined
  const gone = new Promise<number>((resolve) => {
    closed = () => resolve(0)
  })
  const onError = (error: NodeJS.ErrnoException) => {
    if (error?.code === 'EPIPE') closed?.()
  }
  io.stdout.on('error', onError)
  try {
    return await Promise.race([command.run(values as Values, positionals, io, at), gone])
  } catch (error) {
    return printError(io, error)
  } finally {
    io.stdout.off('error', onError)
  }
}
