/** Loads `kind: confidence` into the routing slice. */
import type { RuleFileKind } from '../../ruleset/capability.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import { confidenceFile, type ConfidenceFile } from './schema.js'

export const confidenceKind: RuleFileKind<ConfidenceFile, RoutingRuleSet> = {
  kind: 'confidence',
  schema: confidenceFile,
  role: 'refers',
  max: 1,
  load(d, ruleSet) {
    ruleSet.confidence = { strongEvidence: d.strongEvidence, closeMargin: d.closeMargin, ...(d.similarCasesAgreeAtLeast !== undefined ? { similarCasesAgreeAtLeast: d.similarCasesAgreeAtLeast } : {}) }
    return []
  },
}
