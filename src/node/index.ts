/**
 * `xiaobao/node`: reading rule folders from disk.
 */
export { loadRuleSet, safeLoadRuleSet } from './loadRuleSet.js'
export { readRuleFiles, readRuleFolder } from './readRuleFiles.js'
export type { RuleFolder } from './readRuleFiles.js'
export { XiaobaoError } from '../problems/XiaobaoError.js'
