/**
 * Loads a rules folder from disk (Node only).
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseRuleSet, type ParseRuleSetResult } from '../capabilities.js'
import type { RuleSet } from '../capabilities.js'
import { readRuleFolder } from './readRuleFiles.js'
import type { Issue } from '../problems/issue.js'
import { asXiaobaoError } from '../problems/snapshotInput.js'

/**
 * Loads and checks the rule files under `dir`.
 * @throws XiaobaoError carrying every problem found, each with `file:line:col`
 * @example
 * const engine = createEngine({ rules: await loadRuleSet('./rules') })
 */
export async function loadRuleSet(dir: string): Promise<RuleSet> {
  const result = await safeLoadRuleSet(dir)
  if (!result.ok) throw new XiaobaoError(result.issues)
  return result.value
}

/** Like `loadRuleSet`, but returns the problems as data (used by `xiaobao lint`); never throws. */
export async function safeLoadRuleSet(dir: string): Promise<ParseRuleSetResult> {
  try {
    if (typeof dir !== 'string' || dir.length === 0) {
      throw new XiaobaoError([{ code: 'invalid_input', severity: 'error', message: 'loadRuleSet 需要规则目录的路径（文本）。', messageEn: 'loadRuleSet needs the path of a rules folder (a string).' }])
    }
    const folder = await readRuleFolder(dir)
    const result = parseRuleSet(folder.files)
    if (folder.issues.length === 0) return result
    const issues = [...folder.issues, ...(result.ok ? [] : result.issues)] as [Issue, ...Issue[]]
    return { ok: false, issues, warnings: result.warnings }
  } catch (error) {
    return { ok: false, issues: asXiaobaoError(error).issues, warnings: [] }
  }
}
