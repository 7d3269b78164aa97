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
    // Every setting the schema knows, so a new one cannot be dropped here (similarCasesAgreeAtLeast once was).
    const { kind: _kind, note: _note, ...settings } = d
    ruleSet.confidence = settings
    return []
  },
}
