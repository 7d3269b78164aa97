/**
 * json-rules-engine itself, the reference evaluator: conditions run through it so its documentation
 * applies word for word, with our text operators from the operator table.
 */
import type { Engine } from 'json-rules-engine'
import type { ConditionNode } from './schema.js'
import { applyOperator, type VocabularyLookup } from './evaluate.js'
import { TEXT_OPERATORS } from './operators.js'

export type Evaluator = (facts: Record<string, unknown>) => Promise<Set<string>>

/**
 * A json-rules-engine `Engine` over `rules`, with our text operators; reusable across runs.
 * json-rules-engine itself is loaded (a dynamic `import()`) and the engine built on the first run: the
 * compiled path never runs this, so an app that routes with it never loads json-rules-engine, and a
 * bundler puts the library in a chunk of its own.
 */
export function createConditionEvaluator(rules: readonly { id: string; when: ConditionNode }[], vocab: VocabularyLookup): Evaluator {
  let engine: Promise<Engine> | undefined
  return async (facts) => {
    engine ??= import('json-rules-engine').then(({ Engine, Rule }) => {
      const built = new Engine([], { allowUndefinedFacts: true })
      for (const name of TEXT_OPERATORS) {
        built.addOperator(name, (factValue: unknown, value: unknown) => applyOperator(name, factValue, value, vocab))
      }
      for (const rule of rules) {
        built.addRule(
          new Rule({
            name: rule.id,
            // json-rules-engine keeps and decorates the conditions it is given; give it a copy.
            conditions: structuredClone(rule.when) as never,
            event: { type: 'fired', params: { id: rule.id } },
          }),
        )
      }
      return built
    })
    const { results } = await (await engine).run({ ...facts })
    return new Set(results.map((r) => String(r.name)))
  }
}
