/**
 * What an evaluator tells the decider about one complaint (`Evaluation`), and the explaining evaluation:
 * the ground-floor evaluator (`explainCondition`, src/conditions/evaluate.ts) over a routing rule set.
 * The reference path explains json-rules-engine's hits with it; the analysis routes with it and a tracer
 * (OPA's topdown tracer is the model), so coverage comes from the evaluator itself, not from a path of
 * its own.
 */
import { evidenceOf, explainCondition, type ConditionTrace, type ConditionTracer, type Facts } from '../conditions/evaluate.js'
import { vocabularyLookup } from '../conditions/operators.js'
import type { IntakeRule, RoutingRule, RoutingRuleSet, ScreeningRule } from './ruleSet.js'
import type { RuleHit } from './types.js'

export type Stage = RuleHit['stage']

export type Evidence = ReturnType<typeof evidenceOf>

/**
 * What an evaluator tells `decide` about one complaint. Rules are named by stage and index in the rule
 * set's `intakeRules`, `screeningRules` and `routingRules`.
 */
export interface Evaluation {
  /** Whether the rule's condition holds. */
  fired(stage: Stage, index: number): boolean
  /**
   * Optional, for speed: the whole stage at once, `firedAll(stage)[index] === 1` exactly when
   * `fired(stage, index)` (valid while the evaluation is).
   */
  firedAll?(stage: Stage): Uint8Array
  /**
   * Optional, for speed: how many rules of the stage fired; their indexes (order unspecified) are the
   * first that many of `firedIndexes(stage)` (valid while the evaluation is).
   */
  firedCount?(stage: Stage): number
  firedIndexes?(stage: Stage): Int32Array
  /**
   * For a fired rule: the keywords and facts that made it fire (`evidenceOf` of its trace). With
   * `offsets: false` an evaluator may leave out where each keyword is (`at`): a lean decision only counts.
   */
  evidence(stage: Stage, index: number, offsets?: boolean): Evidence
  /** Every condition's result (`explainCondition`). */
  explain(stage: Stage, index: number): ConditionTrace
}

const STAGES: readonly Stage[] = ['intake', 'screening', 'routing']

export function stageRules(ruleSet: RoutingRuleSet): Record<Stage, readonly (IntakeRule | ScreeningRule | RoutingRule)[]> {
  return { intake: ruleSet.intakeRules, screening: ruleSet.screeningRules, routing: ruleSet.routingRules }
}

export interface ExplainingOptions {
  /** The rules that fired, by id, when another evaluator decided that (json-rules-engine). */
  fired?: ReadonlySet<string>
  /**
   * Sees every node of every rule's condition, children before their parent (see `ConditionTracer`).
   * With a tracer every rule is evaluated up front, in stage order, whether or not the decider asks
   * about it (a rule out of force, of another kind of complaint).
   */
  tracer?: ConditionTracer
}

/**
 * Evaluates a rule set's conditions for one complaint's facts with the ground-floor evaluator, each rule
 * at most once. Without `fired`, a rule fired when its trace is true.
 */
export function explainingEvaluation(ruleSet: RoutingRuleSet, facts: Facts, options: ExplainingOptions = {}): Evaluation {
  const { fired, tracer } = options
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const rules = stageRules(ruleSet)
  const traces: Record<Stage, (ConditionTrace | undefined)[]> = { intake: [], screening: [], routing: [] }
  const explain = (stage: Stage, index: number) => (traces[stage][index] ??= explainCondition(rules[stage][index]!.when, facts, vocab, tracer))
  if (tracer) for (const stage of STAGES) for (let index = 0; index < rules[stage].length; index++) explain(stage, index)
  return {
    fired: fired ? (stage, index) => fired.has(rules[stage][index]!.id) : (stage, index) => explain(stage, index).result,
    evidence: (stage, index) => evidenceOf(explain(stage, index)),
    explain,
  }
}

/** The reference evaluation: a set of fired rule ids (from json-rules-engine), evidence from explainCondition. */
export function referenceEvaluation(ruleSet: RoutingRuleSet, facts: Facts, fired: ReadonlySet<string>): Evaluation {
  return explainingEvaluation(ruleSet, facts, { fired })
}
