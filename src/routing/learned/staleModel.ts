/**
 * `xiaobao lint`'s check that the model was trained on the scenarios the rule set has now: the hash of
 * the training rows (frozen scenarios dropped first, so a frozen one never makes it stale) against the
 * one recorded in the model file. A warning at the file's `trainedOn.rowsHash`, saying to run `xiaobao train`.
 */
import type { Issue } from '../../problems/issue.js'
import { ROUTING_MESSAGES } from '../issues.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import { trainingRows } from './trainingRows.js'

export function staleModel(ruleSet: RoutingRuleSet): Issue[] {
  const model = ruleSet.routingModel
  if (!model?.trainedOn) return []
  const current = trainingRows(ruleSet).hash
  if (current === model.trainedOn.rowsHash) return []
  const fields = { trained: model.trainedOn.rowsHash, current }
  return [{ code: 'stale_routing_model', severity: 'warning', file: model.at.file, line: model.at.line, col: model.at.col, ...fields, message: ROUTING_MESSAGES.text('zh', 'stale_routing_model', fields), messageEn: ROUTING_MESSAGES.text('en', 'stale_routing_model', fields) }]
}
