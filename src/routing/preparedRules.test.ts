/**
 * `copyCitation` is `{ ...citation }` — same keys, same order, same values — for every citation the
 * shipped rules resolve (rules, fallback, categories).
 */
import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from '../engine/defaultRuleSet.js'
import { resolveCitation } from '../ruleset/citations.js'
import { copyCitation, PreparedRules, type ResolvedCite } from './preparedRules.js'
import type { SectionId } from '../sections.js'

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

describe('PreparedRules', () => {
  const ruleSet = defaultRuleSet()
  const prepared = new PreparedRules(ruleSet)

  it('sortBySectionSeq gives the order sort(bySectionSeq) gives, ties and unknown sections included', () => {
    const ids = [...(Object.keys(ruleSet.sections) as SectionId[]), 'no-such-section' as SectionId, 'another-unknown' as SectionId]
    // Every ordered pair and triple of the ids (a decision has a few assisting sections).
    for (const a of ids) {
      for (const b of ids) {
        const pair = [a, b]
        const expected = pair.slice().sort(prepared.bySectionSeq)
        prepared.sortBySectionSeq(pair)
        expect(pair).toEqual(expected)
        for (const c of ids.slice(0, 8)) {
          const triple = [c, a, b]
          const sorted = triple.slice().sort(prepared.bySectionSeq)
          prepared.sortBySectionSeq(triple)
          expect(triple).toEqual(sorted)
        }
      }
    }
  })

  it('citations() de-duplicates by key across and within lists, leaves out unresolvable ones, copies the rest', () => {
    const cite = (key: string, text?: string): ResolvedCite => ({ key, citation: text === undefined ? undefined : { doc: 'implementation-measures', seq: 1, printed: '第一条', text } as never })
    const a = cite('a', 'A')
    const b = cite('b', 'B')
    const none = cite('x')
    const out = prepared.citations([[a, b, a], [none, b], [cite('c', 'C'), none, cite('a', 'A2')]])
    expect(out.map((c) => c.text)).toEqual(['A', 'B', 'C'])
    expect(out[0]).not.toBe(a.citation)
    expect(prepared.citations([])).toEqual([])
  })
})
