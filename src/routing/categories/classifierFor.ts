/**
 * One prepared classifier per rule set (building the automaton over thousands of terms is done once,
 * not per complaint).
 */
import type { RoutingRuleSet } from '../ruleSet.js'
import { createClassifier, type Classifier } from './classify.js'

const cache = new WeakMap<object, Classifier>()

export function classifierFor(ruleSet: RoutingRuleSet): Classifier {
  let classifier = cache.get(ruleSet)
  if (!classifier) {
    classifier = createClassifier(ruleSet.categories)
    cache.set(ruleSet, classifier)
  }
  return classifier
}
