/**
 * Where the workbench may write: a rule file (`*.yaml`, `*.yml`) inside the rules folder, named by a
 * relative `/` path. No `..`, no absolute or drive paths, no hidden names, nothing under `schemas/`
 * (generated), and no symbolic link on the way: the real path of the target's folder must lie inside the
 * real path of the rules folder, and the target itself, when it exists, must be a plain file.
 */
import { lstat, realpath } from 'node:fs/promises'
import { join, sep } from 'node:path'

export type RulePathResult = { ok: true; path: string } | { ok: false; message: string; messageEn: string }

const refuse = (message: string, messageEn: string): RulePathResult => ({ ok: false, message, messageEn })

/** Checks the text of a path alone (no disk): the first gate, also run by the page before it asks. */
export function checkRulePathText(relative: unknown): RulePathResult | undefined {
  if (typeof relative !== 'string' || relative.length === 0 || relative.length > 300) return refuse('文件路径应为 1 到 300 个字符。', 'the file path must be 1 to 300 characters.')
  if (/[\u0000-\u001f\u007f\\]/.test(relative)) return refuse('文件路径含有控制字符或反斜杠。', 'the file path has a control character or a backslash.')
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) return refuse('只能写规则目录里的文件，不能用绝对路径。', 'only files inside the rules folder may be written; absolute paths are refused.')
  const segments = relative.split('/')
  if (segments.some((s) => s === '..')) return refuse('文件路径不能含 ".."，只能写规则目录里的文件。', 'the file path may not contain "..": only files inside the rules folder may be written.')
  if (segments.some((s) => s === '' || s === '.' || s.startsWith('.'))) return refuse('文件路径含有空段、"." 或隐藏文件名。', 'the file path has an empty segment, "." or a hidden name.')
  if (segments[0] === 'schemas' || segments[0] === 'node_modules') return refuse(`${segments[0]}/ 下的文件由程序生成，不能在这里改。`, `files under ${segments[0]}/ are generated and cannot be edited here.`)
  if (!/\.ya?ml$/.test(relative)) return refuse('只能写规则文件（.yaml 或 .yml）。', 'only rule files (.yaml or .yml) may be written.')
  return undefined
}

/**
 * The absolute path to write `relative` to, inside the rules folder whose real path is `rootReal`.
 * @param rootReal `realpath` of the rules folder
 */
export async function resolveRulePath(rootReal: string, relative: unknown): Promise<RulePathResult> {
  const textual = checkRulePathText(relative)
  if (textual) return textual
  const segments = (relative as string).split('/')
  const target = join(rootReal, ...segments)
  const parent = join(rootReal, ...segments.slice(0, -1))
  let parentReal: string
  try {
    parentReal = await realpath(parent)
  } catch {
    return refuse(`目录 ${segments.slice(0, -1).join('/')} 不存在；只能写已有目录里的文件。`, `folder ${segments.slice(0, -1).join('/')} does not exist; files may only be written into existing folders.`)
  }
  if (parentReal !== rootReal && !parentReal.startsWith(rootReal + sep)) {
    return refuse('该路径经符号链接指向规则目录之外，拒绝写入。', 'the path leads outside the rules folder through a symbolic link; refused.')
  }
  const info = await lstat(target).catch(() => undefined)
  if (info && !info.isFile()) return refuse('目标不是普通文件（可能是符号链接或目录），拒绝写入。', 'the target is not a plain file (a symbolic link or a folder); refused.')
  return { ok: true, path: join(parentReal, segments.at(-1)!) }
}
