/**
 * `copyCitation` is `{ ...citation }` — same keys, same order, same values — for every citation the
 * shipped rules resolve (rules, fallback, categories).
 */
import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from '../engine/defaultRuleSet.js'
import { resolveCitation } from '../ruleset/citations.js'
import { copyCitation } from './preparedRules.js'

describe('copyCitation', () => {
  it('equals the spread of every shipped citation, key order included', () => {
    const ruleSet = defaultRuleSet()
    const refs = [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules].flatMap((rule) => rule.cites)
    refs.push(...ruleSet.fallback.cites, ...(ruleSet.categories?.categories ?? []).flatMap((c) => c.cites))
    const shapes = new Set<string>()
    for (const ref of refs) {
      const citation = resolveCitation(ruleSet, ref)
      if (!citation) continue
      const copy = copyCitation(citation)
      expect(copy).not.toBe(citation)
      expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...citation }))
      expect(Object.keys(copy)).toEqual(Object.keys(citation))
      shapes.add(Object.keys(copy).join())
    }
    expect(shapes.size).toBe(3)
  })
})
