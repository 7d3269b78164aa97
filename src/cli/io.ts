/**
 * Small CLI helpers: output streams that tests can capture, exit codes, file errors, colours.
 */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createEngine, type Engine } from '../engine/createEngine.js'
import { loadRuleSet } from '../node/loadRuleSet.js'
import { formatIssue } from '../problems/issue.js'
import { XiaobaoError, xiaobaoError } from '../problems/XiaobaoError.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream
  cwd: string
  /** Environment for colour decisions (NO_COLOR, FORCE_COLOR); `process.env` when omitted. */
  env?: Record<string, string | undefined>
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if ((stream as { destroyed?: boolean }).destroyed) return resolve()
    if (stream.write(text)) resolve()
    else {
      // A reader that went away (EPIPE) never drains: settle on 'close'/'error' too.
      const done = () => {
        stream.off('drain', done)
        stream.off('close', done)
        stream.off('error', done)
        resolve()
      }
      stream.once('drain', done)
      stream.once('close', done)
      stream.once('error', done)
    }
  })
}

/** An engine over `rulesDir` (or the bundled rules when omitted). */
export async function engineFor(rulesDir: string | undefined): Promise<Engine> {
  return rulesDir ? createEngine({ rules: await loadRuleSet(rulesDir) }) : createEngine()
}

const READ_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG'])
const WRITE_CODES = new Set([...READ_CODES, 'EROFS', 'ENOSPC', 'EEXIST'])

/**
 * A file-system error on `file` as the typed error a user reads: `missing_file` (not there),
 * `unreadable_file` (a folder, no permission) or, for outputs, `unwritable_file`. `undefined` when
 * `error` is not a file-system error.
 */
export function fileError(error: unknown, file: string | undefined, mode: 'read' | 'write'): XiaobaoError | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string' || !(mode === 'read' ? READ_CODES : WRITE_CODES).has(code)) return undefined
  const path = file ?? (error as NodeJS.ErrnoException).path ?? '?'
  if (mode === 'write') {
    const [zh, en] =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? ['所在的目录不存在', 'its folder does not exist']
        : code === 'EISDIR'
          ? ['它是一个目录', 'it is a folder']
          : code === 'ENOSPC'
            ? ['磁盘已满', 'the disk is full']
            : ['没有写入权限', 'permission denied']
    return xiaobaoError('unwritable_file', `无法写入 ${path}：${zh}。`, `cannot write ${path}: ${en}.`)
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') return xiaobaoError('missing_file', `找不到文件 ${path}。`, `file not found: ${path}.`)
  if (code === 'EISDIR') return xiaobaoError('unreadable_file', `${path} 是一个目录，不是文件。`, `${path} is a folder, not a file.`)
  if (code === 'ELOOP' || code === 'ENAMETOOLONG') return xiaobaoError('unreadable_file', `无法读取 ${path}：路径无效（${code}）。`, `cannot read ${path}: invalid path (${code}).`)
  return xiaobaoError('unreadable_file', `无法读取 ${path}：没有读取权限。`, `cannot read ${path}: permission denied.`)
}

/**
 * Checks before a long job that an output file can be written: its folder exists and is writable, and the path is not
 * a folder (or a file that cannot be written). Throws the `unwritable_file` that writing would throw at the end, so
 * `xiaobao analyze --html no/such/dir/x.html` says so at once instead of after the whole analysis.
 */
export async function checkWritable(path: string): Promise<void> {
  const fail = (error: unknown) => {
    throw fileError(error, path, 'write') ?? error
  }
  const existing = await stat(path).catch((error: unknown) => ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? undefined : fail(error)))
  if (existing?.isDirectory()) fail(Object.assign(new Error('EISDIR'), { code: 'EISDIR', path }))
  if (existing) return void (await access(path, constants.W_OK).catch(fail))
  const folder = await stat(dirname(path)).catch(fail)
  if (folder && !folder.isDirectory()) fail(Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', path }))
  await access(dirname(path), constants.W_OK).catch(fail)
}

export function printError(io: CliIo, error: unknown): number {
  const typed = error instanceof XiaobaoError ? error : fileError(error, undefined, 'read')
  if (typed) {
    for (const issue of typed.issues) io.stderr.write(formatIssue(issue) + '\n')
    return 2
  }
  io.stderr.write(`内部错误 / internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 3
}

/**
 * Colours for a terminal: on when `stream` is a TTY, off when piped or when NO_COLOR is set; FORCE_COLOR
 * (any value but 0/false) turns them on regardless, for tests.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return stream.isTTY === true
}

const SGR = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const
export type Colour = keyof typeof SGR
export const paint = (on: boolean, colour: Colour, text: string) => (on ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text)

/**
 * Colours a report line by line, by the markers the plain text already has (✓ ✗ ! 错误 警告 …), so the
 * uncoloured text stays exactly what it was.
 */
export function colourReport(text: string, on: boolean): string {
  if (!on) return text
  return text
    .split('\n')
    .map((line) => {
      const t = line.trimStart()
      if (/^(✗|FAIL\b)/.test(t) || /(^|\s)错误 \[/.test(line) || /^\s*error\b/i.test(t)) return paint(true, 'red', line)
      if (/^(✓|PASS\b)/.test(t) || /^规则检查通过|^符合程序|^通过：|^联席会议 .*：符合程序|^\d+ passed, 0 failed$/.test(t)) return paint(true, 'green', line)
      if (/^\d+ passed, [1-9]\d* failed$/.test(t) || /^(不符合程序|未通过|[1-9]\d* 个错误)|^联席会议 .*：不符合程序/.test(t)) return paint(true, 'red', line)
      if (/^!/.test(t) || /(^|\s)警告 \[/.test(line) || /^\s*warning\b/i.test(t)) return paint(true, 'yellow', line)
      if (/^#{1,3} /.test(t)) return paint(true, 'bold', line)
      return line
    })
    .join('\n')
}
