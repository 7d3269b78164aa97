/**
 * The core's fields of a loaded rule set (`RuleSetCore`): every capability reads them. `npm run gen`
 * bundles them as one module (src/node/bundleRules.ts); each capability names its own (`fields`).
 */
import type { RuleSetCore } from './types.js'

export const CORE_FIELDS = ['bureau', 'provenance', 'fallback', 'limits', 'articles', 'sections', 'vocabularies', 'files'] as const satisfies readonly (keyof RuleSetCore)[]
