/**
 * The core's fields of a loaded rule set (`RuleSetCore`): every capability reads them. `npm run gen`
 * bundles them as one module (src/node/bundleRules.ts); each capability names its own (`fields`).
 */
import type { RuleSetCore } from './types.js'

export const CORE_FIELDS = ['bureau', 'provenance', 'fallback', 'limits', 'articles', 'sections', 'vocabularies', 'variants', 'files'] as const satisfies readonly (keyof RuleSetCore)[]

/**
 * Parts of the core no capability reads at run time (notes, titles and positions for people and for
 * analysis): `npm run gen` bundles them apart, like a capability's `omitAtRuntime`, and
 * `defaultRuleSet()` puts them back. Paths as there (`*`: every value of a record).
 */
export const CORE_OMIT_AT_RUNTIME: readonly string[] = [
  'articles.*.note',
  'articles.*.at',
  'articles.*.docTitle',
  'articles.*.chapter',
  'articles.*.section',
  // whether a duty routes (`routing`) and what a meeting check reads into it (`check`): for analysis
  'articles.*.items.*.routing',
  'articles.*.items.*.check',
  // the list of rule files and their kinds: for analysis and the tools
  'files',
  'vocabularies.*.description',
  'vocabularies.*.at',
]
