/**
 * Reads every rule file (`*.yaml`, `*.yml`) under a folder, recursively, skipping `schemas/`.
 * Symbolic links are followed when they stay inside the folder (a loop is reported once), and reported
 * when they lead outside it or nowhere: never skipped without a word. Files are decoded as strict UTF-8
 * (a BOM is stripped); an invalid byte is an `invalid_encoding` problem at its `file:line:col`.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Issue, PlainIssueCode } from '../problems/issue.js'
import { XiaobaoError, xiaobaoError } from '../problems/XiaobaoError.js'
import type { RuleFileText } from '../ruleset/parseRuleSet.js'
import { MAX_RULE_FILE_BYTES } from '../ruleset/yamlSource.js'

/** What a folder holds: the files read, and the problems of the entries that could not be. */
export interface RuleFolder {
  files: RuleFileText[]
  issues: Issue[]
}

/**
 * Reads the rule files of `dir`; throws `XiaobaoError` when an entry cannot be read (see `readRuleFolder`
 * for the problems as data).
 */
export async function readRuleFiles(dir: string): Promise<RuleFileText[]> {
  const { files, issues } = await readRuleFolder(dir)
  if (issues.length > 0) throw new XiaobaoError(issues as [Issue, ...Issue[]])
  return files
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Decodes strict UTF-8 (BOM stripped), or returns where the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; col: number; byte: number } {
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    const bad = firstInvalidByte(bytes)
    let lineStart = 0
    let line = 1
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1))
    const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).replace(/^\uFEFF/, '').length + 1
    return { ok: false, line, col, byte: bad }
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    let min: number
    if (b < 0x80) (need = 0), (min = 0)
    else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80)
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800)
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000)
    else return i
    if (i + need >= bytes.length && need > 0) return i
    let code = need === 0 ? b : b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!
      if ((c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}

/** Reads the rule files of `dir` and reports, as data, every entry it could not read. */
export async function readRuleFolder(dir: string): Promise<RuleFolder> {
  let info
  try {
    info = await stat(dir)
  } catch {
    throw xiaobaoError('missing_file', `找不到规则目录 ${dir}。`, `rules folder ${dir} not found.`)
  }
  if (!info.isDirectory()) throw xiaobaoError('missing_file', `${dir} 不是目录。`, `${dir} is not a folder.`)
  const root = await realpath(dir)
  const inside = (real: string) => real === root || real.startsWith(root + sep)
  const files: RuleFileText[] = []
  const issues: Issue[] = []
  const rel = (full: string) => relative(dir, full).split(sep).join('/')
  const problem = (code: PlainIssueCode, file: string, message: string, messageEn: string, extra: Partial<Issue> = {}) =>
    issues.push({ code, severity: 'error', file, message, messageEn, ...extra } as Issue)

  const readFileAt = async (full: string, size: number) => {
    const path = rel(full)
    // Oversized files are not read into memory; the parser reports them by size.
    if (size > MAX_RULE_FILE_BYTES) return void files.push({ path, text: '', size })
    let bytes: Buffer
    try {
      bytes = await readFile(full)
    } catch (error) {
      return void problem('unreadable_file', path, `无法读取：${(error as Error).message}`, `cannot be read: ${(error as Error).message}`)
    }
    const decoded = decodeUtf8(bytes)
    if (decoded.ok) return void files.push({ path, text: decoded.text })
    problem(
      'invalid_encoding',
      path,
      `第 ${decoded.line} 行第 ${decoded.col} 列有不是 UTF-8 的字节（0x${bytes[decoded.byte]!.toString(16).padStart(2, '0')}）。请把文件另存为 UTF-8 编码（如从 GBK 转换）。`,
      `byte 0x${bytes[decoded.byte]!.toString(16).padStart(2, '0')} at line ${decoded.line}, column ${decoded.col} is not UTF-8. Save the file as UTF-8 (e.g. convert it from GBK).`,
      { line: decoded.line, col: decoded.col },
    )
  }

  const walk = async (folder: string, visiting: Set<string>): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = join(folder, entry.name)
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const isRule = /\.ya?ml$/.test(entry.name)
        let real: string
        try {
          real = await realpath(full)
        } catch {
          if (isRule || !entry.name.startsWith('.')) problem('missing_file', rel(full), `符号链接指向不存在的位置（或形成循环），已忽略。`, `the symbolic link leads nowhere (or into a loop); it was not read.`)
          continue
        }
        const target = await stat(real)
        isDirectory = target.isDirectory()
        isFile = target.isFile()
        if (!isDirectory && !(isFile && isRule)) continue
        if (!inside(real)) {
          problem('unreadable_file', rel(full), `符号链接指向规则目录之外（${real}），未读取。请复制该文件，或把链接指向目录内。`, `the symbolic link leads outside the rules folder (${real}); it was not read. Copy the file in, or link within the folder.`)
          continue
        }
        if (isDirectory && visiting.has(real)) {
          problem('symlink_loop', rel(full), `符号链接形成循环（指回上层目录），未再次读取。`, `the symbolic link loops back to a folder above it; it was not read again.`)
          continue
        }
        if (isDirectory) {
          if (entry.name === 'schemas' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue
          await walk(full, new Set([...visiting, real]))
        } else await readFileAt(full, target.size)
        continue
      }
      if (isDirectory) {
        if (entry.name === 'schemas' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue
        await walk(full, new Set([...visiting, await realpath(full)]))
      } else if (isFile && /\.ya?ml$/.test(entry.name)) {
        await readFileAt(full, (await stat(full)).size)
      }
    }
  }
  await walk(dir, new Set([root]))
  return { files, issues }
}
