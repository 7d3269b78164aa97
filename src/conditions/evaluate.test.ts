import fc from 'fast-check'
import { Engine } from 'json-rules-engine'
import { describe, expect, test } from 'vitest'
import type { ConditionNode } from './schema.js'
import { applyOperator, evidenceOf, explainCondition, matchKeywords } from './evaluate.js'
import { BUILTIN_OPERATORS } from './operators.js'

const vocab = (name: string) => (({ 计量: ['缺斤少两', '电子秤'], 食品: ['牛奶'] }) as Record<string, string[]>)[name]

describe('text operators', () => {
  test('containsAny with a vocabulary name or an inline list', () => {
    expect(applyOperator('containsAny', '超市电子秤不准', '计量', vocab)).toBe(true)
    expect(applyOperator('containsAny', '超市电子秤不准', ['电子秤'], vocab)).toBe(true)
    expect(applyOperator('containsAny', '牛奶过期', '计量', vocab)).toBe(false)
    expect(matchKeywords('电子秤缺斤少两', '计量', vocab)).toEqual({ vocabulary: '计量', keywords: ['缺斤少两', '电子秤'], at: [3, 0] })
  })
  test('notContainsAny is the negation on text, and false on a non-text fact', () => {
    expect(applyOperator('notContainsAny', '牛奶过期', '计量', vocab)).toBe(true)
    expect(applyOperator('notContainsAny', '电子秤', '计量', vocab)).toBe(false)
    expect(applyOperator('notContainsAny', undefined, '计量', vocab)).toBe(false)
    expect(applyOperator('containsAny', undefined, '计量', vocab)).toBe(false)
  })
})

describe('explainCondition', () => {
  test('gives a result for every condition, with no short-circuit', () => {
    const node: ConditionNode = { any: [{ fact: 'text', operator: 'containsAny', value: '食品' }, { fact: 'kind', operator: 'equal', value: 'report' }] }
    const trace = explainCondition(node, { text: '牛奶', kind: 'report' }, vocab)
    expect(trace.children?.map((c) => c.result)).toEqual([true, true])
    expect(evidenceOf(trace)).toEqual({ keywords: [{ vocabulary: '食品', keywords: ['牛奶'], at: [0] }], facts: [{ fact: 'kind', operator: 'equal', value: 'report', actual: 'report' }] })
  })
  test('path and fact references resolve like json-rules-engine', () => {
    const node: ConditionNode = { all: [{ fact: 'respondent', path: '$.county', operator: 'notEqual', value: { fact: 'ownCounty' } }] }
    expect(explainCondition(node, { respondent: { county: '邻县' }, ownCounty: 'XX县' }, vocab).result).toBe(true)
    expect(explainCondition(node, { respondent: { county: 'XX县' }, ownCounty: 'XX县' }, vocab).result).toBe(false)
  })
})

describe('same results as json-rules-engine for its built-in operators (property test)', () => {
  const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b', '3', ''), fc.boolean(), fc.constant(null))
  const factValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))
  test('every operator, random facts and values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BUILTIN_OPERATORS), factValue, factValue, async (operator, fact, value) => {
        // json-rules-engine throws on `in` with a non-list value; the loader refuses such rules, so skip them.
        fc.pre(!((operator === 'in' || operator === 'notIn') && !Array.isArray(value)))
        const engine = new Engine([], { allowUndefinedFacts: true })
        engine.addRule({ conditions: { all: [{ fact: 'x', operator, value }] }, event: { type: 'hit' } })
        const { events } = await engine.run({ x: fact })
        const node: ConditionNode = { all: [{ fact: 'x', operator, value }] }
        expect(explainCondition(node, { x: fact }, vocab).result).toBe(events.length === 1)
      }),
      { numRuns: 300 },
    )
  })
})
