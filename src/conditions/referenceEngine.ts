/**
 * json-rules-engine itself, the reference evaluator: conditions run through it so its documentation
 * applies word for word, with our text operators from the operator table.
 */
import { Engine, Rule } from 'json-rules-engine'
import type { ConditionNode } from './schema.js'
import { applyOperator, type VocabularyLookup } from './evaluate.js'
import { TEXT_OPERATORS } from './operators.js'

export type Evaluator = (facts: Record<string, unknown>) => Promise<Set<string>>

/** A json-rules-engine `Engine` over `rules`, with our text operators; reusable across runs. */
export function createConditionEvaluator(rules: readonly { id: string; when: ConditionNode }[], vocab: VocabularyLookup): Evaluator {
  const engine = new Engine([], { allowUndefinedFacts: true })
  for (const name of TEXT_OPERATORS) {
    engine.addOperator(name, (factValue: unknown, value: unknown) => applyOperator(name, factValue, value, vocab))
  }
  for (const rule of rules) {
    engine.addRule(
      new Rule({
        name: rule.id,
        // json-rules-engine keeps and decorates the conditions it is given; give it a copy.
        conditions: structuredClone(rule.when) as never,
        event: { type: 'fired', params: { id: rule.id } },
      }),
    )
  }
  return async (facts) => {
    const { results } = await engine.run({ ...facts })
    return new Set(results.map((r) => String(r.name)))
  }
}

