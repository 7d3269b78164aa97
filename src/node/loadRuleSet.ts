/**
 * Loads a rules folder from disk (Node only).
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseRuleSet, type ParseRuleSetResult } from '../capabilities.js'
import type { RuleSet } from '../capabilities.js'
import { readRuleFiles } from './readRuleFiles.js'

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

/** Like `loadRuleSet`, but returns the problems as data (used by `xiaobao lint`). */
export async function safeLoadRuleSet(dir: string): Promise<ParseRuleSetResult> {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new XiaobaoError([{ code: 'invalid_input', severity: 'error', message: 'loadRuleSet 需要规则目录的路径（文本）。', messageEn: 'loadRuleSet needs the path of a rules folder (a string).' }])
  }
  return parseRuleSet(await readRuleFiles(dir))
}
