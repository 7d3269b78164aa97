/**
 * The reference evaluator: the rule set's conditions run through json-rules-engine itself, so its
 * documentation applies word for word. Returns the ids of the rules whose conditions hold.
 */
import { Engine, Rule } from 'json-rules-engine'
import type { RuleSet } from '../ruleset/types.js'
import { applyOperator } from './explainCondition.js'
import { TEXT_OPERATORS } from './facts.js'

export type Evaluator = (facts: Record<string, unknown>) => Promise<Set<string>>

export function createReferenceEvaluator(ruleSet: RuleSet): Evaluator {
  const engine = new Engine([], { allowUndefinedFacts: true })
  const vocab = (name: string) => ruleSet.vocabularies[name]?.keywords
  for (const name of TEXT_OPERATORS) {
    engine.addOperator(name, (factValue: unknown, value: unknown) => applyOperator(name, factValue, value, vocab))
  }
  const all = [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules]
  for (const rule of all) {
    engine.addRule(
      new Rule({
        name: rule.id,
        // json-rules-engine copies conditions; give it a deep copy so our rule set stays untouched.
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
