/**
 * The reference evaluator: conditions run through json-rules-engine itself, so its documentation
 * applies word for word. Returns the ids of the rules whose conditions hold.
 */
import { Engine, Rule } from 'json-rules-engine'
import type { ConditionNode } from '../ruleset/schemas.js'
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import { applyOperator, type VocabularyLookup } from './explainCondition.js'
import { TEXT_OPERATORS } from './facts.js'

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

/** The routing rule set's intake, screening and routing rules on json-rules-engine. */
export function createReferenceEvaluator(ruleSet: RuleSet): Evaluator {
  return createConditionEvaluator(
    [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules],
    (name) => ruleSet.vocabularies[name]?.keywords,
  )
}
