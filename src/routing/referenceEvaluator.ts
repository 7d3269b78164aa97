/**
 * The reference evaluator: conditions run through json-rules-engine itself, so its documentation
 * applies word for word. Returns the ids of the rules whose conditions hold.
 */
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import { vocabularyLookup } from '../conditions/operators.js'

export { createConditionEvaluator, type Evaluator } from '../conditions/referenceEngine.js'
import { createConditionEvaluator, type Evaluator } from '../conditions/referenceEngine.js'

/** The routing rule set's intake, screening and routing rules on json-rules-engine. */
export function createReferenceEvaluator(ruleSet: RuleSet): Evaluator {
  return createConditionEvaluator(
    [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules],
    vocabularyLookup(ruleSet.vocabularies),
  )
}
