import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { explainCondition } from '../routing/explainCondition.js'
import type { ConditionNode } from '../ruleset/schemas.js'
import { AvoidDifference, AvoidIndex, buildText, contradiction, implies, termsOf, type Term } from './keywordTerms.js'

// A tiny alphabet, so that random conditions and texts overlap often, with keywords inside keywords.
const KEYWORDS = ['甲', '乙', '丙', '甲乙', '丁丙']
const VOCAB: Record<string, string[]> = { 表一: ['甲', '丁丙'], 表二: ['乙', '甲乙'] }
const vocab = (name: string) => VOCAB[name]

const keywordList = fc.oneof(fc.constantFrom('表一', '表二'), fc.uniqueArray(fc.constantFrom(...KEYWORDS), { minLength: 1, maxLength: 3 }))
const leaf: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record({ fact: fc.constant('text'), operator: fc.constantFrom('containsAny', 'notContainsAny'), value: keywordList }),
  fc.record({ fact: fc.constant('kind'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom('complaint', 'report') }),
)
const { condition } = fc.letrec<{ condition: ConditionNode }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}))
const text = fc.array(fc.constantFrom('甲', '乙', '丙', '丁', '戊', '、'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''))
const kind = fc.constantFrom('complaint', 'report', 'inquiry')

function satisfies(term: Term, facts: { text: string; kind: string }): boolean {
  return (
    term.require.every((g) => g.keywords.some((k) => facts.text.includes(k))) &&
    term.forbid.every((g) => !g.keywords.some((k) => facts.text.includes(k))) &&
    term.facts.every((l) => explainCondition(l.leaf, facts, vocab).result === l.positive)
  )
}

describe('keyword terms', () => {
  test('the terms hold exactly when the condition does (json-rules-engine semantics via explainCondition)', () => {
    fc.assert(
      fc.property(condition, text, kind, (c, t, k) => {
        const { terms, complete } = termsOf(c, vocab)
        fc.pre(complete)
        expect(terms.some((term) => satisfies(term, { text: t, kind: k }))).toBe(explainCondition(c, { text: t, kind: k }, vocab).result)
      }),
      { numRuns: 500 },
    )
  })

  test('a text built for a term satisfies the term', () => {
    fc.assert(
      fc.property(condition, fc.array(fc.constantFrom(...KEYWORDS)), fc.nat(3), (c, avoid, skip) => {
        for (const term of termsOf(c, vocab).terms) {
          const built = buildText(term.require, term.forbid.flatMap((g) => g.keywords), avoid, skip)
          if (built === undefined) continue
          expect(term.require.every((g) => g.keywords.some((k) => built.includes(k)))).toBe(true)
          expect(term.forbid.every((g) => !g.keywords.some((k) => built.includes(k)))).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('a contradictory term is satisfied by no text', () => {
    fc.assert(
      fc.property(condition, text, kind, (c, t, k) => {
        for (const term of termsOf(c, vocab).terms) if (contradiction(term)) expect(satisfies(term, { text: t, kind: k })).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  test('implies is sound: whatever satisfies t satisfies h', () => {
    fc.assert(
      fc.property(condition, condition, text, kind, (a, b, t, k) => {
        const facts = { text: t, kind: k }
        for (const ta of termsOf(a, vocab).terms)
          for (const hb of termsOf(b, vocab).terms) if (implies(ta, hb) && satisfies(ta, facts)) expect(satisfies(hb, facts)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  test('examples: keywords inside keywords', () => {
    const t = termsOf({ all: [{ fact: 'text', operator: 'containsAny', value: ['甲乙'] }] }, vocab).terms[0]!
    const h = termsOf({ all: [{ fact: 'text', operator: 'containsAny', value: ['乙'] }] }, vocab).terms[0]!
    expect(implies(t, h)).toBe(true)
    expect(implies(h, t)).toBe(false)
    const never = termsOf({ all: [{ fact: 'text', operator: 'containsAny', value: '表二' }, { fact: 'text', operator: 'notContainsAny', value: ['乙'] }] }, vocab).terms[0]!
    expect(contradiction(never)).toMatch(/表二/)
    expect(contradiction(termsOf({ all: [{ fact: 'kind', operator: 'equal', value: 'report' }] }, vocab).terms[0]!, ['complaint'])).toMatch(/kind/)
    expect(buildText(t.require, [], [])).toBe('甲乙')
  })
})

describe('AvoidIndex and AvoidDifference count what a pass over the words counts', () => {
  // Short words over three characters: containment both ways, repeats and equal words all occur.
  const word = fc.string({ unit: fc.constantFrom('甲', '乙', '丙'), minLength: 1, maxLength: 4 })
  const naive = (avoid: readonly string[], k: string) => avoid.filter((a) => k.includes(a) || a.includes(k)).length

  test('an index scores a keyword as the number of words it contains or is contained in', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), word, (avoid, k) => {
        expect(new AvoidIndex(avoid).score(k)).toBe(naive(avoid, k))
      }),
    )
  })

  test('the whole less its parts scores as an index of what remains', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 4 }), word, (rest, a, b, k) => {
        const all = new AvoidIndex([...a, ...rest, ...b])
        expect(new AvoidDifference(all, [new AvoidIndex(a), new AvoidIndex(b)]).score(k)).toBe(naive(rest, k))
      }),
    )
  })

  test('buildText gives the same text with a list or its index', () => {
    const require = [{ label: '表一', keywords: ['甲', '丁丙'] }, { label: '表二', keywords: ['乙', '甲乙'] }]
    const avoid = ['甲', '丙丁']
    for (const skip of [0, 1]) expect(buildText(require, [], new AvoidIndex(avoid), skip)).toBe(buildText(require, [], avoid, skip))
  })
})

describe('a vocabulary with only together entries (no keywords) can still hold', () => {
  const lookup = Object.assign((name: string) => ({ 一起: [] as string[], 排除: ['烟花'], 别的: ['水泥'] })[name], {
    together: (name: string) => (name === '一起' ? [{ terms: ['烟花', '加油站'], within: 20 as const, label: '烟花…加油站' }] : undefined),
  })
  const termOf = (when: ConditionNode) => termsOf(when, lookup as never).terms[0]!
  test('not "every keyword excluded" when its together entry is usable', () => {
    expect(contradiction(termOf({ all: [{ fact: 'text', operator: 'containsAny', value: '一起' }] }))).toBeUndefined()
    expect(contradiction(termOf({ all: [{ fact: 'text', operator: 'containsAny', value: '一起' }, { fact: 'text', operator: 'notContainsAny', value: '别的' }] }))).toBeUndefined()
  })
  test('excluded when every together entry holds a forbidden word', () => {
    expect(contradiction(termOf({ all: [{ fact: 'text', operator: 'containsAny', value: '一起' }, { fact: 'text', operator: 'notContainsAny', value: '排除' }] }))).toMatch(/每个词都被排除了/)
  })
})
