/**
 * `xiaobao lint`'s check that the model was trained on the scenarios the rule set has now: per scenario
 * file, the hash of its training rows (frozen scenarios dropped first, so a frozen one never makes it
 * stale) against the one recorded in the model file; a file with rows the model has not seen, or changed
 * rows, makes it stale (a file that is gone does not: trainingRows.ts). A warning at the model file,
 * naming the files and saying to run `xiaobao train`.
 */
import type { Issue } from '../../problems/issue.js'
import { ROUTING_MESSAGES } from '../issues.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import { trainingRows } from './trainingRows.js'

export function staleModel(ruleSet: RoutingRuleSet): Issue[] {
  const model = ruleSet.routingModel
  if (!model?.trainedOn) return []
  const trained = model.trainedOn.files
  const current = trainingRows(ruleSet, { overallHash: trained === undefined })
  let changed: string[]
  if (trained) changed = Object.keys(current.files).filter((file) => trained[file] !== current.files[file])
  else changed = current.hash === model.trainedOn.rowsHash ? [] : ['*']
  if (changed.length === 0) return []
  const fields = { files: changed }
  return [{ code: 'stale_routing_model', severity: 'warning', file: model.at.file, line: model.at.line, col: model.at.col, ...fields, message: ROUTING_MESSAGES.text('zh', 'stale_routing_model', fields), messageEn: ROUTING_MESSAGES.text('en', 'stale_routing_model', fields) }]
}
