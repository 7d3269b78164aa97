/**
 * The bundled rules (`rules/` at build time), parsed once on first use. No disk, no network.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseRuleSet } from '../ruleset/parseRuleSet.js'
import type { RuleSet } from '../ruleset/types.js'
import { BUNDLED_RULE_FILES } from '../ruleset/bundledRules.generated.js'

let cached: RuleSet | undefined

/** The rule set shipped with the package. */
export function defaultRuleSet(): RuleSet {
  if (!cached) {
    const result = parseRuleSet(BUNDLED_RULE_FILES)
    if (!result.ok) throw new XiaobaoError(result.issues)
    cached = result.value
  }
  return cached
}

/** The texts of the bundled rule files, e.g. to show or analyse them. */
export function bundledRuleFiles(): readonly { path: string; text: string }[] {
  return BUNDLED_RULE_FILES
}
