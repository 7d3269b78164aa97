/**
 * One prepared classifier per rule set (building the automaton over thousands of terms is done once,
 * not per complaint). The compiled rules give it their keywords (`scanningClassifierFor`), so a
 * complaint's text is scanned once for the category terms and the keywords.
 */
import type { RoutingRuleSet } from '../ruleSet.js'
import { createScanningClassifier, type Classifier, type ScanningClassifier } from './classify.js'

const cache = new WeakMap<object, ScanningClassifier>()

export function classifierFor(ruleSet: RoutingRuleSet): Classifier {
  let prepared = cache.get(ruleSet)
  if (!prepared) {
    prepared = createScanningClassifier(ruleSet.categories, [])
    cache.set(ruleSet, prepared)
  }
  return prepared.classify
}

/** The rule set's classifier, scanning for `keywords` too (made again when they are not those it has). */
export function scanningClassifierFor(ruleSet: RoutingRuleSet, keywords: readonly string[]): ScanningClassifier {
  let prepared = cache.get(ruleSet)
  if (!prepared || !sameList(prepared.keywords, keywords)) {
    prepared = createScanningClassifier(ruleSet.categories, keywords)
    cache.set(ruleSet, prepared)
  }
  return prepared
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
