/**
 * `xiaobao/node`: reading rule folders from disk.
 */
export { loadRuleSet, safeLoadRuleSet } from './loadRuleSet.js'
import { readRuleFiles as readRuleFilesUnguarded, readRuleFolder as readRuleFolderUnguarded } from './readRuleFiles.js'
import { publicFunction } from '../problems/publicFunction.js'
/** Reads a folder's rule files (path and text); takes a safe copy of `dir`, throws only XiaobaoError. */
export const readRuleFiles = /* @__PURE__ */ publicFunction(readRuleFilesUnguarded, [{ name: 'dir', kind: 'data' }])
/** Reads a folder's rule files and the folder's own problems; takes a safe copy of `dir`, throws only XiaobaoError. */
export const readRuleFolder = /* @__PURE__ */ publicFunction(readRuleFolderUnguarded, [{ name: 'dir', kind: 'data' }])
export type { RuleFolder } from './readRuleFiles.js'
export { XiaobaoError } from '../problems/XiaobaoError.js'
