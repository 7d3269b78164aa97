/**
 * The shipped model (rules/learned/routing-model.yaml) is trained on the rules folder's current scenarios
 * (frozen ones dropped first): run `npm run train` when this fails (like test/generated.test.ts and `npm run gen`).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { trainingRows } from '../src/routing/learned/trainingRows.js'
import { RULES_DIR } from './fixtures.js'

test('the bundled routing model is not stale (run `npm run train` when this fails)', async () => {
  const ruleSet = await loadRuleSet(RULES_DIR)
  const file = readFileSync(join(RULES_DIR, 'learned', 'routing-model.yaml'), 'utf8')
  expect(file.includes(`rowsHash: ${trainingRows(ruleSet).hash}`), 'rules/learned/routing-model.yaml is stale: run `npm run train`').toBe(true)
})
