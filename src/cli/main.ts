/**
 * The `xiaobao` command line: route, lint, test, schema.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { lintCommand, lintHelp } from './commands/lint.js'
import { routeCommand, routeHelp } from './commands/route.js'
import { schemaCommand, schemaHelp } from './commands/schema.js'
import { testCommand, testHelp } from './commands/test.js'
import { engineFor, printError, type CliIo } from './io.js'

const HELP: Record<string, string> = { route: routeHelp, lint: lintHelp, test: testHelp, schema: schemaHelp }

export const mainHelp = `xiaobao（消保）— 县市场监管局消费者权益保护规则工具
Usage: xiaobao <command> [options]

  route [file|-]        分办投诉、举报、咨询 / route complaints (JSON or NDJSON)
  lint [rules-dir]      检查规则文件 / check rule files (file:line:col)
  test [rules-dir]      运行测试场景 / run the scenario files
  schema [out-dir]      写出 JSON Schema / write the rule files' JSON Schemas

xiaobao <command> --help 查看各命令的说明 / for a command's options.`

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
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        strict: { type: 'boolean' },
        rules: { type: 'string' },
        filter: { type: 'string' },
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
        const engine = await engineFor(values.rules ? at(values.rules) : undefined)
        const file = positionals[0] ?? '-'
        return await routeCommand(engine, file === '-' ? '-' : at(file), io, { explain: values.explain ?? false, strict: values.strict ?? false })
      }
      case 'lint':
        return await lintCommand(at(positionals[0] ?? 'rules'), io, { json: values.json ?? false })
      case 'test':
        return await testCommand(at(positionals[0] ?? 'rules'), io, { filter: values.filter, json: values.json ?? false })
      case 'schema':
        return await schemaCommand(at(positionals[0] ?? 'rules/schemas'), io)
    }
  } catch (error) {
    return printError(io, error)
  }
  return 2
}
