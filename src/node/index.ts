/**
 * `xiaobao/node`: reading rule folders from disk.
 */
export { loadRuleSet, safeLoadRuleSet } from './loadRuleSet.js'
export { readRuleFiles } from './readRuleFiles.js'
