/**
 * The one routing pipeline: validate the complaint (zod and the rule set's limits), derive the facts,
 * evaluate the rules, decide. The engine's compiled and reference paths, `routeMany` and the analysis
 * all route through it and differ only in the evaluator they give it.
 */
import type { Complaint } from './complaintInput.js'
import { createDecider, type Decider } from './decide.js'
import { referenceEvaluation, type Evaluation } from './evaluation.js'
import { deriveFacts } from './deriveFacts.js'
import type { Facts } from '../conditions/evaluate.js'
import { validateComplaint } from './routeComplaint.js'
import type { RoutingRuleSet } from './ruleSet.js'
import type { RouteOptions, RoutingDecision, RoutingWarning } from './types.js'
import type { DecisionCategory } from './categories/types.js'

/**
 * What an evaluator gives for one complaint's facts: an `Evaluation` (the compiled closures; the
 * explaining evaluation the analysis traces), or the ids of the rules whose conditions hold
 * (json-rules-engine).
 */
export type Evaluated = Evaluation | ReadonlySet<string>

export type RuleEvaluator = (facts: Facts) => Evaluated
export type AsyncRuleEvaluator = (facts: Facts) => Promise<Evaluated>

export interface RouterOptions {
  /** The decider with the rule set's prepared lookups (one is made when not given). */
  decider?: Decider
  /** Sees each validated complaint and its facts (the analysis keeps them). */
  observe?: (complaint: Complaint, facts: Facts) => void
}

export interface Router<D> {
  /** @throws XiaobaoError (`invalid_input`, `input_too_large`) for bad input — synchronously, even when `D` is a promise. */
  route(input: unknown, options?: RouteOptions): D
}

export function createRouter(ruleSet: RoutingRuleSet, evaluator: RuleEvaluator, options?: RouterOptions): Router<RoutingDecision>
export function createRouter(ruleSet: RoutingRuleSet, evaluator: AsyncRuleEvaluator, options?: RouterOptions): Router<Promise<RoutingDecision>>
export function createRouter(ruleSet: RoutingRuleSet, evaluator: (facts: Facts) => Evaluated | Promise<Evaluated>, options: RouterOptions = {}): Router<RoutingDecision | Promise<RoutingDecision>> {
  const decider = options.decider ?? createDecider(ruleSet)
  return {
    route(input, routeOptions) {
      const complaint = validateComplaint(input, ruleSet)
      const { facts, warnings, category } = deriveFacts(complaint, ruleSet)
      options.observe?.(complaint, facts)
      const evaluated = evaluator(facts)
      // The synchronous (compiled) path makes no closure per complaint.
      if (!(evaluated instanceof Promise)) return decideWith(ruleSet, decider, complaint, facts, category, evaluated, warnings, routeOptions)
      return evaluated.then((done) => decideWith(ruleSet, decider, complaint, facts, category, done, warnings, routeOptions))
    },
  }
}

function decideWith(
  ruleSet: RoutingRuleSet,
  decider: Decider,
  complaint: Complaint,
  facts: Facts,
  category: DecisionCategory,
  evaluated: Evaluated,
  warnings: RoutingWarning[],
  routeOptions: RouteOptions | undefined,
): RoutingDecision {
  return decider(complaint, facts, category, 'evidence' in evaluated ? evaluated : referenceEvaluation(ruleSet, facts, evaluated), warnings, routeOptions)
}

/**
 * Routes with an evaluator that returns the set of fired rule ids (json-rules-engine, the reference).
 * Pass the engine's `decider` to reuse its prepared citations.
 */
export async function routeWith(
  ruleSet: RoutingRuleSet,
  evaluate: (facts: Record<string, unknown>) => Promise<Set<string>> | Set<string>,
  input: unknown,
  options: RouteOptions = {},
  decider: Decider = createDecider(ruleSet),
): Promise<RoutingDecision> {
  return createRouter(ruleSet, async (facts) => evaluate(facts), { decider }).route(input, options)
}
