/**
 * Small CLI helpers: output streams that tests can capture, exit codes, shared option parsing.
 */
import { createEngine, type Engine } from '../engine/createEngine.js'
import { loadRuleSet } from '../node/loadRuleSet.js'
import { formatIssue } from '../problems/issue.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream
  cwd: string
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve()
    else stream.once('drain', resolve)
  })
}

/** An engine over `rulesDir` (or the bundled rules when omitted). */
export async function engineFor(rulesDir: string | undefined): Promise<Engine> {
  return rulesDir ? createEngine({ rules: await loadRuleSet(rulesDir) }) : createEngine()
}

export function printError(io: CliIo, error: unknown): number {
  if (error instanceof XiaobaoError) {
    for (const issue of error.issues) io.stderr.write(formatIssue(issue) + '\n')
    return 2
  }
  io.stderr.write(`内部错误 / internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 3
}
