import { describe, expect, test } from 'vitest'
import type { ConditionNode } from '../conditions/schema.js'
import { explainCondition, type ConditionTrace } from '../conditions/evaluate.js'
import { vocabularyLookup } from '../conditions/operators.js'
import { parseRuleSetOrThrow } from '../capabilities.js'
import { baseFiles } from '../../test/fixtures.js'
import { validateComplaint } from './routeComplaint.js'
import { deriveFacts } from './deriveFacts.js'
import { explainingEvaluation, referenceEvaluation, stageRules, type Stage } from './evaluation.js'

const ruleSet = parseRuleSetOrThrow(await baseFiles())
const stages: Stage[] = ['intake', 'screening', 'routing']
const complaint = validateComplaint({ kind: 'complaint', receivedOn: '2026-03-02', text: '菜市场的摊位缺斤少两' }, ruleSet)
const { facts } = deriveFacts(complaint, ruleSet)

describe('the explaining evaluation', () => {
  test('with a tracer, evaluates every rule once, up front, in stage order, and the tracer sees each root last', () => {
    const seen: { node: ConditionNode; trace: ConditionTrace }[] = []
    const evaluation = explainingEvaluation(ruleSet, facts, { tracer: (node, trace) => seen.push({ node, trace }) })
    const rules = stageRules(ruleSet)
    const roots = stages.flatMap((stage) => rules[stage].map((rule) => rule.when))
    expect(seen.filter((s) => roots.includes(s.node)).map((s) => s.node)).toEqual(roots)
    const count = seen.length
    for (const stage of stages) {
      rules[stage].forEach((rule, index) => {
        const trace = evaluation.explain(stage, index)
        expect(trace).toBe(seen.find((s) => s.node === rule.when)!.trace) // the trace the tracer saw, not a second evaluation
        expect(trace).toEqual(explainCondition(rule.when, facts, vocabularyLookup(ruleSet.vocabularies)))
        expect(evaluation.fired(stage, index)).toBe(trace.result)
      })
    }
    expect(seen.length).toBe(count)
  })

  test('without a tracer it evaluates only what is asked; the reference evaluation takes json-rules-engine\'s hits', () => {
    const fired = new Set(stages.flatMap((stage) => stageRules(ruleSet)[stage].filter((_, i) => explainingEvaluation(ruleSet, facts).fired(stage, i)).map((r) => r.id)))
    expect(fired.size).toBeGreaterThan(0)
    const reference = referenceEvaluation(ruleSet, facts, fired)
    const explaining = explainingEvaluation(ruleSet, facts)
    for (const stage of stages) {
      stageRules(ruleSet)[stage].forEach((_, index) => {
        expect(reference.fired(stage, index)).toBe(explaining.fired(stage, index))
        expect(reference.evidence(stage, index)).toEqual(explaining.evidence(stage, index))
      })
    }
  })
})
