/**
 * The bundled rules (`rules/` at build time). They were parsed and checked when the package was built
 * (`npm run gen`), so loading them is a few `JSON.parse`: no disk, no network, no YAML parsing.
 */
import type { RuleSet } from '../capabilities.js'
import { BUNDLED_RULE_FILES } from './bundledRuleFiles.generated.js'
import { bundledRuleSet } from './bundled/index.generated.js'

let cached: RuleSet | undefined

/** The rule set shipped with the package, whole: every capability's data and the test scenarios (assembled once, on first use). */
export function defaultRuleSet(): RuleSet {
  cached ??= bundledRuleSet()
  return cached
}

/** The texts of the bundled rule files, e.g. to show, edit or re-parse them with `parseRuleSet`. */
export function bundledRuleFiles(): readonly { path: string; text: string }[] {
  return BUNDLED_RULE_FILES
}
