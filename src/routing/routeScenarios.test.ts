import { describe, expect, test } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { compareExpectation } from './routeScenarios.js'
import type { RoutingDecision } from './types.js'

const engine = createEngine()
const decision = engine.routeComplaintSync({ kind: 'complaint', receivedOn: '2026-05-06', text: '饭店的秤不准，缺斤少两', respondent: { name: '某饭店', county: 'XX县' } })
const scenario = (expect: Record<string, unknown>) => ({ name: 's', input: {}, expect, at: { file: 'tests/x.test.yaml', line: 1, col: 1 } }) as never

describe('confidenceAtLeast', () => {
  test('passes at or above the level, fails below it with the level in the message', () => {
    const at = (confidence: RoutingDecision['confidence']) => ({ ...decision, confidence })
    expect(compareExpectation(scenario({ confidenceAtLeast: 'medium' }), at('high'), undefined)).toEqual([])
    expect(compareExpectation(scenario({ confidenceAtLeast: 'medium' }), at('medium'), undefined)).toEqual([])
    expect(compareExpectation(scenario({ confidenceAtLeast: 'medium' }), at('low'), undefined)).toEqual(['confidence: 期望至少 medium，实际 low'])
    expect(compareExpectation(scenario({ confidenceAtLeast: 'high' }), at('medium'), undefined)).toEqual(['confidence: 期望至少 high，实际 medium'])
  })
})
